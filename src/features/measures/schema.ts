// What the measures routes take and return (issue 12): risk-reducing measures (tiltak) with their
// owner, dates, expected effect, dated status log and links to goals, risks and indicators.

import { z } from "zod";
import { riskLinkKinds } from "../../domain/riskKinds.ts";
import { measurePhases, measureStatuses } from "../../domain/riskMeasures.ts";
import {
  id,
  isoDate,
  markdownText,
  pageLimit,
  plainText,
  text,
  version,
  wholeNumber,
} from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { unitRefView } from "../steering/schema.ts";

const int = z.number().int();

/** Dates are checked by src/domain/riskMeasures.ts measureDateProblems, which names each field. */
const day = z.string().max(32).nullable().optional();

/** Whatever an indicator measures: a percentage, days, millions. Bounded so the column holds it. */
const effectTarget = z.number().min(-1e12).max(1e12).nullable().optional();

const fields = {
  title: plainText(300).min(1),
  description: markdownText(20_000).optional(),
  ownerUserId: id.nullable().optional(),
  ownerRole: plainText(200).optional(),
  phase: z.enum(measurePhases).optional(),
  status: z.enum(measureStatuses).nullable().optional(),
  start: day,
  deadline: day,
  expectedEffect: markdownText(5000).optional(),
  effectIndicatorId: id.nullable().optional(),
  effectTarget,
  fullEffectDate: day,
  comment: text(5000).optional(),
};

export const createMeasureInput = z.object({ responsibleUnitId: id, ...fields });

/** A change: absent fields stay as they are, null clears one. */
export const updateMeasureInput = z.object({
  version,
  responsibleUnitId: id.optional(),
  ...fields,
  title: fields.title.optional(),
});

export const measureLogInput = z.object({
  version,
  period: plainText(10).meta({ description: "The period the entry reports on: 2024-T2, 2024-05 or 2024" }),
  on: isoDate.optional().meta({ description: "The day of the entry; today when absent" }),
  phase: z.enum(measurePhases),
  status: z.enum(measureStatuses).nullable(),
  text: markdownText(10_000).min(1),
});

export const measureLinkInput = z.object({ kind: z.enum(riskLinkKinds), targetId: id });

export const measureLinksInput = z.object({
  version,
  links: z.array(measureLinkInput).max(100),
});

export const measureListQuery = z.object({
  unitId: id.optional(),
  subtree: z.stringbool().default(true),
  phase: z.enum(measurePhases).optional(),
  status: z.enum(measureStatuses).optional(),
  ownerUserId: id.optional(),
  overdue: z.stringbool().optional(),
  requirementId: id.optional(),
  indicatorId: id.optional(),
  asOf: isoDate.optional().meta({ description: "The day overdue is judged on; today when absent" }),
  limit: pageLimit(500, 100),
  offset: wholeNumber(0, 1_000_000).default(0),
});

export const measureLinkView = z
  .object({
    kind: z.enum(riskLinkKinds),
    targetId: int,
    readable: z.boolean().meta({ description: "False: linked by someone who may read it, but not you" }),
    title: z.string().nullable(),
    number: z.string().nullable().meta({ description: "A goal's number or an indicator's code" }),
    context: z.string().nullable().meta({ description: "A goal's document title or a risk's unit name" }),
  })
  .meta({ id: "MeasureLink" });

export const measureLogEntryView = z
  .object({
    id: int,
    period: z.string(),
    on: z.string(),
    phase: z.enum(measurePhases),
    status: z.enum(measureStatuses).nullable(),
    text: z.string(),
    actorName: z.string(),
    at: z.string(),
  })
  .meta({ id: "MeasureLogEntry" });

const ownerFields = {
  ownerUserId: int.nullable(),
  ownerName: z.string().nullable().meta({ description: "The owning user's name" }),
  ownerRole: z.string(),
};

const judged = {
  overdue: z.boolean().meta({ description: "Open and past its deadline (on `asOf` in lists, else today)" }),
  needsAttention: z.boolean().meta({ description: "Overdue, or reported delayed while open" }),
};

export const measureView = z
  .object({
    id: int,
    unit: unitRefView,
    title: z.string(),
    description: z.string(),
    ...ownerFields,
    phase: z.enum(measurePhases),
    status: z.enum(measureStatuses).nullable(),
    start: z.string().nullable(),
    deadline: z.string().nullable(),
    expectedEffect: z.string(),
    effectIndicator: z.object({ id: int, code: z.string(), name: z.string() }).nullable(),
    effectTarget: z.number().nullable(),
    fullEffectDate: z.string().nullable(),
    comment: z.string(),
    ...judged,
    links: z.array(measureLinkView),
    log: z.array(measureLogEntryView).meta({ description: "Newest first" }),
    version: int,
    updatedAt: z.string(),
    can: capabilities(["edit", "log"] as const),
  })
  .meta({ id: "Measure" });

export const measureListItemView = z
  .object({
    id: int,
    unit: unitRefView,
    title: z.string(),
    ...ownerFields,
    phase: z.enum(measurePhases),
    status: z.enum(measureStatuses).nullable(),
    start: z.string().nullable(),
    deadline: z.string().nullable(),
    fullEffectDate: z.string().nullable(),
    ...judged,
    goals: z
      .array(z.object({ id: int, number: z.string(), text: z.string() }))
      .meta({ description: "The linked goals you may read" }),
    version: int,
  })
  .meta({ id: "MeasureListItem" });

export const measureListView = z
  .object({
    items: z.array(measureListItemView),
    total: int.meta({ description: "How many measures match, over all pages" }),
    asOf: z.string(),
  })
  .meta({ id: "MeasureList" });

/** A measure as an indicator's chart marks it: when it starts and when it should have full effect. */
export const indicatorMeasureView = z
  .object({
    id: int,
    unit: unitRefView,
    title: z.string(),
    phase: z.enum(measurePhases),
    status: z.enum(measureStatuses).nullable(),
    start: z.string().nullable(),
    deadline: z.string().nullable(),
    fullEffectDate: z.string().nullable(),
    effectTarget: z.number().nullable().meta({
      description:
        "The value the measure should bring this indicator to; null when it is not its effect indicator",
    }),
  })
  .meta({ id: "IndicatorMeasure" });

export type MeasureView = z.infer<typeof measureView>;
export type MeasureLinkView = z.infer<typeof measureLinkView>;
export type MeasureListItemView = z.infer<typeof measureListItemView>;
export type MeasureListView = z.infer<typeof measureListView>;
export type IndicatorMeasureView = z.infer<typeof indicatorMeasureView>;
export type CreateMeasureInput = z.infer<typeof createMeasureInput>;
export type UpdateMeasureInput = z.infer<typeof updateMeasureInput>;
export type MeasureListQuery = z.infer<typeof measureListQuery>;
