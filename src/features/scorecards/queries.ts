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
