import { Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useSignInOptions } from "../../api/hooks.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { NotifyModeForm } from "../notifications/NotifyModeForm.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { SignOutEverywhereButton } from "./SignOutEverywhereButton.tsx";

/** The signed-in user's own account: password, sessions and e-mail about notifications. */
export function AccountPage() {
  const t = useT();
  const me = useSignedInUser();
  const [status, setStatus] = useState<string | null>(null);
  // Where everyone signs in through the organisation's provider, a password here has no use.
  const localSignIn = useSignInOptions().data?.localSignIn !== false;

  return (
    <div className="page">
      <PageTitle>{t("account.title")}</PageTitle>
      <Paragraph className="page-intro">
        {t("account.intro", { name: me.displayName, username: me.username })}
      </Paragraph>
      <LiveStatus message={status} />
      <div className="two-columns">
        {localSignIn && (
          <Card>
            <Heading level={2} data-size="sm">
              {t("account.password.title")}
            </Heading>
            <ChangePasswordForm onDone={setStatus} />
          </Card>
        )}
        <Card>
          <Heading level={2} data-size="sm">
            {t("account.sessions.title")}
          </Heading>
          <Paragraph data-size="sm">{t("account.sessions.body")}</Paragraph>
          <div>
            <SignOutEverywhereButton />
          </div>
        </Card>
        <Card>
          <Heading level={2} data-size="sm">
            {t("notifications.prefs.title")}
          </Heading>
          <NotifyModeForm onDone={setStatus} />
        </Card>
      </div>
    </div>
  );
}
