import type { Me, Unit } from "../../api/types.ts";

// The same rules as src/domain/access.ts, used only to decide which controls to show. The
// server checks every request again, so a mistake here hides a button or shows a 403, never
// more. A role on a unit applies to every unit below it: an ancestor's path is a prefix.

function adminPaths(me: Me, units: readonly Unit[]): string[] {
  const pathById = new Map(units.map((unit) => [unit.id, unit.path]));
  return me.roles
    .filter((role) => role.role === "admin")
    .map((role) => pathById.get(role.unitId))
    .filter((path): path is string => path !== undefined);
}

/** Admin on the unit or above it: may edit, deactivate, add sub-units and give roles there. */
export function canManageUnit(me: Me, unit: Unit, units: readonly Unit[]): boolean {
  if (me.isSystemAdmin) return true;
  return adminPaths(me, units).some((path) => unit.path.startsWith(path));
}

export function canCreateTopLevelUnit(me: Me): boolean {
  return me.isSystemAdmin;
}

/** Any administrator may create users and read the audit log for their own units. */
export function isAnyAdmin(me: Me): boolean {
  return me.isSystemAdmin || me.roles.some((role) => role.role === "admin");
}
