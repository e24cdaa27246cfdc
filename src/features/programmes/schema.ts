// What the routes of programmes and projects take and return: the programme's facts, its phases
// with planned and actual dates, the gates between them with their decision log (issue 14,
// seed 001). Status reports and the portfolio are in reportSchema.ts.

import { z } from "zod";
import { gateDecisions, programmeKinds } from "../../domain/programmeKinds.ts";
import { id, isoDate, plainText, text, version, wholeNumber } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { unitRefView } from "../steering/schema.ts";

const int = z.number().int();

export const phaseNumber = wholeNumber(0, 20);

export const programmeParams = z.object({ id });
export const phaseParams = z.object({ id, number: phaseNumber });
export const gateParams = z.object({ id, toPhase: wholeNumber(1, 20) });

export const programmesQuery = z.object({
  unitId: id.optional().meta({ description: "Only programmes owned by this unit or a unit below it" }),
});

const factsInput = {
  kind: z.enum(programmeKinds),
  code: plainText(60).min(1),
  title: plainText(300).min(1),
  sponsorName: plainText(200),
  managerName: plainText(200),
  approverTitle: plainText(300),
  purpose: text(10_000),
  scope: text(10_000),
};

export const createProgrammeInput = z.object({
  ownerUnitId: id,
  kind: factsInput.kind.default("programme"),
  code: factsInput.code,
  title: factsInput.title,
  sponsorName: factsInput.sponsorName.default(""),
  managerName: factsInput.managerName.default(""),
  approverTitle: factsInput.approverTitle.default(""),
  purpose: factsInput.purpose.default(""),
  scope: factsInput.scope.default(""),
});
export type CreateProgrammeInput = z.infer<typeof createProgrammeInput>;

export const updateProgrammeInput = z.object({
  version,
  kind: factsInput.kind.optional(),
  code: factsInput.code.optional(),
  title: factsInput.title.optional(),
  sponsorName: factsInput.sponsorName.optional(),
  managerName: factsInput.managerName.optional(),
  approverTitle: factsInput.approverTitle.optional(),
  purpose: factsInput.purpose.optional(),
  scope: factsInput.scope.optional(),
});
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeInput>;

const milestoneInput = z.object({
  title: plainText(300).min(1),
  due: isoDate.nullable().default(null),
  done: z.boolean().default(false),
});

const phaseFields = {
  name: plainText(200).min(1),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  mainActivities: z.array(plainText(500).min(1)).max(50),
  milestones: z.array(milestoneInput).max(50),
};

export const createPhaseInput = z.object({
  number: phaseNumber,
  name: phaseFields.name,
  plannedStart: phaseFields.plannedStart,
  plannedEnd: phaseFields.plannedEnd,
  mainActivities: phaseFields.mainActivities.default([]),
  milestones: phaseFields.milestones.default([]),
});
export type CreatePhaseInput = z.infer<typeof createPhaseInput>;

export const updatePhaseInput = z.object({
  version,
  name: phaseFields.name.optional(),
  plannedStart: phaseFields.plannedStart.optional(),
  plannedEnd: phaseFields.plannedEnd.optional(),
  mainActivities: phaseFields.mainActivities.optional(),
  milestones: phaseFields.milestones.optional(),
});
export type UpdatePhaseInput = z.infer<typeof updatePhaseInput>;

export const versionBody = z.object({ version });

export const startPhaseInput = z.object({
  version: version.meta({ description: "The version of the phase to start" }),
  actualStart: isoDate.optional().meta({ description: "The day it started; today when left out" }),
});
export const endPhaseInput = z.object({
  version,
  actualEnd: isoDate.optional().meta({ description: "The day it ended; today when left out" }),
});

export const updateGateInput = z.object({
  version,
  name: plainText(60).min(1).optional(),
  criteria: text(10_000).optional(),
});
export type UpdateGateInput = z.infer<typeof updateGateInput>;

export const requestGateInput = z.object({ version, requestText: text(10_000).default("") });

export const decideGateInput = z.object({
  decision: z.enum(gateDecisions),
  decidedOn: isoDate.meta({ description: "The day of the decision; not in the future" }),
  decisionText: text(10_000).min(1),
  conditions: text(10_000).default("").meta({ description: "Required for approve_with_conditions" }),
});
export type DecideGateInput = z.infer<typeof decideGateInput>;

const milestoneView = z.object({ title: z.string(), due: z.string().nullable(), done: z.boolean() });

export const phaseView = z
  .object({
    id: int,
    number: int,
    name: z.string(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    mainActivities: z.array(z.string()),
    milestones: z.array(milestoneView),
    version: int,
  })
  .meta({ id: "ProgrammePhase" });
export type PhaseView = z.infer<typeof phaseView>;

export const gateDecisionView = z
  .object({
    id: int,
    decision: z.enum(gateDecisions),
    decidedOn: z.string(),
    decisionText: z.string(),
    conditions: z.string(),
    actorName: z.string(),
    at: z.string(),
  })
  .meta({ id: "GateDecision" });
export type GateDecisionView = z.infer<typeof gateDecisionView>;

export const gateView = z
  .object({
    id: int,
    toPhase: int,
    name: z.string(),
    criteria: z.string(),
    requestedAt: z.string().nullable(),
    requestText: z.string(),
    decisions: z.array(gateDecisionView).meta({ description: "Every decision, oldest first" }),
    standing: gateDecisionView.nullable().meta({ description: "The decision that stands: the latest" }),
    version: int,
  })
  .meta({ id: "ProgrammeGate" });
export type GateView = z.infer<typeof gateView>;

export const programmeView = z
  .object({
    id: int,
    ownerUnit: unitRefView,
    kind: z.enum(programmeKinds),
    code: z.string(),
    title: z.string(),
    sponsorName: z.string(),
    managerName: z.string(),
    approverTitle: z.string(),
    purpose: z.string(),
    scope: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: int,
  })
  .meta({ id: "Programme" });
export type ProgrammeView = z.infer<typeof programmeView>;

export const programmeCapabilities = capabilities(["edit", "decide", "startPhase"]);

export const programmeDetailView = programmeView
  .extend({
    phases: z.array(phaseView),
    gates: z.array(gateView),
    currentPhase: int.nullable().meta({ description: "The latest started phase not ended" }),
    can: programmeCapabilities,
  })
  .meta({ id: "ProgrammeDetail" });
export type ProgrammeDetailView = z.infer<typeof programmeDetailView>;

export const programmeListView = z
  .object({ programmes: z.array(programmeView) })
  .meta({ id: "ProgrammeList" });
export type ProgrammeListView = z.infer<typeof programmeListView>;
