// The forms of training in the plan: audience, content, dates (the end not before the start) and
// status. Adding and changing share the fields.

import { Textfield } from "@digdir/designsystemet-react";
import {
  activityStatuses,
  type NewTraining,
  type Training,
  type TrainingChange,
} from "../../api/programmeRegisters.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { type FieldsProps, registerForms } from "./registerEditing.tsx";
import { errorOf } from "./registerParts.tsx";

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

function TrainingFields({ draft, change, error: problem }: FieldsProps<TrainingDraft>) {
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

/** The forms of training in the plan. */
export const { NewForm: NewTrainingForm, EditForm: TrainingEditForm } = registerForms<
  Training,
  TrainingDraft,
  NewTraining,
  TrainingChange
>({
  register: "training",
  emptyOf: () => ({ audience: "", content: "", startsOn: "", endsOn: "", status: "planned" }),
  draftOf,
  payloadOf,
  nameOf: (training) => training.audience,
  addLabelKey: "registers.training.add",
  Fields: TrainingFields,
});
