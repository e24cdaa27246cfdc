import { Textfield } from "@digdir/designsystemet-react";
import type { UnitKind } from "../../api/types.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { KindSelect } from "./KindSelect.tsx";

/** The fields a unit is created and edited with: code, name, kind and the day it starts. */
export function UnitFields(props: {
  code: string;
  setCode: (code: string) => void;
  name: string;
  setName: (name: string) => void;
  kind: UnitKind;
  setKind: (kind: UnitKind) => void;
  validFrom: string;
  setValidFrom: (validFrom: string) => void;
  /** The failed save, whose problems are shown at their fields. */
  error: unknown;
}) {
  const t = useT();
  const { error } = props;
  return (
    <>
      <Textfield
        label={t("field.code")}
        description={t("units.codeHelp")}
        value={props.code}
        onChange={(event) => props.setCode(event.target.value)}
        error={fieldError(error, "code")}
        required
      />
      <Textfield
        label={t("field.name")}
        value={props.name}
        onChange={(event) => props.setName(event.target.value)}
        error={fieldError(error, "name")}
        required
      />
      <KindSelect value={props.kind} onChange={props.setKind} error={fieldError(error, "kind")} />
      <Textfield
        label={t("field.validFrom")}
        type="date"
        value={props.validFrom}
        onChange={(event) => props.setValidFrom(event.target.value)}
        error={fieldError(error, "validFrom")}
      />
    </>
  );
}
