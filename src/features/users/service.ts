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
import { AppError, forbidden, notFound } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { hashPassword } from "../auth/password.ts";
import { assertPasswordAllowed } from "../auth/password-policy.ts";
import { deleteUserSessions, updateUserPassword } from "../auth/queries.ts";
import { findUnitById } from "../units/queries.ts";
import {
  deleteRoleAssignment,
  findRoleAssignment,
  findUserById,
  insertRoleAssignment,
  insertUser,
  selectUnitPathsOfUser,
  selectUsersWithRoles,
  setUserActive,
} from "./queries.ts";
import {
  type accountStateView,
  type assignmentView,
  type assignRoleInput,
  createUserInput,
  type resetPasswordInput,
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
  if (!canCreateUsers(principal)) throw forbidden("Only administrators can create users.");
  if (data.isSystemAdmin && !canCreateSystemAdministrators(principal)) {
    throw forbidden("Only a system administrator can create another system administrator.");
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
      throw new AppError("conflict", `The username ${data.username} is taken.`, {
        problems: [{ field: "username", code: "in_use", message: "already in use" }],
      });
    }
    throw error;
  }
}

export async function listUsers(db: Db, { principal }: Caller): Promise<UserView[]> {
  if (!canCreateUsers(principal)) throw forbidden("Only administrators can list users.");
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
    if (!user) throw notFound(`User ${userId}`);
    const unit = await findUnitById(tx, input.unitId);
    if (!unit) {
      throw new AppError("validation_failed", `Unit ${input.unitId} does not exist.`, {
        problems: [{ field: "unitId", code: "unknown_unit", message: "unknown unit" }],
      });
    }
    if (!canAssignRoles(principal, unit.path)) {
      throw forbidden(`You need the administrator role on ${unit.name} to give roles there.`);
    }
    const assignment = await insertRoleAssignment(tx, userId, unit.id, input.role);
    if (!assignment) {
      throw new AppError(
        "conflict",
        `${user.displayName} already has the role ${input.role} on ${unit.name}.`,
      );
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
    if (!assignment) throw notFound(`Role assignment ${assignmentId}`);
    if (!canAssignRoles(principal, assignment.unitPath)) {
      throw forbidden(`You need the administrator role on ${assignment.unitName} to remove roles there.`);
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

/** Refuses unless the rule of canManageAccount (src/domain/access.ts) allows it. */
async function assertMayManageAccount(db: Db, principal: Principal, user: UserRow, what: string) {
  if (user.id === principal.userId) throw forbidden(`You cannot ${what} your own account here.`);
  const unitPaths = await selectUnitPathsOfUser(db, user.id);
  if (!canManageAccount(principal, { userId: user.id, isSystemAdmin: user.isSystemAdmin, unitPaths })) {
    throw forbidden(
      `To ${what} ${user.displayName}'s account you need the administrator role on every unit where they have a role.`,
    );
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
  if (!user) throw notFound(`User ${userId}`);
  await assertMayManageAccount(db, principal, user, "reset the password of");
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
    if (!user) throw notFound(`User ${userId}`);
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
