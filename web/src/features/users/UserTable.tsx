import { Button, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useRemoveRole } from "../../api/hooks.ts";
import type { RoleAssignment, UserWithRoles } from "../../api/types.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { useSetUserActive } from "./accountApi.ts";

type UserTableProps = {
  users: UserWithRoles[];
  onDone: (message: string) => void;
};

export function UserTable({ users, onDone }: UserTableProps) {
  const t = useT();
  const removeRole = useRemoveRole();
  const setActive = useSetUserActive();
  const mayRemove = (assignment: RoleAssignment) => assignment.can.remove;

  const remove = (user: UserWithRoles, assignment: RoleAssignment) =>
    removeRole.mutate(assignment.id, {
      onSuccess: () =>
        onDone(
          t("users.roleRemoved", {
            role: t(`role.${assignment.role}`),
            unit: assignment.unitName,
            name: user.displayName,
          }),
        ),
    });

  const toggleActive = (user: UserWithRoles) =>
    setActive.mutate(
      { userId: user.id, active: !user.active },
      {
        onSuccess: () =>
          onDone(
            t(user.active ? "users.deactivate.done" : "users.reactivate.done", { name: user.displayName }),
          ),
      },
    );

  return (
    <>
      <ProblemAlert error={removeRole.error} headingLevel={3} />
      <ProblemAlert error={setActive.error} headingLevel={3} />
      <ScrollRegion label={t("users.tableLabel")}>
        <Table zebra border className="user-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("users.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("users.username")}</Table.HeaderCell>
              <Table.HeaderCell>{t("users.roles")}</Table.HeaderCell>
              <Table.HeaderCell>{t("users.account")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {users.map((user) => (
              <Table.Row key={user.id}>
                <Table.Cell>
                  {user.displayName}
                  {user.isSystemAdmin && (
                    <>
                      {" "}
                      <Tag data-color="info" data-size="sm">
                        {t("users.systemAdmin")}
                      </Tag>
                    </>
                  )}
                  {!user.active && (
                    <>
                      {" "}
                      <Tag data-color="warning" data-size="sm">
                        {t("users.deactivated")}
                      </Tag>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell data-label={t("users.username")}>
                  {user.username}
                  {user.externalId !== null && (
                    <span className="user-external-id">
                      {t("users.externalId.inTable", { id: user.externalId })}
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell data-label={t("users.roles")}>
                  {user.roles.length === 0 ? (
                    t("users.noRoles")
                  ) : (
                    <ul className="role-list">
                      {user.roles.map((assignment) => {
                        const role = t(`role.${assignment.role}`);
                        return (
                          <li key={assignment.id}>
                            <span>{t("users.roleOnUnit", { role, unit: assignment.unitName })}</span>
                            {assignment.source === "sso" && (
                              <Tag data-color="neutral" data-size="sm">
                                {t("users.roleFromSso")}
                              </Tag>
                            )}
                            {mayRemove(assignment) && (
                              <Button
                                type="button"
                                variant="tertiary"
                                data-size="sm"
                                aria-label={t("users.removeRoleLabel", {
                                  role,
                                  unit: assignment.unitName,
                                  name: user.displayName,
                                })}
                                onClick={() => remove(user, assignment)}
                                disabled={removeRole.isPending}
                              >
                                {t("users.removeRole")}
                              </Button>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </Table.Cell>
                <Table.Cell data-label={t("users.account")}>
                  {user.can.manageAccount && (
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t(user.active ? "users.deactivate.label" : "users.reactivate.label", {
                        name: user.displayName,
                      })}
                      onClick={() => toggleActive(user)}
                      disabled={setActive.isPending}
                    >
                      {t(user.active ? "users.deactivate" : "users.reactivate")}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
      {users.some((user) => user.roles.some((role) => role.source === "sso")) && (
        <Paragraph data-size="sm" className="user-table-note">
          {t("users.roleFromSso.help")}
        </Paragraph>
      )}
    </>
  );
}
