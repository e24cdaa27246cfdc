import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { indicators, indicatorTargets, publishedScorecards, units } from "../../db/schema.ts";
import type { MonthKey } from "../../domain/periods.ts";
import { selectRows } from "../measurements/queries.ts";

export type ScorecardIndicatorRow = typeof indicators.$inferSelect;

/**
 * The indicators on a unit's scorecard: those in use that belong to the whole organisation or to
 * the unit or a unit above it. A unit's own indicators do not appear on the scorecards above it.
 */
export async function selectIndicatorsFor(db: Db, unitPath: string): Promise<ScorecardIndicatorRow[]> {
  return db.select().from(indicators).where(onScorecardOf(db, unitPath)).orderBy(asc(indicators.code));
}

function onScorecardOf(db: Db, unitPath: string) {
  const owners = db.select({ id: units.id }).from(units).where(sql`${unitPath} like ${units.path} || '%'`);
  return and(
    isNull(indicators.retiredAt),
    or(isNull(indicators.ownerUnitId), inArray(indicators.ownerUnitId, owners)),
  );
}

/** The targets of the indicators on a unit's scorecard, fetched alongside them. */
export async function selectTargetsForScorecardOf(db: Db, unitPath: string) {
  const onScorecard = db.select({ id: indicators.id }).from(indicators).where(onScorecardOf(db, unitPath));
  return db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, onScorecard));
}

export async function selectChildUnits(db: Db, parentId: number) {
  return db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      path: units.path,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(eq(units.parentId, parentId))
    .orderBy(asc(units.code));
}

/** Inclusive month range, as first-of-month dates. */
export type MonthSpan = { from: string; to: string };

export type ObservationRequest = { indicatorId: number; isRatio: boolean; spans: MonthSpan[] };

export type ObservationRow = {
  indicatorId: number;
  /** YYYY-MM */
  month: string;
  /** The direct child of the unit whose subtree the row comes from; null for the unit's own data. */
  childId: number | null;
  /** Per-unit rows only: the unit that reported. */
  unitCode: string | null;
  numerator: number;
  denominator: number | null;
};

function monthsWanted(requests: ObservationRequest[]): SQL {
  const conditions = requests.flatMap((request) =>
    request.spans.map(
      (span) =>
        sql`(m.indicator_id = ${request.indicatorId} and m.month between ${span.from}::date and ${span.to}::date${
          // A ratio figure without a denominator cannot be placed in the ratio; the domain skips it too.
          request.isRatio ? sql` and m.denominator is not null` : sql``
        })`,
    ),
  );
  return sql.join(conditions, sql` or `);
}

/**
 * Observations in a unit's subtree for the given indicators and months, summed in the database per
 * indicator, month and direct child (so the scorecard and its breakdown by child share one query).
 * `perUnit` keeps each reporting unit apart instead, for stocks and values that cannot be summed.
 */
export async function selectObservations(
  db: Db,
  unitPath: string,
  requests: ObservationRequest[],
  perUnit: boolean,
): Promise<ObservationRow[]> {
  const wanted = requests.filter((request) => request.spans.length > 0);
  if (wanted.length === 0) return [];
  // The path segment right after the unit's own path is the child the row belongs to.
  const childId = sql`nullif(split_part(substr(u.path, ${sql.raw(String(unitPath.length + 1))}), '/', 1), '')::int`;
  const inSubtree = sql`u.path like ${`${unitPath}%`}`;
  if (perUnit) {
    return selectRows<ObservationRow>(
      db,
      sql`select m.indicator_id as "indicatorId", to_char(m.month, 'YYYY-MM') as "month",
            ${childId} as "childId", u.code as "unitCode",
            m.numerator::float8 as "numerator", m.denominator::float8 as "denominator"
          from measurements m join units u on u.id = m.unit_id
          where ${inSubtree} and (${monthsWanted(wanted)})`,
    );
  }
  return selectRows<ObservationRow>(
    db,
    sql`select m.indicator_id as "indicatorId", to_char(m.month, 'YYYY-MM') as "month",
          ${childId} as "childId", null::text as "unitCode",
          sum(m.numerator)::float8 as "numerator", sum(m.denominator)::float8 as "denominator"
        from measurements m join units u on u.id = m.unit_id
        where ${inSubtree} and (${monthsWanted(wanted)})
        group by 1, 2, 3`,
  );
}

/** A span of months for one indicator, as the scorecard queries take them. */
export type IndicatorSpan = { indicatorId: number; from: string; to: string };

export type ScorecardSums = {
  /** The units named below: id and code. */
  units: [id: number, code: string][];
  /** Distinct lists of direct children that a sum covers; `sums` points into it. */
  childLists: number[][];
  /** The unit's own figures. */
  own: [indicatorId: number, month: MonthKey, numerator: number, denominator: number | null][];
  /** measurement_totals rows: the sums over the subtree below the unit. */
  sums: [
    indicatorId: number,
    month: MonthKey,
    numerator: number,
    denominator: number | null,
    childList: number,
  ][];
};

/** A date column as the domain's MonthKey (year × 12 + month − 1): cheaper than text to make and read. */
const monthKeyOf = (column: SQL) =>
  sql`(date_part('year', ${column})::int * 12 + date_part('month', ${column})::int - 1)`;

const spansParameter = (spans: IndicatorSpan[]) =>
  JSON.stringify(spans.map((span) => ({ i: span.indicatorId, f: span.from, l: span.to })));

/**
 * For ratios and counts: the unit's own figures and the kept sums of the subtree below it
 * (measurement_totals, one row per indicator and month however many departments report) over the
 * given spans, which must not overlap. The answer comes as one JSON text: parsing it is far
 * quicker than a driver building an object per row.
 */
export async function selectScorecardSums(
  db: Db,
  unit: { id: number; path: string },
  spans: IndicatorSpan[],
): Promise<ScorecardSums> {
  if (spans.length === 0) return { units: [], childLists: [], own: [], sums: [] };
  const [row] = await selectRows<{ result: string }>(
    db,
    sql`with spans as materialized (
          select * from jsonb_to_recordset(${spansParameter(spans)}::jsonb) as w(i int, f date, l date)
        ),
        own as (
          select m.indicator_id, m.month, m.numerator, m.denominator
          from spans w
          join measurements m on m.indicator_id = w.i and m.unit_id = ${unit.id} and m.month between w.f and w.l
        ),
        sums as materialized (
          -- The exact sums go out as JSON numbers, which JavaScript reads as floats. Most rows name
          -- the same children: each distinct list is sent once and numbered.
          select t.indicator_id, t.month, t.numerator, t.denominator, t.child_ids,
                 (dense_rank() over (order by t.child_ids) - 1)::int as list
          from spans w
          join measurement_totals t
            on t.unit_id = ${unit.id} and t.indicator_id = w.i and t.month between w.f and w.l
        ),
        child_lists as (
          select distinct on (list) list, child_ids from sums order by list
        )
        select json_build_object(
          'units', (select coalesce(json_agg(json_build_array(u.id, u.code)), '[]') from units u
                    where u.id in (select unnest(child_ids) from child_lists)),
          'childLists', (select coalesce(json_agg(child_ids order by list), '[]') from child_lists),
          'own', (select coalesce(json_agg(json_build_array(indicator_id, ${monthKeyOf(sql`month`)},
                    numerator, denominator)), '[]') from own),
          'sums', (select coalesce(json_agg(json_build_array(indicator_id, ${monthKeyOf(sql`month`)},
                    numerator, denominator, list)), '[]') from sums)
        )::text as "result"`,
  );
  if (!row) throw new Error("the scorecard query returned no row");
  return JSON.parse(row.result) as ScorecardSums;
}

export type LatestPerUnit = {
  /** The units named below: id and code. */
  units: [id: number, code: string][];
  latest: [
    indicatorId: number,
    month: MonthKey,
    unitId: number,
    numerator: number,
    denominator: number | null,
  ][];
};

/**
 * For stocks and values that cannot be summed: each unit of the subtree's latest month in each
 * span, found by one step back in the index from the span's end; a row that is the latest of
 * several spans comes once.
 */
export async function selectLatestPerUnit(
  db: Db,
  unit: { path: string },
  spans: IndicatorSpan[],
): Promise<LatestPerUnit> {
  if (spans.length === 0) return { units: [], latest: [] };
  const [row] = await selectRows<{ result: string }>(
    db,
    sql`with spans as materialized (
          select * from jsonb_to_recordset(${spansParameter(spans)}::jsonb) as w(i int, f date, l date)
        ),
        subtree as materialized (
          select u.id, u.code from units u where u.path like ${`${unit.path}%`}
        ),
        latest as (
          select distinct m.indicator_id, m.month, m.unit_id, m.numerator, m.denominator
          from spans w
          cross join subtree s
          cross join lateral (
            select m.indicator_id, m.month, m.unit_id, m.numerator, m.denominator from measurements m
            where m.indicator_id = w.i and m.unit_id = s.id and m.month between w.f and w.l
            order by m.month desc
            limit 1
          ) as m
        )
        select json_build_object(
          'units', (select coalesce(json_agg(json_build_array(id, code)), '[]') from subtree),
          'latest', (select coalesce(json_agg(json_build_array(indicator_id, ${monthKeyOf(sql`month`)},
                      unit_id, numerator, denominator)), '[]') from latest)
        )::text as "result"`,
  );
  if (!row) throw new Error("the scorecard query returned no row");
  return JSON.parse(row.result) as LatestPerUnit;
}

export type PublishedRow = typeof publishedScorecards.$inferSelect;

export async function insertPublishedScorecard(
  db: Db,
  values: Omit<typeof publishedScorecards.$inferInsert, "id">,
): Promise<PublishedRow> {
  const [row] = await db.insert(publishedScorecards).values(values).returning();
  if (!row) throw new Error("insert into published_scorecards returned no row");
  return row;
}

export async function findPublishedScorecard(db: Db, id: number): Promise<PublishedRow | undefined> {
  const [row] = await db.select().from(publishedScorecards).where(eq(publishedScorecards.id, id));
  return row;
}

/** Publications of a unit, newest first, without their (large) snapshots. */
export async function selectPublishedOf(db: Db, unitId: number, period?: string) {
  return db
    .select({
      id: publishedScorecards.id,
      unitId: publishedScorecards.unitId,
      period: publishedScorecards.period,
      extractedAt: publishedScorecards.extractedAt,
      publishedByName: publishedScorecards.publishedByName,
    })
    .from(publishedScorecards)
    .where(
      period === undefined
        ? eq(publishedScorecards.unitId, unitId)
        : and(eq(publishedScorecards.unitId, unitId), eq(publishedScorecards.period, period)),
    )
    .orderBy(desc(publishedScorecards.extractedAt), desc(publishedScorecards.id));
}

/**
 * The last month with any figure in a unit's subtree, on an indicator of its scorecard (YYYY-MM),
 * or null when there is none.
 */
export async function selectLastDataMonth(db: Db, unitPath: string): Promise<string | null> {
  const onScorecard = db.select({ id: indicators.id }).from(indicators).where(onScorecardOf(db, unitPath));
  const [row] = await selectRows<{ month: string | null }>(
    db,
    sql`select to_char(max(m.month), 'YYYY-MM') as month
          from measurements m join units u on u.id = m.unit_id
         where u.path like ${`${unitPath}%`} and m.indicator_id in (${onScorecard})`,
  );
  return row?.month ?? null;
}
