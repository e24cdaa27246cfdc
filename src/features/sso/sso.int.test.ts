import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../../config.ts";
import { auditLog, roleAssignments, signInRequests, users } from "../../db/schema.ts";
import { buildServer } from "../../server.ts";
import { createTestApp, testPassword } from "../../testing/app.ts";
import { signInAtProvider } from "../../testing/oidcFlow.ts";
import { startTestProvider, type TestProvider } from "../../testing/oidcProvider.ts";
import { maxSignInsUnderWay } from "./service.ts";

// Single sign-on against a real OpenID provider (oidc-provider) on this machine: the whole code
// flow, and each way a callback is refused.

const tertialUrl = "http://tertial.test";
let provider: TestProvider;
let t: Awaited<ReturnType<typeof createTestApp>>;
const apps: FastifyInstance[] = [];

function ssoConfig(environment: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: "silent",
    TERTIAL_PUBLIC_URL: tertialUrl,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    ...environment,
  });
}

async function appWith(environment: Record<string, string> = {}) {
  const app = await buildServer(ssoConfig(environment), t.database);
  apps.push(app);
  return app;
}

async function callback(app: FastifyInstance, answer: { callback: string; cookie: string }) {
  return app.inject({ method: "GET", url: answer.callback, headers: { cookie: answer.cookie } });
}

function sessionCookieOf(response: { cookies: { name: string; value: string }[] }) {
  const cookie = response.cookies.find((c) => c.name === "tertial_session" && c.value !== "");
  return cookie ? `tertial_session=${cookie.value}` : undefined;
}

async function me(app: FastifyInstance, cookie: string | undefined) {
  const response = await app.inject({
    method: "GET",
    url: "/api/auth/me",
    headers: cookie ? { cookie } : {},
  });
  return response.statusCode === 200
    ? (response.json() as { username: string; roles: { role: string }[] })
    : null;
}

beforeAll(async () => {
  t = await createTestApp();
  provider = await startTestProvider(tertialUrl);
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await provider.close();
  await t.close();
});

describe("signing in through the identity provider", () => {
  it("opens a session for the user the claim names, and returns to the page asked for", async () => {
    await t.make.user({ username: "kari.nordmann" });
    const app = await appWith({ OIDC_USER_FIELD: "username", OIDC_USER_CLAIM: "preferred_username" });
    const answer = await signInAtProvider(app, "kari.nordmann", { returnTo: "/rounds?year=2026" });
    const back = await callback(app, answer);
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe("/rounds?year=2026");
    expect((await me(app, sessionCookieOf(back)))?.username).toBe("kari.nordmann");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'login' and ${auditLog.after}->>'method' = 'sso'`);
    expect(entry?.actorName).toBeTruthy();
  });

  it("finds the user by the provider's id kept on the account (Entra ID's oid)", async () => {
    const user = await t.make.user({ username: "ola" });
    await t.db.update(users).set({ externalId: "0000-oid-ola" }).where(eq(users.id, user.id));
    provider.accounts.set("ola-at-provider", { oid: "0000-oid-ola" });
    const app = await appWith({ OIDC_USER_CLAIM: "oid" });
    const back = await callback(app, await signInAtProvider(app, "ola-at-provider"));
    expect(back.headers.location).toBe("/");
    expect((await me(app, sessionCookieOf(back)))?.username).toBe("ola");
  });

  it("pushes the sign-in's parameters to the provider first when told to (PAR, as HelseID requires)", async () => {
    await t.make.user({ username: "helse.id" });
    const app = await appWith({ OIDC_USER_FIELD: "username", OIDC_USE_PAR: "on" });
    const start = await app.inject({ method: "GET", url: "/api/auth/sso/start" });
    const sent = new URL(String(start.headers.location));
    expect(sent.searchParams.get("request_uri")).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(sent.searchParams.get("nonce")).toBeNull();
    const back = await callback(app, await signInAtProvider(app, "helse.id"));
    expect((await me(app, sessionCookieOf(back)))?.username).toBe("helse.id");
  });

  it("signs its token request with a private key instead of a secret (private_key_jwt, as HelseID requires)", async () => {
    await t.make.user({ username: "med.nokkel" });
    const app = await appWith({
      OIDC_CLIENT_ID: provider.keyClientId,
      OIDC_CLIENT_SECRET: "",
      OIDC_CLIENT_PRIVATE_KEY: provider.keyClientPrivateJwk,
      OIDC_USER_FIELD: "username",
    });
    const back = await callback(app, await signInAtProvider(app, "med.nokkel"));
    expect((await me(app, sessionCookieOf(back)))?.username).toBe("med.nokkel");
  });

  it("finishes on another server than the one it began on, as behind a load balancer", async () => {
    await t.make.user({ username: "lastbalanse" });
    const first = await appWith({ OIDC_USER_FIELD: "username" });
    const second = await appWith({ OIDC_USER_FIELD: "username" });
    const back = await callback(second, await signInAtProvider(first, "lastbalanse"));
    expect((await me(first, sessionCookieOf(back)))?.username).toBe("lastbalanse");
  });

  it("never sends the browser to another site after signing in", async () => {
    await t.make.user({ username: "per" });
    const app = await appWith({ OIDC_USER_FIELD: "username" });
    const back = await callback(app, await signInAtProvider(app, "per", { returnTo: "//evil.example/x" }));
    expect(back.headers.location).toBe("/");
  });

  it("makes the user at first sign-in when configured, with roles from the group table", async () => {
    const unit = await t.make.unit({ code: "UNN-SSO" });
    provider.accounts.set("new.person@hn.no", {
      name: "Ny Person",
      email: "new.person@hn.no",
      groups: ["g-editors", "g-unrelated"],
    });
    const app = await appWith({
      OIDC_CREATE_USERS: "on",
      OIDC_GROUP_ROLES: "g-editors=UNN-SSO:editor, g-readers=UNN-SSO:reader, g-editors=NO-SUCH-UNIT:admin",
    });
    const back = await callback(app, await signInAtProvider(app, "new.person@hn.no"));
    const signedIn = await me(app, sessionCookieOf(back));
    expect(signedIn?.username).toBe("new.person@hn.no");
    expect(signedIn?.roles.map((role) => role.role)).toEqual(["editor"]);
    const [made] = await t.db.select().from(users).where(eq(users.username, "new.person@hn.no"));
    expect(made).toMatchObject({
      displayName: "Ny Person",
      email: "new.person@hn.no",
      externalId: "new.person@hn.no",
    });

    // Out of the group at the provider: the role it gave goes at the next sign-in; one given in Tertial stays.
    await t.db.insert(roleAssignments).values({ userId: made?.id ?? 0, unitId: unit.id, role: "reader" });
    provider.accounts.set("new.person@hn.no", { name: "Ny Person", groups: [] });
    const again = await callback(app, await signInAtProvider(app, "new.person@hn.no"));
    expect((await me(app, sessionCookieOf(again)))?.roles.map((role) => role.role)).toEqual(["reader"]);
  });

  it("gives a user made by the provider no password anyone knows", async () => {
    provider.accounts.set("no-password", {});
    const app = await appWith({ OIDC_CREATE_USERS: "true" });
    await callback(app, await signInAtProvider(app, "no-password"));
    const attempt = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "no-password", password: testPassword },
    });
    expect(attempt.statusCode).toBe(401);
  });

  it("ends the provider's session too when signing out (RP-initiated logout)", async () => {
    await t.make.user({ username: "siri" });
    const app = await appWith({ OIDC_USER_FIELD: "username" });
    const cookie = sessionCookieOf(await callback(app, await signInAtProvider(app, "siri")));
    const out = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: cookie ?? "" },
    });
    const { signOutUrl } = out.json() as { signOutUrl: string };
    const url = new URL(signOutUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${tertialUrl}/login`);
    expect(url.searchParams.get("id_token_hint")).toBeTruthy();
    expect(await me(app, cookie)).toBeNull();
  });
});

describe("a refused callback", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await t.make.user({ username: "eva" });
    app = await appWith({ OIDC_USER_FIELD: "username" });
  });

  async function refusedWith(response: { statusCode: number; headers: Record<string, unknown> }) {
    expect(response.statusCode).toBe(302);
    expect(sessionCookieOf(response as never)).toBeUndefined();
    return String(response.headers.location);
  }

  it("refuses a state that is not the one sent", async () => {
    const answer = await signInAtProvider(app, "eva");
    const forged = answer.callback.replace(/state=[^&]+/, "state=forged");
    expect(await refusedWith(await callback(app, { ...answer, callback: forged }))).toBe(
      "/login?sso_error=sso_state_mismatch",
    );
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    const answer = await signInAtProvider(app, "eva");
    // Another sign-in's nonce, as a token replayed from elsewhere would carry.
    await t.db.update(signInRequests).set({ nonce: "someone-elses-nonce" });
    expect(await refusedWith(await callback(app, answer))).toBe("/login?sso_error=sso_nonce_mismatch");
  });

  it("refuses an expired code", async () => {
    provider.setCodeSeconds(1);
    try {
      const answer = await signInAtProvider(app, "eva");
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(await refusedWith(await callback(app, answer))).toBe("/login?sso_error=sso_code_refused");
    } finally {
      provider.setCodeSeconds(60);
    }
  });

  it("refuses a user Tertial does not know, and makes none", async () => {
    const before = await t.db.select({ id: users.id }).from(users);
    const answer = await signInAtProvider(app, "stranger");
    expect(await refusedWith(await callback(app, answer))).toBe("/login?sso_error=sso_unknown_user");
    expect(await t.db.select({ id: users.id }).from(users)).toHaveLength(before.length);
  });

  it("refuses a deactivated user", async () => {
    const user = await t.make.user({ username: "gone" });
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await refusedWith(await callback(app, await signInAtProvider(app, "gone")))).toBe(
      "/login?sso_error=sso_user_inactive",
    );
  });

  it("uses a sign-in once: the same callback a second time is refused", async () => {
    const answer = await signInAtProvider(app, "eva");
    expect(sessionCookieOf(await callback(app, answer))).toBeDefined();
    expect(await refusedWith(await callback(app, answer))).toBe("/login?sso_error=sso_expired");
  });

  it("refuses a callback from a browser that did not begin the sign-in", async () => {
    const answer = await signInAtProvider(app, "eva");
    expect(await refusedWith(await callback(app, { ...answer, cookie: "" }))).toBe(
      "/login?sso_error=sso_expired",
    );
  });

  it("stores no more sign-ins under way than its bound, however many are begun", async () => {
    await t.db.execute(
      sql`insert into sign_in_requests (key_hash, state, nonce, code_verifier, expires_at)
          select 'flood-' || n, 's', 'n', 'v', now() + interval '10 minutes' from generate_series(1, ${maxSignInsUnderWay}) n`,
    );
    const count = async () =>
      (await t.db.select({ count: sql<number>`count(*)::int` }).from(signInRequests))[0]?.count;
    try {
      const before = await count();
      const start = await app.inject({ method: "GET", url: "/api/auth/sso/start" });
      expect(start.headers.location).toBe("/login?sso_error=sso_busy");
      expect(await count()).toBe(before);
    } finally {
      await t.db.execute(sql`delete from sign_in_requests where key_hash like 'flood-%'`);
    }
  });

  it("refuses the provider's own refusal, naming it", async () => {
    const answer = await signInAtProvider(app, "eva");
    const state = new URL(answer.callback, tertialUrl).searchParams.get("state");
    const denied = `/api/auth/sso/callback?error=access_denied&state=${state}`;
    expect(await refusedWith(await callback(app, { ...answer, callback: denied }))).toBe(
      "/login?sso_error=sso_provider_error",
    );
  });
});

describe("password sign-in turned off", () => {
  it("refuses a password, in bokmål, and the sign-in page is told", async () => {
    await t.make.user({ username: "local-only" });
    const app = await appWith({ LOCAL_SIGN_IN: "off" });
    const attempt = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "local-only", password: testPassword },
    });
    expect(attempt.statusCode).toBe(403);
    expect(attempt.json().detail).toMatch(/slått av/);
    const options = await app.inject({ method: "GET", url: "/api/auth/options" });
    expect(options.json()).toEqual({ localSignIn: false, sso: { name: null } });

    // A session from the provider cannot set a password that could never be used.
    await t.db.update(users).set({ externalId: "local-only-oid" }).where(eq(users.username, "local-only"));
    provider.accounts.set("local-only-at-provider", { oid: "local-only-oid" });
    const viaProvider = await appWith({ LOCAL_SIGN_IN: "off", OIDC_USER_CLAIM: "oid" });
    const cookie = sessionCookieOf(
      await callback(viaProvider, await signInAtProvider(viaProvider, "local-only-at-provider")),
    );
    const change = await viaProvider.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: { cookie: cookie ?? "" },
      payload: { currentPassword: testPassword, password: "Fjellbekk-Ravn-Tåke-71" },
    });
    expect(change.statusCode).toBe(403);
  });

  it("cannot be off without a provider to sign in with", () => {
    expect(() => loadConfig({ LOCAL_SIGN_IN: "off" })).toThrow(/LOCAL_SIGN_IN/);
  });

  it("answers that single sign-on is not set up where it is not", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/auth/sso/start" });
    expect(response.statusCode).toBe(404);
    const options = await t.app.inject({ method: "GET", url: "/api/auth/options" });
    expect(options.json()).toEqual({ localSignIn: true, sso: null });
  });
});
