// The scorecard benchmark's data set (bench/scorecard.ts): a country of units, a catalogue of
// indicators with targets, and its values as COPY text or as the importer's CSV, all repeatable.

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { systemCaller } from "../src/caller.ts";
import type { Db } from "../src/db/client.ts";
import type { UnitKind } from "../src/db/schema.ts";
import { formatMonth, monthKey, monthRange } from "../src/domain/periods.ts";
import { createIndicator } from "../src/features/indicators/service.ts";
import { createTarget } from "../src/features/indicators/targets.ts";
import { createUnit } from "../src/features/units/service.ts";

/** Small, fast and repeatable: the same scale gives the same figures in every run. */
export function randomNumbers(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Kind = "ratio" | "count" | "stock" | "not_aggregatable";
export type Indicator = { id: number; code: string; kind: Kind };
export type Unit = { id: number; code: string; path: string };
export type Organisation = { top: Unit; regions: Unit[]; trusts: Unit[]; departments: Unit[] };

/** Mostly shares, as in the real catalogue: 60 % ratios, 25 % counts, 10 % stocks, 5 % medians. */
export function kindOf(index: number): Kind {
  const slot = index % 20;
  return slot < 12 ? "ratio" : slot < 17 ? "count" : slot < 19 ? "stock" : "not_aggregatable";
}

/** The catalogue with a mix of lags, evaluation bases and target rules, as a real one has. */
export async function makeIndicators(db: Db, count: number, baselineYear: number): Promise<Indicator[]> {
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

export async function makeUnit(db: Db, parentId: number | null, kind: UnitKind, code: string): Promise<Unit> {
  const unit = await createUnit(db, systemCaller, {
    code,
    name: `Enhet ${code}`,
    kind,
    parentId,
    validFrom: "2010-01-01",
  });
  return { id: unit.id, code: unit.code, path: unit.path };
}

/** The country's shape: trusts in each region, departments in each trust. */
export type CountryShape = { trustsPerRegion: number[]; departmentsPerTrust: number };

export async function makeCountry(db: Db, national: CountryShape): Promise<Organisation> {
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
export function sampleValue(
  kind: Kind,
  random: () => number,
): { numerator: number; denominator: number | null } {
  if (kind === "ratio") {
    const denominator = 20 + Math.floor(random() * 200);
    return { numerator: Math.round(denominator * (0.6 + random() * 0.38)), denominator };
  }
  if (kind === "count") return { numerator: Math.floor(random() * 500), denominator: null };
  return { numerator: 10 + Math.floor(random() * 90), denominator: null };
}

export function monthsOf(firstYear: number, years: number): number[] {
  return monthRange(monthKey(firstYear, 1), monthKey(firstYear + years - 1, 12));
}

/**
 * Every value of every department, in the order of the table's unique key (indicator, unit,
 * month), as COPY text. Yields about a megabyte at a time.
 */
export function* copyRows(indicators: Indicator[], departments: Unit[], months: number[]): Generator<string> {
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
export async function loadWithCopy(url: string, rows: Iterable<string>) {
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
export function* importRows(
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
