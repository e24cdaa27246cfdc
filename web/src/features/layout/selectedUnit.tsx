import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { Me, Unit } from "../../api/types.ts";
import { defaultUnit, readRememberedUnitId, rememberedUnitKey } from "./unitChoice.ts";

type SelectedUnitContextValue = {
  /** The unit the user is working on; pages start from it. Null until units are loaded. */
  selectedUnitId: number | null;
  setSelectedUnitId: (id: number | null) => void;
};

const SelectedUnitContext = createContext<SelectedUnitContextValue | null>(null);

export function SelectedUnitProvider({ children }: { children: ReactNode }) {
  const [selectedUnitId, setState] = useState<number | null>(readRememberedUnitId);
  const setSelectedUnitId = useCallback((id: number | null) => {
    setState(id);
    try {
      if (id === null) window.localStorage.removeItem(rememberedUnitKey);
      else window.localStorage.setItem(rememberedUnitKey, String(id));
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
  return { selectedUnit: defaultUnit(me, units, selectedUnitId), setSelectedUnitId };
}
