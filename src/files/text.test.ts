import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { readCsvRecords, sniffDelimiter, textSlices } from "./csv.ts";
import { decodeText, detectFileEncoding } from "./text.ts";

const text = "Måned;Enhet\r\n2024-01;Tromsø\r\n";
const encoded = {
  "utf-8": Buffer.from(text, "utf8"),
  "utf-8 with BOM": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]),
  "utf-16le": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
  "utf-16be": Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]),
  "windows-1252": Buffer.from(text, "latin1"),
};

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-text-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("decoding text files", () => {
  it.each(Object.entries(encoded))("decodes %s whole, without the byte order mark", (_, data) => {
    expect(decodeText(data)).toBe(text);
  });

  it("tells a file's encoding, reading it whole when it has no byte order mark", async () => {
    const found: Record<string, string> = {};
    for (const [name, data] of Object.entries(encoded)) {
      const file = path.join(folder, `${name}.csv`);
      fs.writeFileSync(file, data);
      found[name] = await detectFileEncoding(file);
    }
    expect(found).toEqual({
      "utf-8": "utf-8",
      "utf-8 with BOM": "utf-8",
      "utf-16le": "utf-16le",
      "utf-16be": "utf-16be",
      "windows-1252": "windows-1252",
    });
    // A Windows-1252 letter far into the file still decides.
    const late = path.join(folder, "late.csv");
    fs.writeFileSync(late, Buffer.concat([Buffer.alloc(300_000, "a"), Buffer.from("ø", "latin1")]));
    expect(await detectFileEncoding(late)).toBe("windows-1252");
  });
});

describe("bounded CSV", () => {
  const limits = { maxRecordChars: 100, maxColumns: 3, maxRows: 3, maxCells: 7, maxMilliseconds: 10_000 };
  const parse = async (input: string) => {
    const records: string[][] = [];
    const reading = { limits, name: "t.csv", delimiter: ";", lenient: false };
    for await (const { cells } of readCsvRecords([textSlices(input)], reading)) records.push(cells);
    return records;
  };
  const problemOf = async (input: string) => {
    try {
      await parse(input);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error("no problem found");
  };

  it("reads a file within the limits", async () => {
    expect(await parse("a;b;c\n1;2;3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("reads a file far longer than one slice, with a letter split between slices", async () => {
    const long = "ø".repeat(40_000);
    const many = { ...limits, maxRecordChars: 100_000, maxRows: 100, maxCells: 1000 };
    const records: string[][] = [];
    const reading = { limits: many, name: "t.csv", delimiter: ";", lenient: false };
    const input = `${long};x\n`.repeat(3);
    for await (const { cells } of readCsvRecords([textSlices(input)], reading)) records.push(cells);
    expect(records).toEqual([
      [long, "x"],
      [long, "x"],
      [long, "x"],
    ]);
  });

  it("stops at a field too many, a row too many, a cell too many, a long record and a NUL, naming the line", async () => {
    expect(await problemOf("a;b;c;d\n")).toMatchObject({
      code: "validation_failed",
      details: {
        reason: "file_too_many_columns",
        params: { file: "t.csv", max: 3, row: 1 },
        problems: [{ field: "file", code: "file_too_many_columns", row: 1 }],
      },
    });
    expect(await problemOf("a\nb\nc\nd\n")).toMatchObject({
      code: "payload_too_large",
      details: {
        reason: "file_too_many_rows",
        params: { max: 3 },
        problems: [
          {
            row: 4,
            message:
              "“t.csv” has more than 3 rows, more than can be read at once. Split it into smaller files.",
          },
        ],
      },
    });
    expect(await problemOf("a;b;c\n1;2;3\n4;5\n")).toMatchObject({
      code: "payload_too_large",
      details: { reason: "file_too_many_cells", params: { max: 7 }, problems: [{ row: 3 }] },
    });
    expect(await problemOf(`a;${"x".repeat(200)}\n`)).toMatchObject({
      code: "payload_too_large",
      details: { reason: "file_row_too_long" },
    });
    expect(await problemOf("a\nb\0\n")).toMatchObject({
      details: { reason: "file_nul_character", params: { row: 2 }, problems: [{ field: "file", row: 2 }] },
    });
    expect(await problemOf('a;"open\n')).toMatchObject({
      details: { reason: "file_csv_quote", problems: [{ field: "file" }] },
    });
  });

  it("stops reading when the time is up", async () => {
    const slow = { ...limits, maxRows: 1_000_000, maxCells: 1_000_000, maxMilliseconds: 0 };
    const reading = { limits: slow, name: "t.csv", delimiter: ";", lenient: false };
    const read = async () => {
      for await (const _ of readCsvRecords([textSlices("a\n".repeat(1000))], reading));
    };
    await expect(read()).rejects.toMatchObject({
      code: "payload_too_large",
      details: { reason: "file_read_too_slow", params: { file: "t.csv", seconds: 0 } },
    });
  });

  it("takes the header's most frequent delimiter", () => {
    expect(sniffDelimiter("a;b;c")).toBe(";");
    expect(sniffDelimiter("a,b,c")).toBe(",");
    expect(sniffDelimiter("a\tb")).toBe("\t");
    expect(sniffDelimiter("abc")).toBe(",");
  });
});
