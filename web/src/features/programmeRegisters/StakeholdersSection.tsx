// Interessenter: each stakeholder's interest, its level and their influence, and the planned
// engagement activities with dates and status; editors add, change and delete stakeholders.

import { Details, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import { type Stakeholder, useRemoveFromRegister, useStakeholders } from "../../api/programmeRegisters.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { CardEditing } from "./registerEditing.tsx";
import { RegisterSection } from "./registerParts.tsx";
import { NewStakeholderForm, StakeholderEditForm } from "./StakeholderForm.tsx";

function StakeholderCard({
  stakeholder,
  programmeId,
  onDelete,
  onSaved,
  pending,
}: {
  stakeholder: Stakeholder;
  programmeId: number;
  /** Given to editors only; with it come "Endre" and "Slett". */
  onDelete?: () => void;
  onSaved: (name: string) => void;
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
      <CardEditing
        name={stakeholder.name}
        title={stakeholder.name}
        onDelete={onDelete}
        pending={pending}
        onSaved={onSaved}
        renderForm={(close) => (
          <StakeholderEditForm programmeId={programmeId} record={stakeholder} {...close} />
        )}
      />
    </article>
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
              programmeId={programmeId}
              onSaved={(name) => onDone(t("registers.changed", { name }))}
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
