import type { Me } from "../../api/types.ts";

// The rules of src/domain/access.ts for board documents, used only to decide which controls to
// show; the server checks every request again. A role on a unit applies to every unit below it.

const holds = (me: Me, unitPath: string, wanted: readonly string[]) =>
  me.roles.some((role) => wanted.includes(role.role) && unitPath.startsWith(role.unitPath));

/** Generating stores a document in the unit's archive: editors, approvers and administrators. */
export function canGenerateDocuments(me: Me, unitPath: string): boolean {
  return me.isSystemAdmin || holds(me, unitPath, ["editor", "approver", "admin"]);
}

/** A unit's templates are its administrators'; the organisation's (null) the system administrators'. */
export function canEditTemplates(me: Me, unitPath: string | null): boolean {
  if (me.isSystemAdmin) return true;
  return unitPath !== null && holds(me, unitPath, ["admin"]);
}
