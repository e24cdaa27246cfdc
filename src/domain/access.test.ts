import { describe, expect, it } from "vitest";
import {
  auditScopes,
  can,
  canApproveAnswer,
  canConsolidate,
  canCreateUnitUnder,
  canCreateUsers,
  canEditTemplates,
  canEditUnit,
  canGenerateDocuments,
  canImportFor,
  canManageDocument,
  canManageIndicators,
  canManageRounds,
  canManageTarget,
  canMoveUnit,
  canPublishDocument,
  canPublishScorecard,
  canReadAnswers,
  canReadAudit,
  canReadBoardDocuments,
  canReadDocument,
  canReadIndicatorCatalogue,
  canReadScorecard,
  canReturnAnswer,
  canWriteAnswer,
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

describe("indicators, targets, measurements and scorecards", () => {
  const regionAdmin = principal([{ unitPath: region, role: "admin" }]);
  const trustAdmin = principal([{ unitPath: trust, role: "admin" }]);
  const trustEditor = principal([{ unitPath: trust, role: "editor" }]);
  const trustApprover = principal([{ unitPath: trust, role: "approver" }]);
  const regionReader = principal([{ unitPath: region, role: "reader" }]);
  const root = principal([], true);

  it("shows the catalogue to every signed-in user", () => {
    expect(canReadIndicatorCatalogue(regionReader)).toBe(true);
    expect(canReadIndicatorCatalogue({ userId: 0, isSystemAdmin: false, assignments: [] })).toBe(false);
  });

  it("leaves organisation-wide indicators to system administrators", () => {
    expect(canManageIndicators(root, null)).toBe(true);
    expect(canManageIndicators(regionAdmin, null)).toBe(false);
  });

  it("lets administrators of the owning unit, or above it, manage a unit's indicators", () => {
    expect(canManageIndicators(regionAdmin, region)).toBe(true);
    expect(canManageIndicators(regionAdmin, trust)).toBe(true);
    expect(canManageIndicators(trustAdmin, region)).toBe(false);
    expect(canManageIndicators(trustEditor, trust)).toBe(false);
    expect(canManageIndicators(regionReader, region)).toBe(false);
  });

  it("sets a unit's target from above, never by the unit's own administrator", () => {
    // A region-owned indicator: the region's admin sets every target on it.
    expect(canManageTarget(regionAdmin, region, region)).toBe(true);
    // An organisation-wide indicator: the region's admin sets its trusts' targets (parent = region)...
    expect(canManageTarget(regionAdmin, null, region)).toBe(true);
    // ...but not the general target, nor its own (its parent is above it).
    expect(canManageTarget(regionAdmin, null, null)).toBe(false);
    expect(canManageTarget(regionAdmin, null, "/1/")).toBe(false);
    // The trust's admin sets its hospitals' targets, not the trust's own.
    expect(canManageTarget(trustAdmin, null, trust)).toBe(true);
    expect(canManageTarget(trustAdmin, null, region)).toBe(false);
    expect(canManageTarget(trustEditor, null, trust)).toBe(false);
  });

  it("lets editors import for their units only", () => {
    expect(canImportFor(trustEditor, hospital)).toBe(true);
    expect(canImportFor(trustEditor, otherTrust)).toBe(false);
    expect(canImportFor(regionReader, trust)).toBe(false);
    expect(canImportFor(trustApprover, trust)).toBe(false);
    expect(canImportFor(root, otherRegion)).toBe(true);
  });

  it("lets readers read scorecards, and approvers and admins publish them", () => {
    expect(canReadScorecard(regionReader, hospital)).toBe(true);
    expect(canReadScorecard(trustEditor, region)).toBe(false);
    expect(canPublishScorecard(regionReader, trust)).toBe(false);
    expect(canPublishScorecard(trustEditor, trust)).toBe(false);
    expect(canPublishScorecard(trustApprover, trust)).toBe(true);
    expect(canPublishScorecard(trustAdmin, hospital)).toBe(true);
    expect(canPublishScorecard(trustAdmin, region)).toBe(false);
  });
});

describe("steering documents, rounds and answers", () => {
  const regionAdmin = principal([{ unitPath: region, role: "admin" }]);
  const regionEditor = principal([{ unitPath: region, role: "editor" }]);
  const regionApprover = principal([{ unitPath: region, role: "approver" }]);
  const regionReader = principal([{ unitPath: region, role: "reader" }]);
  const trustEditor = principal([{ unitPath: trust, role: "editor" }]);
  const trustApprover = principal([{ unitPath: trust, role: "approver" }]);
  const trustAdmin = principal([{ unitPath: trust, role: "admin" }]);
  const trustReader = principal([{ unitPath: trust, role: "reader" }]);
  const otherTrustEditor = principal([{ unitPath: otherTrust, role: "editor" }]);
  const root = principal([], true);

  it("lets the issuing unit's editors and administrators draft documents, not its approvers or readers", () => {
    expect(canManageDocument(regionEditor, region)).toBe(true);
    expect(canManageDocument(regionAdmin, region)).toBe(true);
    expect(canManageDocument(root, region)).toBe(true);
    expect(canManageDocument(regionApprover, region)).toBe(false);
    expect(canManageDocument(regionReader, region)).toBe(false);
    expect(canManageDocument(trustEditor, region)).toBe(false);
  });

  it("lets the issuing unit's approvers and administrators publish and run rounds, not its editors", () => {
    for (const rule of [canPublishDocument, canManageRounds]) {
      expect(rule(regionApprover, region)).toBe(true);
      expect(rule(regionAdmin, region)).toBe(true);
      expect(rule(root, region)).toBe(true);
      expect(rule(regionEditor, region)).toBe(false);
      expect(rule(regionReader, region)).toBe(false);
      expect(rule(trustApprover, region)).toBe(false);
    }
  });

  it("shows a draft to the issuing unit only, and a published document to its recipients too", () => {
    expect(canReadDocument(regionReader, region, [trust], false)).toBe(true);
    expect(canReadDocument(trustReader, region, [trust], false)).toBe(false);
    expect(canReadDocument(trustReader, region, [trust], true)).toBe(true);
    expect(canReadDocument(otherTrustEditor, region, [trust], true)).toBe(false);
  });

  it("lets a unit's editors write its answers, and editors above by inheritance", () => {
    expect(canWriteAnswer(trustEditor, trust)).toBe(true);
    expect(canWriteAnswer(regionEditor, trust)).toBe(true);
    expect(canWriteAnswer(trustApprover, trust)).toBe(false);
    expect(canWriteAnswer(trustAdmin, trust)).toBe(false);
    expect(canWriteAnswer(trustReader, trust)).toBe(false);
    expect(canWriteAnswer(otherTrustEditor, trust)).toBe(false);
  });

  it("lets only approvers approve", () => {
    expect(canApproveAnswer(trustApprover, trust)).toBe(true);
    expect(canApproveAnswer(regionApprover, trust)).toBe(true);
    expect(canApproveAnswer(trustEditor, trust)).toBe(false);
    expect(canApproveAnswer(trustAdmin, trust)).toBe(false);
    expect(canApproveAnswer(regionAdmin, trust)).toBe(false);
  });

  it("lets the unit's approvers return, and approvers and administrators of the unit above", () => {
    expect(canReturnAnswer(trustApprover, trust, region)).toBe(true);
    expect(canReturnAnswer(regionApprover, trust, region)).toBe(true);
    expect(canReturnAnswer(regionAdmin, trust, region)).toBe(true);
    expect(canReturnAnswer(trustAdmin, trust, region)).toBe(false);
    expect(canReturnAnswer(trustEditor, trust, region)).toBe(false);
    expect(canReturnAnswer(regionEditor, trust, region)).toBe(false);
    expect(canReturnAnswer(regionReader, trust, region)).toBe(false);
    // A consolidated answer of a top unit has nobody above it: only its own approvers return it.
    expect(canReturnAnswer(regionAdmin, region, null)).toBe(false);
    expect(canReturnAnswer(regionApprover, region, null)).toBe(true);
  });

  it("lets the issuing unit's editors consolidate", () => {
    expect(canConsolidate(regionEditor, region)).toBe(true);
    expect(canConsolidate(trustEditor, region)).toBe(false);
    expect(canConsolidate(regionReader, region)).toBe(false);
  });

  it("lets anyone with a role on a unit read its answers", () => {
    expect(canReadAnswers(trustReader, trust)).toBe(true);
    expect(canReadAnswers(regionReader, hospital)).toBe(true);
    expect(canReadAnswers(trustReader, otherTrust)).toBe(false);
    expect(canReadAnswers(trustReader, region)).toBe(false);
  });
});

describe("board documents", () => {
  const regionReader = principal([{ unitPath: region, role: "reader" }]);
  const regionEditor = principal([{ unitPath: region, role: "editor" }]);
  const regionApprover = principal([{ unitPath: region, role: "approver" }]);
  const regionAdmin = principal([{ unitPath: region, role: "admin" }]);
  const trustAdmin = principal([{ unitPath: trust, role: "admin" }]);
  const systemAdmin = principal([], true);

  it("lets whoever reads a unit's reports read its documents, below it too", () => {
    expect(canReadBoardDocuments(regionReader, region)).toBe(true);
    expect(canReadBoardDocuments(regionReader, hospital)).toBe(true);
    expect(canReadBoardDocuments(regionReader, otherRegion)).toBe(false);
    expect(canReadBoardDocuments(trustAdmin, region)).toBe(false);
  });

  it("lets editors, approvers and administrators generate, not readers", () => {
    expect(canGenerateDocuments(regionEditor, region)).toBe(true);
    expect(canGenerateDocuments(regionApprover, trust)).toBe(true);
    expect(canGenerateDocuments(regionAdmin, region)).toBe(true);
    expect(canGenerateDocuments(systemAdmin, otherRegion)).toBe(true);
    expect(canGenerateDocuments(regionReader, region)).toBe(false);
    expect(canGenerateDocuments(regionEditor, otherRegion)).toBe(false);
  });

  it("lets a unit's administrators edit its templates, and only system administrators the general ones", () => {
    expect(canEditTemplates(regionAdmin, region)).toBe(true);
    expect(canEditTemplates(regionAdmin, trust)).toBe(true);
    expect(canEditTemplates(trustAdmin, region)).toBe(false);
    expect(canEditTemplates(regionEditor, region)).toBe(false);
    expect(canEditTemplates(regionApprover, region)).toBe(false);
    expect(canEditTemplates(regionAdmin, null)).toBe(false);
    expect(canEditTemplates(systemAdmin, null)).toBe(true);
  });
});
