import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { auditLog, roleAssignments, users } from "../../db/schema.ts";
import { reasonText } from "../../i18n/problemText.ts";
import { buildServer } from "../../server.ts";
import { createTestApp } from "../../testing/app.ts";
import { signInAtProvider } from "../../testing/oidcFlow.ts";
import { startTestProvider } from "../../testing/oidcProvider.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let trustAdmin: string;
let trust: { id: number };
let otherTrust: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  const region = await t.make.unit({ kind: "regional_health_authority" });
  trust = await t.make.unit({ parentId: region.id });
  otherTrust = await t.make.unit({ parentId: region.id });
  await t.make.user({ username: "x-admin", roles: [{ unitId: trust.id, role: "admin" }] });
  trustAdmin = await t.signIn("x-admin");
});
afterAll(() => t.close());

const link = (userId: number, cookie: string, externalId: unknown) =>
  t.app.inject({
    method: "PUT",
    url: `/api/users/${userId}/external-id`,
    headers: { cookie },
    payload: { externalId },
  });
const storedId = async (userId: number) =>
  (await t.db.select({ externalId: users.externalId }).from(users).where(eq(users.id, userId)))[0]
    ?.externalId;
const listed = async (userId: number, cookie = trustAdmin) =>
  (await t.app.inject({ method: "GET", url: "/api/users", headers: { cookie } }))
    .json()
    .find((user: { id: number }) => user.id === userId);
const audited = async (userId: number) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.action, "set_external_id"))).filter(
    (row) => row.entityId === String(userId),
  );
const isSignedIn = async (cookie: string) =>
  (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode === 200;

describe("an administrator links a user to the sign-in service", () => {
  it("links (trimmed), shows the id in the list, unlinks with null; sessions go on; audited", async () => {
    const user = await t.make.user({ roles: [{ unitId: trust.id, role: "editor" }] });
    const cookie = await t.signIn(user.username);

    const linked = await link(user.id, trustAdmin, "  9f1c2b7e-0000-4a1b-8c1d-000000000001 ");
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      externalId: "9f1c2b7e-0000-4a1b-8c1d-000000000001",
    });
    expect((await listed(user.id)).externalId).toBe("9f1c2b7e-0000-4a1b-8c1d-000000000001");
    expect(await isSignedIn(cookie)).toBe(true);

    const unlinked = await link(user.id, trustAdmin, null);
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().externalId).toBeNull();
    expect(await storedId(user.id)).toBeNull();
    expect(await isSignedIn(cookie)).toBe(true);

    const entries = await audited(user.id);
    expect(entries.map((entry) => [entry.before, entry.after])).toEqual([
      [{ externalId: null }, { externalId: "9f1c2b7e-0000-4a1b-8c1d-000000000001" }],
      [{ externalId: "9f1c2b7e-0000-4a1b-8c1d-000000000001" }, { externalId: null }],
    ]);
    // Setting the id it already has changes nothing and records nothing.
    expect((await link(user.id, trustAdmin, null)).statusCode).toBe(200);
    expect(await audited(user.id)).toHaveLength(2);
  });

  it("refuses an id another user has, naming that user, and changes nothing", async () => {
    const holder = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    const other = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    expect((await link(holder.id, trustAdmin, "oid-taken")).statusCode).toBe(200);
    expect((await link(other.id, trustAdmin, "oid-mine")).statusCode).toBe(200);

    const refused = await link(other.id, trustAdmin, "oid-taken");
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      reason: "external_id_taken",
      detail: `Innloggings-ID-en er allerede koblet til ${holder.displayName} (${holder.username}). Fjern den der først, eller sjekk ID-en.`,
      problems: [expect.objectContaining({ field: "externalId", code: "external_id_in_use" })],
    });
    // An administrator who reads English gets the same in English (the session's language wins).
    expect(reasonText("en", "external_id_taken", refused.json().params)).toBe(
      `The sign-in id is already linked to ${holder.displayName} (${holder.username}). Remove it there first, or check the id.`,
    );
    expect(await storedId(other.id)).toBe("oid-mine");
    expect(await storedId(holder.id)).toBe("oid-taken");
    expect(await audited(other.id)).toHaveLength(1);
  });

  it("refuses a blank or over-long id, naming the field", async () => {
    const user = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    for (const externalId of ["   ", "x".repeat(201)]) {
      const refused = await link(user.id, trustAdmin, externalId);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().problems).toEqual([expect.objectContaining({ field: "externalId" })]);
    }
    expect((await link(user.id, trustAdmin, "x".repeat(200))).statusCode).toBe(200);
    expect(await storedId(user.id)).toBe("x".repeat(200));
  });
});

describe("who may link a user", () => {
  it("an editor, or an administrator of another unit, is refused without learning who holds an id", async () => {
    const holder = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    expect((await link(holder.id, trustAdmin, "oid-secret")).statusCode).toBe(200);
    const target = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    const editor = await t.make.user({ roles: [{ unitId: trust.id, role: "editor" }] });
    const otherAdmin = await t.make.user({ roles: [{ unitId: otherTrust.id, role: "admin" }] });
    for (const someone of [editor, otherAdmin]) {
      const cookie = await t.signIn(someone.username);
      for (const externalId of ["oid-secret", "oid-free", null]) {
        const refused = await link(target.id, cookie, externalId);
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({
          reason: "account_set_external_id_needs_admin",
          detail: `For å koble ${target.displayName} til innloggingstjenesten må du være administrator for alle enheter der brukeren har en rolle.`,
        });
        expect(refused.body).not.toContain(holder.displayName);
      }
    }
    expect(await storedId(target.id)).toBeNull();
    expect(await audited(target.id)).toHaveLength(0);
  });

  it("nobody links their own account here", async () => {
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: trustAdmin } });
    const refused = await link(me.json().id, trustAdmin, "oid-me");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe("Du kan ikke koble din egen konto til innloggingstjenesten her.");
    expect(await storedId(me.json().id)).toBeNull();
  });

  it("answers 404 for a user who does not exist", async () => {
    expect((await link(999999, trustAdmin, "oid-nobody")).statusCode).toBe(404);
  });
});

describe("the list of users tells where each role came from", () => {
  it("marks a role the sign-in service gave as sso, one given here as tertial", async () => {
    const user = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
    await t.db
      .insert(roleAssignments)
      .values({ userId: user.id, unitId: trust.id, role: "editor", source: "sso" });
    const roles = (await listed(user.id)).roles.map((role: { role: string; source: string }) => [
      role.role,
      role.source,
    ]);
    expect(roles.sort()).toEqual([
      ["editor", "sso"],
      ["reader", "tertial"],
    ]);
  });
});

describe("the link is what single sign-on finds the user by", () => {
  it("a linked user signs in through the provider with that id; once unlinked, no longer", async () => {
    const tertialUrl = "http://tertial.test";
    const provider = await startTestProvider(tertialUrl);
    let sso: FastifyInstance | undefined;
    try {
      sso = await buildServer(
        loadConfig({
          LOG_LEVEL: "silent",
          TERTIAL_PUBLIC_URL: tertialUrl,
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_USER_CLAIM: "oid",
        }),
        t.database,
      );
      const app = sso;
      const user = await t.make.user({ roles: [{ unitId: trust.id, role: "reader" }] });
      provider.accounts.set("kari-at-provider", { oid: "oid-kari-0001" });
      const signInThroughProvider = async () => {
        const answer = await signInAtProvider(app, "kari-at-provider");
        const back = await app.inject({
          method: "GET",
          url: answer.callback,
          headers: { cookie: answer.cookie },
        });
        const session = back.cookies.find((c) => c.name === "tertial_session" && c.value !== "");
        if (!session) return `refused: ${back.headers.location}`;
        const me = await app.inject({
          method: "GET",
          url: "/api/auth/me",
          headers: { cookie: `tertial_session=${session.value}` },
        });
        return me.json().username as string;
      };

      expect((await link(user.id, trustAdmin, "oid-kari-0001")).statusCode).toBe(200);
      expect(await signInThroughProvider()).toBe(user.username);

      expect((await link(user.id, trustAdmin, null)).statusCode).toBe(200);
      expect(await signInThroughProvider()).toBe("refused: /login?sso_error=sso_unknown_user");
    } finally {
      await sso?.close();
      await provider.close();
    }
  });
});
