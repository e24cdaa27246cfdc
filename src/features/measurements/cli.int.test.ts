import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../testing/database.ts";
import { runCli } from "../../testing/process.ts";

// `tertial import measurements` as an operator runs it: a separate process on a database that
// `tertial demo` filled. On PostgreSQL when the test run has one, else on a PGlite data folder.

let env: Record<string, string>;
let folder: string;
let dropDatabase: () => Promise<void> = async () => {};

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-import-cli-"));
  const database = await createTestDatabase();
  if (database.url) {
    env = { DATABASE_URL: database.url };
    dropDatabase = database.drop;
  } else {
    await database.drop();
    env = { DATABASE_URL: "", TERTIAL_DATA_DIR: path.join(folder, "data") };
  }
  const demo = await runCli(["demo"], env);
  if (demo.code !== 0) throw new Error(`tertial demo failed: ${demo.stderr}`);
}, 120_000);

afterAll(async () => {
  await dropDatabase();
  fs.rmSync(folder, { recursive: true, force: true });
});

function file(name: string, lines: string[]) {
  const filePath = path.join(folder, name);
  fs.writeFileSync(filePath, lines.join("\n"));
  return filePath;
}

const header = "indikator;enhet;måned;teller;nevner";

describe("tertial import measurements", () => {
  it("prints its help", async () => {
    const result = await runCli(["import", "measurements", "--help"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Bruk: tertial import measurements FIL \[--dry-run\]/);
    const english = await runCli(["import", "measurements", "--help"], { ...env, TERTIAL_LANG: "en" });
    expect(english.stdout).toMatch(/Usage: tertial import measurements FILE \[--dry-run\]/);
  });

  it("lists every bad row with its column and writes nothing", async () => {
    const bad = file("bad.csv", [
      header,
      "EPIKRISE;UNN-HAR;2026-01;10;20",
      "EPIKRISE;UNN-HAR;januar;10;20",
      "NOPE;UNN-HAR;2026-02;1;2",
    ]);
    const result = await runCli(["import", "measurements", bad], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("«bad.csv» har 2 feil. Ingenting ble importert");
    expect(result.stderr).toContain("rad 3, month: «januar» er ikke en måned; skriv ÅÅÅÅ-MM");
    expect(result.stderr).toContain("rad 4, indicator: det finnes ingen indikator med koden «NOPE»");
    const english = await runCli(["import", "measurements", bad], { ...env, TERTIAL_LANG: "en" });
    expect(english.stderr).toContain("“bad.csv” has 2 problems. Nothing was imported");
    expect(english.stderr).toContain("row 3, month: “januar” is not a month; write YYYY-MM");
    const check = await runCli(
      ["import", "measurements", "--dry-run", file("probe.csv", [header, "EPIKRISE;UNN-HAR;2026-01;10;20"])],
      env,
    );
    expect(check.stdout).toContain("ville endret 1 (1 nye");
  });

  it("checks in a dry run, then imports, then finds nothing to change", async () => {
    const good = file("good.csv", [
      header,
      "EPIKRISE;UNN-HAR;2026-01;10;20",
      "EPIKRISE;UNN-HAR;2026-02;11,5;20",
    ]);
    const dryRun = await runCli(["import", "measurements", good, "--dry-run"], env);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain(
      "Prøvekjøring, ingenting skrevet. good.csv: 2 rader; ville endret 2 (2 nye, 0 endret, 0 uendret).",
    );
    expect(dryRun.stderr).toContain("Kontrollert 2 rader.");

    const imported = await runCli(["import", "measurements", good], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Importert good.csv: 2 rader, 2 endret (2 nye, 0 endret, 0 uendret).");

    const again = await runCli(["import", "measurements", good], { ...env, TERTIAL_LANG: "en" });
    expect(again.stdout).toContain("Imported good.csv: 2 rows, 0 changed (0 new, 0 updated, 2 unchanged).");
  });

  it("refuses a file that is not there", async () => {
    const result = await runCli(["import", "measurements", path.join(folder, "missing.csv")], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Filen ${path.join(folder, "missing.csv")} finnes ikke.`);
  });
});
