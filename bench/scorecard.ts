// Scorecard benchmark at the size of a whole country, on PostgreSQL: 4 regions, 25 trusts,
// 1,000 departments, 300 indicators and 10 years of months (about 36 million values, loaded with
// COPY). It measures
//   (a) the measurement importer (the command line's streaming import) against a plain COPY of the
//       same CSV file into a scratch table, in rows per second;
//   (b) the scorecard of one trust and of a whole region, through the scorecard service, against
//       the bare SQL sum of the same kept sums (measurement_totals);
//   (c) the importer's peak memory for two file sizes, to show that it does not grow with the file;
// and then a region-sized data set (300 units, 50 indicators, 5 years) on the embedded PGlite.
//
// `npm run bench:scorecard -- --scale 0.1` runs a tenth of the size (fewer departments, smaller
// files) for a quick check; the default is the full size.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { systemCaller } from "../src/caller.ts";
import { type Db, openDatabase, tidyAfterBulkWrite } from "../src/db/client.ts";
import type { UnitKind } from "../src/db/schema.ts";
import { formatMonth, monthKey, monthRange } from "../src/domain/periods.ts";
import { createIndicator } from "../src/features/indicators/service.ts";
import { createTarget } from "../src/features/indicators/targets.ts";
import { selectRows } from "../src/features/measurements/queries.ts";
import { getScorecard } from "../src/features/scorecards/service.ts";
import { createUnit } from "../src/features/units/service.ts";
import {
  benchScale,
  createBenchDatabase,
  describeLoad,
  describeMachine,
  mib,
  ms,
  percentile,
  perSecond,
  report,
  timeMany,
  verdict,
} from "./support.ts";

const scale = benchScale();
// `--keep` leaves the PostgreSQL database in place afterwards, to look into its query plans;
// `--only postgres` or `--only pglite` runs one half.
const keepDatabase = process.argv.includes("--keep");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];
const folder = path.dirname(fileURLToPath(import.meta.url));

const national = {
  trustsPerRegion: [7, 6, 6, 6],
  departmentsPerTrust: Math.max(1, Math.round(40 * scale)),
  indicators: 300,
  firstYear: 2015,
  years: 10,
  /** Rows of the two import files: the smaller shows whether memory grows with the file. */
  importRows: [Math.round(500_000 * scale), Math.round(2_000_000 * scale)],
};
const regional = {
  trusts: 7,
  departments: Math.max(7, Math.round(292 * scale)),
  indicators: 50,
  firstYear: 2020,
  years: 5,
};
/** The second tertial of the last year: a scorecard halfway through the year, as boards see most. */
const period = "2024-T2";
const targets = { importRatio: 0.5, trustP95Postgres: 50, trustP95Pglite: 300, memoryGrowth: 1.25 };

/** Runs per trust scorecard figure: with 100, the p95 is not decided by one or two slow runs. */
const runs = 100;
const both = (durations: number[]) => `${ms(percentile(durations, 50))} / ${ms(percentile(durations, 95))}`;

// ---------------------------------------------------------------------------------------------
// The data set

/** Small, fast and repeatable: the same scale gives the same figures in every run. */
function randomNumbers(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = "ratio" | "count" | "stock" | "not_aggregatable";
type Indicator = { id: number; code: string; kind: Kind };
type Unit = { id: number; code: string; path: string };
type Organisation = { top: Unit; regions: Unit[]; trusts: Unit[]; departments: Unit[] };

/** Mostly shares, as in the real catalogue: 60 % ratios, 25 % counts, 10 % stocks, 5 % medians. */
function kindOf(index: number): Kind {
  const slot = index % 20;
  return slot < 12 ? "ratio" : slot < 17 ? "count" : slot < 19 ? "stock" : "not_aggregatable";
}

/** The catalogue with a mix of lags, evaluation bases and target rules, as a real one has. */
async function makeIndicators(db: Db, count: number, baselineYear: number): Promise<Indicator[]> {
  const made: Indicator[] = [];
  for (let index = 0; index < count; index++) {
    const kind = kindOf(index);
    const code = `IND${String(index + 1).padStart(3, "0")}`;
    const indicator = await createIndicator(db, systemCaller, {
      code,
      nameNb: `Indikator ${index + 1}`,
      unitLabel: kind === "ratio" ? "%" : "antall",
      direction: index % 4 === 3 ? "lower" : "higher",
      valueKind: kind,
      scale: kind === "ratio" ? 100 : 1,
      decimals: kind === "ratio" ? 1 : 0,
      lagMonths: index % 7 === 0 ? 2 : index % 5 === 0 ? 1 : 0,
      minDenominator: kind === "ratio" && index % 3 === 0 ? 10 : null,
      evaluationBasis: index % 9 === 0 ? "year_to_date" : index % 13 === 0 ? "year" : "this_period",
      ownerUnitId: null,
    });
    const rule =
      index % 10 === 0
        ? { kind: "change_vs_baseline" as const, baselineYear, share: 0.05 }
        : index % 6 === 1
          ? { kind: "better_than_last_year" as const }
          : {
              kind: "threshold" as const,
              comparator: index % 4 === 3 ? ("lte" as const) : ("gte" as const),
              value: kind === "ratio" ? 80 : 100,
            };
    await createTarget(db, systemCaller, indicator.id, { year: null, rule });
    made.push({ id: indicator.id, code, kind });
  }
  return made;
}

async function makeUnit(db: Db, parentId: number | null, kind: UnitKind, code: string): Promise<Unit> {
  const unit = await createUnit(db, systemCaller, {
    code,
    name: `Enhet ${code}`,
    kind,
    parentId,
    validFrom: "2010-01-01",
  });
  return { id: unit.id, code: unit.code, path: unit.path };
}

async function makeCountry(db: Db): Promise<Organisation> {
  const top = await makeUnit(db, null, "owner", "NO");
  const organisation: Organisation = { top, regions: [], trusts: [], departments: [] };
  for (const [r, trustCount] of national.trustsPerRegion.entries()) {
    const region = await makeUnit(db, top.id, "regional_health_authority", `R${r + 1}`);
    organisation.regions.push(region);
    for (let t = 0; t < trustCount; t++) {
      const trust = await makeUnit(db, region.id, "health_trust", `T${organisation.trusts.length + 1}`);
      organisation.trusts.push(trust);
      for (let d = 0; d < national.departmentsPerTrust; d++) {
        const code = `D${String(organisation.departments.length + 1).padStart(4, "0")}`;
        organisation.departments.push(await makeUnit(db, trust.id, "department", code));
      }
    }
  }
  return organisation;
}

/** One value for a unit and month: ratios are shares of 20 to 220 cases, the rest plain figures. */
function sampleValue(kind: Kind, random: () => number): { numerator: number; denominator: number | null } {
  if (kind === "ratio") {
    const denominator = 20 + Math.floor(random() * 200);
    return { numerator: Math.round(denominator * (0.6 + random() * 0.38)), denominator };
  }
  if (kind === "count") return { numerator: Math.floor(random() * 500), denominator: null };
  return { numerator: 10 + Math.floor(random() * 90), denominator: null };
}

function monthsOf(firstYear: number, years: number): number[] {
  return monthRange(monthKey(firstYear, 1), monthKey(firstYear + years - 1, 12));
}

/**
 * Every value of every department, in the order of the table's unique key (indicator, unit,
 * month), as COPY text. Yields about a megabyte at a time.
 */
function* copyRows(indicators: Indicator[], departments: Unit[], months: number[]): Generator<string> {
  const random = randomNumbers(1);
  const monthDates = months.map((month) => `${formatMonth(month)}-01`);
  let chunk = "";
  for (const indicator of indicators) {
    for (const unit of departments) {
      for (const month of monthDates) {
        const { numerator, denominator } = sampleValue(indicator.kind, random);
        chunk += `${indicator.id}\t${unit.id}\t${month}\t${numerator}\t${denominator ?? "\\N"}\tbenchmark\n`;
      }
      if (chunk.length > 1_000_000) {
        yield chunk;
        chunk = "";
      }
    }
  }
  yield chunk;
}

/**
 * Loads the values as pg_restore would: the generated rows name only units and indicators that
 * exist, so this session skips the foreign-key triggers, and the secondary indexes are dropped
 * before the COPY and built again after it from their own definitions (inserting 36 million rows
 * into indexes in two different orders would take far longer than building them once).
 */
async function loadWithCopy(url: string, rows: Iterable<string>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set session_replication_role = replica");
    await client.query("set maintenance_work_mem = '1GB'");
    const indexes = await client.query<{ name: string; definition: string }>(
      `select i.indexname as name, i.indexdef as definition from pg_indexes i
       where i.tablename = 'measurements' and i.indexname <> 'measurements_pkey'`,
    );
    for (const index of indexes.rows) await client.query(`drop index "${index.name}"`);
    const copy = client.query(
      copyFrom(
        "copy measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_name) from stdin",
      ),
    );
    await pipeline(Readable.from(rows), copy);
    for (const index of indexes.rows) await client.query(index.definition);
  } finally {
    await client.end();
  }
}

/**
 * The rows of an import file: new months after the loaded years, month by month, as a national
 * register exports them. `skip` rows are left out first, so two files never hold the same value.
 * `format` writes a row: as the importer's CSV (codes), or as COPY text for measurements (ids);
 * both give the same values.
 */
function* importRows(
  indicators: Indicator[],
  departments: Unit[],
  firstMonth: number,
  skip: number,
  count: number,
  format: "csv" | "copy",
): Generator<string> {
  const random = randomNumbers(2 + skip);
  const perMonth = indicators.length * departments.length;
  let chunk = format === "csv" ? "indicator,unit,month,numerator,denominator\n" : "";
  for (let index = skip; index < skip + count; index++) {
    const month = firstMonth + Math.floor(index / perMonth);
    const inMonth = index % perMonth;
    const indicator = indicators[Math.floor(inMonth / departments.length)] as Indicator;
    const unit = departments[inMonth % departments.length] as Unit;
    const { numerator, denominator } = sampleValue(indicator.kind, random);
    chunk +=
      format === "csv"
        ? `${indicator.code},${unit.code},${formatMonth(month)},${numerator},${denominator ?? ""}\n`
        : `${indicator.id}\t${unit.id}\t${formatMonth(month)}-01\t${numerator}\t${denominator ?? "\\N"}\tbenchmark\n`;
    if (chunk.length > 1_000_000) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk;
}

// ---------------------------------------------------------------------------------------------
// Measurements

type ImportFigures = {
  rows: number;
  inserted: number;
  milliseconds: number;
  heapBefore: number;
  peakHeap: number;
  peakRss: number;
  maxRss: number;
};

function importInChild(url: string, file: string): ImportFigures {
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
async function copyIntoMeasurements(url: string, file: string): Promise<number> {
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

async function copyIntoScratch(url: string, file: string): Promise<number> {
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

/**
 * The least the database must do for a scorecard: add up the unit's kept sums over the same months
 * for each indicator (what a scorecard reads for ratios and counts, without the stocks' latest
 * months, the targets or any rule).
 */
async function bareSum(db: Db, unit: Unit, from: string, to: string) {
  return selectRows(
    db,
    sql`select t.indicator_id, sum(t.numerator)::float8 as n, sum(t.denominator)::float8 as d
        from measurement_totals t
        where t.unit_id = ${unit.id} and t.month between ${from}::date and ${to}::date
        group by 1`,
  );
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL, national size

async function nationalBenchmark() {
  const database = await createBenchDatabase();
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-bench-"));
  try {
    const { db } = database;
    let start = performance.now();
    const country = await makeCountry(db);
    const indicators = await makeIndicators(db, national.indicators, 2022);
    const setupMs = performance.now() - start;

    const months = monthsOf(national.firstYear, national.years);
    const values = indicators.length * country.departments.length * months.length;
    start = performance.now();
    await loadWithCopy(database.url, copyRows(indicators, country.departments, months));
    const loadMs = performance.now() - start;
    start = performance.now();
    // The load skipped the triggers that keep the totals, as it skipped the indexes: make them now.
    await db.execute(sql`select rebuild_measurement_totals()`);
    const totalsMs = performance.now() - start;
    start = performance.now();
    // What autovacuum would do soon after a load this size: statistics and the visibility map.
    await db.execute(sql`vacuum analyze measurements`);
    await db.execute(sql`vacuum analyze measurement_totals`);
    // Writes the load's dirty pages now, so that the checkpointer does not do it during the runs.
    await db.execute(sql`checkpoint`);
    const vacuumMs = performance.now() - start;
    report(`National data set on PostgreSQL (scale ${scale}; ${describeMachine()})`, [
      [
        "units",
        `${country.regions.length} regions, ${country.trusts.length} trusts, ${country.departments.length} departments`,
      ],
      ["indicators", `${indicators.length} (with targets), ${national.years} years of months`],
      ["values", values.toLocaleString("en-GB")],
      ["units and indicators through the services", ms(setupMs)],
      ["COPY of the values, then building the indexes", `${ms(loadMs)} (${perSecond(values, loadMs)})`],
      ["the totals per unit subtree, built from the values", ms(totalsMs)],
      ["vacuum analyze, checkpoint", ms(vacuumMs)],
      ["load while loading", describeLoad()],
    ]);

    // (b) Scorecards, before the imports so that their writes do not colour the figures.
    const trust = country.trusts[0] as Unit;
    const region = country.regions[0] as Unit;
    const scorecard = (unit: Unit) => getScorecard(db, systemCaller, unit.id, period);
    const trustCard = await scorecard(trust);
    await timeMany(10, () => scorecard(trust));
    const trustBaseline = await timeMany(runs, () => bareSum(db, trust, "2023-01-01", "2024-08-01"));
    const trustTimes = await timeMany(runs, () => scorecard(trust));
    await scorecard(region);
    const regionBaseline = await timeMany(10, () => bareSum(db, region, "2023-01-01", "2024-08-01"));
    const regionTimes = await timeMany(10, () => scorecard(region));
    const trustP95 = percentile(trustTimes, 95);
    report(`Scorecard ${period} through the service (PostgreSQL)`, [
      ["one trust", `${trustCard.rows.length} indicators from ${national.departmentsPerTrust} departments`],
      ["bare SQL sum of the trust's kept sums (baseline) p50 / p95", both(trustBaseline)],
      [`trust scorecard p50 / p95 (${runs} runs)`, both(trustTimes)],
      ["bare SQL sum of the region's kept sums (baseline) p50 / p95", both(regionBaseline)],
      ["region scorecard p50 / p95 (10 runs)", both(regionTimes)],
      [
        `target: trust p95 ≤ ${targets.trustP95Postgres} ms`,
        `${verdict(trustP95 <= targets.trustP95Postgres)} (${ms(trustP95)})`,
      ],
      ["load during the runs", describeLoad()],
    ]);

    // (a) and (c) The importer against COPY, and its memory for a small and a large file.
    const importMonth = monthKey(national.firstYear + national.years, 1);
    type Figures = { file: string; rows: number; imported: ImportFigures; copyMs: number; scratchMs: number };
    const figures: Figures[] = [];
    let skip = 0;
    for (const rows of national.importRows) {
      const file = path.join(temporary, `measurements-${rows}.csv`);
      const copyFile = path.join(temporary, `measurements-${rows}.copy`);
      for (const [target, format] of [
        [file, "csv"],
        [copyFile, "copy"],
      ] as const) {
        await pipeline(
          Readable.from(importRows(indicators, country.departments, importMonth, skip, rows, format)),
          fs.createWriteStream(target),
        );
      }
      skip += rows;
      const scratchMs = await copyIntoScratch(database.url, file);
      const copyMs = await copyIntoMeasurements(database.url, copyFile);
      const imported = importInChild(database.url, file);
      if (imported.inserted !== rows)
        throw new Error(`the import stored ${imported.inserted} of ${rows} rows`);
      figures.push({ file, rows, imported, copyMs, scratchMs });
    }
    const [small, large] = figures as [Figures, Figures];
    const importRate = large.rows / large.imported.milliseconds;
    const copyRate = large.rows / large.copyMs;
    const scratchRate = large.rows / large.scratchMs;
    const growth = large.imported.peakHeap / small.imported.peakHeap;
    const rows: [string, string][] = [];
    for (const { file, rows: count, imported, copyMs, scratchMs } of figures) {
      const size = mib(fs.statSync(file).size);
      const label = count.toLocaleString("en-GB");
      rows.push(
        [
          `${label} rows (${size}): COPY into measurements (baseline)`,
          `${ms(copyMs)}, ${perSecond(count, copyMs)}`,
        ],
        [
          `${label} rows: importer`,
          `${ms(imported.milliseconds)}, ${perSecond(count, imported.milliseconds)}`,
        ],
        [
          `${label} rows: COPY into a scratch table, no indexes`,
          `${ms(scratchMs)}, ${perSecond(count, scratchMs)}`,
        ],
        [
          `${label} rows: importer peak live heap / peak RSS`,
          `${mib(imported.peakHeap)} / ${mib(Math.max(imported.peakRss, imported.maxRss))}`,
        ],
      );
    }
    rows.push(
      ["importer / COPY into measurements throughput", `${(importRate / copyRate).toFixed(2)} ×`],
      [
        `target: importer ≥ ${targets.importRatio} × COPY`,
        verdict(importRate / copyRate >= targets.importRatio),
      ],
      ["importer / COPY into a scratch table throughput", `${(importRate / scratchRate).toFixed(3)} ×`],
      [
        `peak live heap, large file / small file (${(large.rows / small.rows).toFixed(0)} × the rows)`,
        `${growth.toFixed(2)} ×`,
      ],
      [
        `target: memory flat in file size (≤ ${targets.memoryGrowth} ×)`,
        verdict(growth <= targets.memoryGrowth),
      ],
      ["load during the imports", describeLoad()],
    );
    report("Measurement import (CSV, the command line's streaming import) against COPY", rows);
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
    if (keepDatabase) {
      console.log(`\nKept ${database.url}`);
      await database.close();
    } else {
      await database.drop();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// PGlite, region size

async function regionalBenchmark() {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await database.migrate();
    const { db } = database;
    const region = await makeUnit(db, null, "regional_health_authority", "R1");
    const trusts: Unit[] = [];
    const departments: Unit[] = [];
    for (let t = 0; t < regional.trusts; t++) {
      trusts.push(await makeUnit(db, region.id, "health_trust", `T${t + 1}`));
    }
    for (let d = 0; d < regional.departments; d++) {
      const trust = trusts[d % trusts.length] as Unit;
      departments.push(await makeUnit(db, trust.id, "department", `D${String(d + 1).padStart(4, "0")}`));
    }
    const indicators = await makeIndicators(db, regional.indicators, 2022);
    const months = regional.years * 12;
    const start = performance.now();
    // PGlite has no COPY from a client stream; one insert per indicator from generate_series is
    // the quickest way in.
    for (const indicator of indicators) {
      await db.execute(sql`
        insert into measurements (indicator_id, unit_id, month, numerator, denominator, recorded_by_name)
        select ${indicator.id}, u.id, m::date, n, d, 'benchmark'
        from units u
        cross join generate_series(${`${regional.firstYear}-01-01`}::date, ${`${regional.firstYear + regional.years - 1}-12-01`}::date, interval '1 month') as m
        cross join lateral (select 20 + floor(random() * 200) as cases) as c
        cross join lateral (
          select case ${indicator.kind} when 'ratio' then round(c.cases * (0.6 + random() * 0.38))
                      when 'count' then floor(random() * 500) else 10 + floor(random() * 90) end as n,
                 case ${indicator.kind} when 'ratio' then c.cases end as d) as v
        where u.kind = 'department'`);
    }
    // What the importer does after an import on PGlite, which has no autovacuum.
    await tidyAfterBulkWrite(db, ["measurements", "measurement_totals"]);
    const loadMs = performance.now() - start;
    const values = indicators.length * departments.length * months;

    const trust = trusts[0] as Unit;
    const scorecard = () => getScorecard(db, systemCaller, trust.id, period);
    const card = await scorecard();
    await timeMany(10, scorecard);
    const baseline = await timeMany(runs, () => bareSum(db, trust, "2023-01-01", "2024-08-01"));
    const times = await timeMany(runs, scorecard);
    const p95 = percentile(times, 95);
    report(`Region-sized data set on PGlite (embedded, in memory)`, [
      [
        "units",
        `1 region, ${trusts.length} trusts, ${departments.length} departments (${1 + trusts.length + departments.length} units)`,
      ],
      [
        "values",
        `${values.toLocaleString("en-GB")} (${indicators.length} indicators, ${regional.years} years)`,
      ],
      ["loading (insert from generate_series, then vacuum analyze)", ms(loadMs)],
      [
        "one trust",
        `${card.rows.length} indicators from ${departments.filter((d) => d.path.startsWith(trust.path)).length} departments`,
      ],
      ["bare SQL sum of the trust's kept sums (baseline) p50 / p95", both(baseline)],
      [`trust scorecard p50 / p95 (${runs} runs)`, both(times)],
      [
        `target: trust p95 ≤ ${targets.trustP95Pglite} ms`,
        `${verdict(p95 <= targets.trustP95Pglite)} (${ms(p95)})`,
      ],
      ["load during the runs", describeLoad()],
    ]);
  } finally {
    await database.close();
  }
}

const started = performance.now();
if (only !== "pglite") await nationalBenchmark();
if (only !== "postgres") await regionalBenchmark();
console.log(
  `\nWhole benchmark: ${(performance.now() - started) / 1000 >= 60 ? `${((performance.now() - started) / 60_000).toFixed(1)} min` : ms(performance.now() - started)}`,
);
