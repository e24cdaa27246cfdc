import { useEffect, useRef } from "react";
import { useUnits } from "../../api/hooks.ts";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";

/**
 * The unit a figures page shows: the one in the address (`?unit=`), so a link or the back button
 * opens the same figures, else the unit chosen in the header. The two stay in step: opening an
 * address selects its unit in the header, and choosing another unit in the header updates the
 * address through `onSelectionChange`.
 */
export function useUnitInUrl(urlUnitId: number | undefined, onSelectionChange: (unitId: number) => void) {
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit, setSelectedUnitId } = useSelectedUnit(me, units.data);
  const urlUnit = urlUnitId === undefined ? undefined : units.data?.find((unit) => unit.id === urlUnitId);
  const unit = urlUnit ?? selectedUnit ?? undefined;

  const seenUrl = useRef<number | undefined>(undefined);
  const seenSelected = useRef<number | undefined>(undefined);
  const latestOnChange = useRef(onSelectionChange);
  latestOnChange.current = onSelectionChange;

  const selectedId = selectedUnit?.id;
  const urlId = urlUnit?.id;
  useEffect(() => {
    if (selectedId === undefined) return;
    if (urlId !== undefined && urlId !== seenUrl.current) {
      // The address changed (a link, the back button): it wins, and the header follows.
      seenUrl.current = urlId;
      seenSelected.current = urlId;
      if (selectedId !== urlId) setSelectedUnitId(urlId);
      return;
    }
    if (selectedId !== seenSelected.current) {
      // The header's choice changed: the page follows, and the address with it.
      seenSelected.current = selectedId;
      seenUrl.current = selectedId;
      if (urlId !== selectedId) latestOnChange.current(selectedId);
    }
  }, [selectedId, urlId, setSelectedUnitId]);

  return { unit, units };
}
