// Interessenter: each stakeholder's interest, its level and their influence, and the planned
// engagement activities with dates and status; editors add and delete stakeholders.

import { Button, Details, Fieldset, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import {
  activityStatuses,
  engagementLevels,
  type NewStakeholder,
  type Stakeholder,
  useAddToRegister,
  useRemoveFromRegister,
  useStakeholders,
} from "../../api/programmeRegisters.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { DeleteButton, errorOf, FormProblems, RegisterSection } from "./registerParts.tsx";

type Level = (typeof engagementLevels)[number];
type ActivityDraft = { title: string; on: string; status: (typeof activityStatuses)[number] };

function StakeholderCard({
  stakeholder,
  onDelete,
  pending,
}: {
  stakeholder: Stakeholder;
  onDelete?: () => void;
  pending: boolean;
}) {
  const { t, locale } = useLocale();
  const headingId = `stakeholder-${stakeholder.id}`;
  return (
    <article className="register-card" aria-labelledby={headingId}>
      <div className="register-card__head">
        <Heading level={3} data-size="xs" id={headingId}>
          {stakeholder.name}
        </Heading>
        {onDelete && <DeleteButton name={stakeholder.name} onDelete={onDelete} pending={pending} />}
      </div>
      <dl className="register-facts">
        {stakeholder.interest !== "" && (
          <>
            <dt>{t("registers.stakeholders.field.interest")}</dt>
            <dd>{stakeholder.interest}</dd>
          </>
        )}
        <dt>{t("registers.stakeholders.field.interestLevel")}</dt>
        <dd>{t(`registers.level.${stakeholder.interestLevel}`)}</dd>
        <dt>{t("registers.stakeholders.field.influence")}</dt>
        <dd>{t(`registers.level.${stakeholder.influence}`)}</dd>
      </dl>
      <Heading level={4} data-size="2xs">
        {t("registers.stakeholders.activities")}
      </Heading>
      {stakeholder.activities.length === 0 ? (
        <Paragraph data-size="sm">{t("registers.stakeholders.activity.none")}</Paragraph>
      ) : (
        <ul className="register-activities">
          {stakeholder.activities.map((activity) => (
            <li key={activity.id}>
              {activity.on ? `${formatDate(activity.on, locale)}: ` : ""}
              {activity.title} ({t(`registers.status.${activity.status}`).toLowerCase()})
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function NewStakeholderForm({
  programmeId,
  onDone,
}: {
  programmeId: number;
  onDone: (name: string) => void;
}) {
  const { t } = useLocale();
  const add = useAddToRegister<NewStakeholder, Stakeholder>(programmeId, "stakeholders");
  const [name, setName] = useState("");
  const [interest, setInterest] = useState("");
  const [interestLevel, setInterestLevel] = useState<Level>("medium");
  const [influence, setInfluence] = useState<Level>("medium");
  const [activities, setActivities] = useState<ActivityDraft[]>([]);
  const error = errorOf(add.error);
  const setActivity = (index: number, change: Partial<ActivityDraft>) =>
    setActivities((current) => current.map((each, at) => (at === index ? { ...each, ...change } : each)));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        name,
        interest,
        interestLevel,
        influence,
        activities: activities.map((activity) => ({
          title: activity.title,
          on: activity.on === "" ? null : activity.on,
          status: activity.status,
        })),
      },
      { onSuccess: (made) => onDone(made.name) },
    );
  };
  const level = (label: string, value: Level, set: (value: Level) => void, field: string) => (
    <SelectField
      label={label}
      value={value}
      onChange={(event) => set(event.target.value as Level)}
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
    <form className="register-form" onSubmit={submit} noValidate>
      <Textfield
        label={t("registers.stakeholders.field.name")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error("name")}
      />
      <Textfield
        label={t("registers.stakeholders.field.interest")}
        multiline
        rows={2}
        value={interest}
        onChange={(event) => setInterest(event.target.value)}
        error={error("interest")}
      />
      {level(
        t("registers.stakeholders.field.interestLevel"),
        interestLevel,
        setInterestLevel,
        "interestLevel",
      )}
      {level(t("registers.stakeholders.field.influence"), influence, setInfluence, "influence")}
      {activities.map((activity, index) => (
        // Activities have no id until saved; their place in the list is who they are here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fieldset key={index} className="register-row">
          <Fieldset.Legend>
            {t("registers.stakeholders.activity.legend", { number: index + 1 })}
          </Fieldset.Legend>
          <Textfield
            label={t("registers.stakeholders.activity.title")}
            value={activity.title}
            onChange={(event) => setActivity(index, { title: event.target.value })}
            error={error(`activities.${index}.title`)}
          />
          <Textfield
            label={t("registers.stakeholders.activity.on")}
            type="date"
            value={activity.on}
            onChange={(event) => setActivity(index, { on: event.target.value })}
            error={error(`activities.${index}.on`)}
          />
          <SelectField
            label={t("registers.stakeholders.activity.status")}
            value={activity.status}
            onChange={(event) =>
              setActivity(index, { status: event.target.value as ActivityDraft["status"] })
            }
          >
            {activityStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`registers.status.${status}`)}
              </option>
            ))}
          </SelectField>
          <div>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => setActivities((current) => current.filter((_, at) => at !== index))}
            >
              {t("registers.stakeholders.activity.remove", { number: index + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div className="register-actions">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setActivities((current) => [...current, { title: "", on: "", status: "planned" }])}
        >
          {t("registers.stakeholders.activity.add")}
        </Button>
        <Button type="submit" loading={add.isPending}>
          {t("registers.stakeholders.add")}
        </Button>
      </div>
      <FormProblems error={add.error} register="stakeholders" />
    </form>
  );
}

export function StakeholdersSection({
  programmeId,
  onDone,
}: {
  programmeId: number;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const list = useStakeholders(programmeId);
  const remove = useRemoveFromRegister(programmeId, "stakeholders");
  const [round, setRound] = useState(0);
  return (
    <RegisterSection id="register-stakeholders" title={t("registers.stakeholders.title")}>
      {list.isError && <ProblemAlert error={list.error} headingLevel={3} />}
      {list.data && list.data.stakeholders.length === 0 && (
        <Paragraph>{t("registers.stakeholders.none")}</Paragraph>
      )}
      {remove.error !== null && <ProblemAlert error={remove.error} headingLevel={3} />}
      <ul className="register-cards">
        {list.data?.stakeholders.map((stakeholder) => (
          <li key={stakeholder.id}>
            <StakeholderCard
              stakeholder={stakeholder}
              pending={remove.isPending}
              onDelete={
                list.data.can.edit
                  ? () =>
                      remove.mutate(
                        { id: stakeholder.id, version: stakeholder.version },
                        { onSuccess: () => onDone(t("registers.deleted", { name: stakeholder.name })) },
                      )
                  : undefined
              }
            />
          </li>
        ))}
      </ul>
      {list.data?.can.edit && (
        <Details key={round} className="register-add">
          <Details.Summary>{t("registers.stakeholders.add")}</Details.Summary>
          <Details.Content>
            <NewStakeholderForm
              programmeId={programmeId}
              onDone={(name) => {
                setRound((value) => value + 1);
                onDone(t("registers.added", { name }));
              }}
            />
          </Details.Content>
        </Details>
      )}
    </RegisterSection>
  );
}
