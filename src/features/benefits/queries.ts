// SQL of benefits, their readings and costs, and the owners (programme or action plan) they hang on.

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  actionPlans,
  benefitCosts,
  benefitReadings,
  benefits,
  indicators,
  programmes,
  units,
} from "../../db/schema.ts";
import { findActionPlanOwner } from "../actionPlans/queries.ts";
import { selectRows } from "../measurements/queries.ts";
import { findProgrammeOwner } from "../programmes/queries.ts";

export type BenefitRow = typeof benefits.$inferSelect;
export type CostRow = typeof benefitCosts.$inferSelect;
export type BenefitFields = Omit<BenefitRow, "id" | "version" | "createdAt" | "updatedAt">;
export type CostFields = Pick<CostRow, "kind" | "year" | "plannedNok" | "actualNok" | "text">;

/** Who a benefit or cost hangs on: a programme or an action plan, and its owner unit. */
export type BenefitOwner = {
  kind: "programme" | "action_plan";
  id: number;
  title: string;
  ownerUnitId: number;
  ownerUnitName: string;
  ownerPath: string;
};

/** Which programme or action plan a benefit or cost hangs on. */
export type OwnerRef = Pick<BenefitOwner, "kind" | "id">;

/** The parent of a benefit or cost row: its programme, else its action plan (the table holds one). */
export const ownerRefOf = (row: { programmeId: number | null; actionPlanId: number | null }): OwnerRef =>
  row.programmeId !== null
    ? { kind: "programme", id: row.programmeId }
    : { kind: "action_plan", id: row.actionPlanId as number };

/** The owner's unit and its path, as the programmes and action plans features look them up. */
const findOwnerUnit = (db: Db, { kind, id }: OwnerRef) =>
  kind === "programme" ? findProgrammeOwner(db, id) : findActionPlanOwner(db, id);

/**
 * The programme or action plan and its owner unit, with the titles the benefits plan and its
 * refusals name; undefined when there is none.
 */
export async function findOwner(db: Db, ref: OwnerRef): Promise<BenefitOwner | undefined> {
  const owner = await findOwnerUnit(db, ref);
  if (!owner) return undefined;
  const table = ref.kind === "programme" ? programmes : actionPlans;
  const [named] = await db
    .select({ title: table.title, ownerUnitName: units.name })
    .from(table)
    .innerJoin(units, eq(units.id, owner.ownerUnitId))
    .where(eq(table.id, ref.id));
  return named ? { kind: ref.kind, ...owner, ...named } : undefined;
}

/** The columns that hang a new benefit or cost on its owner. */
export const ownerColumns = (owner: OwnerRef) =>
  owner.kind === "programme"
    ? { programmeId: owner.id, actionPlanId: null }
    : { programmeId: null, actionPlanId: owner.id };

/** The rows of `table` (benefits or costs) that hang on the owner. */
const ownedBy = (table: typeof benefits | typeof benefitCosts, owner: OwnerRef) =>
  owner.kind === "programme" ? eq(table.programmeId, owner.id) : eq(table.actionPlanId, owner.id);

export async function findBenefit(db: Db, id: number): Promise<BenefitRow | undefined> {
  const [row] = await db.select().from(benefits).where(eq(benefits.id, id));
  return row;
}

export type BenefitListRow = BenefitRow & { ownerUnitName: string | null; indicatorCode: string | null };

const listColumns = {
  benefit: benefits,
  ownerUnitName: units.name,
  indicatorCode: indicators.code,
};

function listed(rows: { benefit: BenefitRow; ownerUnitName: string | null; indicatorCode: string | null }[]) {
  return rows.map(({ benefit, ownerUnitName, indicatorCode }) => ({
    ...benefit,
    ownerUnitName,
    indicatorCode,
  }));
}

/** The benefits of a programme or plan in the order they were made, with their unit's name and indicator's code. */
export async function selectBenefitsOf(db: Db, owner: OwnerRef): Promise<BenefitListRow[]> {
  const rows = await db
    .select(listColumns)
    .from(benefits)
    .leftJoin(units, eq(units.id, benefits.ownerUnitId))
    .leftJoin(indicators, eq(indicators.id, benefits.indicatorId))
    .where(ownedBy(benefits, owner))
    .orderBy(asc(benefits.id));
  return listed(rows);
}

export async function findBenefitListed(db: Db, id: number): Promise<BenefitListRow | undefined> {
  const rows = await db
    .select(listColumns)
    .from(benefits)
    .leftJoin(units, eq(units.id, benefits.ownerUnitId))
    .leftJoin(indicators, eq(indicators.id, benefits.indicatorId))
    .where(eq(benefits.id, id));
  return listed(rows)[0];
}

export async function insertBenefit(db: Db, values: BenefitFields): Promise<BenefitRow> {
  const [row] = await db.insert(benefits).values(values).returning();
  if (!row) throw new Error("insert into benefits returned nothing");
  return row;
}

export async function updateBenefitRow(
  db: Db,
  id: number,
  version: number,
  changes: Partial<BenefitFields>,
): Promise<BenefitRow | undefined> {
  const [row] = await db
    .update(benefits)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(benefits.id, id), eq(benefits.version, version)))
    .returning();
  return row;
}

export async function deleteBenefitRow(db: Db, id: number, version: number): Promise<BenefitRow | undefined> {
  const [row] = await db
    .delete(benefits)
    .where(and(eq(benefits.id, id), eq(benefits.version, version)))
    .returning();
  return row;
}

export async function indicatorExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, id));
  return row !== undefined;
}

export async function unitExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.id, id));
  return row !== undefined;
}

export type ReadingRow = { benefitId: number; date: string; value: number; comment: string };

/** The readings entered for the benefits, by day. */
export async function selectReadingsOf(db: Db, benefitIds: number[]): Promise<ReadingRow[]> {
  if (benefitIds.length === 0) return [];
  return db
    .select({
      benefitId: benefitReadings.benefitId,
      date: benefitReadings.on,
      value: benefitReadings.value,
      comment: benefitReadings.comment,
    })
    .from(benefitReadings)
    .where(inArray(benefitReadings.benefitId, benefitIds))
    .orderBy(asc(benefitReadings.benefitId), asc(benefitReadings.on));
}

/** Writes the readings; one on a day that already has one replaces it. */
export async function upsertReadings(
  db: Db,
  benefitId: number,
  readings: { date: string; value: number; comment: string }[],
  actor: { id: number | null; name: string },
): Promise<void> {
  await db
    .insert(benefitReadings)
    .values(
      readings.map((reading) => ({
        benefitId,
        on: reading.date,
        value: reading.value,
        comment: reading.comment,
        actorId: actor.id,
        actorName: actor.name,
      })),
    )
    .onConflictDoUpdate({
      target: [benefitReadings.benefitId, benefitReadings.on],
      set: {
        value: sql`excluded.value`,
        comment: sql`excluded.comment`,
        actorId: sql`excluded.actor_id`,
        actorName: sql`excluded.actor_name`,
        at: sql`now()`,
      },
    });
}

/**
 * A catalogue indicator's value month by month for a unit: its own measurement and the sums of
 * the subtree below it (measurement_totals) added, a ratio as numerator over denominator times the
 * indicator's scale. Each month is read as on its last day. One index range per table.
 */
export async function selectIndicatorReadings(
  db: Db,
  benefit: { indicatorId: number; unitId: number; from: string; to: string },
): Promise<{ date: string; value: number }[]> {
  const rows = await selectRows<{ date: string; value: number | null }>(
    db,
    sql`with figures as (
          select m.month, m.numerator, m.denominator from measurements m
          where m.indicator_id = ${benefit.indicatorId} and m.unit_id = ${benefit.unitId}
            and m.month between date_trunc('month', ${benefit.from}::date)::date and ${benefit.to}::date
          union all
          select t.month, t.numerator::float8, t.denominator::float8 from measurement_totals t
          where t.unit_id = ${benefit.unitId} and t.indicator_id = ${benefit.indicatorId}
            and t.month between date_trunc('month', ${benefit.from}::date)::date and ${benefit.to}::date
        )
        select ((f.month + interval '1 month' - interval '1 day')::date)::text as "date",
               case when i.value_kind = 'ratio'
                    then sum(f.numerator) / nullif(sum(f.denominator), 0) * i.scale
                    else sum(f.numerator) end as "value"
        from figures f cross join indicators i
        where i.id = ${benefit.indicatorId}
        group by f.month, i.value_kind, i.scale
        order by f.month`,
  );
  return rows
    .filter((row): row is { date: string; value: number } => row.value !== null)
    .map((row) => ({ date: row.date, value: Number(row.value) }));
}

// ---------------------------------------------------------------------------------------------
// Costs

export async function findCost(db: Db, id: number): Promise<CostRow | undefined> {
  const [row] = await db.select().from(benefitCosts).where(eq(benefitCosts.id, id));
  return row;
}

export function selectCostsOf(db: Db, owner: OwnerRef): Promise<CostRow[]> {
  return db
    .select()
    .from(benefitCosts)
    .where(ownedBy(benefitCosts, owner))
    .orderBy(asc(benefitCosts.year), asc(benefitCosts.kind), asc(benefitCosts.id));
}

export async function insertCost(
  db: Db,
  values: CostFields & { programmeId: number | null; actionPlanId: number | null },
): Promise<CostRow> {
  const [row] = await db.insert(benefitCosts).values(values).returning();
  if (!row) throw new Error("insert into benefit_costs returned nothing");
  return row;
}

export async function updateCostRow(
  db: Db,
  id: number,
  version: number,
  changes: Partial<CostFields>,
): Promise<CostRow | undefined> {
  const [row] = await db
    .update(benefitCosts)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(benefitCosts.id, id), eq(benefitCosts.version, version)))
    .returning();
  return row;
}

export async function deleteCostRow(db: Db, id: number, version: number): Promise<CostRow | undefined> {
  const [row] = await db
    .delete(benefitCosts)
    .where(and(eq(benefitCosts.id, id), eq(benefitCosts.version, version)))
    .returning();
  return row;
}
