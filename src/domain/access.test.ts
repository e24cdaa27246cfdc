import { describe, expect, it } from "vitest";
import {
  auditScopes,
  can,
  canCreateUnitUnder,
  canCreateUsers,
  canEditUnit,
  canMoveUnit,
  canReadAudit,
  type Principal,
  rolesOn,
} from "./access.ts";

const region = "/1/2/";
const trust = "/1/2/7/";
const hospital = "/1/2/7/15/";
const otherTrust = "/1/2/8/";
const otherRegion = "/1/3/";

function principal(assignments: Principal["assignments"], isSystemAdmin = false): Principal {
  return { userId: 42, isSystemAdmin, assignments };
}

describe("roles are inherited down the tree", () => {
  const regionAdmin = principal([{ unitPath: region, role: "admin" }]);

  it("applies a role on a unit to the unit and all below it", () => {
    expect(rolesOn(regionAdmin, region)).toEqual(new Set(["admin"]));
    expect(rolesOn(regionAdmin, hospital)).toEqual(new Set(["admin"]));
  });

  it("does not apply upwards or sideways", () => {
    expect(rolesOn(regionAdmin, "/1/").size).toBe(0);
    expect(rolesOn(regionAdmin, otherRegion).size).toBe(0);
  });

  it("does not confuse a unit with another whose id starts with the same digits", () => {
    const admin12 = principal([{ unitPath: "/1/12/", role: "admin" }]);
    expect(canEditUnit(admin12, "/1/1/")).toBe(false);
    expect(canEditUnit(admin12, "/1/123/")).toBe(false);
    expect(canEditUnit(admin12, "/1/12/5/")).toBe(true);
  });

  it("combines roles from several assignments", () => {
    const both = principal([
      { unitPath: region, role: "reader" },
      { unitPath: trust, role: "editor" },
    ]);
    expect(rolesOn(both, hospital)).toEqual(new Set(["reader", "editor"]));
    expect(rolesOn(both, otherTrust)).toEqual(new Set(["reader"]));
  });
});

describe("what each role may do", () => {
  it("lets readers read and nothing else", () => {
    const reader = principal([{ unitPath: region, role: "reader" }]);
    expect(can(reader, "read_reports", trust)).toBe(true);
    expect(can(reader, "write_reports", trust)).toBe(false);
    expect(can(reader, "approve_reports", trust)).toBe(false);
    expect(canEditUnit(reader, trust)).toBe(false);
    expect(canCreateUnitUnder(reader, trust)).toBe(false);
    expect(canReadAudit(reader, trust)).toBe(false);
  });

  it("keeps writing and approving apart", () => {
    const editor = principal([{ unitPath: trust, role: "editor" }]);
    const approver = principal([{ unitPath: trust, role: "approver" }]);
    expect(can(editor, "write_reports", trust)).toBe(true);
    expect(can(editor, "approve_reports", trust)).toBe(false);
    expect(can(approver, "approve_reports", hospital)).toBe(true);
    expect(can(approver, "write_reports", trust)).toBe(false);
  });

  it("lets an admin manage units below and including their own", () => {
    const admin = principal([{ unitPath: trust, role: "admin" }]);
    expect(canCreateUnitUnder(admin, trust)).toBe(true);
    expect(canCreateUnitUnder(admin, hospital)).toBe(true);
    expect(canCreateUnitUnder(admin, region)).toBe(false);
    expect(canCreateUnitUnder(admin, null)).toBe(false);
  });

  it("needs admin on both ends of a move", () => {
    const admin = principal([{ unitPath: trust, role: "admin" }]);
    expect(canMoveUnit(admin, hospital, trust)).toBe(true);
    expect(canMoveUnit(admin, hospital, otherTrust)).toBe(false);
    const twoTrusts = principal([
      { unitPath: trust, role: "admin" },
      { unitPath: otherTrust, role: "admin" },
    ]);
    expect(canMoveUnit(twoTrusts, hospital, otherTrust)).toBe(true);
  });

  it("gives a system administrator everything, including top-level units", () => {
    const root = principal([], true);
    expect(canCreateUnitUnder(root, null)).toBe(true);
    expect(canReadAudit(root, otherRegion)).toBe(true);
    expect(auditScopes(root)).toBeNull();
  });

  it("limits the audit trail to the admin's subtrees", () => {
    const admin = principal([
      { unitPath: trust, role: "admin" },
      { unitPath: otherRegion, role: "reader" },
    ]);
    expect(auditScopes(admin)).toEqual([trust]);
    expect(auditScopes(principal([{ unitPath: trust, role: "editor" }]))).toEqual([]);
  });

  it("lets only administrators create users", () => {
    expect(canCreateUsers(principal([{ unitPath: trust, role: "admin" }]))).toBe(true);
    expect(canCreateUsers(principal([{ unitPath: trust, role: "approver" }]))).toBe(false);
  });
});
