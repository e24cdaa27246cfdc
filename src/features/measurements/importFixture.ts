// Test support for the measurement import tests (import*.int.test.ts): an app with a small unit
// tree, an administrator, an editor and a reader, three indicators, and helpers to upload files and
// count what was stored.

import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { auditLog, measurementHistory, measurements } from "../../db/schema.ts";
import { createTestApp } from "../../testing/app.ts";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export let t: TestApp;
export let admin: string;
export let editor: string;
export let reader: string;
export let h1: { id: number; code: string };
export let h2: { id: number; code: string };
export let epi: { id: number };

/** The test app for the file: units ROOT > REG > T1 (H1, H2) and T2 (H3), users, and EPI, BEDS and a retired GONE. */
export function setUpImportApp() {
  beforeAll(async () => {
    t = await createTestApp();
    const root = await t.make.unit({ kind: "owner", code: "ROOT" });
    const region = await t.make.unit({ parentId: root.id, kind: "regional_health_authority", code: "REG" });
    const trust1 = await t.make.unit({ parentId: region.id, code: "T1" });
    const trust2 = await t.make.unit({ parentId: region.id, code: "T2" });
    h1 = await t.make.unit({ parentId: trust1.id, kind: "hospital", code: "H1" });
    h2 = await t.make.unit({ parentId: trust1.id, kind: "hospital", code: "H2" });
    await t.make.unit({ parentId: trust2.id, kind: "hospital", code: "H3" });
    await t.make.user({ username: "root", systemAdmin: true });
    await t.make.user({ username: "editor", roles: [{ unitId: trust1.id, role: "editor" }] });
    await t.make.user({ username: "reader", roles: [{ unitId: region.id, role: "reader" }] });
    admin = await t.signIn("root");
    editor = await t.signIn("editor");
    reader = await t.signIn("reader");

    const create = async (payload: object) =>
      (
        await t.app.inject({ method: "POST", url: "/api/indicators", headers: { cookie: admin }, payload })
      ).json();
    epi = await create({
      code: "EPI",
      nameNb: "Epikriser innen 1 dag",
      unitLabel: "%",
      direction: "higher",
      valueKind: "ratio",
      scale: 100,
      decimals: 1,
    });
    await create({
      code: "BEDS",
      nameNb: "Døgnplasser",
      unitLabel: "antall",
      direction: "higher",
      valueKind: "stock",
    });
    const old = await create({
      code: "GONE",
      nameNb: "Gammel",
      unitLabel: "antall",
      direction: "higher",
      valueKind: "count",
    });
    await t.app.inject({
      method: "POST",
      url: `/api/indicators/${old.id}/retire`,
      headers: { cookie: admin },
      payload: { version: 1 },
    });
  });
  afterAll(() => t.close());
}

export function upload(
  cookie: string,
  fileName: string,
  content: string | Buffer,
  query = "",
  app = t.app,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.append("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)]), fileName);
  return app.inject({
    method: "POST",
    url: `/api/measurements/import${query}`,
    headers: { cookie, ...headers },
    payload: form,
  });
}

export async function measurementCount() {
  const [row] = await t.db.select({ n: count() }).from(measurements);
  return row?.n ?? 0;
}
export async function historyCount() {
  const [row] = await t.db.select({ n: count() }).from(measurementHistory);
  return row?.n ?? 0;
}
export async function importAuditCount() {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.entityType, "measurement_import"));
  return row?.n ?? 0;
}

export async function storedValues(unitId: number, from: string, to: string) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/measurements?indicatorId=${epi.id}&unitId=${unitId}&from=${from}&to=${to}`,
    headers: { cookie: reader },
  });
  return response.json() as { month: string; numerator: number; denominator: number | null }[];
}

// Norwegian Excel's CSV: semicolons, decimal commas, a BOM, Norwegian headings and an extra column.
export const goodCsv = [
  "\ufeffIndikator;Enhet;Måned;Teller;Nevner;Kommentar",
  "EPI;H1;2024-01;35;50;",
  "EPI;H1;2024-02;36,5;50;halv pasient? nei, dager",
  "EPI;H2;2024-01;9;10;",
  "BEDS;H1;2024-01;1 020;;",
  "beds;h2;2024-01;40;;",
].join("\r\n");
