import { Button, Fieldset, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { staleCurrent } from "../../api/client.ts";
import { type Measure, type MeasurePhase, type MeasureStatus, useUpdateMeasure } from "../../api/measures.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useResetOnChange } from "../../components/useResetOnChange.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { PhaseOptions, StatusOptions } from "./MeasureLabels.tsx";

type Draft = {
  title: string;
  description: string;
  ownerRole: string;
  phase: MeasurePhase;
  status: MeasureStatus | "";
  start: string;
  deadline: string;
  expectedEffect: string;
  effectTarget: string;
  fullEffectDate: string;
};

function draftOf(measure: Measure): Draft {
  return {
    title: measure.title,
    description: measure.description,
    ownerRole: measure.ownerRole,
    phase: measure.phase,
    status: measure.status ?? "",
    start: measure.start ?? "",
    deadline: measure.deadline ?? "",
    expectedEffect: measure.expectedEffect,
    effectTarget: measure.effectTarget === null ? "" : String(measure.effectTarget),
    fullEffectDate: measure.fullEffectDate ?? "",
  };
}

/** Changes the measure; a stale version shows the one now stored and keeps nothing silently. */
export function MeasureEditForm({ measure }: { measure: Measure }) {
  const { t } = useLocale();
  const update = useUpdateMeasure(measure.id);
  const [base, setBase] = useState(measure);
  const [draft, setDraft] = useState(() => draftOf(measure));
  const [saved, setSaved] = useState(false);
  const stale = staleCurrent<Measure>(update.error);
  // A status entry saved above changes the measure's phase, status and version: start from it.
  useResetOnChange(String(measure.version), () => {
    if (measure.version <= base.version) return;
    setBase(measure);
    setDraft(draftOf(measure));
  });
  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => setDraft({ ...draft, [key]: value });
  const error = (field: string) => fieldError(update.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const target = draft.effectTarget.trim() === "" ? null : Number(draft.effectTarget.replace(",", "."));
    update.mutate(
      {
        version: base.version,
        title: draft.title,
        description: draft.description,
        ownerRole: draft.ownerRole,
        phase: draft.phase,
        status: draft.status || null,
        start: draft.start || null,
        deadline: draft.deadline || null,
        expectedEffect: draft.expectedEffect,
        effectTarget: target,
        fullEffectDate: draft.fullEffectDate || null,
      },
      {
        onSuccess: (measure) => {
          setBase(measure);
          setDraft(draftOf(measure));
          setSaved(true);
        },
        onError: (failure) => {
          const current = staleCurrent<Measure>(failure);
          if (current) {
            setBase(current);
            setDraft(draftOf(current));
          }
        },
      },
    );
  };

  const text = (key: "title" | "ownerRole", field: string) => (
    <Textfield
      label={t(`measures.field.${key}`)}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={error(field)}
    />
  );
  const long = (key: "description" | "expectedEffect") => (
    <Textfield
      label={t(`measures.field.${key}`)}
      multiline
      rows={3}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={error(key)}
    />
  );
  const day = (key: "start" | "deadline" | "fullEffectDate") => (
    <Textfield
      type="date"
      label={t(`measures.field.${key}`)}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={error(key)}
    />
  );

  return (
    <form className="measure-form" onSubmit={submit} noValidate>
      <Fieldset>
        <Fieldset.Legend>{t("measures.edit.title")}</Fieldset.Legend>
        {text("title", "title")}
        {long("description")}
        {text("ownerRole", "ownerRole")}
        <SelectField
          label={t("measures.field.phase")}
          value={draft.phase}
          onChange={(event) => set("phase", event.target.value as MeasurePhase)}
          error={error("phase")}
        >
          <PhaseOptions />
        </SelectField>
        <SelectField
          label={t("measures.field.status")}
          value={draft.status}
          onChange={(event) => set("status", event.target.value as MeasureStatus | "")}
          error={error("status")}
        >
          <option value="">{t("measures.status.none")}</option>
          <StatusOptions />
        </SelectField>
        {day("start")}
        {day("deadline")}
        {long("expectedEffect")}
        <Textfield
          label={t("measures.field.effectTarget")}
          inputMode="decimal"
          value={draft.effectTarget}
          onChange={(event) => set("effectTarget", event.target.value)}
          error={error("effectTarget")}
        />
        {day("fullEffectDate")}
      </Fieldset>
      {update.error && <ProblemAlert error={update.error} />}
      {stale && <Paragraph>{t("measures.edit.stale")}</Paragraph>}
      <div>
        <Button type="submit" loading={update.isPending}>
          {t("measures.edit.save")}
        </Button>
      </div>
      <div aria-live="polite">{saved && <Paragraph>{t("measures.edit.saved")}</Paragraph>}</div>
    </form>
  );
}
