/**
 * Rules for the organisation tree, kept free of I/O so that they can be tested exhaustively.
 */
export type UnitNode = {
  id: number;
  parentId: number | null;
  path: string;
  validFrom: string;
  validTo: string | null;
};

export function pathFor(id: number, parentPath: string | null): string {
  return `${parentPath ?? "/"}${id}/`;
}

export function idsInPath(path: string): number[] {
  return path
    .split("/")
    .filter((part) => part !== "")
    .map(Number);
}

/**
 * A unit is active from `validFrom` (inclusive) until `validTo` (exclusive): `validTo` is the day
 * it is deactivated from, so deactivating "today" takes effect today, and a unit created in error
 * can be closed on the day it was opened.
 */
export function isActiveOn(unit: Pick<UnitNode, "validFrom" | "validTo">, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || day < unit.validTo);
}

export type MoveProblem = "into_itself" | "into_descendant" | "parent_inactive" | null;

/** Why a unit cannot move under a new parent, or null when it can. */
export function moveProblem(
  unit: Pick<UnitNode, "id" | "path">,
  newParent: Pick<UnitNode, "id" | "path" | "validFrom" | "validTo"> | null,
  today: string,
): MoveProblem {
  if (newParent === null) return null;
  if (newParent.id === unit.id) return "into_itself";
  if (newParent.path.startsWith(unit.path)) return "into_descendant";
  if (!isActiveOn(newParent, today)) return "parent_inactive";
  return null;
}

/** The new path of a unit or its descendant after the subtree rooted at oldRoot moved to newRoot. */
export function rebasePath(path: string, oldRootPath: string, newRootPath: string): string {
  if (!path.startsWith(oldRootPath)) throw new Error(`${path} is not below ${oldRootPath}`);
  return newRootPath + path.slice(oldRootPath.length);
}

const osloDate = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" });

/** Today's date in Norway, where validity dates are decided, as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  return osloDate.format(now);
}
