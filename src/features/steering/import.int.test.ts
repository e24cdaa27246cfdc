import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let editor: string;
let reader: string;
let trustIds: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  const region = await t.make.unit({ kind: "regional_health_authority", code: "HN" });
  trustIds = {};
  for (const code of ["FIN", "UNN", "NLSH", "HNIKT"])
    trustIds[code] = (await t.make.unit({ parentId: region.id, code })).id;
  await t.make.unit({ parentId: null, kind: "owner", code: "ELSEWHERE" });
  await t.make.user({ username: "editor", roles: [{ unitId: region.id, role: "editor" }] });
  await t.make.user({ username: "reader", roles: [{ unitId: region.id, role: "reader" }] });
  editor = await t.signIn("editor");
  reader = await t.signIn("reader");
  regionId = region.id;
});
afterAll(() => t.close());
let regionId: number;

async function newDraft() {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/steering-documents",
    headers: { cookie: editor },
    payload: {
      year: 2024,
      issuingUnitId: regionId,
      recipientUnitIds: Object.values(trustIds),
      kind: "steering_document",
      title: "Styringskrav og rammer 2024",
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as number;
}

function upload(documentId: number, fileName: string, content: Buffer | string, cookie = editor, query = "") {
  const boundary = "----tertial-test-boundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: "POST",
    url: `/api/steering-documents/${documentId}/requirements/import${query}`,
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

async function requirementsOf(documentId: number) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/steering-documents/${documentId}`,
    headers: { cookie: editor },
  });
  return response.json() as {
    chapters: { id: number; title: string }[];
    requirements: {
      number: string;
      kind: string;
      appliesTo: unknown;
      frequency: string[];
      chapterId: number;
    }[];
  };
}

// The seed's table, as Norwegian Excel writes CSV: semicolons, "HN IKT" with a space, "Alle".
const seedCsv = [
  "Krav nr;Mål / Indikator;Kilde;Krav tekst;Gjelder foretak;Rapporteringsfrekvens;Hovedmål",
  '2;Oppdrag;OD;"Helseforetakene skal sikre fullverdig rapportering til KVARUS; innen TSB.";FIN, UNN, NLSH;Årlig;Hovedmål 1',
  "7;Oppdrag;;Relevante fagmiljø skal delta.;HN IKT, FIN, UNN;T1, T2, årlig;Hovedmål 2",
  "I-1;Indikator;Målekort HN LIS;Antall kliniske behandlingsstudier skal øke.;Alle;Halvårlig;Hovedmål 2",
  ";;;;;;",
  "11;Mål;FTP;Helseforetakene skal ha en god arbeidsmiljøkultur.;Alle;;Hovedmål 2",
].join("\r\n");

describe("importing a requirement table", () => {
  it("imports the seed's columns from CSV, creating the chapters it names", async () => {
    const documentId = await newDraft();
    const response = await upload(documentId, "styringskrav.csv", seedCsv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      imported: 4,
      chaptersCreated: [{ title: "Hovedmål 1" }, { title: "Hovedmål 2" }],
    });
    const { chapters, requirements } = await requirementsOf(documentId);
    expect(requirements).toEqual([
      expect.objectContaining({
        number: "2",
        kind: "assignment",
        appliesTo: [trustIds.FIN, trustIds.UNN, trustIds.NLSH],
        frequency: ["annual"],
        chapterId: chapters[0]?.id,
      }),
      expect.objectContaining({
        number: "7",
        appliesTo: [trustIds.FIN, trustIds.UNN, trustIds.HNIKT].sort((a, b) => (a ?? 0) - (b ?? 0)),
        frequency: ["T1", "T2", "annual"],
      }),
      expect.objectContaining({
        number: "I-1",
        kind: "indicator",
        appliesTo: "all",
        frequency: ["T2", "annual"],
      }),
      expect.objectContaining({
        number: "11",
        kind: "goal",
        frequency: ["annual"],
        chapterId: chapters[1]?.id,
      }),
    ]);
  });

  it("imports the same table from an XLSX workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Krav");
    sheet.addRow(["Number", "Goal/indicator", "Source", "Text", "Applies to", "Frequency", "Deadline"]);
    sheet.addRow([
      5,
      "Goal",
      "OD",
      "Each hospital follows up five quality indicators.",
      "FIN, UNN",
      "annual",
      new Date(Date.UTC(2024, 7, 31)),
    ]);
    sheet.addRow([6, "Indicator", null, "Monitor the birth services.", "Alle", "T2", "01.10.2024"]);
    const documentId = await newDraft();
    const response = await upload(documentId, "krav.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode).toBe(200);
    expect(response.json().requirements).toEqual([
      expect.objectContaining({ number: "5", kind: "goal", deadline: "2024-08-31" }),
      expect.objectContaining({
        number: "6",
        kind: "indicator",
        source: null,
        frequency: ["T2"],
        deadline: "2024-10-01",
      }),
    ]);
  });

  it("checks the whole file, names every bad row and column, and writes nothing", async () => {
    const documentId = await newDraft();
    const csv = [
      "Krav nr,Mål / Indikator,Kilde,Krav tekst,Gjelder foretak,Rapporteringsfrekvens,Frist",
      "1,Oppdrag,OD,Gyldig rad,Alle,Årlig,",
      "1,Oppdrag,OD,Samme nummer,Alle,Årlig,",
      "3,Ønske,OD,Ukjent type,XYZ,Hver uke,31.02.2024",
      "4,Oppdrag,OD,,ELSEWHERE,T1,",
    ].join("\n");
    const response = await upload(documentId, "feil.csv", csv);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({
      reason: "requirement_table_has_problems",
      params: { file: "feil.csv", count: 7, rows: 3 },
      detail:
        "«feil.csv» har 7 feil på 3 rader, så ingenting ble importert. Rett feilene og importer på nytt.",
    });
    const cell = (row: number, field: string, code: string, params: object, message: string) => ({
      row,
      field,
      code,
      params,
      message,
    });
    expect(body.problems).toEqual([
      cell(
        3,
        "number",
        "requirement_number_repeated",
        { column: "number", value: "1", number: "1", firstRow: 2 },
        "1 er også brukt på rad 2",
      ),
      cell(
        4,
        "goal/indicator",
        "requirement_kind_unknown",
        { column: "kind", value: "Ønske" },
        "«Ønske» er ikke en av: mål, indikator, oppdrag",
      ),
      cell(
        4,
        "applies to",
        "requirement_unknown_unit_code",
        { column: "appliesTo", value: "XYZ" },
        "det finnes ingen enhet med koden «XYZ»",
      ),
      cell(
        4,
        "frequency",
        "requirement_frequency_unknown",
        { column: "frequency", value: "Hver uke" },
        "«Hver uke» forstås ikke; skriv for eksempel «T1, T2, årlig», «halvårlig» eller «årlig»",
      ),
      cell(
        4,
        "deadline",
        "requirement_deadline_not_date",
        { column: "deadline", value: "31.02.2024" },
        "«31.02.2024» er ikke en dato; skriv 2024-08-31 eller 31.08.2024",
      ),
      cell(5, "text", "required", { column: "text", value: "" }, "må fylles ut"),
      cell(
        5,
        "applies to",
        "steering_not_recipient",
        { column: "appliesTo", value: "ELSEWHERE", unit: "ELSEWHERE" },
        "ELSEWHERE er ikke mottaker av dette dokumentet",
      ),
    ]);
    expect((await requirementsOf(documentId)).requirements).toEqual([]);
  });

  it("refuses a number already in the document", async () => {
    const documentId = await newDraft();
    expect((await upload(documentId, "a.csv", seedCsv)).statusCode).toBe(200);
    const again = await upload(documentId, "a.csv", seedCsv);
    expect(again.statusCode).toBe(400);
    expect(again.json().problems[0]).toEqual({
      row: 2,
      field: "number",
      code: "requirement_number_in_document",
      params: { column: "number", value: "2", number: "2" },
      message: "2 er allerede brukt i dette dokumentet",
    });
    expect((await requirementsOf(documentId)).requirements).toHaveLength(4);
  });

  it("names a missing column in the header row", async () => {
    const documentId = await newDraft();
    const response = await upload(documentId, "b.csv", "Nr,Kilde,Gjelder\n1,OD,Alle\n");
    expect(response.statusCode).toBe(400);
    expect(response.json().problems.map((p: { field: string; row: number }) => [p.row, p.field])).toEqual([
      [1, "goal/indicator"],
      [1, "text"],
    ]);
  });

  it("names the row of a malformed CSV file", async () => {
    const documentId = await newDraft();
    const response = await upload(
      documentId,
      "c.csv",
      'Nr,Type,Tekst,Gjelder\n1,Oppdrag,"ikke lukket,Alle\n',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "file_csv_quote",
      params: { file: "c.csv", row: 2 },
      problems: [{ field: "file", code: "file_csv_quote", row: 2 }],
    });
  });

  it("refuses a file that is not a workbook, and an old .xls", async () => {
    const documentId = await newDraft();
    const broken = await upload(documentId, "d.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({
      reason: "file_unreadable_workbook",
      problems: [{ field: "file", code: "file_unreadable_workbook" }],
    });
    const xls = await upload(documentId, "e.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect(xls.statusCode).toBe(400);
    expect(xls.json()).toMatchObject({
      reason: "file_old_xls",
      detail:
        "«e.xls» er en gammel .xls-arbeidsbok eller en arbeidsbok med passord. Lagre den som .xlsx uten passord, eller som CSV, og prøv igjen.",
    });
  });

  it("only checks with dryRun, and forbids readers", async () => {
    const documentId = await newDraft();
    const dry = await upload(documentId, "f.csv", seedCsv, editor, "?dryRun=true");
    expect(dry.json()).toMatchObject({ dryRun: true, checked: 4, imported: 0 });
    expect((await requirementsOf(documentId)).requirements).toEqual([]);
    expect((await upload(documentId, "f.csv", seedCsv, reader)).statusCode).toBe(403);
  });
});
