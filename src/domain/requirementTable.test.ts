import { describe, expect, it } from "vitest";
import { type ImportContext, parseDate, readRequirementTable, type TableRow } from "./requirementTable.ts";

const context: ImportContext = {
  units: [
    { id: 1, code: "FIN" },
    { id: 2, code: "UNN" },
    { id: 3, code: "HNIKT" },
    { id: 4, code: "SANO" },
    { id: 9, code: "HOD" },
  ],
  recipientIds: new Set([1, 2, 3]),
  existingNumbers: new Set(["99"]),
};

const header = [
  "Krav nr.",
  "Mål / Indikator",
  "Kilde",
  "Krav tekst",
  "Gjelder foretak",
  "Rapporteringsfrekvens",
];
const rows = (...cells: string[][]): TableRow[] =>
  cells.map((row, index) => ({ row: index + 2, cells: row }));

describe("reading a requirement table", () => {
  it("understands the seed's Norwegian headers and values", () => {
    const result = readRequirementTable(
      header,
      rows(
        ["2", "Oppdrag", "OD", "Tekst", "FIN, UNN", "Årlig"],
        ["I-1", "Indikator", "", "Tekst", "Alle", "Tertial"],
      ),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.requirements).toEqual([
      expect.objectContaining({
        row: 2,
        number: "2",
        kind: "assignment",
        source: "OD",
        appliesToUnitIds: [1, 2],
        frequency: ["annual"],
      }),
      expect.objectContaining({
        row: 3,
        number: "I-1",
        kind: "indicator",
        source: null,
        appliesToUnitIds: null,
        frequency: ["T1", "T2", "annual"],
      }),
    ]);
  });

  it("understands English headers and optional columns", () => {
    const result = readRequirementTable(
      ["Number", "Kind", "Text", "Applies to", "Chapter", "Deadline", "Risk assessment", "Lead"],
      rows(["5", "goal", "Text", "UNN/FIN", "Main goal 1", "31.08.2024", "ja", "UNN"]),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.requirements[0]).toMatchObject({
      kind: "goal",
      appliesToUnitIds: [1, 2],
      chapter: "Main goal 1",
      deadline: "2024-08-31",
      selectedForRiskAssessment: true,
      leadUnitId: 2,
      frequency: ["annual"],
    });
  });

  it('reads "HN IKT" as HNIKT, and codes separated by spaces or "og"', () => {
    const result = readRequirementTable(
      header,
      rows(["1", "Oppdrag", "", "T", "HN IKT og FIN", ""], ["2", "", "", "T", "FIN UNN", ""]),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.requirements.map((r) => r.appliesToUnitIds)).toEqual([
      [1, 3],
      [1, 2],
    ]);
  });

  it("names each bad cell by row and column, and returns no rows then", () => {
    const result = readRequirementTable(
      header,
      rows(
        ["99", "Oppdrag", "", "Tekst", "Alle", ""],
        ["", "Mål", "", "", "", "hver uke"],
        ["3", "Ønske", "", "Tekst", "SANO, XYZ", ""],
        ["3", "Oppdrag", "", "Tekst", "FIN", ""],
      ),
      context,
    );
    const found = result.problems.map(({ row, field, code, params }) => ({ row, field, code, params }));
    expect(found).toEqual([
      {
        row: 2,
        field: "number",
        code: "requirement_number_in_document",
        params: { column: "number", value: "99", number: "99" },
      },
      { row: 3, field: "number", code: "required", params: { column: "number", value: "" } },
      { row: 3, field: "text", code: "required", params: { column: "text", value: "" } },
      {
        row: 3,
        field: "applies to",
        code: "requirement_applies_to_required",
        params: { column: "appliesTo", value: "" },
      },
      {
        row: 3,
        field: "frequency",
        code: "requirement_frequency_unknown",
        params: { column: "frequency", value: "hver uke" },
      },
      {
        row: 4,
        field: "goal/indicator",
        code: "requirement_kind_unknown",
        params: { column: "kind", value: "Ønske" },
      },
      {
        row: 4,
        field: "applies to",
        code: "steering_not_recipient",
        params: { column: "appliesTo", value: "SANO, XYZ", unit: "SANO" },
      },
      {
        row: 4,
        field: "applies to",
        code: "requirement_unknown_unit_code",
        params: { column: "appliesTo", value: "XYZ" },
      },
      {
        row: 5,
        field: "number",
        code: "requirement_number_repeated",
        params: { column: "number", value: "3", number: "3", firstRow: 4 },
      },
    ]);
    // The English wording stays beside the code, for the log; the server words it per request.
    expect(result.problems[0]?.message).toBe("99 is already used in this document");
  });

  it("skips empty rows and ignores columns it does not know", () => {
    const result = readRequirementTable(
      [...header, "Rapporteringstekst"],
      rows(["", "", "", "", "", "", ""], ["1", "Oppdrag", "", "T", "Alle", "", "Svar fra i fjor"]),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.requirements).toHaveLength(1);
  });

  it("names missing required columns in the header row", () => {
    const result = readRequirementTable(["Nr", "Tekst"], rows(["1", "T"]), context);
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 1,
        field: "goal/indicator",
        code: "requirement_table_missing_column",
        params: expect.objectContaining({
          column: "kind",
          accepted: expect.stringContaining("mål/indikator"),
        }),
      }),
      expect.objectContaining({ row: 1, field: "applies to", code: "requirement_table_missing_column" }),
    ]);
  });

  it("says so when the table has no rows", () => {
    expect(readRequirementTable(header, [], context).problems).toEqual([
      {
        row: 2,
        field: "number",
        code: "requirement_table_no_rows",
        message: "the table has no requirement rows",
        params: {},
      },
    ]);
  });

  it("refuses a lead unit the requirement does not apply to, and a bad risk flag", () => {
    const result = readRequirementTable(
      [...header, "Leder", "Risikovurdering"],
      rows(["1", "Oppdrag", "", "T", "FIN", "", "UNN", "kanskje"]),
      context,
    );
    expect(result.problems.map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      {
        field: "risk assessment",
        code: "requirement_risk_not_yes_no",
        params: { column: "risk", value: "kanskje" },
      },
      {
        field: "lead",
        code: "requirement_lead_not_answering",
        params: { column: "lead", value: "UNN", unit: "UNN" },
      },
    ]);
  });
});

describe("dates in tables", () => {
  it("reads ISO and Norwegian dates and refuses impossible ones", () => {
    expect(parseDate("2024-08-31")).toBe("2024-08-31");
    expect(parseDate("1.3.2024")).toBe("2024-03-01");
    expect(parseDate("31.02.2024")).toBeNull();
    expect(parseDate("2024-13-01")).toBeNull();
    expect(parseDate("neste uke")).toBeNull();
  });
});
