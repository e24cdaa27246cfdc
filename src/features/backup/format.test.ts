import { describe, expect, it } from "vitest";
import {
  BackupError,
  BackupReader,
  endLine,
  LineSplitter,
  migrationsToReplay,
  parseHeader,
  tableEndLine,
  tableLine,
} from "./format.ts";

const header = JSON.stringify({
  format: "tertial-backup",
  version: 1,
  createdAt: "2026-12-06T20:00:00.000Z",
  source: "pglite",
  schemaVersion: "0001_b",
  migrations: [
    { createdAt: 100, hash: "a" },
    { createdAt: 200, hash: "b" },
  ],
});
const units = { schema: "public", name: "units" };
const wholeFile = [
  header,
  tableLine(units, ["id", "name"]),
  JSON.stringify(["1", "Nord"]),
  JSON.stringify(["2", null]),
  tableEndLine(units, 2),
  endLine(1, 2),
];

const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof BackupError) return error.problem;
    throw error;
  }
  return undefined;
};

function readAll(lines: string[]) {
  const reader = new BackupReader();
  for (const line of lines) reader.read(line);
  return reader.finish();
}

describe("the backup file", () => {
  it("reads a whole file and counts its tables and rows", () => {
    expect(readAll(wholeFile)).toEqual({ tables: 1, rows: 2 });
  });

  it("refuses a file cut anywhere before its last line", () => {
    for (let length = 0; length < wholeFile.length; length++) {
      expect(
        problemOf(() => readAll(wholeFile.slice(0, length))),
        `cut after ${length} lines`,
      ).toEqual({
        reason: "truncated",
      });
    }
  });

  it("refuses rows that do not fit their table, and counts that do not add up", () => {
    const withRow = (row: string) => [...wholeFile.slice(0, 2), row, ...wholeFile.slice(3)];
    expect(problemOf(() => readAll(withRow(JSON.stringify(["1"]))))).toMatchObject({
      reason: "corrupt",
      line: 3,
    });
    expect(problemOf(() => readAll(withRow(JSON.stringify(["1", 2]))))).toMatchObject({ reason: "corrupt" });
    expect(problemOf(() => readAll(withRow('["1", "Nord"')))).toMatchObject({ reason: "corrupt" });
    const lostRow = [...wholeFile.slice(0, 3), ...wholeFile.slice(4)];
    expect(problemOf(() => readAll(lostRow))).toMatchObject({ reason: "corrupt", line: 4 });
    expect(problemOf(() => readAll([...wholeFile, JSON.stringify(["3", "x"])]))).toMatchObject({
      reason: "corrupt",
    });
  });

  it("tells a file that is not a backup, and a format it cannot read", () => {
    expect(problemOf(() => parseHeader("id;name"))).toEqual({ reason: "notABackup" });
    expect(problemOf(() => parseHeader(JSON.stringify({ format: "other" })))).toEqual({
      reason: "notABackup",
    });
    const future = JSON.stringify({ ...JSON.parse(header), version: 2 });
    expect(problemOf(() => parseHeader(future))).toEqual({ reason: "unsupportedVersion", version: 2 });
  });
});

describe("the migrations a restore replays", () => {
  const known = [
    { tag: "0000_a", when: 100 },
    { tag: "0001_b", when: 200 },
    { tag: "0002_c", when: 300 },
  ];
  const applied = (...times: number[]) => times.map((createdAt) => ({ createdAt, hash: "h" }));

  it("are the code's first ones, as many as the file has", () => {
    expect(migrationsToReplay(applied(100, 200), known, "0001_b")).toBe(2);
    expect(migrationsToReplay(applied(100, 200, 300), known, "0002_c")).toBe(3);
  });

  it("refuse a file from a newer Tertial, naming both versions", () => {
    expect(problemOf(() => migrationsToReplay(applied(100, 200, 300, 400), known, "0003_d"))).toEqual({
      reason: "newerSchema",
      fileVersion: "0003_d",
      knownVersion: "0002_c",
    });
  });

  it("refuse a migration the code does not have", () => {
    expect(problemOf(() => migrationsToReplay(applied(100, 250), known, "x"))).toEqual({
      reason: "unknownMigration",
      createdAt: 250,
    });
  });
});

describe("splitting lines", () => {
  it("hands on a line only once its newline has come, whatever the chunks", () => {
    const splitter = new LineSplitter();
    expect(splitter.push("ab")).toEqual([]);
    expect(splitter.push("c\nde\n\nf")).toEqual(["abc", "de", ""]);
    expect(splitter.end()).toBe("f");
  });
});
