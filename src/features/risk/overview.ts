// Overviews of risk assessments: a round's goals with the overall assessment beside the units'
// (what the unit above reads while it writes the overall one), and Tabell 3, the issuing unit's
// overall assessments of two periods compared.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { parsePeriod, periodEndMonth } from "../../domain/periods.ts";
import { compareAssessments, countChanges, type RiskScale } from "../../domain/risk.ts";
import { AppError } from "../../errors.ts";
import { canReadAnswerOf, loadRoundContext, type RoundContext } from "../reporting/context.ts";
import { selectRoundsOfDocument } from "../reporting/queries.ts";
import { loadReadableDocument } from "../steering/context.ts";
import { presentAssessment, rankOf } from "./presenters.ts";
import {
  selectAssessedGoals,
  selectAssessmentsOfRound,
  selectLevelsById,
  selectReviewedRoundIds,
} from "./queries.ts";
import { scaleAt } from "./scales.ts";
import type { RiskTableView, RoundRiskView } from "./schema.ts";

/** Rounds in the order of their periods: T1, T2, then the year. */
const endOf = (period: string) => periodEndMonth(parsePeriod(period));

async function goalsOfRound(db: Db, caller: Caller, context: RoundContext, scale: RiskScale) {
  const { principal } = caller;
  const goals = await selectAssessedGoals(db, context.round.id);
  const rows = (await selectAssessmentsOfRound(db, context.round.id)).filter((row) =>
    canReadAnswerOf(principal, context, row),
  );
  const previous = await selectLevelsById(
    db,
    rows.flatMap((row) => (row.previousId === null ? [] : [row.previousId])),
  );
  const byGoal = new Map<number, typeof rows>();
  for (const row of rows) byGoal.set(row.requirementId, [...(byGoal.get(row.requirementId) ?? []), row]);
  return goals
    .filter((goal) => byGoal.has(goal.id))
    .map((goal) => {
      const views = (byGoal.get(goal.id) ?? []).map((row) =>
        presentAssessment(
          principal,
          context,
          row,
          goal,
          scale,
          row.previousId === null ? null : (previous.get(row.previousId) ?? null),
        ),
      );
      return {
        requirement: { id: goal.id, number: goal.number, text: goal.text },
        area: goal.chapterTitle,
        overall: views.find((view) => view.kind === "overall") ?? null,
        units: views
          .filter((view) => view.kind === "unit")
          .sort((a, b) => a.unit.name.localeCompare(b.unit.name, "nb")),
      };
    });
}

/** A round's assessed goals, each with the overall assessment and the units' that the caller may read. */
export async function roundRisk(db: Db, caller: Caller, roundId: number): Promise<RoundRiskView> {
  const context = await loadRoundContext(db, caller.principal, roundId);
  const { scale } = await scaleAt(db, context.issuer.path);
  return {
    roundId,
    period: context.round.period,
    issuer: { id: context.issuer.id, code: context.issuer.code, name: context.issuer.name },
    scale,
    goals: await goalsOfRound(db, caller, context, scale),
  };
}

/**
 * Tabell 3: for each goal assessed in the later round, the issuing unit's overall level in both
 * rounds and the change. The rounds default to the document's last two in which the issuing unit
 * reviewed its overall assessments (a round left as carried forward is skipped).
 */
export async function riskTable(
  db: Db,
  caller: Caller,
  documentId: number,
  query: { from?: string; to?: string },
): Promise<RiskTableView> {
  const documentContext = await loadReadableDocument(db, caller.principal, documentId);
  const rounds = await selectRoundsOfDocument(db, documentId);
  // A round whose overall assessments were all carried forward unreviewed says nothing new.
  const reviewed = await selectReviewedRoundIds(db, documentId);
  const withGoals = rounds
    .filter((round) => reviewed.has(round.id))
    .sort((a, b) => endOf(a.period) - endOf(b.period));
  const toRound = query.to ? withGoals.find((r) => r.period === query.to) : withGoals.at(-1);
  const fromRound = query.from
    ? withGoals.find((r) => r.period === query.from)
    : withGoals.filter((r) => r !== toRound).at(-1);
  if (!toRound || !fromRound) {
    throw new AppError("not_found", "risk_table_no_rounds", {
      params: { title: documentContext.document.title, year: documentContext.document.year },
    });
  }
  const { scale } = await scaleAt(db, documentContext.issuer.path);
  const later = await goalsOfRound(db, caller, { ...documentContext, round: toRound }, scale);
  const earlier = await goalsOfRound(db, caller, { ...documentContext, round: fromRound }, scale);
  const earlierByGoal = new Map(earlier.map((goal) => [goal.requirement.id, goal.overall]));
  const rows = later.map((goal) => {
    const before = earlierByGoal.get(goal.requirement.id) ?? null;
    const after = goal.overall;
    return {
      requirementId: goal.requirement.id,
      area: goal.area,
      goal: goal.requirement.text,
      fromLevel: before?.level ?? null,
      toLevel: after?.level ?? null,
      change: compareAssessments(rankOf(scale, before?.level ?? null), rankOf(scale, after?.level ?? null)),
      approved: before?.state === "approved" && after?.state === "approved",
    };
  });
  return {
    documentId,
    title: documentContext.document.title,
    issuer: {
      id: documentContext.issuer.id,
      code: documentContext.issuer.code,
      name: documentContext.issuer.name,
    },
    from: fromRound.period,
    to: toRound.period,
    scale,
    rows,
    counts: countChanges(rows.map((row) => row.change)),
  };
}
