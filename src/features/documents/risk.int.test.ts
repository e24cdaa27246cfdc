// The risk section of generated documents from real data: goals selected for risk assessment,
// rounds opened on the published document, overall assessments written and approved through the
// API, measures put in directly; then the tertial report's Tabell 3, its counts, the measures and
// the note on what is not approved. Also a trust's report (its own assessments) and the T1 report.

import { beforeAll, describe, expect, it } from "vitest";
import { measureLinks, measureLog, measures } from "../../db/schema.ts";
import {
  call,
  documentId,
  json,
  openRound,
  owner,
  publishDocument,
  region,
  roundId,
  setUpReportingApp,
  t,
  trustA,
} from "../reporting/reporting.fixture.ts";
import type { DocumentContent, TableBlock } from "./model.ts";
import { docxPart, paragraphs } from "./testing.ts";

setUpReportingApp();

type Assessment = { id: number; version: number; kind: string; unit: { id: number }; level: string | null };
type Goal = { requirement: { id: number }; overall: Assessment | null; units: Assessment[] };

const goal = { fristbrudd: 0, resultatkrav: 0, overtid: 0 };
let ownerName = "";

async function assessment(period: string, requirementId: number, unitId: number) {
  const { goals } = await json<{ goals: Goal[] }>("GET", "root", `/api/rounds/${await roundId(period)}/risk`);
  const found = goals.find((g) => g.requirement.id === requirementId);
  const all = [found?.overall, ...(found?.units ?? [])];
  const hit = all.find((a) => a?.unit.id === unitId);
  if (!hit) throw new Error(`no assessment of ${requirementId} by ${unitId} in ${period}`);
  return hit;
}

/** Saves a level with a justification, then submits, then approves, as far as `until` says. */
async function assess(
  period: string,
  requirementId: number,
  unitId: number,
  level: string,
  until: "submitted" | "approved",
  [editor, approver] = ["regEditor", "regApprover"],
) {
  const a = await assessment(period, requirementId, unitId);
  const url = `/api/risk-assessments/${a.id}`;
  const saved = await json<Assessment>("PATCH", editor, url, {
    version: a.version,
    level,
    justification: `Vurdert som ${level} i ${period}.`,
  });
  const submitted = await json<Assessment>("POST", editor, `${url}/submit`, { version: saved.version });
  if (until === "approved") await json("POST", approver, `${url}/approve`, { version: submitted.version });
}

async function generate(who: string, unitId: number, period: string, type = "tertial_report") {
  const created = await json<{ id: number }>("POST", who, "/api/documents", { type, unitId, period });
  const stored = await json<{ content: DocumentContent }>("GET", who, `/api/documents/${created.id}`);
  return { id: created.id, content: stored.content };
}

const riskBlocks = (content: DocumentContent) =>
  content.sections.find((section) => section.key === "risk")?.blocks ?? [];
const riskTables = (content: DocumentContent) =>
  riskBlocks(content).filter((block): block is TableBlock => block.kind === "table");

beforeAll(async () => {
  const chapter = (title: string) =>
    json<{ id: number }>("POST", "regEditor", `/api/steering-documents/${documentId}/chapters`, { title });
  const quality = await chapter("Kvalitet og kapasitet i tjenestetilbudet");
  const economy = await chapter("Økonomi");
  const add = async (number: string, chapterId: number, text: string) =>
    (
      await json<{ id: number }>("POST", "regEditor", `/api/steering-documents/${documentId}/requirements`, {
        number,
        chapterId,
        kind: "goal",
        text,
        frequency: ["annual"],
        selectedForRiskAssessment: true,
      })
    ).id;
  goal.fristbrudd = await add("R-1", quality.id, "Redusere fristbrudd");
  goal.resultatkrav = await add("R-2", economy.id, "Oppnå økonomisk resultatkrav");
  goal.overtid = await add("R-3", economy.id, "Redusert **overtid**");
  await publishDocument();

  await openRound("2024-T1", "2024-05-15");
  await assess("2024-T1", goal.fristbrudd, region.id, "red", "approved");
  await assess("2024-T1", goal.resultatkrav, region.id, "yellow", "approved");
  await assess("2024-T1", goal.overtid, region.id, "red", "approved");

  await openRound("2024-T2", "2024-09-15");
  await assess("2024-T2", goal.fristbrudd, region.id, "yellow", "approved");
  await assess("2024-T2", goal.resultatkrav, region.id, "yellow", "approved");
  // Written and submitted, not approved: it must not count.
  await assess("2024-T2", goal.overtid, region.id, "yellow", "submitted");
  // Trust A's own assessment of one goal, at T2 only.
  await assess("2024-T2", goal.fristbrudd, trustA.id, "green", "approved", ["taEditor", "taApprover"]);

  // The measures API is not here yet: measures, their log and links go straight in.
  const person = await t.make.user();
  ownerName = person.displayName;
  const [private_, budget, above, indicatorOnly] = await t.db
    .insert(measures)
    .values([
      {
        responsibleUnitId: region.id,
        title: "Økt kjøp av private helsetjenester",
        ownerRole: "eierdirektør",
        phase: "in_progress",
        status: "as_planned",
        comment: "Til beslutning",
      },
      {
        responsibleUnitId: trustA.id,
        title: "Ny budsjettbehandling i april",
        ownerUserId: person.id,
        ownerRole: "økonomisjef",
        phase: "decided",
        status: null,
      },
      { responsibleUnitId: owner.id, title: "Eiers eget tiltak", phase: "decided", status: "as_planned" },
      { responsibleUnitId: region.id, title: "Bare på en indikator", phase: "decided", status: "delayed" },
    ])
    .returning({ id: measures.id });
  if (!private_ || !budget || !above || !indicatorOnly) throw new Error("measures were not inserted");
  await t.db.insert(measureLog).values([
    {
      measureId: budget.id,
      period: "2024-T1",
      on: "2024-04-30",
      phase: "decided",
      text: "Vedtatt i styret.",
      actorName: "Test",
    },
    {
      measureId: budget.id,
      period: "2024-T2",
      on: "2024-08-31",
      phase: "decided",
      text: "Budsjettene er behandlet på nytt.",
      actorName: "Test",
    },
  ]);
  await t.db.insert(measureLinks).values([
    { measureId: private_.id, kind: "requirement", targetId: goal.fristbrudd },
    { measureId: budget.id, kind: "requirement", targetId: goal.overtid },
    { measureId: budget.id, kind: "requirement", targetId: goal.resultatkrav },
    { measureId: above.id, kind: "requirement", targetId: goal.fristbrudd },
    { measureId: indicatorOnly.id, kind: "indicator", targetId: 1 },
  ]);
});

describe("the region's tertial report for T2", () => {
  let report: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    report = await generate("regEditor", region.id, "2024-T2");
  });

  it("has Tabell 3 with the overall assessments of T1 and T2, only the approved in colour", () => {
    const [table] = riskTables(report.content);
    expect(table?.caption).toMatch(/^Tabell \d+ Risikovurdering utvikling fra T1-2024 til T2-2024$/);
    expect(table?.header).toEqual(["Område", "Mål", "Helhetlig vurdering T1", "Helhetlig vurdering T2"]);
    expect(table?.rows).toEqual([
      ["Kvalitet og kapasitet i tjenestetilbudet", "Redusere fristbrudd", "Rød", "Gul"],
      ["Økonomi", "Oppnå økonomisk resultatkrav", "Gul", "Gul"],
      ["Økonomi", "Redusert overtid", "Rød", "Ikke godkjent"],
    ]);
    expect(table?.tones).toEqual([
      [null, null, "red", "yellow"],
      [null, null, "yellow", "yellow"],
      [null, null, "red", "grey"],
    ]);
  });

  it("counts the changes under the table and notes the assessment that is not approved", () => {
    const blocks = riskBlocks(report.content);
    const table = riskTables(report.content)[0] as TableBlock;
    expect(blocks[blocks.indexOf(table) + 1]).toEqual({
      kind: "paragraph",
      markdown: "1 mål har forbedret risiko, 1 er uendret og 1 mangler godkjent vurdering.",
    });
    expect(report.content.notice).toMatch(
      /1 av 6 risikovurderinger i dokumentet er ikke godkjent\. De er merket «ikke godkjent» der de står\.$/,
    );
  });

  it("lists the measures of the region and its trusts under each goal they are linked to", () => {
    const measuresTable = riskTables(report.content)[1];
    expect(measuresTable?.caption).toMatch(/^Tabell \d+ Status risikoreduserende tiltak$/);
    expect(measuresTable?.rows).toEqual([
      [
        "Redusere fristbrudd",
        "Økt kjøp av private helsetjenester",
        "Region RHF, eierdirektør",
        "I gjennomføring",
        "iht. plan",
        "Til beslutning",
      ],
      [
        "Oppnå økonomisk resultatkrav",
        "Ny budsjettbehandling i april",
        `Trust A HF, ${ownerName}`,
        "Vedtatt",
        "",
        "Budsjettene er behandlet på nytt.",
      ],
      [
        "Redusert overtid",
        "Ny budsjettbehandling i april",
        `Trust A HF, ${ownerName}`,
        "Vedtatt",
        "",
        "Budsjettene er behandlet på nytt.",
      ],
    ]);
  });

  it("prints both tables and the counts in the Word file", async () => {
    const response = await call("GET", "regEditor", `/api/documents/${report.id}/docx`);
    expect(response.statusCode).toBe(200);
    const texts = paragraphs(await docxPart(response.rawPayload, "word/document.xml")).map((p) => p.text);
    expect(texts.some((text) => /^\d+ Risikovurdering$/.test(text))).toBe(true);
    expect(texts).toContain("1 mål har forbedret risiko, 1 er uendret og 1 mangler godkjent vurdering.");
    expect(texts).toContain("Ikke godkjent");
    expect(texts).toContain("Ny budsjettbehandling i april");
  });
});

describe("other documents", () => {
  it("the T1 report shows T1 alone, without counts", async () => {
    const { content } = await generate("regEditor", region.id, "2024-T1");
    const [table] = riskTables(content);
    expect(table?.caption).toMatch(/^Tabell \d+ Risikovurdering T1-2024$/);
    expect(table?.rows.map((row) => row.slice(1))).toEqual([
      ["Redusere fristbrudd", "Rød"],
      ["Oppnå økonomisk resultatkrav", "Gul"],
      ["Redusert overtid", "Rød"],
    ]);
    expect(
      riskBlocks(content).some((block) => block.kind === "paragraph" && /mål har/.test(block.markdown)),
    ).toBe(false);
  });

  it("a trust's report shows the trust's own assessments and measures", async () => {
    const { content } = await generate("taEditor", trustA.id, "2024-T2");
    const [table, measuresTable] = riskTables(content);
    expect(table?.header).toEqual(["Område", "Mål", "Helhetlig vurdering T2"]);
    // The goals it has not assessed yet are there too, saying so.
    expect(table?.rows).toEqual([
      ["Kvalitet og kapasitet i tjenestetilbudet", "Redusere fristbrudd", "Grønn"],
      ["Økonomi", "Oppnå økonomisk resultatkrav", "Ikke vurdert"],
      ["Økonomi", "Redusert overtid", "Ikke vurdert"],
    ]);
    expect(measuresTable?.rows.map((row) => [row[0], row[1]])).toEqual([
      ["Oppnå økonomisk resultatkrav", "Ny budsjettbehandling i april"],
      ["Redusert overtid", "Ny budsjettbehandling i april"],
    ]);
  });

  it("the annual report leaves risk out by default", async () => {
    await openRound("2024", "2025-02-01");
    const { content } = await generate("regEditor", region.id, "2024", "annual_report");
    expect(content.sections.some((section) => section.key === "risk")).toBe(false);
  });

  it("a unit with no assessments keeps the sentence 'not yet available', before its measures", async () => {
    const { content } = await generate("root", trustA.id, "2024-T1");
    const [sentence, lead, measuresTable, ...rest] = riskBlocks(content);
    expect(sentence).toEqual({ kind: "paragraph", markdown: "_Ikke tilgjengelig ennå._" });
    expect(lead?.kind === "paragraph" && lead.markdown).toMatch(
      /^Tabell \d+ viser status for de risikoreduserende/,
    );
    expect(measuresTable?.kind === "table" && measuresTable.caption).toMatch(
      /Status risikoreduserende tiltak$/,
    );
    expect(rest).toEqual([]);
  });
});
