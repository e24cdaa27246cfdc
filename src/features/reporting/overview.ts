// Read-only views over reporting rounds: the round matrix, a unit's report, the consolidation
// view, the personal inbox and the overdue list.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canReadAnswers } from "../../domain/access.ts";
import { todayIso } from "../../domain/units.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import type { SessionUser } from "../auth/service.ts";
import { presentRequirement } from "../steering/presenters.ts";
import { findRequirement, selectRequirements } from "../steering/queries.ts";
import { jointAnswersByRequirement } from "./answers.ts";
import { loadRoundContext, unitOf } from "./context.ts";
import { countAnswers, isOverdue, presentAnswer, presentJoint, presentRound } from "./presenters.ts";
import {
  type AnswerRow,
  selectAnswersOfRound,
  selectChaptersOf,
  selectLatestReturns,
  selectWorkItems,
} from "./queries.ts";
import type {
  ConsolidationView,
  InboxView,
  OverdueListView,
  RoundMatrixView,
  UnitReportView,
} from "./schema.ts";
import { allWork, overdueItems, presentWorkItem, selectWork, workUnitsOf } from "./work.ts";

const excerpt = (text: string, length = 200) =>
  text.length <= length ? text : `${text.slice(0, length - 1)}…`;

/**
 * Requirements x units for one round, with each answer's status and workflow state, and counts.
 * Units you have no role on are left out; the issuing unit's column holds the consolidated answers.
 */
export async function roundMatrix(
  db: Db,
  { principal }: Pick<Caller, "principal">,
  roundId: number,
  asOf = todayIso(),
): Promise<RoundMatrixView> {
  const context = await loadRoundContext(db, principal, roundId);
  const columns = [...context.recipients, context.issuer].filter((unit) =>
    canReadAnswers(principal, unit.path),
  );
  if (columns.length === 0) throw forbidden("no_role_in_round");
  const visibleIds = new Set(columns.map((unit) => unit.id));
  const answers = (await selectAnswersOfRound(db, roundId)).filter((a) => visibleIds.has(a.unitId));
  const byRequirement = new Map<number, AnswerRow[]>();
  for (const answer of answers) {
    byRequirement.set(answer.requirementId, [...(byRequirement.get(answer.requirementId) ?? []), answer]);
  }
  const requirementRows = (await selectRequirements(db, context.document.id)).filter((r) =>
    byRequirement.has(r.id),
  );
  return {
    round: presentRound(principal, context, answers, asOf),
    asOf,
    chapters: await selectChaptersOf(db, context.document.id),
    units: columns.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      consolidated: unit.id === context.issuer.id,
      counts: countAnswers(
        answers.filter((a) => a.unitId === unit.id),
        context.round,
        asOf,
      ),
    })),
    rows: requirementRows.map((requirement) => ({
      requirement: {
        id: requirement.id,
        number: requirement.number,
        kind: requirement.kind,
        chapterId: requirement.chapterId,
        text: excerpt(requirement.text),
        leadUnitId: requirement.leadUnitId,
      },
      cells: Object.fromEntries(
        (byRequirement.get(requirement.id) ?? []).map((answer) => [
          answer.unitId,
          {
            answerId: answer.id,
            status: answer.status,
            state: answer.state,
            returned: answer.state === "draft" && answer.returnComment !== null,
            overdue: isOverdue(answer, context.round, asOf),
          },
        ]),
      ),
    })),
  };
}

/**
 * One unit's report for a round, chapter by chapter: every requirement it answers with its answer,
 * and for joint assignments the lead unit's text labelled "Fellesrapport <lead>".
 */
export async function unitReport(
  db: Db,
  { principal }: Pick<Caller, "principal">,
  roundId: number,
  unitId: number,
  asOf = todayIso(),
): Promise<UnitReportView> {
  const context = await loadRoundContext(db, principal, roundId);
  const unit = unitOf(context, unitId);
  if (!unit) throw notFound("round_unit_not_found", { id: unitId });
  if (!canReadAnswers(principal, unit.path)) throw forbidden("no_role_on_unit", { unit: unit.name });
  const answers = await selectAnswersOfRound(db, roundId, { unitId });
  const answerByRequirement = new Map(answers.map((a) => [a.requirementId, a]));
  const requirementRows = (await selectRequirements(db, context.document.id)).filter((r) =>
    answerByRequirement.has(r.id),
  );
  const joint = await jointAnswersByRequirement(db, context, requirementRows);
  const chapters = await selectChaptersOf(db, context.document.id);
  const items = requirementRows.map((requirement) => ({
    requirement: presentRequirement(requirement, context.recipients),
    answer: presentAnswer(
      principal,
      context,
      answerByRequirement.get(requirement.id) as AnswerRow,
      requirement,
      joint.get(requirement.id) ?? null,
      asOf,
    ),
  }));
  const sections = [
    ...chapters.map((chapter) => ({
      chapter,
      items: items.filter((item) => item.requirement.chapterId === chapter.id),
    })),
    { chapter: null, items: items.filter((item) => item.requirement.chapterId === null) },
  ].filter((section) => section.items.length > 0);
  return {
    round: presentRound(principal, context, answers, asOf),
    unit: { id: unit.id, code: unit.code, name: unit.name, consolidated: unit.id === context.issuer.id },
    sections,
  };
}

/**
 * For one requirement, every unit's answer side by side with the issuing unit's consolidated
 * answer, which is written and approved with the same workflow.
 */
export async function consolidationView(
  db: Db,
  { principal }: Caller,
  roundId: number,
  requirementId: number,
  asOf = todayIso(),
): Promise<ConsolidationView> {
  const context = await loadRoundContext(db, principal, roundId);
  if (!canReadAnswers(principal, context.issuer.path)) {
    throw forbidden("consolidation_elsewhere", { issuer: context.issuer.name });
  }
  const requirement = await findRequirement(db, requirementId);
  if (!requirement || requirement.documentId !== context.document.id) {
    throw notFound("round_requirement_not_found", { id: requirementId });
  }
  const answers = await selectAnswersOfRound(db, roundId, { requirementId });
  const consolidated = answers.find((a) => a.kind === "consolidated");
  if (!consolidated) {
    throw new AppError("not_found", "not_reported_in_round", {
      params: { requirement: requirement.number, period: context.round.period },
    });
  }
  const joint = (await jointAnswersByRequirement(db, context, [requirement])).get(requirementId) ?? null;
  const unitPaths = new Map(context.recipients.map((r) => [r.id, r.path]));
  return {
    round: presentRound(principal, context, undefined, asOf),
    requirement: presentRequirement(requirement, context.recipients),
    consolidated: presentAnswer(principal, context, consolidated, requirement, joint, asOf),
    joint: joint ? presentJoint(joint) : null,
    units: answers
      .filter((a) => a.kind === "unit")
      .sort((a, b) => (unitPaths.get(a.unitId) ?? "").localeCompare(unitPaths.get(b.unitId) ?? ""))
      .map((answer) => presentAnswer(principal, context, answer, requirement, null, asOf)),
  };
}

/**
 * A person's open work in open rounds, soonest deadline first: answers to write (and returned ones,
 * with the comment), and answers to approve; and the late ones among them, which the count of
 * late answers counts. Only units where the person holds the role themselves count, not the units
 * below them: people above follow those through the round matrix, the overdue list and the start
 * page, rather than finding every trust's work in their inbox.
 */
export async function inbox(db: Db, user: SessionUser, asOf = todayIso()): Promise<InboxView> {
  const units = workUnitsOf(user.roles);
  const work = await selectWork(db, units);
  const returns = new Map(
    (
      await selectLatestReturns(
        db,
        work.returned.map((r) => r.answerId),
      )
    ).map((r) => [r.answerId, r]),
  );
  const returned = work.returned.map((row) => {
    const latest = returns.get(row.answerId);
    return {
      ...presentWorkItem(row, asOf),
      returnComment: row.returnComment,
      returnedBy: latest?.actorName ?? null,
      returnedAt: latest?.at.toISOString() ?? null,
    };
  });
  const toWrite = work.toWrite.map((row) => presentWorkItem(row, asOf));
  const toApprove = work.toApprove.map((row) => presentWorkItem(row, asOf));
  const overdue = overdueItems(allWork(work), asOf);
  return {
    asOf,
    hasWorkRoles: units.editor.length > 0 || units.approver.length > 0,
    counts: {
      toWrite: toWrite.length,
      returned: returned.length,
      toApprove: toApprove.length,
      overdue: overdue.length,
    },
    returned,
    toWrite,
    toApprove,
    overdue,
  };
}

/**
 * Answers in open rounds past their deadline and not approved, on the units the person can read,
 * oldest deadline first, with how many days late they are.
 */
export async function overdueList(
  db: Db,
  { principal }: Pick<Caller, "principal">,
  filter: { asOf?: string; roundId?: number } = {},
): Promise<OverdueListView> {
  const asOf = filter.asOf ?? todayIso();
  const pathPrefixes = principal.isSystemAdmin
    ? null
    : [...new Set(principal.assignments.map((a) => a.unitPath))];
  const rows = await selectWorkItems(db, {
    pathPrefixes,
    states: ["draft", "submitted"],
    deadlineBefore: asOf,
    ...(filter.roundId === undefined ? {} : { roundId: filter.roundId }),
  });
  const items = overdueItems(rows, asOf);
  return { asOf, count: items.length, items };
}
