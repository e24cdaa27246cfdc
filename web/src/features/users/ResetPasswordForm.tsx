import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { UserWithRoles } from "../../api/types.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useT } from "../../i18n/i18n.tsx";
import { passwordError, passwordMessageFor } from "../auth/passwordProblems.ts";
import { useResetPassword } from "./accountApi.ts";
import { UserChoice } from "./UserChoice.tsx";

type ResetPasswordFormProps = {
  users: UserWithRoles[];
  onDone: (message: string) => void;
};

/** An administrator gives a user a new password, e.g. when it is forgotten. */
export function ResetPasswordForm({ users, onDone }: ResetPasswordFormProps) {
  const t = useT();
  const resetPassword = useResetPassword();
  const [userId, setUserId] = useState("");
  const [password, setPassword] = useState("");
  const candidates = users.filter((user) => user.can.manageAccount);

  // A problem goes from the screen once its field is changed.
  const error = useLiveError(resetPassword.error, resetPassword.variables, {
    userId: Number(userId),
    password,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const user = candidates.find((candidate) => String(candidate.id) === userId);
    if (!user) return;
    resetPassword.mutate(
      { userId: user.id, password },
      {
        onSuccess: () => {
          setPassword("");
          onDone(t("users.reset.done", { name: user.displayName }));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Paragraph data-size="sm">{t("users.reset.intro")}</Paragraph>
      <UserChoice users={candidates} value={userId} onChange={setUserId} />
      <Textfield
        label={t("users.reset.password")}
        description={t("password.rules")}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={passwordError(error, t)}
        required
      />
      <ProblemAlert error={error} headingLevel={3} messageFor={passwordMessageFor(error, t)} />
      <div>
        <Button type="submit" loading={resetPassword.isPending} disabled={!userId}>
          {t("users.reset.submit")}
        </Button>
      </div>
    </form>
  );
}
