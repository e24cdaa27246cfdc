import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import {
  type ProgrammeDetail,
  type ProgrammeGate,
  type ProgrammePhase,
  useStartPhase,
} from "../../api/programmes.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { PhaseDayForm } from "./PhaseDayForm.tsx";
import { useEndPhase, useUpdateGate } from "./programmeEditApi.ts";
import { FormProblems } from "./StaleNotice.tsx";

type PhaseProps = { programme: ProgrammeDetail; phase: ProgrammePhase; onDone: (message: string) => void };

/**
 * Starts the programme's first phase, which has no gate before it (later phases start from their
 * gate's card once it is approved).
 */
export function StartFirstPhaseForm({ programme, phase, onDone }: PhaseProps) {
  const { t } = useLocale();
  const start = useStartPhase(programme.id, phase.number);
  const words = { number: phase.number };
  return (
    <PhaseDayForm
      title={t("programmeEdit.startFirst.title", words)}
      field="actualStart"
      dayLabel={t("programmes.start.date")}
      help={t("programmeEdit.startFirst.help")}
      submitLabel={t("programmes.start.submit", words)}
      variant="secondary"
      pending={start.isPending}
      error={start.error}
      problems={
        <ProblemAlert error={start.error} headingLevel={4} labelFor={() => t("programmes.start.date")} />
      }
      send={(day) => start.mutateAsync({ version: phase.version, actualStart: day })}
      onSent={() => onDone(t("programmes.start.done", words))}
    />
  );
}

/** Ends the current phase on the day it actually ended (today unless the user says otherwise). */
export function EndPhaseForm({ programme, phase, onDone }: PhaseProps) {
  const { t } = useLocale();
  const end = useEndPhase(programme.id, phase.number);
  const words = { number: phase.number };
  return (
    <PhaseDayForm
      title={t("programmeEdit.end.title", words)}
      field="actualEnd"
      dayLabel={t("programmeEdit.end.date")}
      help={t("programmeEdit.end.help")}
      min={phase.actualStart ?? undefined}
      submitLabel={t("programmeEdit.end.submit", words)}
      variant="secondary"
      pending={end.isPending}
      error={end.error}
      problems={
        <FormProblems
          error={end.error}
          what="phase"
          onReload={() => end.reset()}
          labelFor={() => t("programmeEdit.end.date")}
        />
      }
      send={(day) => end.mutateAsync({ version: phase.version, actualEnd: day })}
      onSent={() => onDone(t("programmeEdit.end.done", words))}
    />
  );
}

/** A gate's name and the criteria for going on through it. */
export function GateDetailsForm({
  programme,
  gate,
  onDone,
}: {
  programme: ProgrammeDetail;
  gate: ProgrammeGate;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const update = useUpdateGate(programme.id, gate.toPhase);
  const [name, setName] = useState(gate.name);
  const [criteria, setCriteria] = useState(gate.criteria);
  // The form edits the version it was filled from; a newer one refills it only while untouched.
  const { base, restart } = useFormBase(
    gate,
    (from) => name !== from.name || criteria !== from.criteria,
    (from) => {
      setName(from.name);
      setCriteria(from.criteria);
      update.reset();
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { version: base.version, name, criteria },
      {
        onSuccess: (saved) => {
          const stored = saved.gates.find((g) => g.toPhase === gate.toPhase);
          if (stored) restart(stored);
          onDone(t("programmeEdit.gate.saved", { name }));
        },
      },
    );
  };
  const reload = () => restart(gate);
  const labelFor = (field: string) =>
    field === "name"
      ? t("programmeEdit.gate.name")
      : field === "criteria"
        ? t("programmeEdit.gate.criteria")
        : undefined;
  return (
    <form className="programme-form" noValidate onSubmit={submit} aria-label={t("programmeEdit.gate.edit")}>
      <Textfield
        label={t("programmeEdit.gate.name")}
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldError(update.error, "name")}
      />
      <Textfield
        label={t("programmeEdit.gate.criteria")}
        multiline
        rows={3}
        value={criteria}
        onChange={(event) => setCriteria(event.target.value)}
        error={fieldError(update.error, "criteria")}
      />
      <FormProblems error={update.error} what="gate" onReload={reload} labelFor={labelFor} />
      <div className="programme-actions">
        <Button type="submit" variant="secondary" loading={update.isPending}>
          {t("programmeEdit.gate.save")}
        </Button>
      </div>
    </form>
  );
}
