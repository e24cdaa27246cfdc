import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { indicators, publishedScorecards, units } from "../../db/schema.ts";
import { selectRows } from "../measurements/queries.ts";

export type ScorecardIndicatorRow = typeof indicators.$inferSelect;

/**
 * The indicators on a unit's scorecard: those in use that belong to the whole organisation or to
 * the unit or a unit above it. A unit's own indicators do not appear on the scorecards above it.
 */
export async function selectIndicatorsFor(db: Db, unitPath: string): Promise<ScorecardIndicatorRow[]> {
  const owners = db.select({ id: units.id }).from(units).where(sql`${unitPath} like ${units.path} || '%'`);
  return db
    .select()
    .from(indicators)
    .where(
      and(
        isNull(indicators.retiredAt),
        or(isNull(indicators.ownerUnitId), inArray(indicators.ownerUnitId, owners)),
      ),
    )
    .orderBy(asc(indicators.code));
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

/** A span of months one indicator of a scorecard reads; `perUnit` keeps each reporting unit apart. */
export type ScorecardRequest = ObservationRequest & { perUnit: boolean };

/**
 * One group of a scorecard's observations: an indicator's month summed over the subtree (`unitId`
 * null; `children` marks the direct children whose data went in), or, for per-unit indicators, one
 * reporting unit's month.
 */
export type ScorecardGroup = [
  indicatorId: number,
  month: string,
  unitId: number | null,
  numerator: number,
  denominator: number | null,
  children: string,
];

export type ScorecardObservations = {
  /** The units of the subtree: id, code, and the direct child it lies under (null: the unit itself). */
  units: [id: number, code: string, childId: number | null][];
  /** The direct children (null: the unit's own data) in the order of the `children` bit strings. */
  children: (number | null)[];
  groups: ScorecardGroup[];
};

/**
 * Every observation a whole scorecard needs, in one scan of the subtree. Each unit's months are read
 * from the covering index on (unit, month, indicator, numerator, denominator) and kept when the
 * indicator asks for that month; ratios and counts are summed per indicator and month in the
 * database, with a bit string saying which direct children contributed (the domain lists them), so
 * a trust's scorecard gets a few thousand groups rather than every department's rows. The answer
 * comes as one JSON text: parsing it is far quicker than a driver building an object per row.
 */
export async function selectScorecardObservations(
  db: Db,
  unitPath: string,
  requests: ScorecardRequest[],
): Promise<ScorecardObservations> {
  const spans = requests.flatMap((request) =>
    request.spans.map((span) => ({
      i: request.indicatorId,
      f: span.from,
      l: span.to,
      r: request.isRatio,
      p: request.perUnit,
    })),
  );
  if (spans.length === 0) return { units: [], children: [], groups: [] };
  const first = spans.map((span) => span.f).sort()[0] as string;
  const last = spans.map((span) => span.l).sort()[spans.length - 1] as string;
  const childId = sql`nullif(split_part(substr(u.path, ${sql.raw(String(unitPath.length + 1))}), '/', 1), '')::int`;
  const [row] = await selectRows<{ result: string }>(
    db,
    sql`with subtree as (
          select u.id, u.code, ${childId} as child_id from units u where u.path like ${`${unitPath}%`}
        ),
        ranked as (
          select id, child_id, (dense_rank() over (order by child_id nulls first) - 1)::int as position
          from subtree
        ),
        tagged as (
          select id, set_bit(repeat('0', (max(position) over () + 1)::int)::varbit, position, 1) as mask
          from ranked
        ),
        grouped as (
          select m.indicator_id, m.month, case when w.p then t.id end as unit_id,
                 sum(m.numerator)::float8 as numerator, sum(m.denominator)::float8 as denominator,
                 bit_or(t.mask)::text as mask
          from tagged t
          -- Each unit's months in one index-only range scan of the covering index; "offset 0" keeps
          -- the planner from making it one index probe per unit and indicator instead.
          cross join lateral (
            select m.indicator_id, m.month, m.numerator, m.denominator from measurements m
            where m.unit_id = t.id and m.month between ${first}::date and ${last}::date
            offset 0
          ) as m
          -- An indicator's spans never overlap (they are merged), so each value meets at most one.
          join jsonb_to_recordset(${JSON.stringify(spans)}::jsonb) as w(i int, f date, l date, r boolean, p boolean)
            on w.i = m.indicator_id and m.month between w.f and w.l
          -- A ratio figure without a denominator cannot be placed in the ratio; the domain skips it too.
          where not w.r or m.denominator is not null
          group by 1, 2, 3
        )
        select json_build_object(
          'units', (select json_agg(json_build_array(id, code, child_id)) from subtree),
          'children', (select coalesce(json_agg(distinct_children.child_id order by position), '[]')
                       from (select distinct child_id, position from ranked) as distinct_children),
          'groups', (select coalesce(json_agg(json_build_array(indicator_id, to_char(month, 'YYYY-MM'),
                       unit_id, numerator, denominator, mask)), '[]') from grouped)
        )::text as "result"`,
  );
  if (!row) throw new Error("the scorecard query returned no row");
  return JSON.parse(row.result) as ScorecardObservations;
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
