import type { Me } from "../../api/types.ts";

// The same rule as canManageDocument in src/domain/access.ts, only to decide which controls to
// show; the server checks every request again. Roles apply to the unit and every unit below it.

/** Editors and administrators of a unit draft its steering documents. */
export function mayDraftFor(me: Me, unitPath: string): boolean {
  if (me.isSystemAdmin) return true;
  return me.roles.some(
    (role) => (role.role === "editor" || role.role === "admin") && unitPath.startsWith(role.unitPath),
  );
}

export function mayDraftSomewhere(me: Me): boolean {
  return me.isSystemAdmin || me.roles.some((role) => role.role === "editor" || role.role === "admin");
}
