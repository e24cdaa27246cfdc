// Status reports of a programme per period (a month or a tertial) and the portfolio view: what
// the routes take and return (issue 14 Deliver 3).

import { z } from "zod";
import { gateDecisions, programmeKinds, statusColours } from "../../domain/programmeKinds.ts";
import { answerStates } from "../../domain/workflow.ts";
import { id, plainText, text, version } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { unitRefView } from "../steering/schema.ts";

const int = z.number().int();

/** The five aspects a status report judges, and the overall judgement. */
export const statusAspects = ["scope", "time", "cost", "benefits", "risk", "overall"] as const;
export type StatusAspect = (typeof statusAspects)[number];

export const reportParams = z.object({ id, reportId: id });
export const reportActionParams = reportParams.extend({
  action: z.enum(["submit", "withdraw", "approve", "return"]),
});

const colour = z.enum(statusColours).nullable();
const aspectText = text(5000);

const aspectFields = {
  scopeColour: colour,
  scopeText: aspectText,
  timeColour: colour,
  timeText: aspectText,
  costColour: colour,
  costText: aspectText,
  benefitsColour: colour,
  benefitsText: aspectText,
  riskColour: colour,
  riskText: aspectText,
  overallColour: colour,
  overallText: aspectText,
};

const optionalAspects = Object.fromEntries(
  Object.entries(aspectFields).map(([key, schema]) => [key, schema.optional()]),
) as { [Key in keyof typeof aspectFields]: z.ZodOptional<(typeof aspectFields)[Key]> };

export const createStatusReportInput = z.object({
  period: plainText(16).min(1).meta({ description: "A month (2024-05) or a tertial (2024-T1)" }),
  ...optionalAspects,
});
export type CreateStatusReportInput = z.infer<typeof createStatusReportInput>;

export const updateStatusReportInput = z.object({ version, ...optionalAspects });
export type UpdateStatusReportInput = z.infer<typeof updateStatusReportInput>;

export const reportActionInput = z.object({
  version,
  comment: text(2000).default("").meta({ description: "Why a report is returned" }),
});

export const statusReportView = z
  .object({
    id: int,
    programmeId: int,
    period: z.string(),
    periodEnd: z.string(),
    scopeColour: colour,
    scopeText: z.string(),
    timeColour: colour,
    timeText: z.string(),
    costColour: colour,
    costText: z.string(),
    benefitsColour: colour,
    benefitsText: z.string(),
    riskColour: colour,
    riskText: z.string(),
    overallColour: colour,
    overallText: z.string(),
    state: z.enum(answerStates),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    returnComment: z.string(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string(),
    version: int,
    can: capabilities(["save", "submit", "withdraw", "approve", "return"]),
  })
  .meta({ id: "StatusReport" });
export type StatusReportView = z.infer<typeof statusReportView>;

export const statusReportListView = z
  .object({ reports: z.array(statusReportView), can: capabilities(["create"]) })
  .meta({ id: "StatusReportList" });
export type StatusReportListView = z.infer<typeof statusReportListView>;

export const portfolioQuery = z.object({
  unitId: id.meta({ description: "Every programme owned by this unit or below it that the caller may read" }),
});

const colourView = z.enum(statusColours).nullable();

export const portfolioRowView = z
  .object({
    id: int,
    code: z.string(),
    title: z.string(),
    kind: z.enum(programmeKinds),
    ownerUnit: unitRefView,
    currentPhase: z.object({ number: int, name: z.string() }).nullable(),
    nextGate: z
      .object({
        name: z.string(),
        toPhase: int,
        requested: z.boolean(),
        standing: z.enum(gateDecisions).nullable(),
        decidedOn: z.string().nullable(),
      })
      .nullable(),
    report: z
      .object({
        period: z.string(),
        state: z.enum(answerStates),
        scope: colourView,
        time: colourView,
        cost: colourView,
        benefits: colourView,
        risk: colourView,
        overall: colourView,
      })
      .nullable()
      .meta({ description: "The latest submitted or approved status report" }),
    trend: z.enum(["improved", "unchanged", "worsened"]).nullable(),
  })
  .meta({ id: "PortfolioRow" });
export type PortfolioRowView = z.infer<typeof portfolioRowView>;

export const portfolioView = z
  .object({
    unit: unitRefView,
    programmes: z.array(portfolioRowView),
    can: capabilities(["create"]),
  })
  .meta({ id: "Portfolio" });
export type PortfolioView = z.infer<typeof portfolioView>;
