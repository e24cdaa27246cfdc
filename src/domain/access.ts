import type { Role } from "../db/schema.ts";

/**
 * Access rules. A role given on a unit applies to that unit and every unit below it, so a
 * user's roles on a unit are the roles assigned on the unit or any of its ancestors. Units are
 * identified here by their materialised path ("/1/4/9/"): an ancestor's path is a prefix.
 */
export type Principal = {
  userId: number;
  isSystemAdmin: boolean;
  assignments: ReadonlyArray<{ unitPath: string; role: Role }>;
};

export type Action =
  | "read_unit"
  | "manage_units"
  | "read_audit"
  | "assign_roles"
  | "write_reports"
  | "approve_reports"
  | "read_reports";

// What each role may do on its units. Admin manages structure and people; approvers sign off;
// editors write; readers read. Higher roles are not implied: a person may be an editor without
// being an approver, which is how trusts separate writing from signing off.
const actionsByRole: Record<Role, ReadonlySet<Action>> = {
  admin: new Set(["read_unit", "manage_units", "read_audit", "assign_roles", "read_reports"]),
  approver: new Set(["read_unit", "approve_reports", "read_reports"]),
  editor: new Set(["read_unit", "write_reports", "read_reports"]),
  reader: new Set(["read_unit", "read_reports"]),
};

export function isWithin(unitPath: string, ancestorPath: string): boolean {
  return unitPath.startsWith(ancestorPath);
}

export function rolesOn(principal: Principal, unitPath: string): Set<Role> {
  const result = new Set<Role>();
  for (const assignment of principal.assignments) {
    if (isWithin(unitPath, assignment.unitPath)) result.add(assignment.role);
  }
  return result;
}

export function can(principal: Principal, action: Action, unitPath: string): boolean {
  if (principal.isSystemAdmin) return true;
  for (const role of rolesOn(principal, unitPath)) {
    if (actionsByRole[role].has(action)) return true;
  }
  return false;
}

/** The organisation structure is known to every signed-in user; data on it is not. */
export function canReadUnitStructure(principal: Principal): boolean {
  return principal.userId > 0;
}

/** Creating a unit needs admin on its parent; a top-level unit needs a system administrator. */
export function canCreateUnitUnder(principal: Principal, parentPath: string | null): boolean {
  if (parentPath === null) return principal.isSystemAdmin;
  return can(principal, "manage_units", parentPath);
}

export function canEditUnit(principal: Principal, unitPath: string): boolean {
  return can(principal, "manage_units", unitPath);
}

/** Moving needs admin where the unit is now and where it goes. */
export function canMoveUnit(principal: Principal, unitPath: string, newParentPath: string | null): boolean {
  return canEditUnit(principal, unitPath) && canCreateUnitUnder(principal, newParentPath);
}

export function canReadAudit(principal: Principal, unitPath: string): boolean {
  return can(principal, "read_audit", unitPath);
}

export function canAssignRoles(principal: Principal, unitPath: string): boolean {
  return can(principal, "assign_roles", unitPath);
}

/** Users are shared across the organisation; any unit admin may create one, to give them a role. */
export function canCreateUsers(principal: Principal): boolean {
  return principal.isSystemAdmin || principal.assignments.some((a) => a.role === "admin");
}

/** Only a system administrator makes another: no unit role reaches above the units. */
export function canCreateSystemAdministrators(principal: Principal): boolean {
  return principal.isSystemAdmin;
}

/** The paths below which a principal may read the audit trail; null means everywhere. */
export function auditScopes(principal: Principal): string[] | null {
  if (principal.isSystemAdmin) return null;
  return principal.assignments.filter((a) => a.role === "admin").map((a) => a.unitPath);
}

// ---------------------------------------------------------------------------------------------
// Indicators, targets, measurements and scorecards (issue #3)

/** The indicator catalogue is known to every signed-in user; the figures are not. */
export function canReadIndicatorCatalogue(principal: Principal): boolean {
  return principal.isSystemAdmin || principal.userId > 0;
}

/**
 * An organisation-wide indicator (no owner) is managed by system administrators; one owned by a
 * unit by that unit's administrators (or an administrator above it).
 */
export function canManageIndicators(principal: Principal, ownerUnitPath: string | null): boolean {
  if (principal.isSystemAdmin) return true;
  if (ownerUnitPath === null) return false;
  return rolesOn(principal, ownerUnitPath).has("admin");
}

/**
 * Targets are set from above: whoever manages the indicator sets any of its targets, and an
 * administrator of a unit's parent sets that unit's own target. A unit's own administrator does not,
 * so no unit lowers the bar it is measured against.
 */
export function canManageTarget(
  principal: Principal,
  indicatorOwnerPath: string | null,
  targetUnitParentPath: string | null,
): boolean {
  if (canManageIndicators(principal, indicatorOwnerPath)) return true;
  return targetUnitParentPath !== null && rolesOn(principal, targetUnitParentPath).has("admin");
}

/** Measurements for a unit are written by those who write its reports. */
export function canImportFor(principal: Principal, unitPath: string): boolean {
  return can(principal, "write_reports", unitPath);
}

export function canReadScorecard(principal: Principal, unitPath: string): boolean {
  return can(principal, "read_reports", unitPath);
}

/** Publishing freezes what the board sees: it is a sign-off, for approvers (and administrators). */
export function canPublishScorecard(principal: Principal, unitPath: string): boolean {
  return can(principal, "approve_reports", unitPath) || rolesOn(principal, unitPath).has("admin");
}

// ---------------------------------------------------------------------------------------------
// Steering documents, reporting rounds and answers (issue #4)

function holdsAnyRole(principal: Principal, unitPath: string, wanted: readonly Role[]): boolean {
  if (principal.isSystemAdmin) return true;
  const held = rolesOn(principal, unitPath);
  return wanted.some((role) => held.has(role));
}

/** Drafting a steering document (header, chapters, requirements, import) is writing: the issuing unit's editors and administrators. */
export function canManageDocument(principal: Principal, issuerPath: string): boolean {
  return holdsAnyRole(principal, issuerPath, ["editor", "admin"]);
}

/** Publishing sends a document to its recipients, a sign-off: the issuing unit's approvers and administrators. */
export function canPublishDocument(principal: Principal, issuerPath: string): boolean {
  return holdsAnyRole(principal, issuerPath, ["approver", "admin"]);
}

/** Opening and closing reporting rounds: the issuing unit's approvers and administrators. */
export function canManageRounds(principal: Principal, issuerPath: string): boolean {
  return holdsAnyRole(principal, issuerPath, ["approver", "admin"]);
}

/** A draft is seen by the issuing unit; once published, by its recipients too. */
export function canReadDocument(
  principal: Principal,
  issuerPath: string,
  recipientPaths: readonly string[],
  published: boolean,
): boolean {
  if (can(principal, "read_reports", issuerPath)) return true;
  return published && recipientPaths.some((path) => can(principal, "read_reports", path));
}

export function canReadAnswers(principal: Principal, unitPath: string): boolean {
  return can(principal, "read_reports", unitPath);
}

/** A unit's editors write and submit its answers. */
export function canWriteAnswer(principal: Principal, unitPath: string): boolean {
  return can(principal, "write_reports", unitPath);
}

/** A unit's approvers approve its answers. */
export function canApproveAnswer(principal: Principal, unitPath: string): boolean {
  return can(principal, "approve_reports", unitPath);
}

/**
 * A unit's approvers may return its answer, and so may approvers and administrators of the unit
 * above: the issuing unit for a unit's answer, the issuer's parent for a consolidated answer.
 */
export function canReturnAnswer(principal: Principal, unitPath: string, abovePath: string | null): boolean {
  if (canApproveAnswer(principal, unitPath)) return true;
  return abovePath !== null && holdsAnyRole(principal, abovePath, ["approver", "admin"]);
}

/** The issuing unit's editors write the consolidated answer, seeing every unit's answer side by side. */
export function canConsolidate(principal: Principal, issuerPath: string): boolean {
  return can(principal, "write_reports", issuerPath);
}

// ---------------------------------------------------------------------------------------------
// Board documents: templates and generated Word documents (issue #5)

/** Generated documents show a unit's reports, so whoever reads its reports reads them. */
export function canReadBoardDocuments(principal: Principal, unitPath: string): boolean {
  return can(principal, "read_reports", unitPath);
}

/**
 * Generating stores a document in the unit's archive, so it takes more than reading: the unit's
 * editors (the board secretariat writes), approvers and administrators.
 */
export function canGenerateDocuments(principal: Principal, unitPath: string): boolean {
  if (principal.isSystemAdmin) return true;
  const held = rolesOn(principal, unitPath);
  return held.has("editor") || held.has("approver") || held.has("admin");
}

/** A unit's templates are its administrators'; the organisation's general ones (no unit) are system administrators'. */
export function canEditTemplates(principal: Principal, unitPath: string | null): boolean {
  if (principal.isSystemAdmin) return true;
  return unitPath !== null && rolesOn(principal, unitPath).has("admin");
}

/**
 * Whether `rule` allows the principal something on at least one unit: system administrators
 * everywhere, others on the units where they hold a role. For menus and "new" buttons.
 */
export function allowsSomewhere(principal: Principal, rule: (unitPath: string) => boolean): boolean {
  if (principal.isSystemAdmin) return true;
  return principal.assignments.some((assignment) => rule(assignment.unitPath));
}

/**
 * Who may reset a password or deactivate an account: a system administrator, or a unit
 * administrator when every role of the user lies within units they administer and the user is
 * no system administrator. A user without roles needs a system administrator: otherwise any
 * unit admin could take over an account that another admin later gives rights elsewhere.
 * Nobody does this to their own account (their own password has its own page).
 */
export function canManageAccount(
  principal: Principal,
  account: { userId: number; isSystemAdmin: boolean; unitPaths: readonly string[] },
): boolean {
  if (account.userId === principal.userId) return false;
  if (principal.isSystemAdmin) return true;
  return (
    !account.isSystemAdmin &&
    account.unitPaths.length > 0 &&
    account.unitPaths.every((path) => canAssignRoles(principal, path))
  );
}
