import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { UserWithRoles } from "../../api/types.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useSetExternalId } from "./accountApi.ts";
import { UserChoice } from "./UserChoice.tsx";

type LinkSsoFormProps = {
  users: UserWithRoles[];
  onDone: (message: string) => void;
};

/**
 * An administrator ties a user to their account in the organisation's sign-in service (the id
 * OIDC_USER_FIELD=external_id matches), e.g. for a user made in Tertial before single sign-on.
 */
export function LinkSsoForm({ users, onDone }: LinkSsoFormProps) {
  const t = useT();
  const setExternalId = useSetExternalId();
  const [userId, setUserId] = useState("");
  const [externalId, setExternalIdText] = useState("");
  const candidates = users.filter((user) => user.can.manageAccount);

  // An empty field unlinks: the server refuses a blank id, so send null rather than "".
  const payload = { userId: Number(userId), externalId: externalId.trim() || null };
  const error = useLiveError(setExternalId.error, setExternalId.variables, payload);

  const choose = (value: string) => {
    setUserId(value);
    // Start from the user's present link, so that saving unchanged changes nothing.
    setExternalIdText(candidates.find((user) => String(user.id) === value)?.externalId ?? "");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const user = candidates.find((candidate) => String(candidate.id) === userId);
    if (!user) return;
    setExternalId.mutate(
      { userId: user.id, externalId: payload.externalId },
      {
        onSuccess: (saved) => {
          setExternalIdText(saved.externalId ?? "");
          onDone(
            t(saved.externalId === null ? "users.link.unlinked" : "users.link.linked", {
              name: user.displayName,
            }),
          );
        },
      },
    );
  };

  const label = t("users.link.field");
  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Paragraph data-size="sm">{t("users.link.intro")}</Paragraph>
      <UserChoice users={candidates} value={userId} onChange={choose} />
      <Textfield
        label={label}
        description={t("users.link.help")}
        autoComplete="off"
        spellCheck={false}
        value={externalId}
        onChange={(event) => setExternalIdText(event.target.value)}
        error={fieldError(error, "externalId")}
      />
      <ProblemAlert
        error={error}
        headingLevel={3}
        labelFor={(field) => (field === "externalId" ? label : undefined)}
      />
      <div>
        <Button type="submit" loading={setExternalId.isPending} disabled={!userId}>
          {t("users.link.submit")}
        </Button>
      </div>
    </form>
  );
}
