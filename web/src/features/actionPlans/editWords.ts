// Shared by the action plan forms: the server's problem with a field in the user's language, typed
// numbers and years, and the units where the signed-in user may make plans.

import { isApiProblem } from "../../api/client.ts";
import type { Me, Unit } from "../../api/types.ts";
import type { Translate } from "../../i18n/i18n.tsx";

/**
 * The server's problem with `field` (or a part of it, "years.0"), to show beside the field. The
 * server words the plan's own rules; a value of the wrong shape gets the form's own sentence.
 */
export function problemAt(error: unknown, field: string, t: Translate): string | undefined {
  if (!isApiProblem(error)) return undefined;
  const problem = error.problems.find((each) => each.field === field || each.field.startsWith(`${field}.`));
  if (!problem) return undefined;
  if (problem.code.startsWith("too_small") && problem.field === field) return t("planEdit.error.required");
  if (problem.code.startsWith("invalid_type") || problem.code.startsWith("invalid_union"))
    return t("planEdit.error.number");
  return problem.message;
}

/** A typed number in either language's way ("12,5" or "12.5"); text that is none goes as it is. */
export function numberOf(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, "");
  if (trimmed === "") return null;
  const normalised = trimmed.replace(",", ".");
  // Not a number: sent as typed, so the server's refusal names the field instead of it vanishing.
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : (trimmed as unknown as number);
}

/** "2009, 2010" or "2009 2010" as years; what is not a whole number goes as typed, to be refused. */
export function yearsOf(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : (part as unknown as number)));
}

/** A plan's years, every one from the first to the last. */
export const planYears = (plan: { fromYear: number; toYear: number }) =>
  Array.from({ length: plan.toYear - plan.fromYear + 1 }, (_, index) => plan.fromYear + index);

/** The active units where the user writes reports (an editor there or above), so may own a plan. */
export function editableUnits(me: Me, units: readonly Unit[]): Unit[] {
  const editorPaths = me.roles.filter((role) => role.role === "editor").map((role) => role.unitPath);
  return units.filter(
    (unit) => unit.active && (me.isSystemAdmin || editorPaths.some((path) => unit.path.startsWith(path))),
  );
}

/** Whether the server refused because someone else saved first. */
export const isStale = (error: unknown) => isApiProblem(error) && error.code === "stale_version";
