import { type UnitKind, unitKinds } from "../../api/types.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useT } from "../../i18n/i18n.tsx";

export function KindSelect({
  value,
  onChange,
  error,
}: {
  value: UnitKind;
  onChange: (kind: UnitKind) => void;
  error?: string;
}) {
  const t = useT();
  return (
    <SelectField
      label={t("field.kind")}
      value={value}
      error={error}
      onChange={(event) => {
        const kind = unitKinds.find((candidate) => candidate === event.target.value);
        if (kind) onChange(kind);
      }}
    >
      {unitKinds.map((kind) => (
        <option key={kind} value={kind}>
          {t(`unitKind.${kind}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** The usual kind one level down, as a sensible default for a new sub-unit. */
export function kindBelow(kind: UnitKind): UnitKind {
  return unitKinds[Math.min(unitKinds.indexOf(kind) + 1, unitKinds.length - 1)] ?? "department";
}
