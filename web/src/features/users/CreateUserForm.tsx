import { Button, Checkbox, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useCreateUser } from "../../api/hooks.ts";
import type { Me } from "../../api/types.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useT } from "../../i18n/i18n.tsx";
import { passwordError, passwordMessageFor } from "../auth/passwordProblems.ts";

const emptyUser = { username: "", displayName: "", email: "", password: "", isSystemAdmin: false };

export function CreateUserForm({ me, onDone }: { me: Me; onDone: (message: string) => void }) {
  const t = useT();
  const createUser = useCreateUser();
  const [user, setUser] = useState(emptyUser);
  const set =
    (field: "username" | "displayName" | "email" | "password") => (event: { target: { value: string } }) =>
      setUser((current) => ({ ...current, [field]: event.target.value }));

  const payload = { ...user, email: user.email.trim() || null };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    createUser.mutate(payload, {
      onSuccess: (created) => {
        setUser(emptyUser);
        onDone(t("users.create.done", { name: created.displayName }));
      },
    });
  };

  // A problem goes from the screen once its field is changed.
  const error = useLiveError(createUser.error, createUser.variables, payload);
  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Textfield
        label={t("field.username")}
        autoComplete="off"
        value={user.username}
        onChange={set("username")}
        error={fieldError(error, "username")}
        required
      />
      <Textfield
        label={t("field.displayName")}
        autoComplete="off"
        value={user.displayName}
        onChange={set("displayName")}
        error={fieldError(error, "displayName")}
        required
      />
      <Textfield
        label={t("users.create.email")}
        type="email"
        autoComplete="off"
        value={user.email}
        onChange={set("email")}
        error={fieldError(error, "email")}
      />
      <Textfield
        label={t("users.create.password")}
        description={t("users.create.passwordHelp")}
        type="password"
        autoComplete="new-password"
        value={user.password}
        onChange={set("password")}
        error={passwordError(error, t)}
        required
      />
      {/* Only a system administrator may create another; the server refuses anyone else. */}
      {me.can.createSystemAdministrators && (
        <Checkbox
          label={t("users.create.systemAdmin")}
          checked={user.isSystemAdmin}
          onChange={(event) => setUser((current) => ({ ...current, isSystemAdmin: event.target.checked }))}
        />
      )}
      <ProblemAlert error={error} headingLevel={3} messageFor={passwordMessageFor(error, t)} />
      <div>
        <Button type="submit" loading={createUser.isPending}>
          {t("users.create.submit")}
        </Button>
      </div>
    </form>
  );
}
