import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

// A published scorecard someone may not read answers exactly as one that does not exist.

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let outsider: string;
let publishedId: number;
const unitName = "Hemmelig HF";

beforeAll(async () => {
  t = await createTestApp();
  const owner = await t.make.unit({ kind: "owner", code: "OWNS" });
  const trust = await t.make.unit({ parentId: owner.id, code: "HEMS", name: unitName });
  const other = await t.make.unit({ parentId: owner.id, code: "ANNS" });
  await t.make.user({ username: "approver", roles: [{ unitId: trust.id, role: "approver" }] });
  await t.make.user({ username: "outsider", roles: [{ unitId: other.id, role: "admin" }] });
  await t.make.user({ username: "root", systemAdmin: true });
  outsider = await t.signIn("outsider");
  // A scorecard without data is not published: the trust gets one figure first.
  const root = await t.signIn("root");
  const post = (url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: { cookie: root }, payload });
  const indicator = await post("/api/indicators", {
    code: "CNT",
    nameNb: "Antall",
    unitLabel: "antall",
    direction: "higher",
    valueKind: "count",
  });
  expect(indicator.statusCode).toBe(201);
  const stored = await post("/api/measurements", {
    rows: [{ indicator: "CNT", unit: "HEMS", month: "2024-04", numerator: 3 }],
  });
  expect(stored.statusCode).toBe(200);
  const published = await t.app.inject({
    method: "POST",
    url: `/api/units/${trust.id}/scorecard/publish`,
    headers: { cookie: await t.signIn("approver") },
    payload: { period: "2024-T1" },
  });
  expect(published.statusCode).toBe(201);
  publishedId = published.json().id;
});
afterAll(() => t.close());

describe("published scorecards someone may not read", () => {
  it.each(["", "/scorecard.xlsx"])(
    "answers 404 on /api/published-scorecards/:id%s, naming nothing",
    async (view) => {
      const hidden = await t.app.inject({
        method: "GET",
        url: `/api/published-scorecards/${publishedId}${view}`,
        headers: { cookie: outsider },
      });
      const absent = await t.app.inject({
        method: "GET",
        url: `/api/published-scorecards/999999${view}`,
        headers: { cookie: outsider },
      });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().detail.replace(/\d+/g, "N")).toBe(absent.json().detail.replace(/\d+/g, "N"));
      expect(hidden.body).not.toContain(unitName);
    },
  );
});
