// Rules of the measures API that need no database: which units a list covers, whose inbox a
// measure belongs in, and what an expected effect needs (src/domain/riskMeasures.ts has the rest).

import type { Principal } from "./access.ts";

/** The paths of which no other path in the list is a prefix: the same units, each once. */
export function outermostPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const kept: string[] = [];
  for (const path of sorted) {
    if (!kept.some((outer) => path.startsWith(outer))) kept.push(path);
  }
  return kept;
}

/** The paths below which a principal reads units' reports (every role does); null means everywhere. */
export function readablePaths(principal: Principal): string[] | null {
  if (principal.isSystemAdmin) return null;
  return outermostPaths(principal.assignments.map((assignment) => assignment.unitPath));
}

/**
 * The path prefixes a list covers: the units below `within` (everything when null) that the reader
 * may read (`readable`, null for everywhere). An empty list covers nothing; null covers everything.
 */
export function listScope(readable: readonly string[] | null, within: string | null): string[] | null {
  if (readable === null) return within === null ? null : [within];
  if (within === null) return outermostPaths(readable);
  if (readable.some((path) => within.startsWith(path))) return [within];
  return outermostPaths(readable.filter((path) => path.startsWith(within)));
}

/**
 * Whose editors' inboxes a measure reaches: the units where the person holds the editor role
 * themselves, and the units below them. A system administrator's inbox holds only their own work.
 */
export function editorPaths(principal: Principal): string[] {
  return outermostPaths(
    principal.assignments.filter((assignment) => assignment.role === "editor").map((a) => a.unitPath),
  );
}

export type EffectField = "effectIndicatorId" | "fullEffectDate";
export type EffectProblem = {
  field: EffectField;
  code: "measure_effect_indicator_required" | "measure_full_effect_date_required";
};

/** A target value for the effect is read on an indicator by a date: it needs both. */
export function effectProblems(measure: {
  effectTarget: number | null;
  effectIndicatorId: number | null;
  fullEffectDate: string | null;
}): EffectProblem[] {
  if (measure.effectTarget === null) return [];
  const problems: EffectProblem[] = [];
  if (measure.effectIndicatorId === null) {
    problems.push({ field: "effectIndicatorId", code: "measure_effect_indicator_required" });
  }
  if (measure.fullEffectDate === null) {
    problems.push({ field: "fullEffectDate", code: "measure_full_effect_date_required" });
  }
  return problems;
}

/** A measure is owned by a person, a named role, or both. */
export const hasOwner = (measure: { ownerUserId: number | null; ownerRole: string }) =>
  measure.ownerUserId !== null || measure.ownerRole.trim() !== "";
