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

/** The paths below which a principal may read the audit trail; null means everywhere. */
export function auditScopes(principal: Principal): string[] | null {
  if (principal.isSystemAdmin) return null;
  return principal.assignments.filter((a) => a.role === "admin").map((a) => a.unitPath);
}
