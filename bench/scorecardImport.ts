// The scorecard benchmark's imports (bench/scorecard.ts): the measurement importer in a child
// process of its own (for its memory), against plain COPY into the measurements and a scratch table.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const folder = path.dirname(fileURLToPath(import.meta.url));

export type ImportFigures = {
  rows: number;
  inserted: number;
  milliseconds: number;
  heapBefore: number;
  peakHeap: number;
  peakRss: number;
  maxRss: number;
};

export function importInChild(url: string, file: string): ImportFigures {
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", path.join(folder, "workers", "measureImport.ts"), url, file],
    { encoding: "utf8", maxBuffer: 16 * 2 ** 20 },
  );
  if (result.status !== 0) throw new Error(`the import failed:\n${result.stderr}`);
  const lastLine = result.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(lastLine) as ImportFigures;
}

/**
 * The baseline of the target: a plain COPY of the same rows (with ids rather than codes) into
 * measurements, its indexes, foreign keys and the triggers that keep the totals, as the importer
 * writes them. Rolled back, so the importer then finds the rows new. Run twice, the first time to
 * warm the same caches the importer finds warm.
 */
export async function copyIntoMeasurements(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let milliseconds = 0;
    for (let run = 0; run < 2; run++) {
      await client.query("begin");
      const start = performance.now();
      await pipeline(
        fs.createReadStream(file),
        client.query(
          copyFrom(
            "copy measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_name) from stdin",
          ),
        ),
      );
      milliseconds = performance.now() - start;
      await client.query("rollback");
    }
    return milliseconds;
  } finally {
    await client.end();
  }
}

export async function copyIntoScratch(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      "create table if not exists copy_scratch (indicator text, unit text, month text, numerator float8, denominator float8)",
    );
    await client.query("truncate copy_scratch");
    const start = performance.now();
    await pipeline(
      fs.createReadStream(file),
      client.query(copyFrom("copy copy_scratch from stdin with (format csv, header true)")),
    );
    return performance.now() - start;
  } finally {
    await client.end();
  }
}
