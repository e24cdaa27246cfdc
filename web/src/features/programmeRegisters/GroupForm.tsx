// The forms of a group: its kind, name, category, mandate and members (the unit each represents
// and their role). Adding and changing share the fields; a second chair is refused by the server
// and shown at that member's role.

import { Textfield } from "@digdir/designsystemet-react";
import { useUnits } from "../../api/hooks.ts";
import {
  type GroupChange,
  groupKinds,
  memberRoles,
  type NewGroup,
  type ProgrammeGroup,
} from "../../api/programmeRegisters.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { RepeatingRows } from "./RepeatingRows.tsx";
import { type FieldsProps, registerForms } from "./registerEditing.tsx";
import { errorOf } from "./registerParts.tsx";

type MemberDraft = { name: string; unitId: string; role: (typeof memberRoles)[number] };
type GroupDraft = {
  kind: (typeof groupKinds)[number];
  name: string;
  category: string;
  mandate: string;
  members: MemberDraft[];
};

const emptyMember = (): MemberDraft => ({ name: "", unitId: "", role: "member" });

const draftOf = (group: ProgrammeGroup): GroupDraft => ({
  kind: group.kind,
  name: group.name,
  category: group.category,
  mandate: group.mandate,
  members: group.members.map((member) => ({
    name: member.name,
    unitId: member.unitId === null ? "" : String(member.unitId),
    role: member.role,
  })),
});

/** What the server takes; a member row left without a name is not sent. */
const payloadOf = (draft: GroupDraft) => ({
  ...draft,
  members: draft.members
    .filter((member) => member.name.trim() !== "")
    .map((member) => ({
      name: member.name,
      role: member.role,
      unitId: member.unitId === "" ? null : Number(member.unitId),
    })),
});

function GroupFields({ draft, change, error: problem }: FieldsProps<GroupDraft>) {
  const { t } = useLocale();
  const units = useUnits();
  const error = errorOf(problem);
  return (
    <>
      <SelectField
        label={t("registers.groups.field.kind")}
        value={draft.kind}
        onChange={(event) => change({ kind: event.target.value as GroupDraft["kind"] })}
        error={error("kind")}
      >
        {groupKinds.map((each) => (
          <option key={each} value={each}>
            {t(`registers.groups.kind.${each}`)}
          </option>
        ))}
      </SelectField>
      <Textfield
        label={t("registers.groups.field.name")}
        value={draft.name}
        onChange={(event) => change({ name: event.target.value })}
        error={error("name")}
      />
      <Textfield
        label={t("registers.groups.field.category")}
        description={t("registers.groups.field.categoryHelp")}
        value={draft.category}
        onChange={(event) => change({ category: event.target.value })}
        error={error("category")}
      />
      <Textfield
        label={t("registers.groups.field.mandate")}
        multiline
        rows={3}
        value={draft.mandate}
        onChange={(event) => change({ mandate: event.target.value })}
        error={error("mandate")}
      />
      <RepeatingRows
        rows={draft.members}
        onChange={(members) => change({ members })}
        empty={emptyMember}
        legend={(number) => t("registers.groups.member.legend", { number })}
        removeLabel={(number) => t("registers.groups.member.remove", { number })}
        addLabel={t("registers.groups.member.add")}
        renderRow={(member, index, changeMember) => (
          <>
            <Textfield
              label={t("registers.groups.member.name")}
              value={member.name}
              onChange={(event) => changeMember({ name: event.target.value })}
              error={error(`members.${index}.name`)}
            />
            <SelectField
              label={t("registers.groups.member.unit")}
              value={member.unitId}
              onChange={(event) => changeMember({ unitId: event.target.value })}
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
              onChange={(event) => changeMember({ role: event.target.value as MemberDraft["role"] })}
              error={error(`members.${index}.role`)}
            >
              {memberRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`registers.groups.role.${role}`)}
                </option>
              ))}
            </SelectField>
          </>
        )}
      />
    </>
  );
}

/** The forms of a group; changing one sends the members that replace the list. */
export const { NewForm: NewGroupForm, EditForm: GroupEditForm } = registerForms<
  ProgrammeGroup,
  GroupDraft,
  NewGroup,
  GroupChange
>({
  register: "groups",
  emptyOf: () => ({ kind: "steering", name: "", category: "", mandate: "", members: [emptyMember()] }),
  draftOf,
  payloadOf,
  nameOf: (group) => group.name,
  addLabelKey: "registers.groups.add",
  Fields: GroupFields,
});
