import { Field, Label, Select } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useUnits } from "../../api/hooks.ts";
import type { Me } from "../../api/types.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { childrenByParent, flattenTree } from "../units/unitTree.ts";
import { useSelectedUnit } from "./selectedUnit.tsx";

/** The unit the user is working on. Pages that show data for one unit start from this choice. */
export function UnitPicker({ me }: { me: Me }) {
  const { t, locale } = useLocale();
  const id = useId();
  const units = useUnits();
  const { selectedUnit, setSelectedUnitId } = useSelectedUnit(me, units.data);
  const options = units.data ? flattenTree(childrenByParent(units.data, locale)) : [];
  return (
    <Field className="unit-picker" data-size="sm">
      <Label htmlFor={id}>{t("header.unitPicker")}</Label>
      <Select
        id={id}
        value={selectedUnit ? String(selectedUnit.id) : ""}
        onChange={(event) => setSelectedUnitId(event.target.value ? Number(event.target.value) : null)}
        disabled={!units.data}
      >
        {!selectedUnit && <Select.Option value="">{t("header.unitPickerNone")}</Select.Option>}
        {/* Tree order without indentation: the closed select would show the indent too. */}
        {options.map(({ unit }) => (
          <Select.Option key={unit.id} value={String(unit.id)}>
            {`${unit.code} – ${unit.name}`}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
