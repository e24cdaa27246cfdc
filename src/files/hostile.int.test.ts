// Every file of test/fixtures/hostile/ (scripts/make-hostile-files.ts) posted to both imports: each is
// refused with a clear problem, quickly, in little memory, writing nothing; /api/health answers.

import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measurements, requirements } from "../db/schema.ts";
import { createTestApp } from "../testing/app.ts";
import { columnName } from "./xlsx.ts";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/hostile");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));
type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
const cookies: Record<"admin" | "editor" | "reader" | "outsider", string> = {
  admin: "",
  editor: "",
  reader: "",
  outsider: "",
};
let regionId: number;
let trustId: number;
let draftId: number;

beforeAll(async () => {
  t = await createTestApp();
  const root = await t.make.unit({ kind: "owner", code: "ROOT" });
  const region = await t.make.unit({ parentId: root.id, kind: "regional_health_authority", code: "REG" });
  const trust = await t.make.unit({ parentId: region.id, code: "T1" });
  await t.make.unit({ parentId: trust.id, kind: "hospital", code: "H1" });
  regionId = region.id;
  trustId = trust.id;
  await t.make.user({ username: "admin", systemAdmin: true });
  await t.make.user({ username: "editor", roles: [{ unitId: region.id, role: "editor" }] });
  await t.make.user({ username: "reader", roles: [{ unitId: region.id, role: "reader" }] });
  await t.make.user({ username: "outsider" });
  for (const name of Object.keys(cookies) as (keyof typeof cookies)[]) cookies[name] = await t.signIn(name);
  const indicator = await t.app.inject({
    method: "POST",
    url: "/api/indicators",
    headers: { cookie: cookies.admin },
    payload: { code: "EPI", nameNb: "Epikriser", unitLabel: "%", direction: "higher", valueKind: "ratio" },
  });
  expect(indicator.statusCode).toBe(201);
  draftId = await newDraft();
});
afterAll(() => t.close());

async function newDraft(): Promise<number> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/steering-documents",
    headers: { cookie: cookies.editor },
    payload: {
      year: 2024,
      issuingUnitId: regionId,
      recipientUnitIds: [trustId],
      kind: "steering_document",
      title: "Krav 2024",
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as number;
}

function multipart(fileName: string, content: Buffer) {
  const boundary = "----tertial-hostile-boundary";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

type Target = "measurements" | "requirements";

function upload(target: Target, fileName: string, content: Buffer, cookie = cookies.editor, query = "") {
  const { payload, contentType } = multipart(fileName, content);
  const url =
    target === "measurements"
      ? `/api/measurements/import${query}`
      : `/api/steering-documents/${draftId}/requirements/import${query}`;
  return t.app.inject({ method: "POST", url, headers: { cookie, "content-type": contentType }, payload });
}

async function rowsStored() {
  const [stored] = await t.db.select({ n: count() }).from(measurements);
  const [listed] = await t.db.select({ n: count() }).from(requirements);
  return { measurements: stored?.n ?? 0, requirements: listed?.n ?? 0 };
}

async function timedHealth(): Promise<number> {
  const started = performance.now();
  const response = await t.app.inject({ method: "GET", url: "/api/health" });
  expect(response.statusCode).toBe(200);
  return performance.now() - started;
}

/** Posts a file while watching the clock, the memory, the event loop and /api/health. */
async function watchedUpload(target: Target, fileName: string, content: Buffer) {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 5);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const pending = upload(target, fileName, content);
  const healthMs = await timedHealth();
  const response = await pending;
  const elapsedMs = performance.now() - started;
  loop.disable();
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  return {
    response,
    elapsedMs,
    healthMs,
    loopDelayMs: loop.max / 1e6,
    rssGrowthMb: (rssPeak - rssBefore) / 1024 / 1024,
  };
}

// What each file must be refused for: the reason and the values its wording names.
// A part that unpacks to too much is refused by its size or, where the size is allowed, by how well it packs.
const tooMuchUnpacked = expect.stringMatching(/^file_(part_too_large|zip_bomb)$/);
const refused: [file: string, reason: unknown, params: Record<string, unknown>][] = [
  ["far-column-200-rows.xlsx", "file_beyond_columns", { cell: "XFD1", column: "GR", max: 200 }],
  ["far-column-2000-rows.xlsx", "file_beyond_columns", { cell: "XFD1", column: "GR", max: 200 }],
  ["far-row.xlsx", "file_row_beyond_max", { row: 1_048_577 }],
  ["dimension-whole-sheet.xlsx", "file_sheet_spans_beyond", { range: "A1:XFD1048576" }],
  ["sheet-bomb.xlsx", tooMuchUnpacked, { part: expect.stringMatching(/sheet1\.xml$/) }],
  ["shared-strings-bomb.xlsx", tooMuchUnpacked, { part: expect.stringMatching(/sharedStrings\.xml$/) }],
  ["huge-shared-string.xlsx", "file_text_too_long", { max: expect.any(Number) }],
  ["lying-sizes.xlsx", "file_zip_size_mismatch", {}],
  ["many-entries.xlsx", "file_too_many_entries", { count: 1_105, max: 1_000 }],
  ["encrypted-entry.xlsx", "file_encrypted", {}],
  ["truncated.xlsx", "file_unreadable_workbook", {}],
  ["not-a-zip.xlsx", "file_not_zip", {}],
  ["old-format.xlsx", "file_old_xls", {}],
  ["deeply-nested.xlsx", "file_xml_too_deep", { max: 64 }],
  ["billion-laughs.xlsx", "file_xml_doctype", {}],
  ["external-entity.xlsx", "file_xml_doctype", {}],
  ["nul-bytes.csv", "file_nul_character", {}],
  ["many-columns.csv", "file_too_many_columns", { max: 200 }],
];

describe.each<Target>(["measurements", "requirements"])("hostile files posted to the %s import", (target) => {
  it.each(refused)("refuses %s quickly, in little memory, writing nothing", async (file, reason, params) => {
    const before = await rowsStored();
    const watched = await watchedUpload(target, file, fixture(file));
    const body = watched.response.json();
    expect([400, 413], body.detail).toContain(watched.response.statusCode);
    expect(watched.response.headers["content-type"]).toContain("application/problem+json");
    expect(body).toMatchObject({ reason, params: { file, ...params } });
    // Worded in bokmål by default, naming the file as the user named it.
    expect(body.detail).toContain(`«${file}»`);
    expect(body.problems[0]).toMatchObject({ field: "file", code: reason, message: body.detail });
    expect(body.detail).not.toMatch(/root:/);
    expect(watched.elapsedMs).toBeLessThan(5_000);
    expect(watched.rssGrowthMb).toBeLessThan(200);
    expect(watched.healthMs).toBeLessThan(100);
    expect(watched.loopDelayMs).toBeLessThan(100);
    expect(await rowsStored()).toEqual(before);
  });

  it("refuses a CSV with a 10 MB field", async () => {
    const before = await rowsStored();
    const csv = Buffer.from(
      `indicator;unit;month;numerator\nEPI;${"x".repeat(10 * 1024 * 1024)};2024-01;1\n`,
    );
    const watched = await watchedUpload(target, "long.csv", csv);
    expect(watched.response.statusCode).toBe(413);
    expect(watched.response.json().reason).toMatch(
      /^(file_row_too_long|.*_upload_too_large|requirement_table_too_large)$/,
    );
    expect(watched.elapsedMs).toBeLessThan(5_000);
    expect(watched.rssGrowthMb).toBeLessThan(200);
    expect(watched.healthMs).toBeLessThan(100);
    expect(await rowsStored()).toEqual(before);
  });
});

describe("valid files in other encodings", () => {
  it.each(["utf16le", "utf16be", "windows-1252"])("reads a %s measurement file", async (encoding) => {
    const response = await upload(
      "measurements",
      `measurements-${encoding}.csv`,
      fixture(`measurements-${encoding}.csv`),
      cookies.editor,
      "?dryRun=true",
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      rows: 2,
      inserted: 2,
      changes: [{ unit: "H1", after: { numerator: 35 } }, { after: { numerator: 36.5 } }],
    });
  });

  it.each(["utf16le", "utf16be", "windows-1252"])("reads a %s requirement table", async (encoding) => {
    const documentId = await newDraft();
    const { payload, contentType } = multipart("krav.csv", fixture(`requirements-${encoding}.csv`));
    const response = await t.app.inject({
      method: "POST",
      url: `/api/steering-documents/${documentId}/requirements/import`,
      headers: { cookie: cookies.editor, "content-type": contentType },
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().requirements).toEqual([
      expect.objectContaining({ number: "1", text: "Helseforetakene skal sørge for god pasientbehandling." }),
    ]);
  });
});

describe("rights and the target come before the body", () => {
  // 50 MB: the upload limit, of a file that packs 1,000 times, so any reading of it would show.
  const bigBomb = Buffer.concat([fixture("sheet-bomb.xlsx"), Buffer.alloc(50 * 1024 * 1024 - 300_000)]);

  it.each([
    ["a reader", "measurements", "reader", 403],
    ["someone without a role", "measurements", "outsider", 403],
    ["a reader of the issuer", "requirements", "reader", 403],
    ["someone who cannot see the draft", "requirements", "outsider", 404],
  ] as const)("answers %s posting to the %s import at once", async (_, target, who, status) => {
    const started = performance.now();
    const response = await upload(target, "bomb.xlsx", bigBomb, cookies[who]);
    expect(response.statusCode, response.body).toBe(status);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("answers 404 for a document that does not exist, as opening it does", async () => {
    const { payload, contentType } = multipart("bomb.xlsx", bigBomb);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/steering-documents/999999/requirements/import",
      headers: { cookie: cookies.editor, "content-type": contentType },
      payload,
    });
    expect(response.statusCode).toBe(404);
  });

  it.each<Target>(["measurements", "requirements"])(
    "answers a broken multipart body to the %s import with 400",
    async (target) => {
      const url =
        target === "measurements"
          ? "/api/measurements/import"
          : `/api/steering-documents/${draftId}/requirements/import`;
      const whole = multipart("x.csv", Buffer.alloc(2_000, "a"));
      const bodies = [
        // Cut off inside the part's headers, and inside the file.
        { "content-type": whole.contentType, payload: whole.payload.subarray(0, 60) },
        { "content-type": whole.contentType, payload: whole.payload.subarray(0, 1_000) },
        { "content-type": "multipart/form-data; boundary=abc", payload: Buffer.from("garbage") },
        { "content-type": "multipart/form-data", payload: Buffer.from("--x\r\n\r\n") },
      ];
      for (const { payload, ...headers } of bodies) {
        const response = await t.app.inject({
          method: "POST",
          url,
          headers: { cookie: cookies.editor, ...headers },
          payload,
        });
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json()).toMatchObject({
          reason: expect.stringMatching(/^upload_/),
          detail: expect.stringMatching(/^Opplastingen /),
        });
      }
    },
  );
});

/** A workbook of inline strings, written by hand: exceljs takes seconds for this many cells. */
async function workbookOf(rows: number, columns: number, text: (row: number, column: number) => string) {
  const mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const lines: string[] = [];
  for (let row = 1; row <= rows; row++) {
    const cells = Array.from(
      { length: columns },
      (_, column) =>
        `<c r="${columnName(column + 1)}${row}" t="inlineStr"><is><t>${text(row, column)}</t></is></c>`,
    );
    lines.push(`<row r="${row}">${cells.join("")}</row>`);
  }
  const zip = new JSZip();
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets><sheet name="Krav" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="${mainNs}"><sheetData>${lines.join("")}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

// 5,000 rows of 40 cells of different text: as much as a requirement table may hold.
const largeTableCell = (row: number, column: number) => `r${row}c${column}-${(row * 7919 + column) % 10007}`;
const largeCsv = () =>
  Buffer.from(
    Array.from({ length: 5_000 }, (_, row) =>
      Array.from({ length: 40 }, (_, column) => largeTableCell(row + 1, column + 1)).join(";"),
    ).join("\r\n"),
  );

describe.each([
  ["large.xlsx", () => workbookOf(5_000, 40, largeTableCell)],
  ["large.csv", async () => largeCsv()],
])("a large table being read (%s)", (fileName, content) => {
  it("leaves /api/health answering within 100 ms", async () => {
    let done = false;
    const pending = upload("requirements", fileName, await content()).then((response) => {
      done = true;
      return response;
    });
    const latencies: number[] = [];
    while (!done) {
      latencies.push(await timedHealth());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const response = await pending;
    expect(response.statusCode).toBe(400);
    expect(latencies.length).toBeGreaterThan(1);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });
});

describe("a CSV table at the size limit with tiny cells", () => {
  it("is refused at the cell limit, leaving /api/health answering", async () => {
    const before = await rowsStored();
    // 10 MB of one-letter cells: 5 million of them if nothing stopped it.
    const csv = Buffer.from(`${"a;".repeat(199)}a\n`.repeat(Math.floor((10 * 1024 * 1024 - 1024) / 400)));
    const watched = await watchedUpload("requirements", "tiny-cells.csv", csv);
    expect(watched.response.statusCode).toBe(413);
    expect(watched.response.json()).toMatchObject({
      reason: "file_too_many_cells",
      params: { file: "tiny-cells.csv", max: 250_000 },
      detail:
        "«tiny-cells.csv» har flere enn 250000 celler, mer enn det som kan leses på én gang. Del den i mindre filer.",
    });
    expect(watched.elapsedMs).toBeLessThan(5_000);
    expect(watched.healthMs).toBeLessThan(100);
    expect(await rowsStored()).toEqual(before);
  });
});

describe("the API's field limits in a requirement table", () => {
  const header = ["Krav nr", "Mål / Indikator", "Krav tekst", "Gjelder foretak", "Kilde", "Hovedmål"];
  const tooLong = [
    ["1", "Oppdrag", "x".repeat(300_000), "Alle", "", ""],
    ["2", "Oppdrag", "Kort tekst.", "Alle", "k".repeat(201), "h".repeat(301)],
  ];
  const tooLongAt = (row: number, field: string, maximum: number, length: number) => ({
    row,
    field,
    code: "requirement_cell_too_long",
    params: expect.objectContaining({ column: field, maximum, length }),
    message: `kan ha høyst ${maximum} tegn; denne har ${length}`,
  });
  const expected = [
    tooLongAt(2, "text", 50_000, 300_000),
    tooLongAt(3, "source", 200, 201),
    tooLongAt(3, "chapter", 300, 301),
  ];
  const csv = Buffer.from([header, ...tooLong].map((cells) => cells.join(";")).join("\r\n"));

  it.each([
    ["CSV", "krav.csv", async () => csv],
    [
      "XLSX",
      "krav.xlsx",
      () => workbookOf(3, header.length, (row, column) => [header, ...tooLong][row - 1]?.[column] ?? ""),
    ],
  ])(
    "names each row and column that is too long in a %s file, and writes nothing",
    async (_, name, content) => {
      const before = await rowsStored();
      const response = await upload("requirements", name, await content());
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: "validation_failed", problems: expected });
      expect(await rowsStored()).toEqual(before);
    },
  );
});
