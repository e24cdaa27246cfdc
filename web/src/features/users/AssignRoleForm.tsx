import { Button, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useAssignRole } from "../../api/hooks.ts";
import { type Role, roles, type Unit, type UserWithRoles } from "../../api/types.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { childrenByParent, flattenTree, indentLabel } from "../units/unitTree.ts";
import { UserChoice } from "./UserChoice.tsx";

type AssignRoleFormProps = {
  users: UserWithRoles[];
  units: Unit[];
  onDone: (message: string) => void;
};

export function AssignRoleForm({ users, units, onDone }: AssignRoleFormProps) {
  const { t, locale } = useLocale();
  const assignRole = useAssignRole();
  const [userId, setUserId] = useState("");
  const [unitId, setUnitId] = useState("");
  const [role, setRole] = useState<Role>("reader");

  // Roles can be given only where the user is an administrator.
  const unitOptions = flattenTree(childrenByParent(units, locale)).filter(({ unit }) => unit.can.manage);

  // A problem goes from the screen once its field is changed.
  const error = useLiveError(assignRole.error, assignRole.variables, {
    userId: Number(userId),
    unitId: Number(unitId),
    role,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const user = users.find((candidate) => String(candidate.id) === userId);
    const unit = units.find((candidate) => String(candidate.id) === unitId);
    if (!user || !unit) return;
    assignRole.mutate(
      { userId: user.id, unitId: unit.id, role },
      {
        onSuccess: () =>
          onDone(
            t("users.assign.done", { name: user.displayName, role: t(`role.${role}`), unit: unit.name }),
          ),
      },
    );
  };

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Paragraph data-size="sm">{t("users.assign.intro")}</Paragraph>
      <UserChoice users={users} value={userId} onChange={setUserId} />
      <SelectField
        label={t("users.assign.unit")}
        value={unitId}
        onChange={(event) => setUnitId(event.target.value)}
        error={fieldError(error, "unitId")}
        required
      >
        <option value="">{t("users.assign.chooseUnit")}</option>
        {unitOptions.map(({ unit, depth }) => (
          <option key={unit.id} value={String(unit.id)}>
            {indentLabel(`${unit.code} – ${unit.name}`, depth)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("users.assign.role")}
        value={role}
        onChange={(event) => setRole(roles.find((candidate) => candidate === event.target.value) ?? "reader")}
        error={fieldError(error, "role")}
      >
        {roles.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(`role.${candidate}`)}
          </option>
        ))}
      </SelectField>
      <ProblemAlert error={error} headingLevel={3} />
      <div>
        <Button type="submit" loading={assignRole.isPending} disabled={!userId || !unitId}>
          {t("users.assign.submit")}
        </Button>
      </div>
    </form>
  );
}
