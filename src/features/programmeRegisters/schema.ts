// What the routes of a programme's registers take and return (issue 14): its groups with their
// members, stakeholders with their engagement activities, the training plan and person-months per
// unit. Programme risks are in riskSchema.ts.

import { z } from "zod";
import { activityStatuses, engagementLevels, groupKinds, memberRoles } from "../../domain/programmeKinds.ts";
import { id, isoDate, MAX_INT32, plainText, text, version, wholeNumber } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";

const int = z.number().int();

export const programmeItemParams = z.object({
  id: wholeNumber(1, MAX_INT32),
  itemId: wholeNumber(1, MAX_INT32),
});

export const registerCapabilities = capabilities(["edit"]);

// ---------------------------------------------------------------------------------------------
// Groups

const memberInput = z.object({
  name: plainText(200).min(1),
  userId: id.nullable().default(null),
  unitId: id.nullable().default(null).meta({ description: "The unit (region, trust) the member represents" }),
  role: z.enum(memberRoles).default("member"),
});

const groupFields = {
  kind: z.enum(groupKinds),
  name: plainText(200).min(1),
  category: plainText(200).default(""),
  mandate: text(5000).default(""),
  members: z
    .array(memberInput)
    .max(100)
    .default([])
    .meta({ description: "The members in order; at most one chair" }),
};

export const createGroupInput = z.object(groupFields);
export type CreateGroupInput = z.infer<typeof createGroupInput>;

export const updateGroupInput = z.object({
  version,
  kind: groupFields.kind.optional(),
  name: groupFields.name.optional(),
  category: plainText(200).optional(),
  mandate: text(5000).optional(),
  members: z.array(memberInput).max(100).optional().meta({ description: "Replaces the members when given" }),
});
export type UpdateGroupInput = z.infer<typeof updateGroupInput>;

export const deleteQuery = z.object({ version });

export const groupMemberView = z.object({
  id: int,
  name: z.string(),
  userId: int.nullable(),
  userName: z.string().nullable(),
  unitId: int.nullable(),
  unitName: z.string().nullable(),
  role: z.enum(memberRoles),
});

export const groupView = z
  .object({
    id: int,
    programmeId: int,
    kind: z.enum(groupKinds),
    name: z.string(),
    category: z.string(),
    mandate: z.string(),
    members: z.array(groupMemberView),
    updatedAt: z.string(),
    version: int,
  })
  .meta({ id: "ProgrammeGroup" });
export type GroupView = z.infer<typeof groupView>;

export const groupListView = z
  .object({ groups: z.array(groupView), can: registerCapabilities })
  .meta({ id: "ProgrammeGroupList" });
export type GroupListView = z.infer<typeof groupListView>;

// ---------------------------------------------------------------------------------------------
// Stakeholders

const activityInput = z.object({
  title: plainText(300).min(1),
  on: isoDate.nullable().default(null),
  status: z.enum(activityStatuses).default("planned"),
});

export const createStakeholderInput = z.object({
  name: plainText(300).min(1),
  interest: text(5000).default(""),
  interestLevel: z.enum(engagementLevels).default("medium"),
  influence: z.enum(engagementLevels).default("medium"),
  activities: z.array(activityInput).max(100).default([]),
});
export type CreateStakeholderInput = z.infer<typeof createStakeholderInput>;

export const updateStakeholderInput = z.object({
  version,
  name: plainText(300).min(1).optional(),
  interest: text(5000).optional(),
  interestLevel: z.enum(engagementLevels).optional(),
  influence: z.enum(engagementLevels).optional(),
  activities: z
    .array(activityInput)
    .max(100)
    .optional()
    .meta({ description: "Replaces the activities when given" }),
});
export type UpdateStakeholderInput = z.infer<typeof updateStakeholderInput>;

export const stakeholderView = z
  .object({
    id: int,
    programmeId: int,
    name: z.string(),
    interest: z.string(),
    interestLevel: z.enum(engagementLevels),
    influence: z.enum(engagementLevels),
    activities: z.array(
      z.object({ id: int, title: z.string(), on: z.string().nullable(), status: z.enum(activityStatuses) }),
    ),
    updatedAt: z.string(),
    version: int,
  })
  .meta({ id: "ProgrammeStakeholder" });
export type StakeholderView = z.infer<typeof stakeholderView>;

export const stakeholderListView = z
  .object({ stakeholders: z.array(stakeholderView), can: registerCapabilities })
  .meta({ id: "ProgrammeStakeholderList" });
export type StakeholderListView = z.infer<typeof stakeholderListView>;

// ---------------------------------------------------------------------------------------------
// Training

export const createTrainingInput = z.object({
  audience: plainText(300).min(1),
  content: text(5000).default(""),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null).meta({ description: "Not before startsOn" }),
  status: z.enum(activityStatuses).default("planned"),
});
export type CreateTrainingInput = z.infer<typeof createTrainingInput>;

export const updateTrainingInput = z.object({
  version,
  audience: plainText(300).min(1).optional(),
  content: text(5000).optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  status: z.enum(activityStatuses).optional(),
});
export type UpdateTrainingInput = z.infer<typeof updateTrainingInput>;

export const trainingView = z
  .object({
    id: int,
    programmeId: int,
    audience: z.string(),
    content: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    status: z.enum(activityStatuses),
    updatedAt: z.string(),
    version: int,
  })
  .meta({ id: "ProgrammeTraining" });
export type TrainingView = z.infer<typeof trainingView>;

export const trainingListView = z
  .object({ training: z.array(trainingView), can: registerCapabilities })
  .meta({ id: "ProgrammeTrainingList" });
export type TrainingListView = z.infer<typeof trainingListView>;

// ---------------------------------------------------------------------------------------------
// Resources

/** Person-months: never negative, and bounded far above any programme (seed 001 has 12 in all). */
export const MAX_PERSON_MONTHS = 100_000;
const personMonths = z.number().min(0).max(MAX_PERSON_MONTHS);

export const createResourceInput = z.object({
  unitId: id,
  phaseNumber: wholeNumber(0, 20)
    .nullable()
    .default(null)
    .meta({ description: "The phase; null for the whole programme" }),
  plannedMonths: personMonths.default(0),
  usedMonths: personMonths.default(0),
});
export type CreateResourceInput = z.infer<typeof createResourceInput>;

export const updateResourceInput = z.object({
  version,
  unitId: id.optional(),
  phaseNumber: wholeNumber(0, 20).nullable().optional(),
  plannedMonths: personMonths.optional(),
  usedMonths: personMonths.optional(),
});
export type UpdateResourceInput = z.infer<typeof updateResourceInput>;

export const resourceView = z
  .object({
    id: int,
    programmeId: int,
    unitId: int,
    unitName: z.string(),
    phaseNumber: int.nullable(),
    plannedMonths: z.number(),
    usedMonths: z.number(),
    updatedAt: z.string(),
    version: int,
  })
  .meta({ id: "ProgrammeResource" });
export type ResourceView = z.infer<typeof resourceView>;

const monthsSum = z.object({ plannedMonths: z.number(), usedMonths: z.number() });

export const resourceListView = z
  .object({
    resources: z.array(resourceView),
    perUnit: z.array(monthsSum.extend({ unitId: int, unitName: z.string() })),
    total: monthsSum,
    can: registerCapabilities,
  })
  .meta({ id: "ProgrammeResourceList" });
export type ResourceListView = z.infer<typeof resourceListView>;
