import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useUpdateUnit } from "../../api/hooks.ts";
import type { Unit, UnitKind } from "../../api/types.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { useLiveError } from "../../components/useLiveError.ts";
import { useT } from "../../i18n/i18n.tsx";
import { UnitChangeProblem } from "./StaleVersionAlert.tsx";
import { UnitFields } from "./UnitFields.tsx";

export function EditUnitForm({ unit, onDone }: { unit: Unit; onDone: (message: string) => void }) {
  const t = useT();
  const updateUnit = useUpdateUnit();
  const [code, setCode] = useState(unit.code);
  const [name, setName] = useState(unit.name);
  const [kind, setKind] = useState<UnitKind>(unit.kind);
  const [validFrom, setValidFrom] = useState(unit.validFrom);
  const [validTo, setValidTo] = useState(unit.validTo ?? "");

  // The form edits the version it was filled from. A background refetch with a newer version
  // (someone else's change) refills it only while nothing is typed; typed changes stay, and
  // saving them shows the other person's version rather than losing either.
  const { base, restart } = useFormBase(
    unit,
    (from) =>
      code !== from.code ||
      name !== from.name ||
      kind !== from.kind ||
      validFrom !== from.validFrom ||
      validTo !== (from.validTo ?? ""),
    (from) => {
      setCode(from.code);
      setName(from.name);
      setKind(from.kind);
      setValidFrom(from.validFrom);
      setValidTo(from.validTo ?? "");
      updateUnit.reset();
    },
  );

  // The version we loaded goes along, so the server refuses to overwrite a newer change.
  // An empty end date is sent as null: the unit has no end, so it is active again.
  const payload = {
    id: base.id,
    version: base.version,
    code,
    name,
    kind,
    validFrom,
    validTo: validTo || null,
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    updateUnit.mutate(payload, {
      onSuccess: (updated) => {
        restart(updated);
        onDone(t("units.edit.done", { name: updated.name }));
      },
    });
  };

  // A problem goes from the screen once its field is changed.
  const error = useLiveError(updateUnit.error, updateUnit.variables, payload);
  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <UnitFields
        {...{ code, setCode, name, setName, kind, setKind, validFrom, setValidFrom }}
        error={error}
      />
      <Textfield
        label={t("field.validTo")}
        description={t("units.edit.validToHelp")}
        type="date"
        value={validTo}
        min={validFrom || undefined}
        onChange={(event) => setValidTo(event.target.value)}
        error={fieldError(error, "validTo")}
      />
      <UnitChangeProblem error={error} onLoadCurrent={restart} />
      <div>
        <Button type="submit" loading={updateUnit.isPending}>
          {t("units.edit.submit")}
        </Button>
      </div>
    </form>
  );
}
