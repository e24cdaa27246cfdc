// What the routes of a programme's risks take and return: the risk register's rows scoped to the
// programme, each with its assessments before and after measures in a period and the period
// before, and the consequence-reducing measures linked to it.

import { z } from "zod";
import { measurePhases, measureStatuses } from "../../domain/riskMeasures.ts";
import { MAX_INT32, wholeNumber } from "../../schemas/common.ts";
import { riskScaleDefinition } from "../risk/schema.ts";
import { unitRiskListView, unitRiskRowView } from "../unitRisks/schema.ts";
import { registerCapabilities } from "./schema.ts";

export {
  closeUnitRiskInput as closeProgrammeRiskInput,
  createUnitRiskInput as createProgrammeRiskInput,
  saveUnitRiskAssessmentInput as saveProgrammeRiskAssessmentInput,
  unitRiskAssessmentView as programmeRiskAssessmentView,
  unitRisksQuery as programmeRisksQuery,
  updateUnitRiskInput as updateProgrammeRiskInput,
} from "../unitRisks/schema.ts";

const int = z.number().int();

export const programmeRiskParams = z.object({
  id: wholeNumber(1, MAX_INT32),
  itemId: wholeNumber(1, MAX_INT32),
});

export const programmeRiskPeriodParams = programmeRiskParams.extend({
  period: z.string().max(16).meta({ description: "2024-T1, 2024-T2 or the year 2024" }),
});

export const linkedMeasureView = z.object({
  id: int,
  title: z.string(),
  phase: z.enum(measurePhases),
  status: z.enum(measureStatuses).nullable(),
  deadline: z.string().nullable(),
  responsibleUnitName: z.string(),
});

export const programmeRiskView = unitRiskRowView
  .extend({
    programmeId: int,
    measures: z
      .array(linkedMeasureView)
      .meta({ description: "Consequence-reducing measures linked to the risk" }),
  })
  .meta({ id: "ProgrammeRisk" });
export type ProgrammeRiskView = z.infer<typeof programmeRiskView>;

export const programmeRiskListView = z
  .object({
    programme: z.object({ id: int, ownerUnitId: int }),
    period: z.string(),
    previousPeriod: z.string().nullable(),
    scale: riskScaleDefinition,
    areas: unitRiskListView.shape.areas,
    ownAreas: unitRiskListView.shape.ownAreas,
    risks: z.array(programmeRiskView),
    can: registerCapabilities,
  })
  .meta({ id: "ProgrammeRiskList" });
export type ProgrammeRiskListView = z.infer<typeof programmeRiskListView>;
