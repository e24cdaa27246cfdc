// Benefits in words and figures: values with their unit, shares of the planned change, and the
// server's field problems beside the fields.

import { isApiProblem } from "../../api/client.ts";
import type { Locale, Translate } from "../../i18n/i18n.tsx";
import { formatNumber, formatPercent } from "../../i18n/numbers.ts";

/**
 * A value with its unit: "12,5 timer", "11 726 277 NOK". Two decimals at most, and none from a
 * thousand up, where øre and hundredths are noise on a line drawn between two days.
 */
export function formatValue(value: number | null, unit: string, locale: Locale): string {
  if (value === null) return "–";
  const rounded = Math.abs(value) >= 1000 ? Math.round(value) : Math.round(value * 100) / 100;
  const figure = formatNumber(rounded, locale);
  return unit ? `${figure} ${unit}` : figure;
}

/** Kroner as whole numbers: "1 000 000". */
export const formatNok = (value: number, locale: Locale) => formatNumber(Math.round(value), locale);

/** A share of the planned change as whole percent: "60 %". */
export const formatShare = (share: number, locale: Locale) => formatPercent(Math.round(share * 100), locale);

/** The server's problem with `field`, in the user's language (the server words it). */
export function problemFor(error: unknown, field: string, t: Translate): string | undefined {
  if (!isApiProblem(error)) return undefined;
  const problem = error.problems.find((each) => each.field === field || each.field.startsWith(`${field}.`));
  if (!problem) return undefined;
  if (problem.code.startsWith("too_small")) return t("benefits.error.required");
  if (problem.code.startsWith("invalid_type") || problem.code.startsWith("invalid_union"))
    return t("benefits.error.number");
  return problem.message;
}

/** A typed number in either language's way ("12,5" or "12.5"); text that is none goes as it is. */
export function numberOf(text: string): number | string | null {
  const trimmed = text.trim().replace(/\s/g, "");
  if (trimmed === "") return null;
  const normalised = trimmed.replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : trimmed;
}
