import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useDeactivateUnit } from "../../api/hooks.ts";
import type { Unit } from "../../api/types.ts";
import { todayIsoDate } from "../../components/dates.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { useLiveError } from "../../components/useLiveError.ts";
import { useT } from "../../i18n/i18n.tsx";
import { UnitChangeProblem } from "./StaleVersionAlert.tsx";

export function DeactivateUnitForm({ unit, onDone }: { unit: Unit; onDone: (message: string) => void }) {
  const t = useT();
  const deactivateUnit = useDeactivateUnit();
  const [validTo, setValidTo] = useState(todayIsoDate);

  // Ends the version the user chose from; a background refetch only resets an untouched form.
  const { base, restart } = useFormBase(
    unit,
    () => validTo !== todayIsoDate(),
    () => {
      setValidTo(todayIsoDate());
      deactivateUnit.reset();
    },
  );

  const payload = { id: base.id, version: base.version, validTo };
  // A problem goes from the screen once the date is changed.
  const error = useLiveError(deactivateUnit.error, deactivateUnit.variables, payload);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    deactivateUnit.mutate(payload, {
      onSuccess: (updated) => {
        restart(updated);
        onDone(t("units.deactivate.done", { name: updated.name }));
      },
    });
  };

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Paragraph data-size="sm">{t("units.deactivate.intro")}</Paragraph>
      <Textfield
        label={t("units.deactivate.date")}
        type="date"
        value={validTo}
        onChange={(event) => setValidTo(event.target.value)}
        error={fieldError(error, "validTo")}
        required
      />
      <UnitChangeProblem error={error} onLoadCurrent={restart} />
      <div>
        <Button type="submit" data-color="danger" loading={deactivateUnit.isPending}>
          {t("units.deactivate.submit")}
        </Button>
      </div>
    </form>
  );
}
