// The forms of a stakeholder: name, interest, its level and their influence, and the planned
// engagement activities with a date and status. Adding and changing share the fields.

import { Textfield } from "@digdir/designsystemet-react";
import {
  activityStatuses,
  engagementLevels,
  type NewStakeholder,
  type Stakeholder,
  type StakeholderChange,
} from "../../api/programmeRegisters.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { RepeatingRows } from "./RepeatingRows.tsx";
import { type FieldsProps, registerForms } from "./registerEditing.tsx";
import { errorOf } from "./registerParts.tsx";

type Level = (typeof engagementLevels)[number];
type ActivityDraft = { title: string; on: string; status: (typeof activityStatuses)[number] };
type StakeholderDraft = {
  name: string;
  interest: string;
  interestLevel: Level;
  influence: Level;
  activities: ActivityDraft[];
};

const draftOf = (stakeholder: Stakeholder): StakeholderDraft => ({
  name: stakeholder.name,
  interest: stakeholder.interest,
  interestLevel: stakeholder.interestLevel,
  influence: stakeholder.influence,
  activities: stakeholder.activities.map((activity) => ({
    title: activity.title,
    on: activity.on ?? "",
    status: activity.status,
  })),
});

const payloadOf = (draft: StakeholderDraft) => ({
  ...draft,
  activities: draft.activities.map((activity) => ({
    title: activity.title,
    on: activity.on === "" ? null : activity.on,
    status: activity.status,
  })),
});

function StakeholderFields({ draft, change, error: problem }: FieldsProps<StakeholderDraft>) {
  const { t } = useLocale();
  const error = errorOf(problem);
  const level = (label: string, field: "interestLevel" | "influence") => (
    <SelectField
      label={label}
      value={draft[field]}
      onChange={(event) => change({ [field]: event.target.value as Level })}
      error={error(field)}
    >
      {engagementLevels.map((each) => (
        <option key={each} value={each}>
          {t(`registers.level.${each}`)}
        </option>
      ))}
    </SelectField>
  );
  return (
    <>
      <Textfield
        label={t("registers.stakeholders.field.name")}
        value={draft.name}
        onChange={(event) => change({ name: event.target.value })}
        error={error("name")}
      />
      <Textfield
        label={t("registers.stakeholders.field.interest")}
        multiline
        rows={2}
        value={draft.interest}
        onChange={(event) => change({ interest: event.target.value })}
        error={error("interest")}
      />
      {level(t("registers.stakeholders.field.interestLevel"), "interestLevel")}
      {level(t("registers.stakeholders.field.influence"), "influence")}
      <RepeatingRows
        rows={draft.activities}
        onChange={(activities) => change({ activities })}
        empty={(): ActivityDraft => ({ title: "", on: "", status: "planned" })}
        legend={(number) => t("registers.stakeholders.activity.legend", { number })}
        removeLabel={(number) => t("registers.stakeholders.activity.remove", { number })}
        addLabel={t("registers.stakeholders.activity.add")}
        renderRow={(activity, index, changeActivity) => (
          <>
            <Textfield
              label={t("registers.stakeholders.activity.title")}
              value={activity.title}
              onChange={(event) => changeActivity({ title: event.target.value })}
              error={error(`activities.${index}.title`)}
            />
            <Textfield
              label={t("registers.stakeholders.activity.on")}
              type="date"
              value={activity.on}
              onChange={(event) => changeActivity({ on: event.target.value })}
              error={error(`activities.${index}.on`)}
            />
            <SelectField
              label={t("registers.stakeholders.activity.status")}
              value={activity.status}
              onChange={(event) => changeActivity({ status: event.target.value as ActivityDraft["status"] })}
              error={error(`activities.${index}.status`)}
            >
              {activityStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`registers.status.${status}`)}
                </option>
              ))}
            </SelectField>
          </>
        )}
      />
    </>
  );
}

/** The forms of a stakeholder; changing one sends the activities that replace the list. */
export const { NewForm: NewStakeholderForm, EditForm: StakeholderEditForm } = registerForms<
  Stakeholder,
  StakeholderDraft,
  NewStakeholder,
  StakeholderChange
>({
  register: "stakeholders",
  emptyOf: () => ({ name: "", interest: "", interestLevel: "medium", influence: "medium", activities: [] }),
  draftOf,
  payloadOf,
  nameOf: (stakeholder) => stakeholder.name,
  addLabelKey: "registers.stakeholders.add",
  Fields: StakeholderFields,
});
