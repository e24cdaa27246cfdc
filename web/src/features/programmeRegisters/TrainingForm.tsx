// The forms of training in the plan: audience, content, dates (the end not before the start) and
// status. Adding and changing share the fields.

import { Button, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import {
  activityStatuses,
  type NewTraining,
  type Training,
  type TrainingChange,
  useAddToRegister,
  useChangeInRegister,
} from "../../api/programmeRegisters.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { EditButtons, EditProblems, useRecordDraft } from "./registerEditing.tsx";
import { errorOf, FormProblems } from "./registerParts.tsx";

type TrainingDraft = {
  audience: string;
  content: string;
  startsOn: string;
  endsOn: string;
  status: (typeof activityStatuses)[number];
};

const draftOf = (row: Training): TrainingDraft => ({
  audience: row.audience,
  content: row.content,
  startsOn: row.startsOn ?? "",
  endsOn: row.endsOn ?? "",
  status: row.status,
});

const payloadOf = (draft: TrainingDraft) => ({
  ...draft,
  startsOn: draft.startsOn || null,
  endsOn: draft.endsOn || null,
});

function TrainingFields({
  draft,
  change,
  error: problem,
}: {
  draft: TrainingDraft;
  change: (patch: Partial<TrainingDraft>) => void;
  error: unknown;
}) {
  const { t } = useLocale();
  const error = errorOf(problem);
  return (
    <>
      <Textfield
        label={t("registers.training.field.audience")}
        value={draft.audience}
        onChange={(event) => change({ audience: event.target.value })}
        error={error("audience")}
      />
      <Textfield
        label={t("registers.training.field.content")}
        multiline
        rows={3}
        value={draft.content}
        onChange={(event) => change({ content: event.target.value })}
        error={error("content")}
      />
      <div className="register-pair">
        <Textfield
          label={t("registers.training.field.startsOn")}
          type="date"
          value={draft.startsOn}
          onChange={(event) => change({ startsOn: event.target.value })}
          error={error("startsOn")}
        />
        <Textfield
          label={t("registers.training.field.endsOn")}
          type="date"
          value={draft.endsOn}
          onChange={(event) => change({ endsOn: event.target.value })}
          error={error("endsOn")}
        />
      </div>
      <SelectField
        label={t("registers.training.field.status")}
        value={draft.status}
        onChange={(event) => change({ status: event.target.value as TrainingDraft["status"] })}
        error={error("status")}
      >
        {activityStatuses.map((each) => (
          <option key={each} value={each}>
            {t(`registers.status.${each}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

export function NewTrainingForm({
  programmeId,
  onDone,
}: {
  programmeId: number;
  onDone: (name: string) => void;
}) {
  const { t } = useLocale();
  const add = useAddToRegister<NewTraining, Training>(programmeId, "training");
  const [draft, setDraft] = useState<TrainingDraft>({
    audience: "",
    content: "",
    startsOn: "",
    endsOn: "",
    status: "planned",
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate(payloadOf(draft), { onSuccess: (made) => onDone(made.audience) });
  };
  return (
    <form className="register-form" onSubmit={submit} noValidate>
      <TrainingFields
        draft={draft}
        change={(patch) => setDraft((current) => ({ ...current, ...patch }))}
        error={add.error}
      />
      <div className="register-actions">
        <Button type="submit" loading={add.isPending}>
          {t("registers.training.add")}
        </Button>
      </div>
      <FormProblems error={add.error} register="training" />
    </form>
  );
}

/** Changes training in the plan from the version read. */
export function TrainingEditForm({
  programmeId,
  row,
  onDone,
  onCancel,
}: {
  programmeId: number;
  row: Training;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const save = useChangeInRegister<TrainingChange>(programmeId, "training");
  const { draft, change, base, restart } = useRecordDraft(row, draftOf);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: base.id, version: base.version, ...payloadOf(draft) },
      { onSuccess: () => onDone(draft.audience) },
    );
  };
  return (
    <form className="register-form" onSubmit={submit} noValidate>
      <TrainingFields draft={draft} change={change} error={save.error} />
      <EditButtons pending={save.isPending} onCancel={onCancel} />
      <EditProblems
        error={save.error}
        register="training"
        onLoadCurrent={() => {
          save.reset();
          restart(row);
        }}
      />
    </form>
  );
}
