import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useChangePassword } from "./accountApi.ts";
import { passwordError, passwordMessageFor } from "./passwordProblems.ts";

const empty = { currentPassword: "", password: "" };

export function ChangePasswordForm({ onDone }: { onDone: (message: string) => void }) {
  const t = useT();
  const changePassword = useChangePassword();
  const [fields, setFields] = useState(empty);
  const set = (field: keyof typeof empty) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    changePassword.mutate(fields, {
      onSuccess: () => {
        setFields(empty);
        onDone(t("account.password.done"));
      },
    });
  };

  // A problem goes from the screen once its field is changed.
  const error = useLiveError(changePassword.error, changePassword.variables, fields);
  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Textfield
        label={t("account.password.current")}
        type="password"
        autoComplete="current-password"
        value={fields.currentPassword}
        onChange={set("currentPassword")}
        error={passwordError(error, t, "currentPassword")}
        required
      />
      <Textfield
        label={t("account.password.new")}
        description={t("password.rules")}
        type="password"
        autoComplete="new-password"
        value={fields.password}
        onChange={set("password")}
        error={passwordError(error, t)}
        required
      />
      <ProblemAlert error={error} headingLevel={3} messageFor={passwordMessageFor(error, t)} />
      <div>
        <Button type="submit" loading={changePassword.isPending}>
          {t("account.password.submit")}
        </Button>
      </div>
    </form>
  );
}
