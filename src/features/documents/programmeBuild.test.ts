import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentContent, TableBlock } from "./model.ts";
import { buildProgrammeCase, phaseState } from "./programmeBuild.ts";
import { kroner, withMeasureUnit } from "./programmeLabels.ts";
import { sampleProgrammeCase } from "./programmeSamples.ts";

const sectionText = (content: DocumentContent, key: string) =>
  JSON.stringify(content.sections.find((section) => section.key === key)?.blocks ?? []);
const tables = (content: DocumentContent) =>
  content.sections.flatMap((section) => section.blocks).filter((b): b is TableBlock => b.kind === "table");

describe("a programme's status board case", () => {
  it("has the board case's front matter and its sections in order, numbered", () => {
    const content = buildProgrammeCase(sampleProgrammeCase());
    expect(content.type).toBe("board_case");
    expect(content.title).toBe(
      "Styresak 112-2026 Nasjonale stab- og støttetjenester – status per 7. desember 2026",
    );
    expect(content.frontPage.lines).toEqual([
      { label: "Saksnummer", value: "112-2026" },
      { label: "Møtedato", value: "17. desember 2026" },
      { label: "Saksbehandler", value: "Ola Hansen" },
      { label: "Dato", value: "7. desember 2026" },
    ]);
    expect(content.sections.map((s) => `${s.number} ${s.heading}`)).toEqual([
      "1 Forslag til vedtak",
      "2 Formål og bakgrunn",
      "3 Faser og beslutningspunkter",
      "4 Statusrapport",
      "5 Risiko",
      "6 Gevinster",
    ]);
  });

  it("leaves out the front lines the secretary did not give, and titles the case without a number", () => {
    const content = buildProgrammeCase(
      sampleProgrammeCase({ front: { caseNumber: null, meetingDate: null, caseOfficer: null } }),
    );
    expect(content.title).toBe("Nasjonale stab- og støttetjenester – status per 7. desember 2026");
    expect(content.frontPage.lines).toEqual([{ label: "Dato", value: "7. desember 2026" }]);
  });

  it("proposes taking the report to note, for the secretary to complete", () => {
    const text = sectionText(buildProgrammeCase(sampleProgrammeCase()), "resolution");
    expect(text).toContain("Styret i Helse Sør-Øst RHF inviteres til å fatte følgende vedtak:");
    expect(text).toContain("til orientering.");
  });

  it("shows the phases with their dates and state, the gate decisions and the next gate", () => {
    const content = buildProgrammeCase(sampleProgrammeCase());
    const [phases, decisions] = tables(content);
    expect(phases?.rows).toEqual([
      [
        "Fase 0 Forstudie",
        "1. september 2025 – 31. mars 2026",
        "1. september 2025 – 15. april 2026",
        "Avsluttet",
      ],
      ["Fase 1 Forprosjekt", "15. april 2026 – 30. juni 2027", "16. april 2026 – pågår", "Pågår"],
      ["Fase 2 Gjennomføring", "1. juli 2027 – 31. desember 2029", "–", "Ikke startet"],
    ]);
    expect(decisions?.rows[0]).toEqual([
      "BP1",
      "15. april 2026",
      "Godkjent med vilkår",
      "Styret vedtar å starte fase 1.",
      "Gevinstplanen skal konkretiseres per helseforetak innen 1. oktober 2026.",
    ]);
    expect(sectionText(content, "phases")).toContain(
      "Neste beslutningspunkt er BP2; beslutning er ikke bedt om ennå.",
    );
  });

  it("says the status colours in words beside the filled cells, and the trend since the last report", () => {
    const content = buildProgrammeCase(sampleProgrammeCase());
    const status = tables(content).find((table) => table.caption.includes("Statusrapport"));
    expect(status?.caption).toBe("Tabell 3 Statusrapport 2. tertial 2026");
    expect(status?.rows.map((row) => row.slice(0, 2))).toEqual([
      ["Omfang", "Grønn"],
      ["Tid", "Gul"],
      ["Kostnad", "Grønn"],
      ["Gevinster", "Gul"],
      ["Risiko", "Rød"],
      ["Samlet vurdering", "Gul"],
    ]);
    expect(status?.tones?.map((row) => row[1])).toEqual([
      "green",
      "yellow",
      "green",
      "yellow",
      "red",
      "yellow",
    ]);
    expect(sectionText(content, "status")).toContain(
      "Samlet vurdering er forverret siden forrige rapport (1. tertial 2026: Grønn).",
    );
  });

  it("says plainly when there is no report, no risk and no benefits plan, never an empty heading", () => {
    const content = buildProgrammeCase(
      sampleProgrammeCase({
        report: null,
        previousReport: null,
        risks: [],
        benefits: [],
        costs: [],
        phases: [],
        gates: [],
      }),
    );
    for (const section of content.sections) expect(section.blocks.length).toBeGreaterThan(0);
    expect(sectionText(content, "status")).toContain("har ennå ingen innsendt statusrapport");
    expect(sectionText(content, "risk")).toContain("Ingen risikoer er registrert");
    expect(sectionText(content, "benefits")).toContain("Gevinstplanen er ikke lagt inn ennå");
  });

  it("shows risk levels before and after measures in words and colour, with the measures", () => {
    const risk = tables(buildProgrammeCase(sampleProgrammeCase())).find((t) => t.caption.endsWith("Risiko"));
    expect(risk?.rows[0]?.slice(2, 4)).toEqual(["Rød", "Gul"]);
    expect(risk?.tones?.[0]?.slice(2, 4)).toEqual(["red", "yellow"]);
    expect(risk?.rows[0]?.[4]).toContain("Kompetanseplan for innkjøpere");
  });

  it("sums the economic benefits against the investment, in Norwegian figures", () => {
    const text = sectionText(buildProgrammeCase(sampleProgrammeCase()), "benefits");
    expect(text).toContain("samlet mål på 1\u00a0000 mill. kr");
    expect(text).toContain("150 mill. kr er realisert");
    expect(text).toContain("investerings- og omstillingskostnader på 700 mill. kr");
  });
});

describe("the case's words", () => {
  it("formats sums and units the Norwegian way", () => {
    expect(kroner(1_250_000)).toBe("1,3 mill. kr");
    expect(kroner(12_500)).toBe("12\u00a0500 kr");
    expect(withMeasureUnit(4000.5, "timer")).toBe("4\u00a0000,5 timer");
  });

  it("never says a phase has ended before it started", () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (start, end, asOf) => {
        const state = phaseState(
          { number: 1, name: "", plannedStart: start, plannedEnd: end, actualStart: null, actualEnd: null },
          asOf,
        );
        expect(state.startsWith("Ikke startet")).toBe(true);
      }),
    );
  });
});
