// The risk section of Helse Nord's T2 2024 report from the demo data set, through the HTTP API as
// its editor: seed 003's Tabell 3 (4 improved, 10 unchanged, 1 worsened) from the RHF's approved
// overall assessments, and the 54 rows of Vedlegg 1's measures under their goals.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "../../db/demo/load.ts";
import riskFile from "../../db/demo/source/risk.json" with { type: "json" };
import { createTestApp } from "../../testing/app.ts";
import { findUnitByCode } from "../units/queries.ts";
import type { Block, DocumentContent } from "./model.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let blocks: Block[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.db);
  const cookie = await t.signIn("hn-redaktor", "demo-passord");
  const helseNord = await findUnitByCode(t.db, "HN");
  const created = await t.app.inject({
    method: "POST",
    url: "/api/documents",
    headers: { cookie },
    payload: { type: "tertial_report", unitId: helseNord?.id, period: "2024-T2" },
  });
  expect(created.statusCode, created.body).toBe(201);
  const stored = await t.app.inject({
    method: "GET",
    url: `/api/documents/${created.json().id}`,
    headers: { cookie },
  });
  const content = stored.json().content as DocumentContent;
  blocks = content.sections.find((section) => section.key === "risk")?.blocks ?? [];
}, 180_000);
afterAll(() => t.close());

describe("Helse Nord's risk section at T2 2024", () => {
  it("has seed 003's Tabell 3 with its counts, from the approved overall assessments", () => {
    const [tabell3] = blocks.flatMap((block) => (block.kind === "table" ? [block] : []));
    expect(tabell3?.caption).toMatch(/^Tabell \d+ Risikovurdering utvikling fra T1-2024 til T2-2024$/);
    expect(tabell3?.rows).toEqual(
      riskFile.table3_risk_T1_T2.rows.map((row) => [row.area, row.goal, row.t1, row.t2]),
    );
    expect(blocks).toContainEqual({
      kind: "paragraph",
      markdown: "4 mål har forbedret risiko, 10 er uendret og 1 er forverret.",
    });
  });

  it("lists Vedlegg 1's measures under their goals, with owner, phase, status and comment", () => {
    const [, measures] = blocks.flatMap((block) => (block.kind === "table" ? [block] : []));
    expect(measures?.caption).toMatch(/^Tabell \d+ Status risikoreduserende tiltak$/);
    expect(measures?.rows).toHaveLength(riskFile.table3_status_measures.rows.length);
    expect(measures?.rows.map((row) => row.slice(1))).toContainEqual([
      "Økt kjøp av private helsetjenester",
      "Helse Nord RHF, eierdirektør",
      "I gjennomføring",
      "iht. plan",
      "Til beslutning",
    ]);
    // Goals in Tabell 3's order, each named once, on its first row.
    const named = measures?.rows.map((row) => row[0]).filter((goal) => goal !== "");
    const order = riskFile.table3_risk_T1_T2.rows.map((row) => row.goal);
    expect(named).toEqual(order.filter((goal) => named?.includes(goal)));
  });
});
