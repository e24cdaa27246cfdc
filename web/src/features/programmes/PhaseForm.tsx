import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { ProgrammeDetail, ProgrammePhase } from "../../api/programmes.ts";
import { todayIsoDate } from "../../components/dates.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";
import { type MilestoneDraft, MilestoneRows } from "./MilestoneRows.tsx";
import { useAddPhase, useDeletePhase, useUpdatePhase } from "./programmeEditApi.ts";
import { FormProblems } from "./StaleNotice.tsx";

/** What the phase forms hold; activities as one line each, as the user types them. */
type PhaseDraft = {
  name: string;
  plannedStart: string;
  plannedEnd: string;
  activities: string;
  milestones: MilestoneDraft[];
};

function draftOf(phase: ProgrammePhase): PhaseDraft {
  return {
    name: phase.name,
    plannedStart: phase.plannedStart,
    plannedEnd: phase.plannedEnd,
    activities: phase.mainActivities.join("\n"),
    milestones: phase.milestones.map((m) => ({ title: m.title, due: m.due ?? "", done: m.done })),
  };
}

/** The draft as the API takes it: blank lines dropped, a milestone without a date has none. */
function bodyOf(draft: PhaseDraft) {
  return {
    name: draft.name,
    plannedStart: draft.plannedStart,
    plannedEnd: draft.plannedEnd,
    mainActivities: draft.activities
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    milestones: draft.milestones.map((m) => ({
      title: m.title,
      due: m.due === "" ? null : m.due,
      done: m.done,
    })),
  };
}

/** Six months on from an ISO date, as a first guess at a new phase's end. */
function halfYearAfter(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + 6);
  return day.toISOString().slice(0, 10);
}

function labelOf(field: string, t: Translate): string | undefined {
  const labels: Record<string, string> = {
    number: "programmeEdit.phase.number",
    name: "programmeEdit.phase.name",
    plannedStart: "programmeEdit.phase.plannedStart",
    plannedEnd: "programmeEdit.phase.plannedEnd",
    mainActivities: "programmeEdit.phase.activities",
    milestones: "programmeEdit.milestones",
  };
  const milestone = /^milestones\.(\d+)\.(title|due)$/.exec(field);
  if (milestone) {
    const words = { index: Number(milestone[1]) + 1 };
    return t(
      milestone[2] === "title" ? "programmeEdit.milestone.title" : "programmeEdit.milestone.due",
      words,
    );
  }
  const key = labels[field] ?? (field.startsWith("mainActivities") ? labels.mainActivities : undefined);
  return key && hasMessage(key) ? t(key) : undefined;
}

function PhaseFields({
  draft,
  onChange,
  error,
}: {
  draft: PhaseDraft;
  onChange: (next: PhaseDraft) => void;
  error: unknown;
}) {
  const { t } = useLocale();
  const activitiesError =
    fieldError(error, "mainActivities") ??
    Array.from({ length: 50 }, (_, index) => fieldError(error, `mainActivities.${index}`)).find(Boolean);
  return (
    <>
      <Textfield
        label={t("programmeEdit.phase.name")}
        required
        value={draft.name}
        onChange={(event) => onChange({ ...draft, name: event.target.value })}
        error={fieldError(error, "name")}
      />
      <div className="programme-date-pair">
        <Textfield
          label={t("programmeEdit.phase.plannedStart")}
          description={t("programmeEdit.phase.datesHelp")}
          type="date"
          required
          value={draft.plannedStart}
          onChange={(event) => onChange({ ...draft, plannedStart: event.target.value })}
          error={fieldError(error, "plannedStart")}
        />
        <Textfield
          label={t("programmeEdit.phase.plannedEnd")}
          type="date"
          required
          value={draft.plannedEnd}
          onChange={(event) => onChange({ ...draft, plannedEnd: event.target.value })}
          error={fieldError(error, "plannedEnd")}
        />
      </div>
      <Textfield
        label={t("programmeEdit.phase.activities")}
        description={t("programmeEdit.phase.activitiesHelp")}
        multiline
        rows={3}
        value={draft.activities}
        onChange={(event) => onChange({ ...draft, activities: event.target.value })}
        error={activitiesError}
      />
      <MilestoneRows
        milestones={draft.milestones}
        onChange={(milestones) => onChange({ ...draft, milestones })}
        error={error}
      />
    </>
  );
}

/**
 * A new phase: numbered after the last one and planned to start the day the last one ends (the
 * earliest the server allows), so the usual next phase needs only a name.
 */
export function AddPhaseForm({
  programme,
  onDone,
}: {
  programme: ProgrammeDetail;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const add = useAddPhase(programme.id);
  const last = programme.phases.at(-1);
  const start = last?.plannedEnd ?? todayIsoDate();
  const [number, setNumber] = useState(String(last ? last.number + 1 : 0));
  const [draft, setDraft] = useState<PhaseDraft>({
    name: "",
    plannedStart: start,
    plannedEnd: halfYearAfter(start),
    activities: "",
    milestones: [],
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A blank number parses to NaN, which goes as null so the server names the missing field
    // (Number("") would quietly be phase 0).
    const phaseNumber = Number.parseInt(number, 10);
    add.mutate(
      { number: phaseNumber, ...bodyOf(draft) },
      {
        onSuccess: (saved) => {
          onDone(t("programmeEdit.phase.added", { number: phaseNumber }));
          const next = saved.phases.at(-1);
          const nextStart = next?.plannedEnd ?? start;
          setNumber(String((next?.number ?? phaseNumber) + 1));
          setDraft({
            name: "",
            plannedStart: nextStart,
            plannedEnd: halfYearAfter(nextStart),
            activities: "",
            milestones: [],
          });
        },
      },
    );
  };
  return (
    <form className="programme-form" noValidate onSubmit={submit} aria-label={t("programmeEdit.phase.add")}>
      <Textfield
        label={t("programmeEdit.phase.number")}
        description={t("programmeEdit.phase.numberHelp")}
        type="number"
        inputMode="numeric"
        min={0}
        max={20}
        required
        value={number}
        onChange={(event) => setNumber(event.target.value)}
        error={fieldError(add.error, "number")}
      />
      <PhaseFields draft={draft} onChange={setDraft} error={add.error} />
      <FormProblems
        error={add.error}
        what="phase"
        onReload={() => add.reset()}
        labelFor={(f) => labelOf(f, t)}
      />
      <div className="programme-actions">
        <Button type="submit" loading={add.isPending}>
          {t("programmeEdit.phase.addSubmit")}
        </Button>
      </div>
    </form>
  );
}

/** A phase's plan, and its deletion while it has not started (the server refuses otherwise). */
export function EditPhaseForm({
  programme,
  phase,
  onDone,
}: {
  programme: ProgrammeDetail;
  phase: ProgrammePhase;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const update = useUpdatePhase(programme.id, phase.number);
  const remove = useDeletePhase(programme.id, phase.number);
  const [draft, setDraft] = useState(() => draftOf(phase));
  // The form edits the version it was filled from; a newer one refills it only while untouched.
  const { base, restart } = useFormBase(
    phase,
    (from) => JSON.stringify(draft) !== JSON.stringify(draftOf(from)),
    (from) => {
      setDraft(draftOf(from));
      update.reset();
      remove.reset();
    },
  );
  const words = { number: phase.number };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.reset();
    update.mutate(
      { version: base.version, ...bodyOf(draft) },
      {
        onSuccess: (saved) => {
          const stored = saved.phases.find((p) => p.number === phase.number);
          if (stored) restart(stored);
          onDone(t("programmeEdit.phase.saved", words));
        },
      },
    );
  };
  // Deleting takes a second click on a button that names what goes, instead of a browser dialog.
  const [confirming, setConfirming] = useState(false);
  const deletePhase = () => {
    update.reset();
    // The form goes away with the phase, so the message comes from the promise, which settles
    // even after it has (a mutate callback would not run then).
    remove
      .mutateAsync(base.version)
      .then(() => onDone(t("programmeEdit.phase.deleted", words)))
      .catch(() => undefined);
  };
  const reload = () => restart(phase);
  return (
    <form
      className="programme-form"
      noValidate
      onSubmit={submit}
      aria-label={t("programmeEdit.phase.edit", words)}
    >
      <PhaseFields draft={draft} onChange={setDraft} error={update.error} />
      <FormProblems
        error={update.error ?? remove.error}
        what="phase"
        onReload={reload}
        labelFor={(field) => labelOf(field, t)}
      />
      <div className="programme-actions">
        <Button type="submit" loading={update.isPending}>
          {t("programmeEdit.phase.save")}
        </Button>
        {phase.actualStart === null && !confirming && (
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
            {t("programmeEdit.phase.delete", words)}
          </Button>
        )}
      </div>
      {confirming && (
        <div className="programme-actions">
          <Paragraph>{t("programmeEdit.phase.deleteConfirm", words)}</Paragraph>
          <Button type="button" data-color="danger" loading={remove.isPending} onClick={deletePhase}>
            {t("programmeEdit.phase.deleteYes", words)}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {t("programmeEdit.phase.deleteNo")}
          </Button>
        </div>
      )}
    </form>
  );
}
