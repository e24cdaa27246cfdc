// Shared helpers for benchmarks: timing, percentiles and a plain report format.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/client.ts";

export async function timeMany(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  }
  return durations;
}

export function percentile(durations: number[], p: number): number {
  const sorted = [...durations].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function report(title: string, rows: [string, string][]) {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * The size of a benchmark as a share of its full size: `--scale 0.1` on the command line (after
 * `npm run bench:<name> --`), else the BENCH_SCALE environment variable, else 1 (full size).
 */
export function benchScale(args: string[] = process.argv.slice(2)): number {
  const { values } = parseArgs({ args, options: { scale: { type: "string" } }, strict: false });
  const text = typeof values.scale === "string" ? values.scale : (process.env.BENCH_SCALE ?? "1");
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new Error(`--scale must be a number above 0 and at most 1, not "${text}"`);
  }
  return scale;
}

/** The PostgreSQL server benchmarks create their databases on (BENCH_DATABASE_URL). */
export const benchServerUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type BenchDatabase = Database & { url: string; drop(): Promise<void> };

/**
 * A new, migrated PostgreSQL database of its own (tertial_bench_<random>), so a benchmark never
 * touches anyone's data; `drop()` removes it again.
 */
export async function createBenchDatabase(serverUrl = benchServerUrl): Promise<BenchDatabase> {
  const name = `tertial_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/** The load on the machine while a benchmark runs: other people's tests share its two cores. */
export function describeLoad(): string {
  const [one, five] = os.loadavg();
  return `load average ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min)`;
}

export const verdict = (met: boolean) => (met ? "PASS" : "MISS");

export const perSecond = (count: number, milliseconds: number) =>
  `${Math.round((count / milliseconds) * 1000).toLocaleString("en-GB")} rows/s`;

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
