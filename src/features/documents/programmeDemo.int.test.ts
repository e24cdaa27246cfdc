// The seed cases of the demo data set come out in Word: seed 000's staff-and-support programme as
// a status board case (phase 0 done, the gate to phase 1 approved, benefits against costs) and
// seed 004's procurement action plan in its own form. Set TERTIAL_DOCUMENTS_OUT to a folder to
// keep the files (to convert them and look at them).

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "../../db/demo/load.ts";
import { actionPlans, programmes } from "../../db/schema.ts";
import { createTestApp } from "../../testing/app.ts";
import { docxPart, paragraphs } from "./testing.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let root = "";

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  await t.make.user({ username: "demo-doc-root", systemAdmin: true });
  root = await t.signIn("demo-doc-root");
}, 180_000);
afterAll(() => t.close());

async function download(url: string, name: string): Promise<string> {
  const response = await t.app.inject({ method: "GET", url, headers: { cookie: root } });
  expect(response.statusCode, response.body).toBe(200);
  const out = process.env.TERTIAL_DOCUMENTS_OUT;
  if (out) fs.writeFileSync(path.join(out, `${name}.docx`), response.rawPayload);
  return paragraphs(await docxPart(response.rawPayload, "word/document.xml"))
    .map((paragraph) => paragraph.text)
    .join("\n");
}

describe("the demo's seed cases as Word documents", () => {
  it("gives the staff-and-support programme's board case with the approved gate and its benefits", async () => {
    const [programme] = await t.db
      .select()
      .from(programmes)
      .where(eq(programmes.title, "Nasjonalt program for stabs- og støttefunksjoner"));
    if (!programme) throw new Error("the demo has no staff-and-support programme");
    const text = await download(
      `/api/documents/programmes/${programme.id}/status-case.docx?date=2008-06-30&caseNumber=045-2008`,
      "styresak-stab-og-stotte",
    );
    expect(text).toContain(
      "Styresak 045-2008 Nasjonalt program for stabs- og støttefunksjoner – status per 30. juni 2008",
    );
    expect(text).toContain("Faser og beslutningspunkter");
    expect(text).toMatch(/Godkjent/);
    expect(text).toContain("Gevinstplan");
    expect(text).not.toMatch(/undefined|null|NaN/);
  });

  it("gives every demo programme's case and the procurement plan without empty or English words", async () => {
    for (const programme of await t.db.select().from(programmes)) {
      const text = await download(
        `/api/documents/programmes/${programme.id}/status-case.docx`,
        `styresak-${programme.code.toLowerCase()}`,
      );
      expect(text).not.toMatch(/undefined|null|NaN|Invalid/);
    }
    const [plan] = await t.db.select().from(actionPlans).where(eq(actionPlans.status, "adopted"));
    if (!plan) throw new Error("the demo has no adopted action plan");
    const text = await download(
      `/api/documents/action-plans/${plan.id}/plan.docx?period=2009-T2`,
      "handlingsplan",
    );
    expect(text).toContain("Delmål 1");
    expect(text).toContain("Delmål 5");
    expect(text).toContain("Andre tiltak");
    expect(text).toContain("Oppsummering og prioritering av tiltak");
    // The key indicators against their targets at the period's end, met or not in words.
    expect(text).toContain("Nøkkelindikatorer 2. tertial 2009");
    // (The document keeps a figure and its unit together with no-break spaces.)
    expect(text).toMatch(/≥\s80\s%\s\(2009\)\n69,3\s%\nIkke nådd/);
    expect(text).toMatch(
      /Gjennomført\sinnen\s30\.\sjuni\s2009\nIkke gjennomført\nIkke nådd, fristen er passert/,
    );
    expect(text).not.toMatch(/undefined|null|NaN|Invalid/);
  });
});
