import type { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import {
  canAssignRoles,
  canCreateSystemAdministrators,
  canCreateUsers,
  canManageAccount,
  type Principal,
} from "../../domain/access.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { hashPassword } from "../auth/password.ts";
import { assertPasswordAllowed } from "../auth/password-policy.ts";
import { deleteUserSessions, updateUserPassword } from "../auth/queries.ts";
import { findUnitById } from "../units/queries.ts";
import {
  deleteRoleAssignment,
  findRoleAssignment,
  findUserByExternalId,
  findUserById,
  insertRoleAssignment,
  insertUser,
  selectUnitPathsOfUser,
  selectUsersWithRoles,
  setUserActive,
  setUserExternalId,
} from "./queries.ts";
import {
  type accountStateView,
  type assignmentView,
  type assignRoleInput,
  createUserInput,
  type externalIdView,
  type resetPasswordInput,
  setExternalIdInput,
  type UserView,
  type userSummary,
} from "./schema.ts";

/** The principal the command line acts as: it runs on the server, with the operator's rights. */
export { operatorPrincipal } from "../../caller.ts";

export async function createUser(
  db: Db,
  { principal, actor }: Caller,
  input: z.input<typeof createUserInput>,
): Promise<z.infer<typeof userSummary>> {
  const data = createUserInput.parse(input);
  if (!canCreateUsers(principal)) throw forbidden("users_create_admins_only");
  if (data.isSystemAdmin && !canCreateSystemAdministrators(principal)) {
    throw forbidden("users_create_system_admin");
  }
  assertPasswordAllowed(data.password, data);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.transaction(async (tx) => {
      const user = await insertUser(tx, {
        username: data.username,
        displayName: data.displayName,
        email: data.email ?? null,
        passwordHash,
        isSystemAdmin: data.isSystemAdmin,
      });
      const { passwordHash: _hidden, ...visible } = user;
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "user",
        entityId: String(user.id),
        unitId: null,
        after: visible,
      });
      return { id: user.id, username: user.username, displayName: user.displayName };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "username_taken", {
        params: { username: data.username },
        problems: [fieldProblem("username", "in_use", { username: data.username })],
      });
    }
    throw error;
  }
}

export async function listUsers(db: Db, { principal }: Caller): Promise<UserView[]> {
  if (!canCreateUsers(principal)) throw forbidden("users_list_admins_only");
  return (await selectUsersWithRoles(db)).map((user) => ({
    ...user,
    roles: user.roles.map((role) => ({ ...role, can: { remove: canAssignRoles(principal, role.unitPath) } })),
    can: {
      manageAccount: canManageAccount(principal, {
        userId: user.id,
        isSystemAdmin: user.isSystemAdmin,
        unitPaths: user.roles.map((role) => role.unitPath),
      }),
    },
  }));
}

export async function assignRole(
  db: Db,
  { principal, actor }: Caller,
  userId: number,
  input: z.infer<typeof assignRoleInput>,
): Promise<z.infer<typeof assignmentView>> {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound("user_not_found", { userId });
    const unit = await findUnitById(tx, input.unitId);
    if (!unit) {
      throw new AppError("validation_failed", "role_unit_not_found", {
        params: { unitId: input.unitId },
        problems: [fieldProblem("unitId", "unknown_unit", { unitId: input.unitId })],
      });
    }
    if (!canAssignRoles(principal, unit.path)) {
      throw forbidden("role_assign_needs_admin", { unit: unit.name });
    }
    const assignment = await insertRoleAssignment(tx, userId, unit.id, input.role);
    if (!assignment) {
      throw new AppError("conflict", "role_already_given", {
        params: { user: user.displayName, unit: unit.name, role: input.role },
      });
    }
    // A change of rights ends the user's sessions: they sign in again and see the new rights.
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, actor, {
      action: "assign_role",
      entityType: "role_assignment",
      entityId: String(assignment.id),
      unitId: unit.id,
      after: { userId, unitId: unit.id, role: input.role },
    });
    return { ...assignment, createdAt: assignment.createdAt.toISOString() };
  });
}

export async function removeRole(db: Db, { principal, actor }: Caller, assignmentId: number) {
  return db.transaction(async (tx) => {
    const assignment = await findRoleAssignment(tx, assignmentId);
    if (!assignment) throw notFound("role_assignment_not_found", { assignmentId });
    if (!canAssignRoles(principal, assignment.unitPath)) {
      throw forbidden("role_remove_needs_admin", { unit: assignment.unitName });
    }
    await deleteRoleAssignment(tx, assignmentId);
    await deleteUserSessions(tx, assignment.userId);
    await recordAudit(tx, actor, {
      action: "remove_role",
      entityType: "role_assignment",
      entityId: String(assignmentId),
      unitId: assignment.unitId,
      before: { userId: assignment.userId, unitId: assignment.unitId, role: assignment.role },
    });
  });
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** What an administrator does to another account. */
type AccountAction = "reset_password" | "deactivate" | "reactivate" | "set_external_id";

/** Refuses unless the rule of canManageAccount (src/domain/access.ts) allows it. */
async function assertMayManageAccount(db: Db, principal: Principal, user: UserRow, action: AccountAction) {
  if (user.id === principal.userId) throw forbidden(`own_account_${action}`);
  const unitPaths = await selectUnitPathsOfUser(db, user.id);
  if (!canManageAccount(principal, { userId: user.id, isSystemAdmin: user.isSystemAdmin, unitPaths })) {
    throw forbidden(`account_${action}_needs_admin`, { user: user.displayName });
  }
}

/** An administrator sets a new password for a user; every session of that user ends. */
export async function resetPassword(
  db: Db,
  { principal, actor }: Caller,
  userId: number,
  input: z.infer<typeof resetPasswordInput>,
) {
  const user = await findUserById(db, userId);
  if (!user) throw notFound("user_not_found", { userId });
  await assertMayManageAccount(db, principal, user, "reset_password");
  assertPasswordAllowed(input.password, user);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await updateUserPassword(tx, userId, passwordHash);
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, actor, {
      action: "reset_password",
      entityType: "user",
      entityId: String(userId),
      unitId: null,
    });
  });
}

/** Deactivates (ending every session) or reactivates an account. */
export async function setAccountActive(
  db: Db,
  { principal, actor }: Caller,
  userId: number,
  active: boolean,
): Promise<z.infer<typeof accountStateView>> {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound("user_not_found", { userId });
    await assertMayManageAccount(tx, principal, user, active ? "reactivate" : "deactivate");
    if (user.active !== active) {
      await setUserActive(tx, userId, active);
      if (!active) await deleteUserSessions(tx, userId);
      await recordAudit(tx, actor, {
        action: active ? "reactivate" : "deactivate",
        entityType: "user",
        entityId: String(userId),
        unitId: null,
        before: { active: user.active },
        after: { active },
      });
    }
    return { id: user.id, username: user.username, displayName: user.displayName, active };
  });
}

/**
 * Links a user to the sign-in service (the id OIDC_USER_FIELD=external_id matches), or unlinks
 * with null. Sessions go on: the link changes how the user signs in next, not their rights.
 */
export async function setExternalId(
  db: Db,
  { principal, actor }: Caller,
  userId: number,
  input: z.input<typeof setExternalIdInput>,
): Promise<z.infer<typeof externalIdView>> {
  const { externalId } = setExternalIdInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const user = await findUserById(tx, userId);
      if (!user) throw notFound("user_not_found", { userId });
      // Access first: who holds an id is told only to those who may link this user.
      await assertMayManageAccount(tx, principal, user, "set_external_id");
      if (externalId !== null) await assertExternalIdFree(tx, externalId, userId);
      if (user.externalId !== externalId) {
        await setUserExternalId(tx, userId, externalId);
        await recordAudit(tx, actor, {
          action: "set_external_id",
          entityType: "user",
          entityId: String(userId),
          unitId: null,
          before: { externalId: user.externalId },
          after: { externalId },
        });
      }
      return { id: user.id, username: user.username, displayName: user.displayName, externalId };
    });
  } catch (error) {
    // Two administrators linking the same id at once: the unique index decides; name the winner.
    if (externalId !== null && isUniqueViolation(error)) await assertExternalIdFree(db, externalId, userId);
    throw error;
  }
}

async function assertExternalIdFree(db: Db, externalId: string, userId: number) {
  const holder = await findUserByExternalId(db, externalId);
  if (holder && holder.id !== userId) {
    const params = { user: holder.displayName, username: holder.username };
    throw new AppError("conflict", "external_id_taken", {
      params,
      problems: [fieldProblem("externalId", "external_id_in_use", params)],
    });
  }
}
