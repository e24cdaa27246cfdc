// What a measure is linked to, as the caller may see it: goals (requirements) whose document the
// caller reads, unit risks on units whose reports the caller reads, and indicators of the catalogue.
// A link to something the caller may not read is refused, naming the link; one already on the
// measure (made by someone who could read it) is kept when sent back, and shown without its title.

import type { Db } from "../../db/client.ts";
import {
  canReadAnswers,
  canReadDocument,
  canReadIndicatorCatalogue,
  type Principal,
} from "../../domain/access.ts";
import type { RiskLinkKind } from "../../domain/riskKinds.ts";
import { type FieldProblem, fieldProblem } from "../../errors.ts";
import {
  type GoalTarget,
  type MeasureLink,
  selectGoalTargets,
  selectIndicatorTargets,
  selectUnitRiskTargets,
} from "./queries.ts";
import type { MeasureLinkView } from "./schema.ts";

type Target = { readable: boolean; title: string; number: string | null; context: string | null };

const keyOf = (link: MeasureLink) => `${link.kind}:${link.targetId}`;

const idsOf = (links: readonly MeasureLink[], kind: RiskLinkKind) => [
  ...new Set(links.filter((link) => link.kind === kind).map((link) => link.targetId)),
];

export const canReadGoal = (principal: Principal, goal: Omit<GoalTarget, "documentTitle">) =>
  canReadDocument(principal, goal.issuerPath, goal.recipientPaths, goal.published);

/** The targets the links name that exist, by "kind:id", each with whether the principal may read it. */
async function targetsOf(db: Db, principal: Principal, links: readonly MeasureLink[]) {
  const targets = new Map<string, Target>();
  for (const goal of await selectGoalTargets(db, idsOf(links, "requirement"))) {
    targets.set(keyOf({ kind: "requirement", targetId: goal.id }), {
      readable: canReadGoal(principal, goal),
      title: goal.text,
      number: goal.number,
      context: goal.documentTitle,
    });
  }
  for (const risk of await selectUnitRiskTargets(db, idsOf(links, "unit_risk"))) {
    targets.set(keyOf({ kind: "unit_risk", targetId: risk.id }), {
      readable: canReadAnswers(principal, risk.unitPath),
      title: risk.title,
      number: null,
      context: risk.unitName,
    });
  }
  for (const indicator of await selectIndicatorTargets(db, idsOf(links, "indicator"))) {
    targets.set(keyOf({ kind: "indicator", targetId: indicator.id }), {
      readable: canReadIndicatorCatalogue(principal),
      title: indicator.name,
      number: indicator.code,
      context: null,
    });
  }
  return targets;
}

/** The links as the principal sees them: a title only for what they may read. */
export async function presentLinks(
  db: Db,
  principal: Principal,
  links: readonly MeasureLink[],
): Promise<MeasureLinkView[]> {
  const targets = await targetsOf(db, principal, links);
  return links.map((link) => {
    const target = targets.get(keyOf(link));
    const shown = target?.readable === true;
    return {
      kind: link.kind,
      targetId: link.targetId,
      readable: shown,
      title: shown ? target.title : null,
      number: shown ? target.number : null,
      context: shown ? target.context : null,
    };
  });
}

/** Each link once, in the order first given. */
export function distinctLinks(links: readonly MeasureLink[]): MeasureLink[] {
  const seen = new Map<string, MeasureLink>();
  for (const link of links) if (!seen.has(keyOf(link))) seen.set(keyOf(link), link);
  return [...seen.values()];
}

/** The field code that names a link the caller may not make, by its kind. */
export const linkProblemCode = {
  requirement: "measure_link_requirement",
  unit_risk: "measure_link_unit_risk",
  indicator: "measure_link_indicator",
} as const;

/**
 * The links the principal may not make, each named by its place in `links` (field `links.3`):
 * targets that do not exist or that they may not read. Links in `kept` (already on the measure)
 * are not checked again. A target that does not exist and one that cannot be read answer alike.
 */
export async function linkProblems(
  db: Db,
  principal: Principal,
  links: readonly MeasureLink[],
  kept: readonly MeasureLink[] = [],
  field = (index: number) => `links.${index}`,
): Promise<FieldProblem[]> {
  const existing = new Set(kept.map(keyOf));
  const fresh = links.filter((link) => !existing.has(keyOf(link)));
  const targets = await targetsOf(db, principal, fresh);
  const problems: FieldProblem[] = [];
  links.forEach((link, index) => {
    if (existing.has(keyOf(link)) || targets.get(keyOf(link))?.readable) return;
    problems.push(fieldProblem(field(index), linkProblemCode[link.kind], { id: link.targetId }));
  });
  return problems;
}
