// Every problem the server can name, worded in bokmål and English: one catalogue per area, merged
// here. The server words `detail` and each field's `message` in the caller's language from these;
// the types make a reason or field code without wording a compile error.

import { actionPlanFieldProblems, actionPlanReasons } from "./actionPlans.ts";
import { benefitFieldProblems, benefitReasons } from "./benefits.ts";
import { commonFieldProblems, commonReasons } from "./common.ts";
import { documentFieldProblems, documentReasons } from "./documents.ts";
import { fileFieldProblems, fileReasons } from "./files.ts";
import { indicatorFieldProblems, indicatorReasons } from "./indicators.ts";
import { measurementFieldProblems, measurementReasons } from "./measurements.ts";
import { measureFieldProblems, measureReasons } from "./measures.ts";
import { notificationReasons } from "./notifications.ts";
import { programmeRegisterFieldProblems, programmeRegisterReasons } from "./programmeRegisters.ts";
import { programmeFieldProblems, programmeReasons } from "./programmes.ts";
import { reportingFieldProblems, reportingReasons } from "./reporting.ts";
import { riskFieldProblems, riskReasons } from "./risk.ts";
import { scorecardFieldProblems, scorecardReasons } from "./scorecards.ts";
import { steeringFieldProblems, steeringReasons } from "./steering.ts";
import { unitRiskFieldProblems, unitRiskReasons } from "./unitRisks.ts";
import { unitFieldProblems, unitReasons } from "./units.ts";
import { userFieldProblems, userReasons } from "./users.ts";

// One line per area in each list, so that areas are added without touching each other's lines.
export const reasonCatalogues = {
  nb: {
    ...commonReasons.nb,
    ...measurementReasons.nb,
    ...unitReasons.nb,
    ...userReasons.nb,
    ...indicatorReasons.nb,
    ...fileReasons.nb,
    ...steeringReasons.nb,
    ...reportingReasons.nb,
    ...scorecardReasons.nb,
    ...documentReasons.nb,
    ...riskReasons.nb,
    ...unitRiskReasons.nb,
    ...measureReasons.nb,
    ...notificationReasons.nb,
    ...programmeRegisterReasons.nb,
    ...programmeReasons.nb,
    ...benefitReasons.nb,
    ...actionPlanReasons.nb,
  },
  en: {
    ...commonReasons.en,
    ...measurementReasons.en,
    ...unitReasons.en,
    ...userReasons.en,
    ...indicatorReasons.en,
    ...fileReasons.en,
    ...steeringReasons.en,
    ...reportingReasons.en,
    ...scorecardReasons.en,
    ...documentReasons.en,
    ...riskReasons.en,
    ...unitRiskReasons.en,
    ...measureReasons.en,
    ...notificationReasons.en,
    ...programmeRegisterReasons.en,
    ...programmeReasons.en,
    ...benefitReasons.en,
    ...actionPlanReasons.en,
  },
} as const;

export const fieldProblemCatalogues = {
  nb: {
    ...commonFieldProblems.nb,
    ...unitFieldProblems.nb,
    ...measurementFieldProblems.nb,
    ...userFieldProblems.nb,
    ...indicatorFieldProblems.nb,
    ...fileFieldProblems.nb,
    ...steeringFieldProblems.nb,
    ...reportingFieldProblems.nb,
    ...scorecardFieldProblems.nb,
    ...documentFieldProblems.nb,
    ...riskFieldProblems.nb,
    ...unitRiskFieldProblems.nb,
    ...measureFieldProblems.nb,
    ...programmeRegisterFieldProblems.nb,
    ...programmeFieldProblems.nb,
    ...benefitFieldProblems.nb,
    ...actionPlanFieldProblems.nb,
  },
  en: {
    ...commonFieldProblems.en,
    ...unitFieldProblems.en,
    ...measurementFieldProblems.en,
    ...userFieldProblems.en,
    ...indicatorFieldProblems.en,
    ...fileFieldProblems.en,
    ...steeringFieldProblems.en,
    ...reportingFieldProblems.en,
    ...scorecardFieldProblems.en,
    ...documentFieldProblems.en,
    ...riskFieldProblems.en,
    ...unitRiskFieldProblems.en,
    ...measureFieldProblems.en,
    ...programmeRegisterFieldProblems.en,
    ...programmeFieldProblems.en,
    ...benefitFieldProblems.en,
    ...actionPlanFieldProblems.en,
  },
} as const;

export type ProblemReason = keyof typeof reasonCatalogues.nb;
export type FieldProblemCode = keyof typeof fieldProblemCatalogues.nb;
