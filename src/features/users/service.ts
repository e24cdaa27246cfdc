import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { roles } from "../../db/schema.ts";
import { canAssignRoles, canCreateUsers, type Principal } from "../../domain/access.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { hashPassword, minimumPasswordLength } from "../auth/password.ts";
import { findUnitById } from "../units/queries.ts";
import {
  deleteRoleAssignment,
  findRoleAssignment,
  findUserById,
  insertRoleAssignment,
  insertUser,
  selectUsersWithRoles,
} from "./queries.ts";

export const createUserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}._@-]{2,100}$/u, { message: "must be 2 to 100 letters, digits or . _ @ -" }),
  displayName: z.string().trim().min(1, { message: "is required" }).max(200),
  email: z.email({ message: "is not an e-mail address" }).nullable().optional(),
  password: z
    .string()
    .min(minimumPasswordLength, { message: `must be at least ${minimumPasswordLength} characters` })
    .max(1000),
  isSystemAdmin: z.boolean().default(false),
});

export const assignRoleInput = z.object({
  unitId: z.number().int().positive(),
  role: z.enum(roles),
});

/** The principal the command line acts as: it runs on the server, with the operator's rights. */
export const operatorPrincipal: Principal = { userId: 0, isSystemAdmin: true, assignments: [] };

export async function createUser(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: z.input<typeof createUserInput>,
) {
  const data = createUserInput.parse(input);
  if (!canCreateUsers(principal)) throw forbidden("Only administrators can create users.");
  if (data.isSystemAdmin && !principal.isSystemAdmin) {
    throw forbidden("Only a system administrator can create another system administrator.");
  }
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
        problems: [{ field: "username", message: "already in use" }],
      });
    }
    throw error;
  }
}

export async function listUsers(db: Db, principal: Principal) {
  if (!canCreateUsers(principal)) throw forbidden("Only administrators can list users.");
  return selectUsersWithRoles(db);
}

export async function assignRole(
  db: Db,
  principal: Principal,
  actor: Actor,
  userId: number,
  input: z.infer<typeof assignRoleInput>,
) {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound(`User ${userId}`);
    const unit = await findUnitById(tx, input.unitId);
    if (!unit) {
      throw new AppError("validation_failed", `Unit ${input.unitId} does not exist.`, {
        problems: [{ field: "unitId", message: "unknown unit" }],
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
    await recordAudit(tx, actor, {
      action: "assign_role",
      entityType: "role_assignment",
      entityId: String(assignment.id),
      unitId: unit.id,
      after: { userId, unitId: unit.id, role: input.role },
    });
    return assignment;
  });
}

export async function removeRole(db: Db, principal: Principal, actor: Actor, assignmentId: number) {
  return db.transaction(async (tx) => {
    const assignment = await findRoleAssignment(tx, assignmentId);
    if (!assignment) throw notFound(`Role assignment ${assignmentId}`);
    if (!canAssignRoles(principal, assignment.unitPath)) {
      throw forbidden(`You need the administrator role on ${assignment.unitName} to remove roles there.`);
    }
    await deleteRoleAssignment(tx, assignmentId);
    await recordAudit(tx, actor, {
      action: "remove_role",
      entityType: "role_assignment",
      entityId: String(assignmentId),
      unitId: assignment.unitId,
      before: { userId: assignment.userId, unitId: assignment.unitId, role: assignment.role },
    });
  });
}
