import { Button, Fieldset, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { isApiProblem, staleCurrent } from "../../api/client.ts";
import { type Measure, type MeasurePhase, type MeasureStatus, useAddMeasureLog } from "../../api/measures.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { PhaseOptions, StatusOptions } from "./MeasureLabels.tsx";

/** A dated status for a period; the measure takes the entry's phase and status. */
export function MeasureLogForm({ measure }: { measure: Measure }) {
  const { t } = useLocale();
  const add = useAddMeasureLog(measure.id);
  const [period, setPeriod] = useState("");
  const [text, setText] = useState("");
  const [phase, setPhase] = useState<MeasurePhase>(measure.phase);
  const [status, setStatus] = useState<MeasureStatus | "">(measure.status ?? "");
  const [saved, setSaved] = useState(false);
  const stale = staleCurrent<Measure>(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    add.mutate(
      { version: stale?.version ?? measure.version, period, text, phase, status: status || null },
      {
        onSuccess: () => {
          setText("");
          setSaved(true);
        },
      },
    );
  };

  return (
    <form className="measure-form" onSubmit={submit} noValidate>
      <Fieldset>
        <Fieldset.Legend>{t("measures.log.add")}</Fieldset.Legend>
        <Textfield
          label={t("measures.log.period")}
          description={t("measures.log.periodHelp")}
          value={period}
          onChange={(event) => setPeriod(event.target.value)}
          error={fieldError(add.error, "period")}
          required
        />
        <SelectField
          label={t("measures.field.phase")}
          value={phase}
          onChange={(event) => setPhase(event.target.value as MeasurePhase)}
          error={fieldError(add.error, "phase")}
        >
          <PhaseOptions />
        </SelectField>
        <SelectField
          label={t("measures.field.status")}
          value={status}
          onChange={(event) => setStatus(event.target.value as MeasureStatus | "")}
          error={fieldError(add.error, "status")}
        >
          <option value="">{t("measures.status.none")}</option>
          <StatusOptions />
        </SelectField>
        <Textfield
          label={t("measures.log.text")}
          multiline
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={fieldError(add.error, "text")}
          required
        />
      </Fieldset>
      {isApiProblem(add.error) && <ProblemAlert error={add.error} />}
      {stale && <Paragraph>{t("measures.edit.stale")}</Paragraph>}
      <div>
        <Button type="submit" loading={add.isPending}>
          {t("measures.log.save")}
        </Button>
      </div>
      <div aria-live="polite">{saved && <Paragraph>{t("measures.log.saved")}</Paragraph>}</div>
    </form>
  );
}
