// SQL of risk assessments and risk scales.

import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  documentChapters,
  reportingRounds,
  requirements,
  riskAssessments,
  riskAssessmentVersions,
  riskScales,
  steeringDocuments,
} from "../../db/schema.ts";
import type { RiskAssessmentKind } from "../../domain/riskKinds.ts";
import type { AnswerAction, AnswerState } from "../../domain/workflow.ts";
import { selectRows } from "../measurements/queries.ts";

export type RiskAssessmentRow = typeof riskAssessments.$inferSelect;
export type RiskAssessmentVersionRow = typeof riskAssessmentVersions.$inferSelect;
export type RiskScaleRow = typeof riskScales.$inferSelect;

export type NewAssessment = { requirementId: number; unitId: number; kind: RiskAssessmentKind };

/**
 * The order of a round's period within its year, for "the round before": T1, then T2, then the
 * annual report. Periods of one document share its year, so the year comes first only across
 * document versions.
 */
const periodOrder = (period: ReturnType<typeof sql>) =>
  sql`(substr(${period}, 1, 4)::int * 10 + case when length(${period}) = 4 then 3 when ${period} like '%-T2' then 2 else 1 end)`;

/**
 * Creates a round's assessments. Each starts as a copy of the same unit's assessment of the same
 * goal (same requirement lineage in the same document series) in the latest earlier round, marked
 * carried forward; a goal assessed for the first time starts empty. Also keeps each one's first
 * version.
 */
export async function insertAssessmentsForRound(
  db: Db,
  roundId: number,
  rows: readonly NewAssessment[],
  actor: { id: number | null; name: string },
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await selectRows<{ id: number }>(
    db,
    sql`
    with wanted as (
      select w.requirement_id, w.unit_id, w.kind, r.lineage_key, d.series_key
      from unnest(
        ${`{${rows.map((r) => r.requirementId).join(",")}}`}::int[],
        ${`{${rows.map((r) => r.unitId).join(",")}}`}::int[],
        ${`{${rows.map((r) => r.kind).join(",")}}`}::text[]
      ) as w(requirement_id, unit_id, kind)
      join requirements r on r.id = w.requirement_id
      join steering_documents d on d.id = r.document_id
    ),
    current_round as (
      select ${periodOrder(sql`period`)} as ord from reporting_rounds where id = ${roundId}
    )
    insert into risk_assessments (round_id, requirement_id, unit_id, kind, level, likelihood, consequence,
      residual_level, residual_likelihood, residual_consequence, justification, previous_id, carried_forward)
    select ${roundId}, w.requirement_id, w.unit_id, w.kind, p.level, p.likelihood, p.consequence,
      p.residual_level, p.residual_likelihood, p.residual_consequence, coalesce(p.justification, ''),
      p.id, p.id is not null
    from wanted w
    left join lateral (
      select ra.*
      from risk_assessments ra
      join reporting_rounds rr on rr.id = ra.round_id
      join requirements pr on pr.id = ra.requirement_id
      join steering_documents pd on pd.id = pr.document_id
      where ra.unit_id = w.unit_id and ra.kind = w.kind
        and pr.lineage_key = w.lineage_key and pd.series_key = w.series_key
        and ${periodOrder(sql`rr.period`)} < (select ord from current_round)
      order by ${periodOrder(sql`rr.period`)} desc, rr.id desc
      limit 1
    ) p on true
    on conflict (round_id, requirement_id, unit_id) do nothing
    returning id`,
  );
  await db.execute(sql`
    insert into risk_assessment_versions (assessment_id, version, action, level, likelihood, consequence,
      residual_level, residual_likelihood, residual_consequence, justification, state, actor_id, actor_name)
    select id, version, 'create', level, likelihood, consequence, residual_level, residual_likelihood,
      residual_consequence, justification, state, ${actor.id}, ${actor.name}
    from risk_assessments a
    where round_id = ${roundId}
      and not exists (select 1 from risk_assessment_versions v where v.assessment_id = a.id)`);
  return inserted.length;
}

export async function findAssessment(db: Db, id: number): Promise<RiskAssessmentRow | undefined> {
  const [row] = await db.select().from(riskAssessments).where(eq(riskAssessments.id, id));
  return row;
}

/** An assessment with its round, document and requirement, in one round trip. */
export async function findAssessmentWithRound(db: Db, id: number) {
  const [row] = await db
    .select({
      assessment: riskAssessments,
      round: reportingRounds,
      document: steeringDocuments,
      requirement: requirements,
    })
    .from(riskAssessments)
    .innerJoin(reportingRounds, eq(reportingRounds.id, riskAssessments.roundId))
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, reportingRounds.documentId))
    .innerJoin(requirements, eq(requirements.id, riskAssessments.requirementId))
    .where(eq(riskAssessments.id, id));
  return row;
}

export type AssessmentFields = {
  level?: string | null;
  likelihood?: number | null;
  consequence?: number | null;
  residualLevel?: string | null;
  residualLikelihood?: number | null;
  residualConsequence?: number | null;
  justification?: string;
  carriedForward?: boolean;
  state?: AnswerState;
  returnComment?: string | null;
  updatedBy: string;
};

export async function updateAssessmentFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: AssessmentFields,
): Promise<RiskAssessmentRow | undefined> {
  const [row] = await db
    .update(riskAssessments)
    .set({ ...values, version: sql`${riskAssessments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(riskAssessments.id, id), eq(riskAssessments.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertAssessmentVersion(
  db: Db,
  row: RiskAssessmentRow,
  action: AnswerAction,
  actor: { id: number | null; name: string },
  comment: string | null,
) {
  await db.insert(riskAssessmentVersions).values({
    assessmentId: row.id,
    version: row.version,
    action,
    level: row.level,
    likelihood: row.likelihood,
    consequence: row.consequence,
    residualLevel: row.residualLevel,
    residualLikelihood: row.residualLikelihood,
    residualConsequence: row.residualConsequence,
    justification: row.justification,
    state: row.state,
    comment,
    actorId: actor.id,
    actorName: actor.name,
  });
}

export function selectAssessmentVersions(db: Db, assessmentId: number) {
  return db
    .select()
    .from(riskAssessmentVersions)
    .where(eq(riskAssessmentVersions.assessmentId, assessmentId))
    .orderBy(asc(riskAssessmentVersions.version));
}

export function selectAssessmentsOfRound(db: Db, roundId: number) {
  return db
    .select()
    .from(riskAssessments)
    .where(eq(riskAssessments.roundId, roundId))
    .orderBy(asc(riskAssessments.requirementId), asc(riskAssessments.unitId));
}

/** The assessments an assessment started from, by id: for the change since the round before. */
export async function selectLevelsById(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string | null>();
  const rows = await db
    .select({ id: riskAssessments.id, level: riskAssessments.level })
    .from(riskAssessments)
    .where(inArray(riskAssessments.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.level]));
}

/** The goals (requirements with their chapter) assessed in a round, in the document's order. */
export function selectAssessedGoals(db: Db, roundId: number) {
  return db
    .selectDistinct({
      id: requirements.id,
      number: requirements.number,
      text: requirements.text,
      position: requirements.position,
      chapterTitle: documentChapters.title,
      chapterPosition: documentChapters.position,
    })
    .from(riskAssessments)
    .innerJoin(requirements, eq(requirements.id, riskAssessments.requirementId))
    .leftJoin(documentChapters, eq(documentChapters.id, requirements.chapterId))
    .where(eq(riskAssessments.roundId, roundId))
    .orderBy(asc(documentChapters.position), asc(requirements.position));
}

/**
 * The rounds of a document in which the issuing unit has reviewed at least one overall
 * assessment: saved or submitted, not just carried forward. Tabell 3 compares these.
 */
export async function selectReviewedRoundIds(db: Db, documentId: number): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ roundId: riskAssessments.roundId })
    .from(riskAssessments)
    .innerJoin(reportingRounds, eq(reportingRounds.id, riskAssessments.roundId))
    .where(
      and(
        eq(reportingRounds.documentId, documentId),
        eq(riskAssessments.kind, "overall"),
        eq(riskAssessments.carriedForward, false),
        isNotNull(riskAssessments.level),
      ),
    );
  return new Set(rows.map((row) => row.roundId));
}

/**
 * Assessments in open rounds that are someone's work, counted per round and unit: drafts (and
 * among them the returned and the carried-forward ones) on `editorUnitIds`, submitted ones on
 * `approverUnitIds`.
 */
export async function selectRiskWork(
  db: Db,
  editorUnitIds: readonly number[],
  approverUnitIds: readonly number[],
) {
  if (editorUnitIds.length === 0 && approverUnitIds.length === 0) return [];
  const editors = `{${editorUnitIds.join(",")}}`;
  const approvers = `{${approverUnitIds.join(",")}}`;
  return selectRows<{
    roundId: number;
    period: string;
    deadline: string;
    documentId: number;
    documentTitle: string;
    unitId: number;
    unitCode: string;
    unitName: string;
    toWrite: number;
    returned: number;
    carriedForward: number;
    toApprove: number;
  }>(
    db,
    sql`
      select r.id as "roundId", r.period, r.deadline::text as deadline, d.id as "documentId",
        d.title as "documentTitle", u.id as "unitId", u.code as "unitCode", u.name as "unitName",
        (count(*) filter (where a.state = 'draft' and a.unit_id = any(${editors}::int[])))::int as "toWrite",
        (count(*) filter (where a.state = 'draft' and a.return_comment is not null
          and a.unit_id = any(${editors}::int[])))::int as returned,
        (count(*) filter (where a.state = 'draft' and a.carried_forward
          and a.unit_id = any(${editors}::int[])))::int as "carriedForward",
        (count(*) filter (where a.state = 'submitted' and a.unit_id = any(${approvers}::int[])))::int as "toApprove"
      from risk_assessments a
      join reporting_rounds r on r.id = a.round_id and r.state = 'open'
      join steering_documents d on d.id = r.document_id
      join units u on u.id = a.unit_id
      where a.unit_id = any(${editors}::int[]) or a.unit_id = any(${approvers}::int[])
      group by r.id, d.id, u.id
      having count(*) filter (where (a.state = 'draft' and a.unit_id = any(${editors}::int[]))
        or (a.state = 'submitted' and a.unit_id = any(${approvers}::int[]))) > 0
      order by r.deadline, d.id, u.path`,
  );
}

// ---- Scales ----

/** The scales set on any of `unitIds` (a unit's ancestors and itself). */
export function selectScalesOf(db: Db, unitIds: readonly number[]) {
  if (unitIds.length === 0) return Promise.resolve([] as RiskScaleRow[]);
  return db
    .select()
    .from(riskScales)
    .where(inArray(riskScales.unitId, [...unitIds]));
}

export async function findScale(db: Db, unitId: number): Promise<RiskScaleRow | undefined> {
  const [row] = await db.select().from(riskScales).where(eq(riskScales.unitId, unitId));
  return row;
}

/**
 * How many assessments in open rounds would lose their level if the scale of the unit at
 * `unitPath` had only `keys`: those of documents issued at or below the unit, unless a unit in
 * between has a scale of its own (that scale decides for them).
 */
export async function countOpenAssessmentsOutside(
  db: Db,
  unitId: number,
  unitPath: string,
  keys: readonly string[],
): Promise<number> {
  const [row] = await selectRows<{ count: number }>(
    db,
    sql`
    select count(*)::int as count
    from risk_assessments a
    join reporting_rounds r on r.id = a.round_id and r.state = 'open'
    join steering_documents d on d.id = r.document_id
    join units issuer on issuer.id = d.issuing_unit_id
    where issuer.path like ${`${unitPath}%`}
      and not exists (
        select 1 from risk_scales s join units own on own.id = s.unit_id
        where s.unit_id <> ${unitId} and own.path like ${`${unitPath}%`} and issuer.path like own.path || '%'
      )
      and (
        (a.level is not null and not (a.level = any(${`{${keys.join(",")}}`}::text[])))
        or (a.residual_level is not null and not (a.residual_level = any(${`{${keys.join(",")}}`}::text[])))
      )`,
  );
  return row?.count ?? 0;
}
