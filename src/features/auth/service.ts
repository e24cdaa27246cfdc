import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import {
  allowsSomewhere,
  canCreateSystemAdministrators,
  canCreateUnitUnder,
  canCreateUsers,
  canEditTemplates,
  canImportFor,
  canManageDocument,
  canManageIndicators,
  canReadAudit,
  type Principal,
} from "../../domain/access.ts";
import { AppError, fieldProblem } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/service.ts";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password.ts";
import { assertPasswordAllowed } from "./password-policy.ts";
import {
  clearLoginFailures,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionUserWithRoles,
  findUserByUsername,
  insertSession,
  reserveLoginAttempt,
  selectAssignmentsWithPaths,
  type UserRow,
  updateUserLocale,
  updateUserPassword,
} from "./queries.ts";
import type {
  changePasswordInput,
  GlobalCapabilities,
  loginInput,
  MeView,
  preferencesInput,
} from "./schema.ts";

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

export async function toSessionUser(db: Db, user: UserRow): Promise<SessionUser> {
  return sessionUserOf(user, await selectAssignmentsWithPaths(db, user.id));
}

const tooManyAttempts = (minutes: number) =>
  new AppError("too_many_requests", "too_many_sign_in_attempts", {
    params: { minutes },
    retryAfterSeconds: minutes * 60,
  });

/**
 * Takes one attempt from the username's and the address's allowance before any password is
 * checked (see reserveLoginAttempt), or refuses with 429 when it is used up.
 */
async function reserveAttempt(db: Db, config: Config, username: string, ip: string, now: Date) {
  const reserved = await reserveLoginAttempt(db, {
    username,
    ip,
    since: new Date(now.getTime() - config.loginWindowMinutes * 60_000),
    maxPerUsername: config.loginMaxFailures,
    maxPerIp: config.loginMaxFailures * 5,
  });
  if (!reserved) throw tooManyAttempts(config.loginWindowMinutes);
}

/**
 * True when the password is the active user's. An unknown or deactivated user costs the same
 * scrypt work (against a dummy hash), so the time of a refusal does not reveal who exists.
 */
async function passwordMatches(user: UserRow | undefined, password: string): Promise<boolean> {
  const hash = user?.active === true ? user.passwordHash : await dummyPasswordHash();
  const matches = await verifyPassword(password, hash);
  return user?.active === true && matches;
}

function newSession(config: Config, now: Date) {
  return {
    token: randomBytes(32).toString("base64url"),
    expiresAt: new Date(now.getTime() + config.sessionHours * 3_600_000),
  };
}

/**
 * Opens a session for `user` inside `tx`: the browser's earlier session ends (it may be someone
 * else's), and the sign-in is audited with how it was made.
 */
export async function openSession(
  tx: Db,
  config: Config,
  user: UserRow,
  request: { ip: string; previousToken: string | null; idToken?: string | null },
  after: Record<string, unknown>,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const session = newSession(config, now);
  await deleteExpiredSessions(tx, now);
  if (request.previousToken) await deleteSession(tx, hashToken(request.previousToken));
  await insertSession(tx, hashToken(session.token), user.id, session.expiresAt, request.idToken ?? null);
  await recordAudit(
    tx,
    { id: user.id, name: user.displayName },
    {
      action: "login",
      entityType: "session",
      entityId: String(user.id),
      unitId: null,
      after: { ip: request.ip, ...after },
    },
  );
  return session;
}

/**
 * Checks a password and opens a session. Attempts are counted in the database, per username and
 * per address, so that every app server sees the same count. Refused outright when the
 * installation signs in through its identity provider only (LOCAL_SIGN_IN=off).
 */
export async function login(
  db: Db,
  config: Config,
  input: z.infer<typeof loginInput>,
  request: { ip: string; previousToken: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  if (!config.localSignIn) throw new AppError("forbidden", "local_sign_in_off");
  const { ip } = request;
  await reserveAttempt(db, config, input.username, ip, now);
  const user = await findUserByUsername(db, input.username);
  if (!(await passwordMatches(user, input.password)) || !user) {
    throw new AppError("unauthenticated", "wrong_credentials");
  }
  // A hash made with weaker parameters than today's is made anew while the password is at hand.
  const strongerHash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const session = await db.transaction(async (tx) => {
    await clearLoginFailures(tx, user.username);
    if (strongerHash) await updateUserPassword(tx, user.id, strongerHash);
    return openSession(tx, config, user, request, strongerHash ? { passwordHashUpgraded: true } : {}, now);
  });
  return { ...session, user: await toSessionUser(db, user) };
}

/**
 * The signed-in user changes their own password. The current password is checked as at sign-in
 * (and throttled the same way, so a stolen session cannot guess it). Every session ends, and the
 * caller gets a fresh one, so a session someone else holds stops working.
 */
export async function changeOwnPassword(
  db: Db,
  config: Config,
  user: SessionUser,
  input: z.infer<typeof changePasswordInput>,
  ip: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  // No password can be used where sign-in goes through the provider only: none is set either.
  if (!config.localSignIn) throw new AppError("forbidden", "local_sign_in_off");
  assertPasswordAllowed(input.password, user);
  await reserveAttempt(db, config, user.username, ip, now);
  if (!(await passwordMatches(await findUserByUsername(db, user.username), input.currentPassword))) {
    throw new AppError("validation_failed", "wrong_current_password", {
      problems: [fieldProblem("currentPassword", "wrong_password")],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const session = newSession(config, now);
  await db.transaction(async (tx) => {
    await clearLoginFailures(tx, user.username);
    await updateUserPassword(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
    await insertSession(tx, hashToken(session.token), user.id, session.expiresAt);
    await recordAudit(tx, actorOf(user), {
      action: "change_password",
      entityType: "user",
      entityId: String(user.id),
      unitId: null,
    });
  });
  return session;
}

/** Ends every session of the signed-in user, on every device ("sign out everywhere"). */
export async function logoutEverywhere(db: Db, user: SessionUser) {
  await db.transaction(async (tx) => {
    await deleteUserSessions(tx, user.id);
    await recordAudit(tx, actorOf(user), {
      action: "logout_all",
      entityType: "session",
      entityId: String(user.id),
      unitId: null,
    });
  });
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

/** What `principal` may do somewhere: the rules of src/domain/access.ts, asked of every role. */
export function globalCapabilitiesOf(principal: Principal): GlobalCapabilities {
  const somewhere = (rule: (unitPath: string) => boolean) => allowsSomewhere(principal, rule);
  return {
    createTopLevelUnit: canCreateUnitUnder(principal, null),
    manageUsers: canCreateUsers(principal),
    createSystemAdministrators: canCreateSystemAdministrators(principal),
    readAudit: somewhere((path) => canReadAudit(principal, path)),
    createIndicators:
      canManageIndicators(principal, null) || somewhere((path) => canManageIndicators(principal, path)),
    createOrganisationIndicators: canManageIndicators(principal, null),
    importMeasurements: somewhere((path) => canImportFor(principal, path)),
    draftSteering: somewhere((path) => canManageDocument(principal, path)),
    editTemplates: somewhere((path) => canEditTemplates(principal, path)),
    editOrganisationTemplates: canEditTemplates(principal, null),
  };
}

/** The signed-in user for the web; the answer schema (meView) keeps only its own members. */
export function presentSessionUser(user: SessionUser): MeView {
  return { ...user, can: globalCapabilitiesOf(principalOf(user)) };
}
