// The indicators API (the catalogue and its targets): what a request may send and what it answers.
// Shared with the web (types only).

import { z } from "zod";
import {
  comparators,
  directions,
  evaluationBases,
  trendModes,
  valueKinds,
} from "../../domain/indicatorKinds.ts";
import { MAX_YEAR, MIN_YEAR } from "../../domain/periods.ts";
import type { TargetRule } from "../../domain/targets.ts";
import { MAX_FIGURE } from "../../domain/values.ts";
import { id, plainText, text, version, year } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { ruleMessage } from "../../schemas/rules.ts";

// ---------------------------------------------------------------------------------------------
// Indicators: requests

export const indicatorCodeSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,31}$/u, { message: ruleMessage("code_format") });

const nullableText = (max: number) => plainText(max).nullable().optional();

/** 100 for percent, 1000 for per 1 000, up to per million; down to a millionth, for unit changes. */
const MIN_SCALE = 1e-6;
const MAX_SCALE = 1e6;
const scaleRule = { message: ruleMessage("scale_range") };
const required = { message: ruleMessage("required") };

const editableFields = {
  code: indicatorCodeSchema,
  nameNb: plainText(300).min(1, required),
  nameEn: nullableText(300),
  definition: text(10_000),
  unitLabel: plainText(50).min(1, required),
  direction: z.enum(directions),
  valueKind: z.enum(valueKinds),
  // A scale multiplies sums of figures; within these bounds the product stays finite.
  scale: z.number().min(MIN_SCALE, scaleRule).max(MAX_SCALE, scaleRule),
  decimals: z.number().int().min(0).max(6),
  dataSource: nullableText(300),
  lagMonths: z.number().int().min(0).max(24),
  minDenominator: z
    .number()
    .min(0, { message: ruleMessage("too_small", { origin: "number", minimum: 0 }) })
    .max(MAX_FIGURE, { message: ruleMessage("figure_at_most") })
    .nullable()
    .optional(),
  evaluationBasis: z.enum(evaluationBases),
  trendMode: z.enum(trendModes),
  ownerUnitId: id.nullable(),
};

export const createIndicatorInput = z.object({
  ...editableFields,
  definition: editableFields.definition.default(""),
  scale: editableFields.scale.default(1),
  decimals: editableFields.decimals.default(0),
  lagMonths: editableFields.lagMonths.default(0),
  evaluationBasis: editableFields.evaluationBasis.default("this_period"),
  trendMode: editableFields.trendMode.default("relative"),
  ownerUnitId: editableFields.ownerUnitId.default(null),
});

export const updateIndicatorInput = z.object(editableFields).partial().extend({ version });

export const versionInput = z.object({ version });

export const indicatorListQuery = z.object({ includeRetired: z.stringbool().default(false) });

// ---------------------------------------------------------------------------------------------
// Indicators: answers

/** What the caller may do with an indicator: each is checked again on the server when done. */
export const indicatorCapabilities = capabilities([
  "edit", // change, retire and reinstate it
  "manageTargets", // set targets: its general ones, or those of units the caller administers the parent of
] as const);

export const indicatorView = z
  .object({
    id: z.number().int(),
    code: z.string(),
    nameNb: z.string(),
    nameEn: z.string().nullable(),
    definition: z.string(),
    unitLabel: z.string(),
    direction: z.enum(directions),
    valueKind: z.enum(valueKinds),
    scale: z.number(),
    decimals: z.number().int(),
    dataSource: z.string().nullable(),
    lagMonths: z.number().int(),
    minDenominator: z.number().nullable(),
    evaluationBasis: z.enum(evaluationBases),
    trendMode: z.enum(trendModes),
    ownerUnitId: z.number().int().nullable(),
    retired: z.boolean(),
    retiredAt: z.string().nullable().meta({ description: "When it was retired (ISO date-time)" }),
    version: z.number().int(),
    can: indicatorCapabilities,
  })
  .meta({ id: "Indicator" });

// ---------------------------------------------------------------------------------------------
// Targets: requests

const comparator = z.enum(comparators);
// A target is compared with figures, so it has the figures' bound (see domain/values.ts).
const figureRule = { message: ruleMessage("figure_range") };
const finite = z.number().min(-MAX_FIGURE, figureRule).max(MAX_FIGURE, figureRule);
// Changes are fractions (0.15 = +15 %): at most -100 % (the domain wants above it) and +1000 %.
const shareRule = { message: ruleMessage("share_range") };
const share = z.number().min(-1, shareRule).max(10, shareRule);
const inYears = (value: number) => value >= MIN_YEAR && value <= MAX_YEAR;
const yearRange = { min: MIN_YEAR, max: MAX_YEAR };
const isYearText = (value: string) => /^\d{4}$/.test(value) && inYears(Number(value));
const yearTextMessage = ruleMessage("year_text", yearRange);
const tooManyStepsMessage = ruleMessage("too_many_steps", { maximum: 100 });

// The years are checked here rather than as the record's key schema, so that a bad year is named
// as its own field (steps.2O24) with its own wording instead of zod's general "invalid key".
const yearlySteps = z
  .record(z.string(), z.object({ comparator, value: finite }))
  .superRefine((steps, context) => {
    for (const key of Object.keys(steps)) {
      if (!isYearText(key)) {
        context.addIssue({
          code: "custom",
          path: [key],
          message: yearTextMessage,
          params: { rule: "year_text", ...yearRange },
        });
      }
    }
    if (Object.keys(steps).length > 100) {
      context.addIssue({
        code: "custom",
        message: tooManyStepsMessage,
        params: { rule: "too_many_steps", maximum: 100 },
      });
    }
  });

/** The target kinds of src/domain/targets.ts; validateTarget then checks what ties the fields together. */
export const targetRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("threshold"), comparator, value: finite }),
  z.object({ kind: z.literal("limits"), greenLimit: finite, yellowLimit: finite }),
  z.object({
    kind: z.literal("baseline_change_with_floor"),
    baselineYear: year,
    changePerYear: share,
    limit: finite,
  }),
  z.object({ kind: z.literal("better_than_last_year") }),
  z.object({ kind: z.literal("change_vs_baseline"), baselineYear: year, share }),
  z.object({
    kind: z.literal("yearly_steps"),
    steps: yearlySteps,
  }),
]) satisfies z.ZodType<TargetRule>;

export const createTargetInput = z.object({
  /** null: the target holds for every year. */
  year: year.nullable(),
  /** null: the general target; else the target for this unit and the units below it. */
  unitId: id.nullable().default(null),
  rule: targetRuleSchema,
  note: text(2000).nullable().optional(),
});

export const updateTargetInput = z.object({
  version,
  rule: targetRuleSchema.optional(),
  note: text(2000).nullable().optional(),
});

// ---------------------------------------------------------------------------------------------
// Targets: answers

// A stored rule as it is: the request's bounds are not repeated, so a rule stored before a bound
// was tightened is still shown rather than failing the answer.
const comparatorTargetView = z.object({ comparator, value: z.number() });

export const targetRuleView = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("threshold"), comparator, value: z.number() }),
    z.object({ kind: z.literal("limits"), greenLimit: z.number(), yellowLimit: z.number() }),
    z.object({
      kind: z.literal("baseline_change_with_floor"),
      baselineYear: z.number().int(),
      changePerYear: z.number(),
      limit: z.number(),
    }),
    z.object({ kind: z.literal("better_than_last_year") }),
    z.object({ kind: z.literal("change_vs_baseline"), baselineYear: z.number().int(), share: z.number() }),
    z.object({ kind: z.literal("yearly_steps"), steps: z.record(z.string(), comparatorTargetView) }),
  ])
  .meta({ id: "TargetRule" }) satisfies z.ZodType<TargetRule>;

export const targetView = z
  .object({
    id: z.number().int(),
    indicatorId: z.number().int(),
    year: z.number().int().nullable().meta({ description: "null: every year" }),
    unitId: z.number().int().nullable().meta({ description: "null: the general target" }),
    rule: targetRuleView,
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Target" });

export type IndicatorView = z.infer<typeof indicatorView>;
export type IndicatorCapabilities = z.infer<typeof indicatorCapabilities>;
export type TargetView = z.infer<typeof targetView>;
export type TargetRuleView = z.infer<typeof targetRuleView>;
export type IndicatorFields = z.input<typeof createIndicatorInput>;
export type TargetInput = z.input<typeof createTargetInput>;
