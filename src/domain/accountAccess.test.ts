import { describe, expect, it } from "vitest";
import {
  allowsSomewhere,
  canCreateSystemAdministrators,
  canImportFor,
  canManageAccount,
  canManageIndicators,
  type Principal,
} from "./access.ts";

const region = "/1/2/";
const trust = "/1/2/7/";
const otherTrust = "/1/2/8/";
const otherRegion = "/1/3/";

function principal(assignments: Principal["assignments"], isSystemAdmin = false): Principal {
  return { userId: 42, isSystemAdmin, assignments };
}

const account = (unitPaths: string[], options: { userId?: number; isSystemAdmin?: boolean } = {}) => ({
  userId: options.userId ?? 7,
  isSystemAdmin: options.isSystemAdmin ?? false,
  unitPaths,
});

describe("canManageAccount (reset a password, deactivate, reactivate)", () => {
  const regionAdmin = principal([{ unitPath: region, role: "admin" }]);

  it("lets a unit administrator manage a user whose every role lies in their units", () => {
    expect(canManageAccount(regionAdmin, account([trust]))).toBe(true);
    expect(canManageAccount(regionAdmin, account([region, trust, otherTrust]))).toBe(true);
  });

  it("refuses when one of the user's roles lies outside the administrator's units", () => {
    expect(canManageAccount(regionAdmin, account([trust, otherRegion]))).toBe(false);
    const trustAdmin = principal([{ unitPath: trust, role: "admin" }]);
    expect(canManageAccount(trustAdmin, account([region]))).toBe(false);
  });

  it("refuses a user with no role at all, whom any administrator could otherwise take over", () => {
    expect(canManageAccount(regionAdmin, account([]))).toBe(false);
  });

  it("refuses a system administrator's account to a unit administrator", () => {
    expect(canManageAccount(regionAdmin, account([trust], { isSystemAdmin: true }))).toBe(false);
  });

  it("lets a system administrator manage anyone else, role-less and system administrators too", () => {
    const systemAdmin = principal([], true);
    expect(canManageAccount(systemAdmin, account([]))).toBe(true);
    expect(canManageAccount(systemAdmin, account([otherRegion], { isSystemAdmin: true }))).toBe(true);
  });

  it("never lets anyone manage their own account here", () => {
    expect(canManageAccount(principal([], true), account([], { userId: 42 }))).toBe(false);
    expect(canManageAccount(regionAdmin, account([trust], { userId: 42 }))).toBe(false);
  });

  it("gives editors, approvers and readers no say over accounts", () => {
    for (const role of ["editor", "approver", "reader"] as const) {
      expect(canManageAccount(principal([{ unitPath: region, role }]), account([trust]))).toBe(false);
    }
  });
});

describe("allowsSomewhere (menus and 'new' buttons)", () => {
  it("asks the rule of every unit where the principal holds a role", () => {
    const editor = principal([
      { unitPath: trust, role: "reader" },
      { unitPath: otherTrust, role: "editor" },
    ]);
    const importRule = (path: string) => canImportFor(editor, path);
    expect(allowsSomewhere(editor, importRule)).toBe(true);
    const reader = principal([{ unitPath: trust, role: "reader" }]);
    expect(allowsSomewhere(reader, (path) => canImportFor(reader, path))).toBe(false);
  });

  it("is false for a principal without roles and true for a system administrator", () => {
    const nobody = principal([]);
    expect(allowsSomewhere(nobody, () => true)).toBe(false);
    const systemAdmin = principal([], true);
    expect(allowsSomewhere(systemAdmin, (path) => canManageIndicators(systemAdmin, path))).toBe(true);
  });
});

describe("canCreateSystemAdministrators", () => {
  it("is for system administrators only, whatever roles others hold", () => {
    expect(canCreateSystemAdministrators(principal([], true))).toBe(true);
    expect(canCreateSystemAdministrators(principal([{ unitPath: "/1/", role: "admin" }]))).toBe(false);
  });
});
