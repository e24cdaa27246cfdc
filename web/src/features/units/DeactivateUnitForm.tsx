import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useDeactivateUnit } from "../../api/hooks.ts";
import type { Unit } from "../../api/types.ts";
import { todayIsoDate } from "../../components/dates.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useResetOnChange } from "../../components/useResetOnChange.ts";
import { useT } from "../../i18n/i18n.tsx";
import { UnitChangeProblem } from "./StaleVersionAlert.tsx";

export function DeactivateUnitForm({ unit, onDone }: { unit: Unit; onDone: (message: string) => void }) {
  const t = useT();
  const deactivateUnit = useDeactivateUnit();
  const [validTo, setValidTo] = useState(todayIsoDate);

  useResetOnChange(`${unit.id}:${unit.version}`, () => {
    setValidTo(todayIsoDate());
    deactivateUnit.reset();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    deactivateUnit.mutate(
      { id: unit.id, version: unit.version, validTo },
      { onSuccess: (updated) => onDone(t("units.deactivate.done", { name: updated.name })) },
    );
  };

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Paragraph data-size="sm">{t("units.deactivate.intro")}</Paragraph>
      <Textfield
        label={t("units.deactivate.date")}
        type="date"
        value={validTo}
        onChange={(event) => setValidTo(event.target.value)}
        error={fieldError(deactivateUnit.error, "validTo")}
        required
      />
      <UnitChangeProblem error={deactivateUnit.error} />
      <div>
        <Button type="submit" data-color="danger" loading={deactivateUnit.isPending}>
          {t("units.deactivate.submit")}
        </Button>
      </div>
    </form>
  );
}
