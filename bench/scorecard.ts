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

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { systemCaller } from "../src/caller.ts";
import { type Db, openDatabase, tidyAfterBulkWrite } from "../src/db/client.ts";
import { monthKey } from "../src/domain/periods.ts";
import { selectRows } from "../src/features/measurements/queries.ts";
import { getScorecard } from "../src/features/scorecards/service.ts";
import {
  copyRows,
  importRows,
  loadWithCopy,
  makeCountry,
  makeIndicators,
  makeUnit,
  monthsOf,
  type Unit,
} from "./scorecardData.ts";
import {
  copyIntoMeasurements,
  copyIntoScratch,
  type ImportFigures,
  importInChild,
} from "./scorecardImport.ts";
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
    const country = await makeCountry(db, national);
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
