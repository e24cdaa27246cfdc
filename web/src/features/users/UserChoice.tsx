import type { UserWithRoles } from "../../api/types.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useT } from "../../i18n/i18n.tsx";

type UserChoiceProps = {
  users: UserWithRoles[];
  /** The chosen user's id as text, "" for none. */
  value: string;
  onChange: (userId: string) => void;
};

/** The list of users the administrator's forms on the Users page choose from, by name and username. */
export function UserChoice({ users, value, onChange }: UserChoiceProps) {
  const t = useT();
  return (
    <SelectField
      label={t("users.assign.user")}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
    >
      <option value="">{t("users.assign.chooseUser")}</option>
      {users.map((user) => (
        <option key={user.id} value={String(user.id)}>
          {user.displayName} ({user.username})
        </option>
      ))}
    </SelectField>
  );
}
