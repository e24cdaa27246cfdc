// Styringsgrupper og andre grupper: each group with its mandate and members (the unit each
// represents and their role); editors add a group with its members and delete one.

import {
  Button,
  Details,
  Fieldset,
  Heading,
  Paragraph,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { useUnits } from "../../api/hooks.ts";
import {
  groupKinds,
  memberRoles,
  type NewGroup,
  type ProgrammeGroup,
  useAddToRegister,
  useGroups,
  useRemoveFromRegister,
} from "../../api/programmeRegisters.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { DeleteButton, errorOf, FormProblems, RegisterSection } from "./registerParts.tsx";

type MemberDraft = { name: string; unitId: string; role: (typeof memberRoles)[number] };
const emptyMember = (): MemberDraft => ({ name: "", unitId: "", role: "member" });

function GroupCard({
  group,
  onDelete,
  pending,
}: {
  group: ProgrammeGroup;
  onDelete?: () => void;
  pending: boolean;
}) {
  const { t } = useLocale();
  const headingId = `group-${group.id}`;
  return (
    <article className="register-card" aria-labelledby={headingId}>
      <div className="register-card__head">
        <Heading level={3} data-size="xs" id={headingId}>
          {t(`registers.groups.kind.${group.kind}`)}: {group.name}
        </Heading>
        {onDelete && <DeleteButton name={group.name} onDelete={onDelete} pending={pending} />}
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
    </article>
  );
}

function NewGroupForm({ programmeId, onDone }: { programmeId: number; onDone: (name: string) => void }) {
  const { t } = useLocale();
  const units = useUnits();
  const add = useAddToRegister<NewGroup, ProgrammeGroup>(programmeId, "groups");
  const [kind, setKind] = useState<(typeof groupKinds)[number]>("steering");
  const [name, setName] = useState("");
  const [category, setCategory] = useState("");
  const [mandate, setMandate] = useState("");
  const [members, setMembers] = useState<MemberDraft[]>([emptyMember()]);
  const error = errorOf(add.error);
  const setMember = (index: number, change: Partial<MemberDraft>) =>
    setMembers((current) => current.map((member, at) => (at === index ? { ...member, ...change } : member)));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        kind,
        name,
        category,
        mandate,
        members: members
          .filter((member) => member.name.trim() !== "")
          .map((member) => ({
            name: member.name,
            role: member.role,
            unitId: member.unitId === "" ? null : Number(member.unitId),
          })),
      },
      { onSuccess: (group) => onDone(group.name) },
    );
  };
  return (
    <form className="register-form" onSubmit={submit} noValidate>
      <SelectField
        label={t("registers.groups.field.kind")}
        value={kind}
        onChange={(event) => setKind(event.target.value as typeof kind)}
      >
        {groupKinds.map((each) => (
          <option key={each} value={each}>
            {t(`registers.groups.kind.${each}`)}
          </option>
        ))}
      </SelectField>
      <Textfield
        label={t("registers.groups.field.name")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error("name")}
      />
      <Textfield
        label={t("registers.groups.field.category")}
        description={t("registers.groups.field.categoryHelp")}
        value={category}
        onChange={(event) => setCategory(event.target.value)}
        error={error("category")}
      />
      <Textfield
        label={t("registers.groups.field.mandate")}
        multiline
        rows={3}
        value={mandate}
        onChange={(event) => setMandate(event.target.value)}
        error={error("mandate")}
      />
      {members.map((member, index) => (
        // Members have no id until saved; their place in the list is who they are here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fieldset key={index} className="register-row">
          <Fieldset.Legend>{t("registers.groups.member.legend", { number: index + 1 })}</Fieldset.Legend>
          <Textfield
            label={t("registers.groups.member.name")}
            value={member.name}
            onChange={(event) => setMember(index, { name: event.target.value })}
            error={error(`members.${index}.name`)}
          />
          <SelectField
            label={t("registers.groups.member.unit")}
            value={member.unitId}
            onChange={(event) => setMember(index, { unitId: event.target.value })}
            error={error(`members.${index}.unitId`)}
          >
            <option value="">{t("registers.groups.member.noUnit")}</option>
            {(units.data ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("registers.groups.member.role")}
            value={member.role}
            onChange={(event) => setMember(index, { role: event.target.value as MemberDraft["role"] })}
            error={error(`members.${index}.role`)}
          >
            {memberRoles.map((role) => (
              <option key={role} value={role}>
                {t(`registers.groups.role.${role}`)}
              </option>
            ))}
          </SelectField>
          <div>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => setMembers((current) => current.filter((_, at) => at !== index))}
            >
              {t("registers.groups.member.remove", { number: index + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div className="register-actions">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setMembers((current) => [...current, emptyMember()])}
        >
          {t("registers.groups.member.add")}
        </Button>
        <Button type="submit" loading={add.isPending}>
          {t("registers.groups.add")}
        </Button>
      </div>
      <FormProblems error={add.error} register="groups" />
    </form>
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
