import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { AppError } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { verifyPassword } from "./password.ts";
import {
  clearLoginFailures,
  countRecentFailures,
  countRecentFailuresFromIp,
  deleteExpiredSessions,
  deleteSession,
  findSessionUserWithRoles,
  findUserByUsername,
  insertLoginFailure,
  insertSession,
  selectAssignmentsWithPaths,
  type UserRow,
  updateUserLocale,
} from "./queries.ts";

export const preferencesInput = z.object({ locale: z.enum(["nb", "en"]) });

export const loginInput = z.object({
  username: z.string().trim().min(1, { message: "is required" }).max(100),
  password: z.string().min(1, { message: "is required" }).max(1000),
});

/** The signed-in user as every request sees it: who they are and where they hold which role. */
export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  locale: "nb" | "en";
  isSystemAdmin: boolean;
  roles: {
    unitId: number;
    unitName: string;
    unitPath: string;
    role: Principal["assignments"][number]["role"];
  }[];
};

export function principalOf(user: SessionUser): Principal {
  return {
    userId: user.id,
    isSystemAdmin: user.isSystemAdmin,
    assignments: user.roles.map((r) => ({ unitPath: r.unitPath, role: r.role })),
  };
}

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, name: user.displayName };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function sessionUserOf(user: UserRow, roles: SessionUser["roles"]): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    isSystemAdmin: user.isSystemAdmin,
    roles,
  };
}

async function toSessionUser(db: Db, user: UserRow): Promise<SessionUser> {
  return sessionUserOf(user, await selectAssignmentsWithPaths(db, user.id));
}

const tooManyAttempts = (minutes: number) =>
  new AppError("too_many_requests", `Too many failed sign-in attempts. Try again in ${minutes} minutes.`, {
    retryAfterSeconds: minutes * 60,
  });

/**
 * Checks a password and opens a session. Failures are counted in the database, per username and
 * per address, so that every app server sees the same count.
 */
export async function login(
  db: Db,
  config: Config,
  input: z.infer<typeof loginInput>,
  ip: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const since = new Date(now.getTime() - config.loginWindowMinutes * 60_000);
  if (
    (await countRecentFailures(db, input.username, since)) >= config.loginMaxFailures ||
    (await countRecentFailuresFromIp(db, ip, since)) >= config.loginMaxFailures * 5
  ) {
    throw tooManyAttempts(config.loginWindowMinutes);
  }
  const user = await findUserByUsername(db, input.username);
  const valid = user?.active === true && (await verifyPassword(input.password, user.passwordHash));
  if (!user || !valid) {
    await insertLoginFailure(db, input.username, ip);
    throw new AppError("unauthenticated", "Wrong username or password.");
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await clearLoginFailures(tx, user.username);
    await deleteExpiredSessions(tx, now);
    await insertSession(tx, hashToken(token), user.id, expiresAt);
    await recordAudit(
      tx,
      { id: user.id, name: user.displayName },
      {
        action: "login",
        entityType: "session",
        entityId: String(user.id),
        unitId: null,
        after: { ip },
      },
    );
  });
  return { token, expiresAt, user: await toSessionUser(db, user) };
}

export async function logout(db: Db, token: string, user: SessionUser) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, hashToken(token));
    await recordAudit(tx, actorOf(user), {
      action: "logout",
      entityType: "session",
      entityId: String(user.id),
      unitId: null,
    });
  });
}

export async function userForSessionToken(db: Db, token: string, now = new Date()) {
  const found = await findSessionUserWithRoles(db, hashToken(token), now);
  return found ? sessionUserOf(found.user, found.roles) : null;
}

/** A user's own preferences (the interface language follows the user across browsers). */
export async function updatePreferences(
  db: Db,
  user: SessionUser,
  actor: Actor,
  input: z.infer<typeof preferencesInput>,
): Promise<SessionUser> {
  return db.transaction(async (tx) => {
    await updateUserLocale(tx, user.id, input.locale);
    await recordAudit(tx, actor, {
      action: "update_preferences",
      entityType: "user",
      entityId: String(user.id),
      unitId: null,
      before: { locale: user.locale },
      after: { locale: input.locale },
    });
    return { ...user, locale: input.locale };
  });
}
