// `npm run bench:start`: how long the server takes from `node` being started to answering
// GET /api/health/ready, and how much memory (resident set) it holds then, for the compiled build
// (`node bin/tertial.js serve`, running dist/) beside the same sources run through tsx
// (`node --import tsx src/cli.ts serve`), in the same run, alternately, on the same embedded
// database; then the same on PostgreSQL (BENCH_DATABASE_URL, a database of its own), where the
// server's memory is Node's alone, without the embedded database's. Each database is prepared
// first (migrated, demo data loaded), so every start does the same work: open the database, find
// nothing to migrate, register the routes, listen.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../src/testing/process.ts";
import { createBenchDatabase, describeMachine, ms, percentile, report } from "./support.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const rounds = Number(process.env.BENCH_START_ROUNDS ?? 7);

type Way = { name: string; args: string[] };
const ways: Way[] = [
  { name: "compiled (node bin/tertial.js)", args: ["bin/tertial.js", "serve"] },
  { name: "tsx (node --import tsx src/cli.ts)", args: ["--import", "tsx", "src/cli.ts", "serve"] },
];

console.log("== npm run build:server");
const build = spawnSync("npm", ["run", "build:server", "--silent"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) throw new Error("npm run build:server failed");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-bench-start-"));

/** Resident memory now and at its peak, in MiB, from Linux's /proc (ps elsewhere, no peak). */
function memoryOf(pid: number): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (key: string) =>
      Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? Number.NaN);
    return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
  } catch {
    const rss =
      Number(
        spawnSync("ps", ["-o", "rss=", "-p", String(pid)])
          .stdout.toString()
          .trim(),
      ) / 1024;
    return { rss, peak: Number.NaN };
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Starts one server; resolves when /api/health/ready answers 200, with the time and memory then. */
async function startOnce(way: Way, databaseUrl: string, extra: string[] = []) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...way.args, "--port", String(port), ...extra], {
    cwd: root,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      TERTIAL_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${way.name} exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error(`${way.name} was not ready within 120 s`);
      const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => undefined);
      if (ready?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const readyMs = performance.now() - started;
    return { readyMs, ...memoryOf(child.pid ?? 0) };
  } finally {
    await stop(child);
  }
}

type Start = Awaited<ReturnType<typeof startOnce>>;

async function measure(databaseName: string, databaseUrl: string) {
  console.log(`== prepare the ${databaseName} (migrations, demo data)`);
  await startOnce(ways[0] as Way, databaseUrl, ["--demo"]);
  const results = new Map(ways.map((way) => [way.name, [] as Start[]]));
  // One start of each first, not counted: the operating system's file cache is then warm for both.
  for (const way of ways) await startOnce(way, databaseUrl);
  for (let round = 0; round < rounds; round++) {
    for (const way of ways) results.get(way.name)?.push(await startOnce(way, databaseUrl));
  }

  const rows: [string, string][] = [];
  const medians = new Map<string, { readyMs: number; rss: number }>();
  for (const way of ways) {
    const runs = results.get(way.name) ?? [];
    const readyMs = runs.map((run) => run.readyMs);
    const rss = runs.map((run) => run.rss);
    const peak = runs.map((run) => run.peak);
    medians.set(way.name, { readyMs: percentile(readyMs, 50), rss: percentile(rss, 50) });
    rows.push([
      `${way.name}: ready p50 (min–max)`,
      `${ms(percentile(readyMs, 50))} (${ms(Math.min(...readyMs))}–${ms(Math.max(...readyMs))})`,
    ]);
    rows.push([
      `${way.name}: RSS at ready p50 / peak p50`,
      `${percentile(rss, 50).toFixed(0)} MiB / ${percentile(peak, 50).toFixed(0)} MiB`,
    ]);
  }
  const compiled = medians.get(ways[0]?.name ?? "");
  const sources = medians.get(ways[1]?.name ?? "");
  if (compiled && sources) {
    rows.push([
      "compiled / tsx (p50)",
      `${(compiled.readyMs / sources.readyMs).toFixed(2)} × the time, ${(compiled.rss / sources.rss).toFixed(2)} × the memory`,
    ]);
  }
  const load = os.loadavg()[0]?.toFixed(1);
  report(
    `Start-up to /api/health/ready (${rounds} starts each, ${databaseName}; ${describeMachine()}, load ${load})`,
    rows,
  );
}

try {
  await measure("embedded database", "");
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const postgres = await createBenchDatabase().catch((error: Error) => {
  console.log(`\n(PostgreSQL skipped: ${error.message}; set BENCH_DATABASE_URL)`);
  return undefined;
});
if (postgres) {
  try {
    await measure("PostgreSQL", postgres.url);
  } finally {
    await postgres.drop();
  }
}
