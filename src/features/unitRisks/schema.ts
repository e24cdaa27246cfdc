// What the routes of units' own risks ("Topp 5", issue 12 Deliver 3) take and return: a unit's
// register, ranked, each risk with its assessment in a period and in the period before.

import { z } from "zod";
import { riskHorizons } from "../../domain/riskMeasures.ts";
import { MAX_INT32, plainText, text, version, wholeNumber } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { riskChange, riskScaleDefinition, saveRiskAssessmentInput } from "../risk/schema.ts";
import { unitRefView } from "../steering/schema.ts";

const int = z.number().int();

/** A period as text, read by src/domain/riskPeriods.ts (a field problem "period" when it is none). */
const periodText = z.string().max(16);

export const unitRisksQuery = z.object({
  period: periodText.meta({
    description: "The period to show the assessments of: 2024-T1, 2024-T2 or the year 2024",
  }),
  includeClosed: z.stringbool().default(false),
});

export const unitRiskPeriodParams = z.object({
  id: wholeNumber(1, MAX_INT32),
  period: periodText.meta({ description: "2024-T1, 2024-T2 or the year 2024" }),
});

export const unitRiskAssessmentView = z
  .object({
    id: int,
    period: z.string(),
    level: z.string().nullable(),
    likelihood: int.nullable(),
    consequence: int.nullable(),
    residualLevel: z.string().nullable(),
    residualLikelihood: int.nullable(),
    residualConsequence: int.nullable(),
    justification: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    version: int,
  })
  .meta({ id: "UnitRiskAssessment" });
export type UnitRiskAssessmentView = z.infer<typeof unitRiskAssessmentView>;

export const unitRiskView = z
  .object({
    id: int,
    unitId: int,
    area: z.string().meta({ description: "A key of the risk areas (quality_capacity, personnel, ...)" }),
    title: z.string(),
    likelyEvents: z.string(),
    consequences: z.string(),
    ownerName: z.string(),
    horizon: z.enum(riskHorizons),
    rank: int,
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: int,
  })
  .meta({ id: "UnitRisk" });
export type UnitRiskView = z.infer<typeof unitRiskView>;

export const unitRiskRowView = unitRiskView
  .extend({
    assessment: unitRiskAssessmentView
      .nullable()
      .meta({ description: "The assessment in the period asked for" }),
    previous: unitRiskAssessmentView.nullable().meta({ description: "The assessment in the period before" }),
    change: riskChange,
  })
  .meta({ id: "UnitRiskWithAssessments" });
export type UnitRiskRowView = z.infer<typeof unitRiskRowView>;

export const unitRiskCapabilities = capabilities(["edit"]);

export const unitRiskListView = z
  .object({
    unit: unitRefView,
    period: z.string(),
    previousPeriod: z.string().nullable(),
    scale: riskScaleDefinition,
    areas: z.array(z.string()).meta({ description: "The risk areas a risk may have, in order" }),
    ownAreas: z
      .array(z.object({ key: z.string(), label: z.object({ nb: z.string(), en: z.string() }) }))
      .meta({ description: "The organisation's own areas with their labels; empty: the built-in list" }),
    risks: z
      .array(unitRiskRowView)
      .meta({ description: "Open risks by rank, then closed ones when asked for" }),
    can: unitRiskCapabilities,
  })
  .meta({ id: "UnitRiskList" });
export type UnitRiskListView = z.infer<typeof unitRiskListView>;

const area = plainText(40).min(1);
const title = plainText(300).min(1);
const rank = wholeNumber(1, 99);

export const createUnitRiskInput = z.object({
  area: area.meta({
    description: "A key of the risk areas: the organisation's own list, else the built-in one",
  }),
  title,
  likelyEvents: text(5000).default(""),
  consequences: text(5000).default(""),
  ownerName: plainText(200).default(""),
  horizon: z.enum(riskHorizons),
  rank: rank.meta({ description: "1 to 99; two open risks of a unit never share a rank" }),
});
export type CreateUnitRiskInput = z.infer<typeof createUnitRiskInput>;

export const updateUnitRiskInput = z.object({
  version,
  area: area.optional(),
  title: title.optional(),
  likelyEvents: text(5000).optional(),
  consequences: text(5000).optional(),
  ownerName: plainText(200).optional(),
  horizon: z.enum(riskHorizons).optional(),
  rank: rank.optional(),
});
export type UpdateUnitRiskInput = z.infer<typeof updateUnitRiskInput>;

export const closeUnitRiskInput = z.object({ version });

/** As a goal's assessment is saved; the version is 0 when the period has no assessment yet. */
export const saveUnitRiskAssessmentInput = saveRiskAssessmentInput.extend({
  version: wholeNumber(0, MAX_INT32).meta({ description: "0 when the period has no assessment yet" }),
});
export type SaveUnitRiskAssessmentInput = z.infer<typeof saveUnitRiskAssessmentInput>;
