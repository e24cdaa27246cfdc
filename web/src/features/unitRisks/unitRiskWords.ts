// The page's own words for the API's fields and for the problems a person most often meets, so that
// an empty title reads "Skriv hva risikoen er." rather than the generic "må ha minst 1 tegn".

import { isApiProblem } from "../../api/client.ts";
import type { UnitRiskHorizon } from "../../api/unitRisks.ts";
import { hasMessage, type Translate } from "../../i18n/i18n.tsx";

export function fieldName(field: string, t: Translate): string | undefined {
  const key = `unitRisks.field.${field}`;
  return hasMessage(key) ? t(key) : undefined;
}

/** The words for a field's problem: the page's own for the common ones, else the server's. */
export function problemFor(error: unknown, field: string, t: Translate): string | undefined {
  if (!isApiProblem(error)) return undefined;
  const problem = error.problems.find((each) => each.field === field);
  if (!problem) return undefined;
  const tooSmall = problem.code.startsWith("too_small");
  if (field === "title" && tooSmall) return t("unitRisks.error.titleRequired");
  if (field === "area" && tooSmall) return t("unitRisks.error.areaRequired");
  if (field === "rank" && problem.code !== "risk_rank_taken") return t("unitRisks.error.rankNumber");
  return problem.message;
}

export function areaName(area: string, t: Translate): string {
  const key = `unitRisks.area.${area}`;
  return hasMessage(key) ? t(key) : area;
}

export function horizonName(horizon: UnitRiskHorizon, t: Translate): string {
  return t(`unitRisks.horizon.${horizon}`);
}

/** "T2 2024" or "året 2024", from the API's 2024-T2 or 2024. */
export function riskPeriodName(period: string, t: Translate): string {
  const [year = period, tertial] = period.split("-");
  return tertial
    ? t("unitRisks.periodName.tertial", { tertial, year })
    : t("unitRisks.periodName.year", { year });
}
