// Styringsgrupper og andre grupper: each group with its mandate and members (the unit each
// represents and their role); editors add a group with its members, change one and delete one.

import { Details, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { type ProgrammeGroup, useGroups, useRemoveFromRegister } from "../../api/programmeRegisters.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { GroupEditForm, NewGroupForm } from "./GroupForm.tsx";
import { CardEditing } from "./registerEditing.tsx";
import { RegisterSection } from "./registerParts.tsx";

function GroupCard({
  group,
  programmeId,
  onDelete,
  onSaved,
  pending,
}: {
  group: ProgrammeGroup;
  programmeId: number;
  /** Given to editors only; with it come "Endre" and "Slett". */
  onDelete?: () => void;
  onSaved: (name: string) => void;
  pending: boolean;
}) {
  const { t } = useLocale();
  const headingId = `group-${group.id}`;
  const title = `${t(`registers.groups.kind.${group.kind}`)}: ${group.name}`;
  return (
    <article className="register-card" aria-labelledby={headingId}>
      <div className="register-card__head">
        <Heading level={3} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </div>
      <dl className="register-facts">
        {group.category !== "" && (
          <>
            <dt>{t("registers.groups.field.category")}</dt>
            <dd>{group.category}</dd>
          </>
        )}
        {group.mandate !== "" && (
          <>
            <dt>{t("registers.groups.field.mandate")}</dt>
            <dd>{group.mandate}</dd>
          </>
        )}
      </dl>
      {group.members.length === 0 ? (
        <Paragraph data-size="sm">{t("registers.groups.members.none")}</Paragraph>
      ) : (
        <ScrollRegion label={t("registers.groups.members")}>
          <Table data-size="sm" className="register-table">
            <caption>{t("registers.groups.members")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("registers.groups.member.name")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.groups.member.unit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.groups.member.role")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {group.members.map((member) => (
                <Table.Row key={member.id}>
                  <Table.HeaderCell scope="row">{member.name}</Table.HeaderCell>
                  <Table.Cell>{member.unitName ?? t("registers.groups.member.noUnit")}</Table.Cell>
                  <Table.Cell>{t(`registers.groups.role.${member.role}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      <CardEditing
        name={group.name}
        title={title}
        onDelete={onDelete}
        pending={pending}
        onSaved={onSaved}
        renderForm={(close) => <GroupEditForm programmeId={programmeId} record={group} {...close} />}
      />
    </article>
  );
}

export function GroupsSection({
  programmeId,
  onDone,
}: {
  programmeId: number;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const groups = useGroups(programmeId);
  const remove = useRemoveFromRegister(programmeId, "groups");
  const [round, setRound] = useState(0);
  return (
    <RegisterSection id="register-groups" title={t("registers.groups.title")}>
      {groups.isError && <ProblemAlert error={groups.error} headingLevel={3} />}
      {groups.data && groups.data.groups.length === 0 && <Paragraph>{t("registers.groups.none")}</Paragraph>}
      {remove.error !== null && <ProblemAlert error={remove.error} headingLevel={3} />}
      <ul className="register-cards">
        {groups.data?.groups.map((group) => (
          <li key={group.id}>
            <GroupCard
              group={group}
              programmeId={programmeId}
              onSaved={(name) => onDone(t("registers.changed", { name }))}
              pending={remove.isPending}
              onDelete={
                groups.data.can.edit
                  ? () =>
                      remove.mutate(
                        { id: group.id, version: group.version },
                        { onSuccess: () => onDone(t("registers.deleted", { name: group.name })) },
                      )
                  : undefined
              }
            />
          </li>
        ))}
      </ul>
      {groups.data?.can.edit && (
        <Details key={round} className="register-add">
          <Details.Summary>{t("registers.groups.add")}</Details.Summary>
          <Details.Content>
            <NewGroupForm
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
