// Every route of the API, fed hostile path ids, query strings and JSON bodies (fast-check, fixed
// seed): never a 500, every refusal a 4xx problem+json, and a refused request changes nothing.
// Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL, whose integer, text and date types are
// the ones the inputs used to break. HOSTILE_RUNS sets the requests per route and user (default 5),
// HOSTILE_SEED the seed, to search further by hand.

import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "./features/measurements/queries.ts";
import { createTestApp } from "./testing/app.ts";
import {
  type HostileRequest,
  hostileStrings,
  hostileTexts,
  type Operation,
  operationsOf,
  requestsFor,
} from "./testing/hostile.ts";

const SEED = Number(process.env.HOSTILE_SEED ?? 20_240_301);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 5);

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Who = "admin" | "editor";
let t: TestApp;
const cookies: Record<Who, string> = { admin: "", editor: "" };

// Codes and periods of the data set below, so that bodies get past lookups to the values after them.
const strings = hostileStrings(["OWN", "REG", "TR", "EPI", "CNT", "2024-T1", "2024-01", "1", "T1", "annual"]);

// Rows of every table a request could change, except sessions and the login throttle, which a
// refused sign-in is meant to touch.
const checkedTables = [
  "units",
  "users",
  "role_assignments",
  "indicators",
  "indicator_targets",
  "measurements",
  "measurement_totals",
  "measurement_history",
  "published_scorecards",
  "steering_documents",
  "steering_document_recipients",
  "document_chapters",
  "requirements",
  "reporting_rounds",
  "answers",
  "answer_versions",
  "document_templates",
  "generated_documents",
  "audit_log",
];

async function snapshot() {
  const digests = checkedTables.map(
    (
      table,
    ) => sql`(select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '')
      from ${sql.identifier(table)} t)`,
  );
  const [row] = await selectRows<{ audit: number; measurements: number; checksum: string }>(
    t.db,
    sql`select (select count(*) from audit_log)::int as audit,
          (select count(*) from measurements)::int as measurements,
          md5(concat_ws('|', ${sql.join(digests, sql`, `)})) as checksum`,
  );
  return row;
}

async function json(who: Who, method: "GET" | "POST", url: string, payload?: object) {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[who] }, payload });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; version: number };
}

beforeAll(async () => {
  // Hostile sign-ins must not lock the test's own users out.
  t = await createTestApp({ loginMaxFailures: 1_000_000 });
  const owner = await t.make.unit({ kind: "owner", code: "OWN" });
  const region = await t.make.unit({ parentId: owner.id, kind: "regional_health_authority", code: "REG" });
  const trust = await t.make.unit({ parentId: region.id, code: "TR" });
  await t.make.user({ username: "root", systemAdmin: true });
  await t.make.user({ username: "editor", roles: [{ unitId: trust.id, role: "editor" }] });
  cookies.admin = await t.signIn("root");
  cookies.editor = await t.signIn("editor");

  const indicator = { nameNb: "Andel", unitLabel: "%", direction: "higher", scale: 100, decimals: 1 };
  const ratio = await json("admin", "POST", "/api/indicators", {
    ...indicator,
    code: "EPI",
    valueKind: "ratio",
  });
  await json("admin", "POST", "/api/indicators", { ...indicator, code: "CNT", valueKind: "count", scale: 1 });
  await json("admin", "POST", `/api/indicators/${ratio.id}/targets`, {
    year: null,
    rule: { kind: "threshold", comparator: "gte", value: 70 },
  });
  await json("admin", "POST", "/api/measurements", {
    rows: [
      { indicator: "EPI", unit: "TR", month: "2024-01", numerator: 7, denominator: 10 },
      { indicator: "CNT", unit: "TR", month: "2024-01", numerator: 12 },
    ],
  });
  const document = await json("admin", "POST", "/api/steering-documents", {
    year: 2024,
    issuingUnitId: region.id,
    recipientUnitIds: [trust.id],
    kind: "steering_document",
    title: "Styringskrav 2024",
  });
  await json("admin", "POST", `/api/steering-documents/${document.id}/chapters`, { title: "Mål" });
  await json("admin", "POST", `/api/steering-documents/${document.id}/requirements`, {
    number: "1",
    kind: "assignment",
    text: "Reduser sykefraværet.",
    frequency: ["T1", "T2", "annual"],
  });
  const { version } = await json("admin", "GET", `/api/steering-documents/${document.id}`);
  await json("admin", "POST", `/api/steering-documents/${document.id}/publish`, { version });
  await json("admin", "POST", `/api/steering-documents/${document.id}/rounds`, {
    period: "2024-T1",
    deadline: "2024-05-15",
  });
}, 120_000);
afterAll(() => t?.close());

// Setting a password or deactivating an account of the test's own users would lock them out, so
// those routes get only ids that cannot be a user.
const accountRoute = /^\/api\/users\/\{id\}\/(password|deactivate|reactivate)$/;
// A lone surrogate cannot be written in a URL at all (encodeURIComponent refuses it); a raw,
// undecodable path is tested in server.int.test.ts.
const pathTexts = hostileTexts.filter((text) => !/[\ud800-\udfff]/.test(text));
const noUserIds = pathTexts.filter((text) => !/^\d+$/.test(text) || Number(text) > 1000);

async function send(who: Who, operation: Operation, request: HostileRequest) {
  const body = request.payload === undefined ? {} : { payload: JSON.stringify(request.payload) };
  return t.app.inject({
    method: operation.method as "GET",
    url: request.url,
    headers: {
      cookie: cookies[who],
      ...(request.payload === undefined ? {} : { "content-type": "application/json" }),
    },
    ...body,
  });
}

async function walkRoutes(who: Who) {
  const operations = operationsOf(t.app.swagger() as Parameters<typeof operationsOf>[0]);
  expect(operations.length).toBeGreaterThan(80);
  let before = await snapshot();
  for (const operation of operations) {
    const ids = accountRoute.test(operation.path) ? noUserIds : pathTexts;
    await fc.assert(
      fc.asyncProperty(requestsFor(operation, strings, ids), async (request) => {
        const response = await send(who, operation, request);
        const body = JSON.stringify(request.payload)?.slice(0, 300);
        const where = `${operation.method} ${request.url.slice(0, 300)} ${body} as ${who}`;
        const answer = `${response.statusCode} ${response.body.slice(0, 300)}`;
        expect(response.statusCode, `${where}: ${answer}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expect(response.headers["content-type"], `${where}: ${answer}`).toMatch(
            /^application\/problem\+json/,
          );
          const problem = response.json() as { status: number; code: string; detail: string };
          expect(problem.status, where).toBe(response.statusCode);
          expect(problem.code, where).toEqual(expect.any(String));
          // The schemas bound the input: the database's own refusal (a safety net) is not relied on.
          expect(problem.detail, `${where}: ${answer}`).not.toMatch(/^The request was not stored/);
          expect(await snapshot(), `${where} changed data: ${answer}`).toEqual(before);
        }
        // Signed out (log out, or a change of the user's roles): sign in again and carry on.
        if (response.statusCode === 401 || operation.path.startsWith("/api/auth/logout")) {
          cookies[who] = await t.signIn(who === "admin" ? "root" : "editor");
        }
        before = await snapshot();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }
}

describe("hostile input on every route", () => {
  it(
    "as a system administrator: never a 500, and a refusal changes nothing",
    () => walkRoutes("admin"),
    600_000,
  );
  it(
    "as an editor of one trust: never a 500, and a refusal changes nothing",
    () => walkRoutes("editor"),
    600_000,
  );
});
