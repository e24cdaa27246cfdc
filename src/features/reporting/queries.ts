import { and, asc, desc, eq, inArray, isNotNull, isNull, like, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  type AnswerKind,
  type AnswerStatus,
  answers,
  answerVersions,
  documentChapters,
  reportingRounds,
  requirements,
  steeringDocuments,
  units,
} from "../../db/schema.ts";
import type { AnswerAction, AnswerState } from "../../domain/workflow.ts";

export type RoundRow = typeof reportingRounds.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type AnswerVersionRow = typeof answerVersions.$inferSelect;

// ---- Rounds ----

export async function findRound(db: Db, id: number): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(reportingRounds).where(eq(reportingRounds.id, id));
  return row;
}

export async function selectRoundsOfDocument(db: Db, documentId: number): Promise<RoundRow[]> {
  return db
    .select()
    .from(reportingRounds)
    .where(eq(reportingRounds.documentId, documentId))
    .orderBy(asc(reportingRounds.id));
}

/** Every open round, soonest deadline first. */
export async function selectOpenRounds(db: Db): Promise<RoundRow[]> {
  return db
    .select()
    .from(reportingRounds)
    .where(eq(reportingRounds.state, "open"))
    .orderBy(asc(reportingRounds.deadline), asc(reportingRounds.id));
}

export async function insertRound(
  db: Db,
  values: { documentId: number; period: string; deadline: string },
): Promise<RoundRow> {
  const [row] = await db.insert(reportingRounds).values(values).returning();
  if (!row) throw new Error("insert into reporting_rounds returned no row");
  return row;
}

export async function updateRoundFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<Pick<RoundRow, "state" | "closedAt" | "deadline">>,
): Promise<RoundRow | undefined> {
  const [row] = await db
    .update(reportingRounds)
    .set({ ...values, version: sql`${reportingRounds.version} + 1`, updatedAt: new Date() })
    .where(and(eq(reportingRounds.id, id), eq(reportingRounds.version, expectedVersion)))
    .returning();
  return row;
}

// ---- Answers ----

export type NewAnswer = { roundId: number; requirementId: number; unitId: number; kind: AnswerKind };

/** Inserts in chunks so that large rounds stay under the database's limit on parameters. */
export async function insertAnswers(db: Db, rows: NewAnswer[]) {
  for (let start = 0; start < rows.length; start += 2000) {
    await db.insert(answers).values(rows.slice(start, start + 2000));
  }
}

/** Version 1 of every answer of a round, as it was created: empty and not started. */
export async function insertFirstVersions(
  db: Db,
  roundId: number,
  actor: { id: number | null; name: string },
) {
  await db.execute(sql`
    insert into answer_versions (answer_id, version, action, status, text, state, actor_id, actor_name)
    select id, version, 'create', status, text, state, ${actor.id}, ${actor.name}
    from answers where round_id = ${roundId}`);
}

/** An answer with its round, its round's document and its requirement, in one round trip. */
export async function findAnswerWithRound(db: Db, id: number) {
  const [row] = await db
    .select({
      answer: answers,
      round: reportingRounds,
      document: steeringDocuments,
      requirement: requirements,
    })
    .from(answers)
    .innerJoin(reportingRounds, eq(reportingRounds.id, answers.roundId))
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, reportingRounds.documentId))
    .innerJoin(requirements, eq(requirements.id, answers.requirementId))
    .where(eq(answers.id, id));
  return row;
}

export async function findAnswer(db: Db, id: number): Promise<AnswerRow | undefined> {
  const [row] = await db.select().from(answers).where(eq(answers.id, id));
  return row;
}

export async function updateAnswerFields(
  db: Db,
  id: number,
  expectedVersion: number,
  values: {
    status?: AnswerStatus;
    text?: string;
    state?: AnswerState;
    returnComment?: string | null;
    updatedBy: string;
  },
): Promise<AnswerRow | undefined> {
  const [row] = await db
    .update(answers)
    .set({ ...values, version: sql`${answers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(answers.id, id), eq(answers.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertAnswerVersion(
  db: Db,
  answer: AnswerRow,
  action: AnswerAction,
  actor: { id: number | null; name: string },
  comment: string | null = null,
) {
  await db.insert(answerVersions).values({
    answerId: answer.id,
    version: answer.version,
    action,
    status: answer.status,
    text: answer.text,
    state: answer.state,
    comment,
    actorId: actor.id,
    actorName: actor.name,
  });
}

export async function selectAnswerVersions(db: Db, answerId: number): Promise<AnswerVersionRow[]> {
  return db
    .select()
    .from(answerVersions)
    .where(eq(answerVersions.answerId, answerId))
    .orderBy(asc(answerVersions.version));
}

export async function selectAnswersOfRound(
  db: Db,
  roundId: number,
  filter: { unitId?: number; requirementId?: number } = {},
) {
  const conditions: SQL[] = [eq(answers.roundId, roundId)];
  if (filter.unitId !== undefined) conditions.push(eq(answers.unitId, filter.unitId));
  if (filter.requirementId !== undefined) conditions.push(eq(answers.requirementId, filter.requirementId));
  return db
    .select()
    .from(answers)
    .where(and(...conditions))
    .orderBy(asc(answers.id));
}

/** Answers of the round for requirements with a lead unit, the lead's own: the joint texts. */
export async function selectJointAnswers(db: Db, roundId: number, requirementIds: number[]) {
  if (requirementIds.length === 0) return [];
  return db
    .select({ answer: answers })
    .from(answers)
    .innerJoin(requirements, eq(requirements.id, answers.requirementId))
    .where(
      and(
        eq(answers.roundId, roundId),
        inArray(answers.requirementId, requirementIds),
        eq(answers.unitId, requirements.leadUnitId),
        eq(answers.kind, "unit"),
      ),
    )
    .then((rows) => rows.map((row) => row.answer));
}

/** The latest return of each answer: who returned it, when, and why. */
export async function selectLatestReturns(db: Db, answerIds: number[]) {
  if (answerIds.length === 0) return [];
  return db
    .selectDistinctOn([answerVersions.answerId], {
      answerId: answerVersions.answerId,
      comment: answerVersions.comment,
      actorName: answerVersions.actorName,
      at: answerVersions.at,
    })
    .from(answerVersions)
    .where(and(inArray(answerVersions.answerId, answerIds), eq(answerVersions.action, "return")))
    .orderBy(answerVersions.answerId, desc(answerVersions.version));
}

/** The latest approval of an answer: who approved it, when, and their comment. */
export async function findLatestApproval(db: Db, answerId: number) {
  const [row] = await db
    .select({ actorName: answerVersions.actorName, at: answerVersions.at, comment: answerVersions.comment })
    .from(answerVersions)
    .where(and(eq(answerVersions.answerId, answerId), eq(answerVersions.action, "approve")))
    .orderBy(desc(answerVersions.version))
    .limit(1);
  return row;
}

/** A unit's answers of one kind to some requirements, with their rounds' periods: the earlier answers. */
export async function selectAnswersToRequirements(
  db: Db,
  filter: { requirementIds: number[]; unitId: number; kind: AnswerKind },
) {
  if (filter.requirementIds.length === 0) return [];
  return db
    .select({
      answer: answers,
      period: reportingRounds.period,
      documentTitle: steeringDocuments.title,
    })
    .from(answers)
    .innerJoin(reportingRounds, eq(reportingRounds.id, answers.roundId))
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, reportingRounds.documentId))
    .where(
      and(
        inArray(answers.requirementId, filter.requirementIds),
        eq(answers.unitId, filter.unitId),
        eq(answers.kind, filter.kind),
      ),
    );
}

export async function selectChaptersOf(db: Db, documentId: number) {
  return db
    .select({ id: documentChapters.id, title: documentChapters.title, position: documentChapters.position })
    .from(documentChapters)
    .where(eq(documentChapters.documentId, documentId))
    .orderBy(asc(documentChapters.position), asc(documentChapters.id));
}

// ---- Work lists across rounds ----

/** Everything a work list shows about an answer, in one row. */
const workItem = {
  answerId: answers.id,
  kind: answers.kind,
  status: answers.status,
  state: answers.state,
  returnComment: answers.returnComment,
  version: answers.version,
  updatedAt: answers.updatedAt,
  unitId: units.id,
  unitCode: units.code,
  unitName: units.name,
  unitPath: units.path,
  roundId: reportingRounds.id,
  period: reportingRounds.period,
  deadline: reportingRounds.deadline,
  documentId: steeringDocuments.id,
  documentTitle: steeringDocuments.title,
  requirementId: requirements.id,
  requirementNumber: requirements.number,
  requirementText: requirements.text,
  requirementPosition: requirements.position,
};

export type WorkItemRow = Awaited<ReturnType<typeof selectWorkItems>>[number];

export async function selectWorkItems(
  db: Db,
  filter: {
    unitIds?: number[];
    /** Only answers of units below one of these paths; null means everywhere. */
    pathPrefixes?: string[] | null;
    states?: AnswerState[];
    returned?: boolean;
    deadlineBefore?: string;
    roundId?: number;
  },
) {
  const conditions: SQL[] = [eq(reportingRounds.state, "open")];
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return [];
    conditions.push(inArray(answers.unitId, filter.unitIds));
  }
  if (filter.pathPrefixes) {
    if (filter.pathPrefixes.length === 0) return [];
    const within = or(...filter.pathPrefixes.map((prefix) => like(units.path, `${prefix}%`)));
    if (within) conditions.push(within);
  }
  if (filter.states) conditions.push(inArray(answers.state, filter.states));
  if (filter.returned === true) conditions.push(isNotNull(answers.returnComment));
  if (filter.returned === false) conditions.push(isNull(answers.returnComment));
  if (filter.deadlineBefore) conditions.push(lt(reportingRounds.deadline, filter.deadlineBefore));
  if (filter.roundId !== undefined) conditions.push(eq(reportingRounds.id, filter.roundId));
  return db
    .select(workItem)
    .from(answers)
    .innerJoin(reportingRounds, eq(reportingRounds.id, answers.roundId))
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, reportingRounds.documentId))
    .innerJoin(requirements, eq(requirements.id, answers.requirementId))
    .innerJoin(units, eq(units.id, answers.unitId))
    .where(and(...conditions))
    .orderBy(
      asc(reportingRounds.deadline),
      asc(steeringDocuments.id),
      asc(requirements.position),
      asc(units.path),
    );
}

/** The status and state of every answer of a round, for carry-over. */
export async function selectRoundAnswerStates(db: Db, roundId: number) {
  return db
    .select({
      requirementId: answers.requirementId,
      unitId: answers.unitId,
      kind: answers.kind,
      status: answers.status,
      state: answers.state,
    })
    .from(answers)
    .where(eq(answers.roundId, roundId));
}

// ---- Bulk histories (demo data) ----

export type AnswerHistory = {
  answerId: number;
  /** The steps after creation, in order; the answer ends as the last step left it. */
  steps: {
    action: AnswerAction;
    status: AnswerStatus;
    text: string;
    state: AnswerState;
    comment: string | null;
    actorName: string;
  }[];
};

/**
 * Writes the histories of many freshly created answers (each still at version 1) at once: every
 * step as a kept version, and the answer as the last step left it.
 */
export async function applyAnswerHistories(db: Db, histories: AnswerHistory[]) {
  const written = histories.filter((history) => history.steps.length > 0);
  const versions = written.flatMap((history) =>
    history.steps.map((step, index) => ({
      answerId: history.answerId,
      version: index + 2,
      action: step.action,
      status: step.status,
      text: step.text,
      state: step.state,
      comment: step.comment,
      actorId: null,
      actorName: step.actorName,
    })),
  );
  for (let start = 0; start < versions.length; start += 1000) {
    await db.insert(answerVersions).values(versions.slice(start, start + 1000));
  }
  for (let start = 0; start < written.length; start += 500) {
    const rows = written.slice(start, start + 500).map((history) => {
      const last = history.steps[history.steps.length - 1] as AnswerHistory["steps"][number];
      const returnComment = last.action === "return" ? last.comment : null;
      return sql`(${history.answerId}::int, ${last.status}, ${last.text}, ${last.state}, ${returnComment}::text, ${last.actorName}, ${history.steps.length + 1}::int)`;
    });
    await db.execute(sql`
      update answers set status = v.status, text = v.text, state = v.state, return_comment = v.return_comment,
        updated_by = v.updated_by, version = v.version, updated_at = now()
      from (values ${sql.join(rows, sql`, `)}) as v(id, status, text, state, return_comment, updated_by, version)
      where answers.id = v.id`);
  }
}
