import { Alert, Card, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useUnits, useUsers } from "../../api/hooks.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { AssignRoleForm } from "./AssignRoleForm.tsx";
import { CreateUserForm } from "./CreateUserForm.tsx";
import { LinkSsoForm } from "./LinkSsoForm.tsx";
import { ResetPasswordForm } from "./ResetPasswordForm.tsx";
import { UserTable } from "./UserTable.tsx";

export function UsersPage() {
  const t = useT();
  const me = useSignedInUser();
  const mayAdminister = me.can.manageUsers;
  const users = useUsers(mayAdminister);
  const units = useUnits(mayAdminister);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <div className="page">
      <PageTitle>{t("users.title")}</PageTitle>
      <Paragraph className="page-intro">{t("users.intro")}</Paragraph>
      <LiveStatus message={status} />
      {!mayAdminister && <Alert data-color="info">{t("users.forbidden")}</Alert>}
      {users.isPending && mayAdminister && <Spinner aria-label={t("common.loading")} />}
      {users.isError && <ProblemAlert error={users.error} headingLevel={2} />}
      {users.data && units.data && (
        <>
          <section aria-labelledby="users-list-heading">
            <Heading level={2} data-size="sm" id="users-list-heading">
              {t("users.listHeading")}
            </Heading>
            <UserTable users={users.data} onDone={setStatus} />
          </section>
          <div className="two-columns">
            <Card>
              <Heading level={2} data-size="sm">
                {t("users.create.title")}
              </Heading>
              <CreateUserForm me={me} onDone={setStatus} />
            </Card>
            <Card>
              <Heading level={2} data-size="sm">
                {t("users.assign.title")}
              </Heading>
              <AssignRoleForm users={users.data} units={units.data} onDone={setStatus} />
            </Card>
            <Card>
              <Heading level={2} data-size="sm">
                {t("users.reset.title")}
              </Heading>
              <ResetPasswordForm users={users.data} onDone={setStatus} />
            </Card>
            <Card>
              <Heading level={2} data-size="sm">
                {t("users.link.title")}
              </Heading>
              <LinkSsoForm users={users.data} onDone={setStatus} />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
