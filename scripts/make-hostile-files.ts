// Builds the hostile-file corpus in test/fixtures/hostile/: small files that once froze the
// server or that a careless reader would choke on. Run with `npx tsx scripts/make-hostile-files.ts`;
// the output is deterministic and committed. src/files/hostile.int.test.ts posts every file to
// both imports. Files too large to commit (a CSV with a 10 MB field) are made by the test itself.
//
// The zip writer is our own (node:zlib only), as some files must lie in ways no zip library will.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../test/fixtures/hostile");

type ZipPart = {
  name: string;
  /** The bytes as stored (deflated unless `stored`). */
  data: Buffer;
  crc: number;
  size: number;
  stored?: boolean;
  /** What the directory claims the part unpacks to, when it lies. */
  claimedSize?: number;
  encrypted?: boolean;
};

function part(name: string, content: string | Buffer): ZipPart {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
  return { name, data: zlib.deflateRawSync(bytes, { level: 9 }), crc: zlib.crc32(bytes), size: bytes.length };
}

/** A part made of `copies` copies of `unit` between `head` and `tail`: it packs about 1,000 times. */
function bombPart(name: string, head: string, unit: string, copies: number, tail: string): ZipPart {
  const body = Buffer.alloc(Buffer.byteLength(unit) * copies, unit);
  return part(name, Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]));
}

function zipFile(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const each of parts) {
    const name = Buffer.from(each.name, "utf8");
    const flags = each.encrypted ? 1 : 0;
    const method = each.stored ? 0 : 8;
    const claimed = each.claimedSize ?? each.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(each.crc >>> 0, 14);
    local.writeUInt32LE(each.data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, each.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(each.crc >>> 0, 16);
    entry.writeUInt32LE(each.data.length, 20);
    entry.writeUInt32LE(claimed, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + each.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts every workbook has, around the given sheet (and shared strings, if any). */
function workbookParts(sheet: ZipPart, sharedStrings?: ZipPart): ZipPart[] {
  const contentTypes = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/>${
    sharedStrings ? `<Relationship Id="rId2" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>` : ""
  }</Relationships>`;
  return [
    part("[Content_Types].xml", contentTypes),
    part("_rels/.rels", rels),
    part("xl/workbook.xml", workbook),
    part("xl/_rels/workbook.xml.rels", workbookRels),
    sheet,
    ...(sharedStrings ? [sharedStrings] : []),
  ];
}

const sheetXml = (body: string, dimension = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${mainNs}">${dimension}<sheetData>${body}</sheetData></worksheet>`;

const sheetHead = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${mainNs}"><sheetData>`;

const inline = (reference: string, text: string) =>
  `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A measurement header and `rows` rows of figures, with one stray cell at XFD1. */
function farColumnSheet(rows: number): string {
  let body = `<row r="1">${["indicator", "unit", "month", "numerator", "denominator"]
    .map((text, index) => inline(`${"ABCDE"[index]}1`, text))
    .join("")}${inline("XFD1", "stray")}</row>`;
  for (let row = 2; row <= rows + 1; row++) {
    body += `<row r="${row}">${inline(`A${row}`, "EPI")}${inline(`B${row}`, "H1")}${inline(`C${row}`, "2024-01")}<c r="D${row}"><v>${row}</v></c><c r="E${row}"><v>100</v></c></row>`;
  }
  return sheetXml(body);
}

const smallSheet = part(
  "xl/worksheets/sheet1.xml",
  sheetXml(`<row r="1">${inline("A1", "indicator")}${inline("B1", "unit")}</row>`),
);

const files: Record<string, () => Buffer> = {
  "far-column-200-rows.xlsx": () =>
    zipFile(workbookParts(part("xl/worksheets/sheet1.xml", farColumnSheet(200)))),
  "far-column-2000-rows.xlsx": () =>
    zipFile(workbookParts(part("xl/worksheets/sheet1.xml", farColumnSheet(2000)))),
  "far-row.xlsx": () =>
    zipFile(
      workbookParts(
        part("xl/worksheets/sheet1.xml", sheetXml(`<row r="1048577">${inline("A1048577", "far")}</row>`)),
      ),
    ),
  "dimension-whole-sheet.xlsx": () =>
    zipFile(
      workbookParts(
        part(
          "xl/worksheets/sheet1.xml",
          sheetXml(`<row r="1">${inline("A1", "indicator")}</row>`, '<dimension ref="A1:XFD1048576"/>'),
        ),
      ),
    ),
  // 200 MB of blanks inside <sheetData>: packed more than 1,000 times.
  "sheet-bomb.xlsx": () =>
    zipFile(
      workbookParts(
        bombPart("xl/worksheets/sheet1.xml", sheetHead, " ", 200 * 1024 * 1024, "</sheetData></worksheet>"),
      ),
    ),
  // 100 MB of one repeated shared string, packed more than 1,000 times.
  "shared-strings-bomb.xlsx": () =>
    zipFile(
      workbookParts(
        smallSheet,
        bombPart(
          "xl/sharedStrings.xml",
          `<sst xmlns="${mainNs}">`,
          `<si><t>${"A".repeat(30_000)}</t></si>`,
          3_500,
          "</sst>",
        ),
      ),
    ),
  // One text of 2 million characters: small packed and unpacked, but beyond any cell's limit.
  "huge-shared-string.xlsx": () =>
    zipFile(
      workbookParts(
        part("xl/worksheets/sheet1.xml", sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)),
        part("xl/sharedStrings.xml", `<sst xmlns="${mainNs}"><si><t>${"A".repeat(2_000_000)}</t></si></sst>`),
      ),
    ),
  // 20 MB of blanks whose directory entry says 1 MB, so the compression ratio looks harmless.
  "lying-sizes.xlsx": () => {
    const sheet = bombPart(
      "xl/worksheets/sheet1.xml",
      sheetHead,
      " ",
      20 * 1024 * 1024,
      "</sheetData></worksheet>",
    );
    return zipFile(workbookParts({ ...sheet, claimedSize: 1024 * 1024 }));
  },
  "many-entries.xlsx": () =>
    zipFile([
      ...workbookParts(smallSheet),
      ...Array.from({ length: 1_100 }, (_, index) => ({
        ...part(`${index}`, ""),
        stored: true,
        data: Buffer.alloc(0),
      })),
    ]),
  "encrypted-entry.xlsx": () =>
    zipFile(workbookParts({ ...part("xl/worksheets/sheet1.xml", sheetXml("")), encrypted: true })),
  "truncated.xlsx": () => {
    const whole = zipFile(workbookParts(part("xl/worksheets/sheet1.xml", farColumnSheet(50))));
    return whole.subarray(0, Math.floor(whole.length / 2));
  },
  "not-a-zip.xlsx": () => Buffer.from("indicator;unit;month;numerator\nthis is text with an .xlsx name\n"),
  // The signature of the old binary format (and of Excel's password-protected files).
  "old-format.xlsx": () =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088)]),
  "deeply-nested.xlsx": () =>
    zipFile(
      workbookParts(
        part(
          "xl/worksheets/sheet1.xml",
          `<worksheet xmlns="${mainNs}"><sheetData><row r="1"><c r="A1"><v>${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}</v></c></row></sheetData></worksheet>`,
        ),
      ),
    ),
  "billion-laughs.xlsx": () => {
    let entities = '<!ENTITY lol0 "lol">';
    for (let level = 1; level <= 9; level++) {
      entities += `<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`;
    }
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE worksheet [${entities}]>\n<worksheet xmlns="${mainNs}"><sheetData><row r="1">${inline("A1", "&lol9;")}</row></sheetData></worksheet>`;
    return zipFile(workbookParts(part("xl/worksheets/sheet1.xml", xml)));
  },
  "external-entity.xlsx": () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<worksheet xmlns="${mainNs}"><sheetData><row r="1">${inline("A1", "&secret;")}</row></sheetData></worksheet>`;
    return zipFile(workbookParts(part("xl/worksheets/sheet1.xml", xml)));
  },
  "nul-bytes.csv": () => Buffer.from("indicator;unit;month;numerator;denominator\nEPI;H1\0;2024-01;1;2\n"),
  // 30,000 delimiters on one line: a million-column record if nothing stopped it.
  "many-columns.csv": () =>
    Buffer.from(`indicator;unit;month;numerator;denominator\n${";".repeat(30_000)}\n`),
};

// Valid files in encodings other than UTF-8: both imports must accept these.
const measurementCsv =
  "Indikator;Enhet;Måned;Teller;Nevner\r\nEPI;H1;2024-01;35;50\r\nEPI;H1;2024-02;36,5;50\r\n";
const requirementCsv =
  "Krav nr;Mål / Indikator;Krav tekst;Gjelder foretak\r\n1;Oppdrag;Helseforetakene skal sørge for god pasientbehandling.;Alle\r\n";
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
Object.assign(files, {
  "measurements-utf16le.csv": () =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(measurementCsv, "utf16le")]),
  "measurements-utf16be.csv": () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(measurementCsv)]),
  "measurements-windows-1252.csv": () => Buffer.from(measurementCsv, "latin1"),
  "requirements-utf16le.csv": () =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(requirementCsv, "utf16le")]),
  "requirements-utf16be.csv": () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(requirementCsv)]),
  "requirements-windows-1252.csv": () => Buffer.from(requirementCsv, "latin1"),
});

fs.mkdirSync(folder, { recursive: true });
let total = 0;
for (const [name, build] of Object.entries(files)) {
  const content = build();
  fs.writeFileSync(path.join(folder, name), content);
  total += content.length;
  console.log(`${name.padEnd(32)} ${content.length.toLocaleString("en-US").padStart(10)} bytes`);
}
console.log(`${"total".padEnd(32)} ${total.toLocaleString("en-US").padStart(10)} bytes`);
