// What the benefits routes (issue 14, DFØ's gevinstrealisering) take and return: benefits of a
// programme or an action plan, their readings, the costs set against them, the benefits plan
// table, a benefit's chart and the portfolio's sums. Shared with the web (web/src/api/benefits.ts).

import { z } from "zod";
import { benefitKinds, costKinds } from "../../domain/programmeKinds.ts";
import { id, isoDate, MAX_INT32, plainText, text, version, wholeNumber, year } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";

const int = z.number().int();
/** A figure as stored: finite (zod refuses NaN and Infinity; 1e309 reads as Infinity) and bounded. */
const figure = z.number().min(-1e15).max(1e15);
const nok = z.number().min(0).max(1e15);

/** The most readings one request may bring; a year's months ten times over. */
export const MAX_READINGS_PER_REQUEST = 120;

export const benefitOwnerKinds = ["programme", "action_plan"] as const;

export const onQuery = z.object({
  on: isoDate
    .optional()
    .meta({ description: "The day to reckon 'to date' on (YYYY-MM-DD); today in Norway when left out" }),
});

export const portfolioQuery = onQuery.extend({
  unitId: id.meta({ description: "The unit whose programmes and action plans (its subtree) are summed" }),
});

export const benefitView = z
  .object({
    id: int,
    programmeId: int.nullable(),
    actionPlanId: int.nullable(),
    title: z.string(),
    description: z.string(),
    kind: z.enum(benefitKinds),
    ownerName: z.string().meta({ description: "The benefit owner, with line responsibility (DFØ)" }),
    ownerUnitId: int.nullable(),
    ownerUnitName: z.string().nullable(),
    measureUnit: z.string(),
    baselineValue: z.number().nullable(),
    baselineText: z.string(),
    baselineDate: z.string(),
    targetValue: z.number().nullable(),
    targetText: z.string(),
    targetDate: z.string(),
    indicatorId: int.nullable(),
    indicatorCode: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: int,
  })
  .meta({ id: "Benefit" });
export type BenefitView = z.infer<typeof benefitView>;

const readingView = z.object({ date: z.string(), value: z.number() });

export const benefitToDateView = z
  .object({
    expected: z
      .number()
      .nullable()
      .meta({ description: "Expected value on the day; null for qualitative benefits" }),
    expectedShare: z.number().nullable(),
    realised: readingView.nullable().meta({ description: "The reading standing on the day" }),
    realisedShare: z.number().nullable(),
    behindPlan: z.boolean().nullable(),
  })
  .meta({ id: "BenefitToDate" });

export const costView = z
  .object({
    id: int,
    programmeId: int.nullable(),
    actionPlanId: int.nullable(),
    kind: z.enum(costKinds),
    year: int,
    plannedNok: z.number(),
    actualNok: z.number().nullable(),
    text: z.string(),
    version: int,
  })
  .meta({ id: "BenefitCost" });
export type CostView = z.infer<typeof costView>;

/** Economic benefits (gains from their baselines, NOK a year) against costs and investments. */
export const benefitSumsView = z
  .object({
    economicTarget: z.number(),
    economicExpected: z.number(),
    economicRealised: z.number(),
    investmentPlanned: z.number(),
    investmentActual: z.number(),
    costsPlanned: z.number().meta({ description: "Transition and running costs, planned" }),
    costsActual: z.number(),
  })
  .meta({ id: "BenefitSums" });
export type BenefitSumsView = z.infer<typeof benefitSumsView>;

export const ownerRefView = z.object({
  kind: z.enum(benefitOwnerKinds),
  id: int,
  title: z.string(),
  ownerUnitId: int,
  ownerUnitName: z.string(),
});

export const benefitPlanView = z
  .object({
    owner: ownerRefView,
    on: z.string(),
    benefits: z.array(benefitView.extend({ toDate: benefitToDateView })),
    costs: z.array(costView),
    sums: benefitSumsView,
    can: capabilities(["edit"]),
  })
  .meta({ id: "BenefitPlan" });
export type BenefitPlanView = z.infer<typeof benefitPlanView>;

export const benefitChartView = z
  .object({
    benefit: benefitView,
    on: z.string(),
    source: z.enum(["readings", "indicator"]),
    points: z.array(z.object({ date: z.string(), expected: z.number(), realised: z.number().nullable() })),
    readings: z.array(readingView.extend({ comment: z.string() })),
    can: capabilities(["edit"]),
  })
  .meta({ id: "BenefitChart" });
export type BenefitChartView = z.infer<typeof benefitChartView>;

const sumsRow = benefitSumsView.pick({
  economicTarget: true,
  economicExpected: true,
  economicRealised: true,
  investmentPlanned: true,
  investmentActual: true,
});

export const benefitPortfolioView = z
  .object({
    unit: z.object({ id: int, name: z.string() }),
    on: z.string(),
    rows: z.array(
      sumsRow.extend({ kind: z.enum(benefitOwnerKinds), id: int, title: z.string(), benefits: int }),
    ),
    total: sumsRow,
  })
  .meta({ id: "BenefitPortfolio" });
export type BenefitPortfolioView = z.infer<typeof benefitPortfolioView>;

const title = plainText(300).min(1);
const optionalFigure = figure.nullable().optional();

export const createBenefitInput = z.object({
  title,
  description: text(5000).default(""),
  kind: z.enum(benefitKinds),
  ownerName: plainText(200).min(1).meta({ description: "The benefit owner, with line responsibility" }),
  ownerUnitId: id.nullable().optional().meta({
    description: "Where the benefit is realised; the programme's or plan's owner unit when left out",
  }),
  measureUnit: plainText(40).default(""),
  baselineValue: optionalFigure,
  baselineText: text(2000).default(""),
  baselineDate: isoDate,
  targetValue: optionalFigure,
  targetText: text(2000).default(""),
  targetDate: isoDate,
  indicatorId: id.nullable().optional().meta({ description: "A catalogue indicator the values come from" }),
});
export type CreateBenefitInput = z.infer<typeof createBenefitInput>;

export const updateBenefitInput = z.object({
  version,
  title: title.optional(),
  description: text(5000).optional(),
  kind: z.enum(benefitKinds).optional(),
  ownerName: plainText(200).min(1).optional(),
  ownerUnitId: id.nullable().optional(),
  measureUnit: plainText(40).optional(),
  baselineValue: optionalFigure,
  baselineText: text(2000).optional(),
  baselineDate: isoDate.optional(),
  targetValue: optionalFigure,
  targetText: text(2000).optional(),
  targetDate: isoDate.optional(),
  indicatorId: id.nullable().optional(),
});
export type UpdateBenefitInput = z.infer<typeof updateBenefitInput>;

export const saveReadingsInput = z.object({
  readings: z
    .array(z.object({ date: isoDate, value: figure, comment: text(1000).default("") }))
    .min(1)
    .max(MAX_READINGS_PER_REQUEST),
});
export type SaveReadingsInput = z.infer<typeof saveReadingsInput>;

export const readingsView = z.object({
  readings: z.array(readingView.extend({ comment: z.string() })),
});

export const createCostInput = z.object({
  kind: z.enum(costKinds),
  year,
  plannedNok: nok.default(0),
  actualNok: nok.nullable().default(null),
  text: plainText(300).default(""),
});
export type CreateCostInput = z.infer<typeof createCostInput>;

export const updateCostInput = z.object({
  version,
  kind: z.enum(costKinds).optional(),
  year: year.optional(),
  plannedNok: nok.optional(),
  actualNok: nok.nullable().optional(),
  text: plainText(300).optional(),
});
export type UpdateCostInput = z.infer<typeof updateCostInput>;

export const versionQueryInput = z.object({ version: wholeNumber(1, MAX_INT32) });

export const costListView = z.object({ costs: z.array(costView), can: capabilities(["edit"]) });
