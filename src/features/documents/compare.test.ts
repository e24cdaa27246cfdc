import { describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { canonicalCopy, canonicalJson, sha256Hex } from "./canonical.ts";
import { compareBlocks, compareDocuments } from "./compare.ts";
import type { Block, DocumentData } from "./model.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { defaultTemplate } from "./template.ts";

const build = (data: DocumentData) =>
  buildDocument("annual_report", data, defaultTemplate("annual_report"), "nb");

function section(comparison: ReturnType<typeof compareDocuments>, key: string) {
  const found = comparison.sections.find((each) => each.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
}

describe("comparing two documents", () => {
  it("finds nothing between a document and its rebuild", () => {
    const comparison = compareDocuments(build(sampleAnnualReportData()), build(sampleAnnualReportData()));
    expect(comparison.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 6 });
    expect(comparison.title).toBeNull();
  });

  it("finds the chapter whose answer changed, and names the requirement and what changed in it", () => {
    const before = sampleAnnualReportData();
    const after = sampleAnnualReportData();
    const requirement = after.chapters[1]?.requirements[0];
    if (!requirement) throw new Error("sample changed");
    requirement.status = "partly_fulfilled";
    requirement.answer = "Antallet studier økte med 12 %.";

    const comparison = compareDocuments(build(before), build(after));
    // The chapter, and the summary that counts the requirements by status.
    expect(comparison.counts).toEqual({ added: 0, removed: 0, changed: 2, unchanged: 4 });
    expect(section(comparison, "scorecard_summary").blocks.map((block) => block.label)).toEqual([
      // The paragraph that counts them, edited; the table matched on its caption.
      "Dokumentet omfatter 5 krav: 2 innfridd, 2 delvis innfridd o…",
      "Tabell 3 Status for kravene",
    ]);
    const chapter = section(comparison, "requirements/od-2.2");
    expect(chapter.change).toBe("changed");
    expect(chapter.blocks).toEqual([
      {
        change: "changed",
        kind: "requirement",
        label: "2.2.1",
        fields: ["status", "answer"],
        before: expect.stringContaining("Antallet studier økte med 6 %."),
        after: expect.stringContaining(
          "Status: Delvis innfridd · Sendt til godkjenning – ikke godkjent\nAntallet studier økte med 12 %.",
        ),
      },
    ]);
    expect(section(comparison, "requirements/od-2.1").change).toBe("unchanged");
  });

  it("reports added and removed sections, removed ones where they stood", () => {
    const before = sampleAnnualReportData();
    // No scorecard: its section goes; the summary keeps the requirements' statuses.
    const after = sampleAnnualReportData({ scorecard: null });
    after.chapters.push({
      key: "od-2.3",
      number: "2.3",
      title: "Rask tilgang til helsetjenester",
      introduction: null,
      requirements: [
        {
          number: "2.3.1",
          text: "Ventetidene skal ned.",
          status: "fulfilled",
          answer: "Ja.",
          unitAnswers: [],
          jointReport: null,
        },
      ],
    });
    const comparison = compareDocuments(build(before), build(after));
    expect(comparison.sections.map((each) => [each.key, each.change])).toEqual([
      ["introduction", "unchanged"],
      ["scorecard_summary", "changed"],
      ["requirements", "unchanged"],
      ["requirements/od-2.1", "unchanged"],
      ["requirements/od-2.2", "unchanged"],
      ["scorecard_indicators", "removed"],
      ["requirements/od-2.3", "added"],
    ]);
    expect(section(comparison, "requirements/od-2.3").blocks).toEqual([
      expect.objectContaining({ change: "added", kind: "requirement", label: "2.3.1" }),
    ]);
  });

  it("finds a changed figure in a table, matched on the caption", () => {
    const before = sampleAnnualReportData();
    const after = sampleAnnualReportData();
    const cell = after.scorecard?.summary?.attainment.rows[0]?.cells[2];
    if (!cell) throw new Error("sample changed");
    cell.formatted = "17/33 (51,5 %)";
    const chapter = section(compareDocuments(build(before), build(after)), "scorecard_summary");
    expect(chapter.blocks).toEqual([
      expect.objectContaining({
        change: "changed",
        kind: "table",
        label: "Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt",
        before: expect.stringContaining("16/33 (48,5 %) | 16/33 (48,5 %)"),
        after: expect.stringContaining("16/33 (48,5 %) | 17/33 (51,5 %)"),
      }),
    ]);
  });

  it("reports the changed title", () => {
    const comparison = compareDocuments(
      build(sampleAnnualReportData()),
      build(sampleAnnualReportData({ unit: { id: 1, code: "HN", name: "Helse Nord" } })),
    );
    expect(comparison.title).toEqual({
      before: "Årlig melding 2024 for Helse Nord RHF",
      after: "Årlig melding 2024 for Helse Nord",
    });
  });
});

describe("comparing paragraphs", () => {
  const paragraph = (markdown: string): Block => ({ kind: "paragraph", markdown });

  it("matches unchanged paragraphs and shows an edited one as changed, an inserted one as added", () => {
    const changes = compareBlocks(
      [paragraph("Første."), paragraph("Andre."), paragraph("Tredje.")],
      [paragraph("Nytt først."), paragraph("Første."), paragraph("Andre, endret."), paragraph("Tredje.")],
    );
    expect(changes).toEqual([
      { change: "added", kind: "paragraph", label: "Nytt først.", before: null, after: "Nytt først." },
      {
        change: "changed",
        kind: "paragraph",
        label: "Andre, endret.",
        before: "Andre.",
        after: "Andre, endret.",
      },
    ]);
  });

  it("shows a removed paragraph as removed", () => {
    expect(compareBlocks([paragraph("Én."), paragraph("To.")], [paragraph("To.")])).toEqual([
      { change: "removed", kind: "paragraph", label: "Én.", before: "Én.", after: null },
    ]);
  });
});

describe("canonical JSON", () => {
  it("is the same whatever the key order, so the hash survives a trip through jsonb", () => {
    const one = { b: 1, a: { d: [1, { f: true, e: null }], c: "x" } };
    const two = { a: { c: "x", d: [1, { e: null, f: true }] }, b: 1 };
    expect(canonicalJson(one)).toBe('{"a":{"c":"x","d":[1,{"e":null,"f":true}]},"b":1}');
    expect(canonicalJson(two)).toBe(canonicalJson(one));
    expect(sha256Hex(canonicalJson(two))).toBe(sha256Hex(canonicalJson(one)));
    expect(sha256Hex(canonicalJson(one))).toMatch(/^[0-9a-f]{64}$/);
  });

  it("drops undefined and refuses numbers JSON cannot hold", () => {
    expect(canonicalCopy({ a: undefined, b: [undefined] })).toEqual({ b: [null] });
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
  });
});
