import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { Me, Unit } from "../../api/types.ts";

const storageKey = "tertial.unitId";

type SelectedUnitContextValue = {
  /** The unit the user is working on; pages start from it. Null until units are loaded. */
  selectedUnitId: number | null;
  setSelectedUnitId: (id: number | null) => void;
};

const SelectedUnitContext = createContext<SelectedUnitContextValue | null>(null);

function readStoredId(): number | null {
  try {
    const value = Number(window.localStorage.getItem(storageKey));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function SelectedUnitProvider({ children }: { children: ReactNode }) {
  const [selectedUnitId, setState] = useState<number | null>(readStoredId);
  const setSelectedUnitId = useCallback((id: number | null) => {
    setState(id);
    try {
      if (id === null) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, String(id));
    } catch {
      // Remembered for this visit only.
    }
  }, []);
  const value = useMemo(() => ({ selectedUnitId, setSelectedUnitId }), [selectedUnitId, setSelectedUnitId]);
  return <SelectedUnitContext.Provider value={value}>{children}</SelectedUnitContext.Provider>;
}

/**
 * The selected unit, falling back to where the user holds a role (or the top of the tree) when
 * nothing valid is remembered, for example after a unit was removed or another user signed in.
 */
export function useSelectedUnit(me: Me, units: readonly Unit[] | undefined) {
  const context = useContext(SelectedUnitContext);
  if (!context) throw new Error("useSelectedUnit must be used inside <SelectedUnitProvider>");
  const { selectedUnitId, setSelectedUnitId } = context;
  const remembered = units?.find((unit) => unit.id === selectedUnitId);
  const fallback =
    units?.find((unit) => unit.id === me.roles[0]?.unitId) ?? units?.find((unit) => unit.parentId === null);
  return { selectedUnit: remembered ?? fallback ?? null, setSelectedUnitId };
}
