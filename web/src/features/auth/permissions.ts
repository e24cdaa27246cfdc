import type { Me, UserWithRoles } from "../../api/types.ts";

// The same rules as src/domain/access.ts, used only to decide which controls to show. The
// server checks every request again, so a mistake here hides a button or shows a 403, never
// more. A role on a unit applies to every unit below it: an ancestor's path is a prefix, and
// /api/auth/me gives each role's unit path ("/1/2/7/").

/** Admin on the unit or above it: may edit, deactivate, add sub-units and give roles there. */
export function canManageUnit(me: Me, unitPath: string): boolean {
  if (me.isSystemAdmin) return true;
  return me.roles.some((role) => role.role === "admin" && unitPath.startsWith(role.unitPath));
}

export function canCreateTopLevelUnit(me: Me): boolean {
  return me.isSystemAdmin;
}

/** Any administrator may create users and read the audit log for their own units. */
export function isAnyAdmin(me: Me): boolean {
  return me.isSystemAdmin || me.roles.some((role) => role.role === "admin");
}

/**
 * May reset the user's password and deactivate them: a system administrator, or an admin of
 * every unit where the user has a role (never for a role-less user or a system administrator,
 * and never for oneself). The server's rule is in src/features/users/service.ts.
 */
export function canManageAccount(me: Me, user: UserWithRoles): boolean {
  if (user.id === me.id) return false;
  if (me.isSystemAdmin) return true;
  return (
    !user.isSystemAdmin &&
    user.roles.length > 0 &&
    user.roles.every((role) => canManageUnit(me, role.unitPath))
  );
}
