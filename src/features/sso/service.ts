import { randomBytes } from "node:crypto";
import * as oidc from "openid-client";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import {
  claimGroups,
  claimText,
  displayNameForNewUser,
  rolesFromGroups,
  safeReturnPath,
  usernameForNewUser,
} from "../../domain/sso.ts";
import { recordAudit } from "../audit/service.ts";
import { hashPassword } from "../auth/password.ts";
import type { UserRow } from "../auth/queries.ts";
import { hashToken, openSession, type SessionUser, toSessionUser } from "../auth/service.ts";
import type { Provider } from "./provider.ts";
import { SsoRefused } from "./provider.ts";
import {
  countSignInRequests,
  deleteExpiredSignInRequests,
  findUsersByField,
  insertSignInRequest,
  insertSsoUser,
  replaceSsoRoles,
  selectSsoRoles,
  takeSignInRequest,
  unitIdsByCode,
  usernameIsTaken,
} from "./queries.ts";
import type { SsoSettings } from "./settings.ts";

/** How long the provider may take to send the browser back. */
const signInMinutes = 10;

/**
 * Sign-ins under way at most. Anyone may begin one without being signed in, so this bounds what a
 * flood of starts can store; real users, even all at nine o'clock, stay far below it.
 */
export const maxSignInsUnderWay = 10_000;

/**
 * Begins a sign-in: keeps state, nonce and the PKCE verifier under a fresh key (which the browser
 * holds in a cookie) and answers the provider's address to send the browser to.
 */
export async function startSignIn(
  db: Db,
  provider: Provider,
  returnTo: string | undefined,
  now = new Date(),
): Promise<{ key: string; url: URL }> {
  await deleteExpiredSignInRequests(db, now);
  if ((await countSignInRequests(db)) >= maxSignInsUnderWay) throw new SsoRefused("sso_busy");
  const key = randomBytes(32).toString("base64url");
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = await provider.authorizationUrl({
    state,
    nonce,
    codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
  });
  await insertSignInRequest(db, {
    keyHash: hashToken(key),
    state,
    nonce,
    codeVerifier,
    returnTo: safeReturnPath(returnTo),
    expiresAt: new Date(now.getTime() + signInMinutes * 60_000),
  });
  return { key, url };
}

export type FinishedSignIn = {
  token: string;
  expiresAt: Date;
  user: SessionUser;
  returnTo: string;
  /** Unit codes of the group table that no unit has: nothing was given there (the log says so). */
  unknownUnitCodes: string[];
};

/**
 * Ends a sign-in at the callback: the request kept under the browser's key is used once, the
 * provider's answer is checked (state, the code with the PKCE verifier, the ID token and its nonce),
 * the user is found by the configured claim, or made when allowed, their roles from groups are
 * set, and a session opens. Any failure is an SsoRefused with its reason, and changes nothing.
 */
export async function finishSignIn(
  db: Db,
  config: Config & { sso: SsoSettings },
  provider: Provider,
  input: { key: string | undefined; callbackUrl: URL; ip: string; previousToken: string | null },
  now = new Date(),
): Promise<FinishedSignIn> {
  const pending = input.key ? await takeSignInRequest(db, hashToken(input.key)) : undefined;
  if (!pending || pending.expiresAt <= now) throw new SsoRefused("sso_expired");
  const error = input.callbackUrl.searchParams.get("error");
  if (error) throw new SsoRefused("sso_provider_error", error.slice(0, 100));
  // Checked here as well as by openid-client, so that a forged callback costs the provider nothing.
  if (input.callbackUrl.searchParams.get("state") !== pending.state)
    throw new SsoRefused("sso_state_mismatch");
  const { claims, idToken } = await provider.redeem(input.callbackUrl, pending);

  const settings = config.sso;
  const matched = claimText(claims, settings.userClaim);
  if (!matched) throw new SsoRefused("sso_claim_missing", settings.userClaim);
  const session = await db.transaction(async (tx) => {
    const user = await findOrCreateUser(tx, settings, claims, matched);
    if (!user.active) throw new SsoRefused("sso_user_inactive", user.username);
    const unknownUnitCodes =
      settings.groupRoles.length > 0 ? await applyGroupRoles(tx, settings, user, claims) : [];
    const opened = await openSession(
      tx,
      config,
      user,
      { ...input, idToken: idToken ?? null },
      { method: "sso" },
      now,
    );
    return { ...opened, user, unknownUnitCodes };
  });
  return { ...session, user: await toSessionUser(db, session.user), returnTo: pending.returnTo };
}

async function findOrCreateUser(
  tx: Db,
  settings: SsoSettings,
  claims: Record<string, unknown>,
  matched: string,
): Promise<UserRow> {
  const found = await findUsersByField(tx, settings.userField, matched);
  // Two users with the same e-mail address cannot both be this person: refuse rather than guess.
  if (found.length > 1) throw new SsoRefused("sso_unknown_user", `${settings.userField} is not unique`);
  if (found[0]) return found[0];
  if (!settings.createUsers) throw new SsoRefused("sso_unknown_user", matched);
  const username = usernameForNewUser(claims, matched);
  if (await usernameIsTaken(tx, username)) throw new SsoRefused("sso_username_taken", username);
  const email = settings.userField === "email" ? matched : (claimText(claims, "email") ?? null);
  const user = await insertSsoUser(tx, {
    username,
    displayName: displayNameForNewUser(claims, username),
    email: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null,
    externalId: settings.userField === "external_id" ? matched : null,
    // Nobody knows this password: the user signs in through the provider, until an admin sets one.
    passwordHash: await hashPassword(randomBytes(32).toString("base64url")),
  });
  await recordAudit(
    tx,
    { id: user.id, name: user.displayName },
    {
      action: "create_user",
      entityType: "user",
      entityId: String(user.id),
      unitId: null,
      after: { username: user.username, displayName: user.displayName, source: "sso" },
    },
  );
  return user;
}

/** Sets the roles the user's groups give now; an audit entry when they differ from last time. */
async function applyGroupRoles(
  tx: Db,
  settings: SsoSettings,
  user: UserRow,
  claims: Record<string, unknown>,
) {
  const given = rolesFromGroups(claimGroups(claims, settings.groupsClaim), settings.groupRoles);
  const unitIds = await unitIdsByCode(
    tx,
    given.map((entry) => entry.unitCode),
  );
  const unknownUnitCodes = given
    .map((entry) => entry.unitCode)
    .filter((code) => !unitIds.has(code.toLowerCase()));
  const wanted = given.flatMap(({ unitCode, role }) => {
    const unitId = unitIds.get(unitCode.toLowerCase());
    return unitId === undefined ? [] : [{ unitId, role }];
  });
  const before = await selectSsoRoles(tx, user.id);
  const key = (entry: { unitId: number; role: string }) => `${entry.unitId}:${entry.role}`;
  const same =
    before.length === wanted.length && before.every((entry) => wanted.some((w) => key(w) === key(entry)));
  if (same) return unknownUnitCodes;
  await replaceSsoRoles(tx, user.id, wanted);
  await recordAudit(
    tx,
    { id: user.id, name: user.displayName },
    {
      action: "update_sso_roles",
      entityType: "user",
      entityId: String(user.id),
      unitId: null,
      before: { roles: before },
      after: { roles: wanted },
    },
  );
  return unknownUnitCodes;
}
