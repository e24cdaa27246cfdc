import type { Me, Role } from "../../api/types.ts";

// The rules of src/domain/access.ts for indicators, targets and imports, used only to
// decide which controls to show; the server checks every request again.

function rolesOn(me: Me, unitPath: string): Set<Role> {
  return new Set(me.roles.filter((role) => unitPath.startsWith(role.unitPath)).map((role) => role.role));
}

/** Organisation-wide indicators: system administrators; a unit's own: its administrators. */
export function canManageIndicator(me: Me, ownerUnitPath: string | null): boolean {
  if (me.isSystemAdmin) return true;
  if (ownerUnitPath === null) return false;
  return rolesOn(me, ownerUnitPath).has("admin");
}

/** Whether the user may create any indicator at all (for some unit they administer). */
export function canCreateSomeIndicator(me: Me): boolean {
  return me.isSystemAdmin || me.roles.some((role) => role.role === "admin");
}

/** Monthly figures are written by editors of the units in the file. */
export function canImportSomewhere(me: Me): boolean {
  return me.isSystemAdmin || me.roles.some((role) => role.role === "editor");
}
