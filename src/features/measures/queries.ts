// SQL of risk-reducing measures: the rows, their log and links, the targets links name, and the
// filtered list (one statement: the count and the page, with each row's goals).

import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  indicators,
  measureLinks,
  measureLog,
  measures,
  requirements,
  steeringDocuments,
  unitRisks,
  units,
  users,
} from "../../db/schema.ts";
import type { RiskLinkKind } from "../../domain/riskKinds.ts";
import type { MeasurePhase, MeasureStatus } from "../../domain/riskMeasures.ts";
import { selectRows } from "../measurements/queries.ts";

export type MeasureRow = typeof measures.$inferSelect;
export type MeasureValues = Omit<typeof measures.$inferInsert, "id" | "version" | "createdAt" | "updatedAt">;
export type MeasureLink = { kind: RiskLinkKind; targetId: number };
export type UnitRef = { id: number; code: string; name: string; path: string };

export async function findMeasure(db: Db, id: number): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(measures).where(eq(measures.id, id));
  return row;
}

export async function findUnitRef(db: Db, id: number): Promise<UnitRef | undefined> {
  const [row] = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

/** An active user's name, or nothing. */
export async function findActiveUserName(db: Db, id: number): Promise<string | undefined> {
  const [row] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)));
  return row?.name;
}

export async function findUserName(db: Db, id: number): Promise<string | undefined> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name;
}

export async function insertMeasure(db: Db, values: MeasureValues): Promise<MeasureRow> {
  const [row] = await db.insert(measures).values(values).returning();
  if (!row) throw new Error("the measure was not inserted");
  return row;
}

/** Changes a measure if it is still at `expectedVersion`, raising the version; nothing otherwise. */
export async function updateMeasure(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<MeasureValues>,
): Promise<MeasureRow | undefined> {
  const [row] = await db
    .update(measures)
    .set({ ...values, version: sql`${measures.version} + 1`, updatedAt: new Date() })
    .where(and(eq(measures.id, id), eq(measures.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertLogEntry(db: Db, entry: typeof measureLog.$inferInsert) {
  const [row] = await db.insert(measureLog).values(entry).returning();
  if (!row) throw new Error("the log entry was not inserted");
  return row;
}

export function selectLogEntries(db: Db, measureId: number) {
  return db
    .select()
    .from(measureLog)
    .where(eq(measureLog.measureId, measureId))
    .orderBy(desc(measureLog.on), desc(measureLog.id));
}

export function selectLinks(db: Db, measureId: number): Promise<MeasureLink[]> {
  return db
    .select({ kind: measureLinks.kind, targetId: measureLinks.targetId })
    .from(measureLinks)
    .where(eq(measureLinks.measureId, measureId))
    .orderBy(asc(measureLinks.kind), asc(measureLinks.targetId));
}

export async function replaceLinks(db: Db, measureId: number, links: readonly MeasureLink[]) {
  await db.delete(measureLinks).where(eq(measureLinks.measureId, measureId));
  if (links.length > 0) {
    await db.insert(measureLinks).values(links.map((link) => ({ measureId, ...link })));
  }
}

// ---- What links name ----

/** A goal with what decides who may read it: its document's issuer, recipients and state. */
export type GoalTarget = {
  id: number;
  number: string;
  text: string;
  documentTitle: string;
  issuerPath: string;
  published: boolean;
  recipientPaths: string[];
};

const recipientPaths = (documentId: SQL | typeof steeringDocuments.id) => sql<string[]>`array(
  select ru.path from steering_document_recipients sr join units ru on ru.id = sr.unit_id
  where sr.document_id = ${documentId})`;

export function selectGoalTargets(db: Db, ids: readonly number[]): Promise<GoalTarget[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: requirements.id,
      number: requirements.number,
      text: requirements.text,
      documentTitle: steeringDocuments.title,
      issuerPath: units.path,
      published: sql<boolean>`${steeringDocuments.state} = 'published'`,
      recipientPaths: recipientPaths(steeringDocuments.id),
    })
    .from(requirements)
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, requirements.documentId))
    .innerJoin(units, eq(units.id, steeringDocuments.issuingUnitId))
    .where(inArray(requirements.id, [...ids]));
}

export function selectUnitRiskTargets(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: unitRisks.id, title: unitRisks.title, unitName: units.name, unitPath: units.path })
    .from(unitRisks)
    .innerJoin(units, eq(units.id, unitRisks.unitId))
    .where(inArray(unitRisks.id, [...ids]));
}

export function selectIndicatorTargets(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: indicators.id, code: indicators.code, name: indicators.nameNb })
    .from(indicators)
    .where(inArray(indicators.id, [...ids]));
}

// ---- Lists ----

export type MeasureFilter = {
  /** Path prefixes of the units covered; null: every unit. */
  scope: string[] | null;
  unitId?: number;
  phase?: MeasurePhase;
  status?: MeasureStatus;
  ownerUserId?: number;
  overdue?: boolean;
  /** Open and overdue or delayed, owned by the user or on a unit below one of `editorPaths`. */
  attentionOf?: { userId: number; editorPaths: string[] };
  requirementId?: number;
  indicatorId?: number;
  asOf: string;
};

export type MeasureListRow = {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  title: string;
  ownerUserId: number | null;
  ownerName: string | null;
  ownerRole: string;
  phase: MeasurePhase;
  status: MeasureStatus | null;
  start: string | null;
  deadline: string | null;
  fullEffectDate: string | null;
  effectIndicatorId: number | null;
  effectTarget: number | null;
  version: number;
  goals: Omit<GoalTarget, "documentTitle">[];
};

const within = (prefixes: readonly string[]) =>
  sql`(${sql.join(
    prefixes.map((prefix) => sql`u.path like ${`${prefix}%`}`),
    sql` or `,
  )})`;

const open = sql`m.phase in ('decided', 'in_progress')`;
const overdueOn = (asOf: string) => sql`(${open} and m.deadline < ${asOf}::date)`;
const linkedTo = (kind: RiskLinkKind, targetId: number) =>
  sql`m.id in (select l.measure_id from measure_links l where l.kind = ${kind} and l.target_id = ${targetId})`;

/** The WHERE conditions of a filter; null when it can match nothing. */
function conditionsOf(filter: MeasureFilter): SQL[] | null {
  const conditions: SQL[] = [];
  if (filter.scope !== null) {
    if (filter.scope.length === 0) return null;
    conditions.push(within(filter.scope));
  }
  if (filter.unitId !== undefined) conditions.push(sql`m.responsible_unit_id = ${filter.unitId}`);
  if (filter.phase) conditions.push(sql`m.phase = ${filter.phase}`);
  if (filter.status) conditions.push(sql`m.status = ${filter.status}`);
  if (filter.ownerUserId !== undefined) conditions.push(sql`m.owner_user_id = ${filter.ownerUserId}`);
  if (filter.overdue === true) conditions.push(overdueOn(filter.asOf));
  if (filter.overdue === false) conditions.push(sql`not coalesce(${overdueOn(filter.asOf)}, false)`);
  if (filter.attentionOf) {
    const { userId, editorPaths } = filter.attentionOf;
    const whose = editorPaths.length > 0 ? sql` or ${within(editorPaths)}` : sql``;
    conditions.push(sql`(m.owner_user_id = ${userId}${whose})`);
    conditions.push(sql`(${overdueOn(filter.asOf)} or (${open} and m.status = 'delayed'))`);
  }
  if (filter.requirementId !== undefined) conditions.push(linkedTo("requirement", filter.requirementId));
  if (filter.indicatorId !== undefined) {
    conditions.push(
      sql`(m.effect_indicator_id = ${filter.indicatorId} or ${linkedTo("indicator", filter.indicatorId)})`,
    );
  }
  return conditions;
}

const day = (column: string) => sql.raw(`to_char(m.${column}, 'YYYY-MM-DD')`);

/**
 * One page of the measures a filter matches, soonest deadline first (none last), and how many
 * match in all: one statement, whose page rows carry their unit, owner and goals.
 */
export async function selectMeasurePage(
  db: Db,
  filter: MeasureFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: MeasureListRow[] }> {
  const conditions = conditionsOf(filter);
  if (conditions === null) return { total: 0, rows: [] };
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await selectRows<MeasureListRow & { total: number }>(
    db,
    sql`
    with filtered as (
      select m.id, m.deadline from measures m join units u on u.id = m.responsible_unit_id ${where}
    )
    select t.total, p.* from (select count(*)::int as total from filtered) t
    left join lateral (
      select m.id, u.id as "unitId", u.code as "unitCode", u.name as "unitName", m.title,
        m.owner_user_id as "ownerUserId", ow.display_name as "ownerName", m.owner_role as "ownerRole",
        m.phase, m.status, ${day("start")} as start, ${day("deadline")} as deadline,
        ${day("full_effect_date")} as "fullEffectDate", m.effect_indicator_id as "effectIndicatorId",
        m.effect_target::float8 as "effectTarget", m.version,
        (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'number', r.number, 'text', r.text,
            'issuerPath', iu.path, 'published', d.state = 'published',
            'recipientPaths', ${recipientPaths(sql`d.id`)}) order by r.id), '[]'::jsonb)
          from measure_links l
          join requirements r on r.id = l.target_id
          join steering_documents d on d.id = r.document_id
          join units iu on iu.id = d.issuing_unit_id
          where l.measure_id = m.id and l.kind = 'requirement') as goals
      from (select id, deadline from filtered order by deadline asc nulls last, id
            limit ${page.limit} offset ${page.offset}) f
      join measures m on m.id = f.id
      join units u on u.id = m.responsible_unit_id
      left join users ow on ow.id = m.owner_user_id
    ) p on true
    order by p.deadline asc nulls last, p.id`,
  );
  const total = rows[0]?.total ?? 0;
  return { total, rows: rows.filter((row) => row.id !== null).map(({ total: _total, ...row }) => row) };
}
