import type { Me, Unit } from "../../api/types.ts";

/** Where the browser remembers the unit the user last worked on. */
export const rememberedUnitKey = "tertial.unitId";

export function readRememberedUnitId(): number | null {
  try {
    const value = Number(window.localStorage.getItem(rememberedUnitKey));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/**
 * The unit pages start from: the remembered one while it still exists, else where the user holds
 * a role, else the top of the tree (after a unit was removed or another user signed in).
 */
export function defaultUnit(me: Me, units: readonly Unit[] | undefined, rememberedId: number | null) {
  const remembered = units?.find((unit) => unit.id === rememberedId);
  const fallback =
    units?.find((unit) => unit.id === me.roles[0]?.unitId) ?? units?.find((unit) => unit.parentId === null);
  return remembered ?? fallback ?? null;
}

/** The unit a figures page shows: the one in its address, else the default. */
export function unitToShow(
  me: Me,
  units: readonly Unit[] | undefined,
  urlUnitId: number | undefined,
  rememberedId: number | null,
) {
  const inUrl = urlUnitId === undefined ? undefined : units?.find((unit) => unit.id === urlUnitId);
  return inUrl ?? defaultUnit(me, units, rememberedId);
}
