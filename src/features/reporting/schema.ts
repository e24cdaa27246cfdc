// The reporting API: what its routes take (rounds, answers, carry-over) and what they answer
// (rounds, answers, the round matrix, a unit's report, consolidation, the inbox and overdue list).
// Shared with the web (types only).

import { z } from "zod";
import {
  type AnswerStatus,
  answerKinds,
  answerStatuses,
  reportingPoints,
  requirementKinds,
  roundStates,
} from "../../db/schema.ts";
import { answerActions, answerStates, approvalCommentMaxLength } from "../../domain/workflow.ts";
import { isoDate, markdownText, plainText, text, version, year } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { ruleMessage } from "../../schemas/rules.ts";
import { diffPartView, documentHeaderView, requirementView, unitRefView } from "../steering/schema.ts";

// ---- Inputs ----

export const openRoundInput = z.object({
  period: plainText(40).min(1, { message: ruleMessage("required") }),
  deadline: isoDate,
});

export const roundVersionInput = z.object({ version });

const writtenStatuses = answerStatuses.filter((s) => s !== "not_started") as [
  Exclude<AnswerStatus, "not_started">,
  ...Exclude<AnswerStatus, "not_started">[],
];

export const saveAnswerInput = z
  .object({
    version,
    status: z.enum(writtenStatuses).optional(),
    text: markdownText(200_000).optional(),
  })
  .refine((input) => input.status !== undefined || input.text !== undefined, {
    message: ruleMessage("status_or_text"),
    path: ["text"],
  });

export const answerVersionInput = z.object({ version });

export const approveAnswerInput = z.object({
  version,
  comment: text(approvalCommentMaxLength)
    .optional()
    .meta({ description: "Optional; kept in the answer's history and shown to the writer" }),
});

export const returnAnswerInput = z.object({
  version,
  comment: text(5000).min(1, { message: ruleMessage("return_comment_required") }),
});

/** Two saved versions of an answer, by their version numbers. */
export const diffQuery = z.object({ from: version, to: version });

/** The day the views count lateness from; today when not given. */
export const asOfQuery = z.object({ asOf: isoDate.optional() });

export const carryOverInput = z.object({
  year: year.optional(),
  title: plainText(300).min(1).optional(),
  /** Which kinds of requirement to carry; assignments by default, as goals and indicators recur anyway. */
  kinds: z.array(z.enum(requirementKinds)).min(1).optional(),
});

// ---- Answers ----

const int = z.number().int();
const answerStatus = z.enum(answerStatuses);
const answerState = z.enum(answerStates);

/** How many answers are in each status and state, returned and late. */
export const answerCountsView = z
  .object({
    total: int,
    byStatus: z.record(answerStatus, int),
    byState: z.record(answerState, int),
    returned: int.meta({ description: "Drafts returned with a comment" }),
    overdue: int.meta({ description: "Past the deadline and not approved" }),
  })
  .meta({ id: "AnswerCounts" });

/** What the caller may do with a round: each is checked again on the server when done. */
export const roundCapabilities = capabilities(["close", "reopen"] as const);

export const roundView = z
  .object({
    id: int,
    documentId: int,
    period: z.string().meta({ description: "2024-T1, 2024-T2 or 2024" }),
    reportingPoint: z.enum(reportingPoints),
    deadline: z.string(),
    state: z.enum(roundStates),
    closedAt: z.string().nullable(),
    version: int,
    document: z.object({
      id: int,
      title: z.string(),
      year: int,
      versionNumber: int,
      issuingUnit: unitRefView,
    }),
    counts: answerCountsView.optional().meta({ description: "Over the answers the caller may read" }),
    can: roundCapabilities,
  })
  .meta({ id: "ReportingRound" });

/** The lead unit's text of a joint assignment, shown beside the other units' answers. */
export const jointTextView = z
  .object({
    label: z.string().meta({ description: "Fellesrapport <lead unit>" }),
    leadUnit: unitRefView,
    answerId: int,
    text: z.string(),
    status: answerStatus,
    state: answerState,
  })
  .meta({ id: "JointText" });

export const answerView = z
  .object({
    id: int,
    roundId: int,
    requirementId: int,
    kind: z.enum(answerKinds),
    unit: unitRefView,
    status: answerStatus,
    text: z.string(),
    state: answerState,
    returnComment: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable().meta({ description: "Null until someone has written" }),
    version: int,
    overdue: z.boolean(),
    allowedActions: z
      .array(z.enum(answerActions))
      .meta({ description: "The workflow steps the caller may take now; the page shows exactly these" }),
    isJointLead: z.boolean(),
    joint: jointTextView.nullable(),
  })
  .meta({ id: "Answer" });

/** The latest approval of an answer that is approved now: who, when, and their comment. */
export const approvalView = z
  .object({ by: z.string(), at: z.string(), comment: z.string().nullable() })
  .meta({ id: "AnswerApproval" });

/** The unit's answer to the same requirement (or the one it was carried over from) in the period before. */
export const previousAnswerView = z
  .object({
    answerId: int,
    roundId: int,
    period: z.string(),
    documentTitle: z.string(),
    status: answerStatus,
    state: answerState,
    text: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "PreviousAnswer" });

/** The next answer waiting for the caller in the same round, in the round's order. */
export const nextWorkView = z
  .object({
    answerId: int,
    roundId: int,
    kind: z.enum(answerKinds),
    state: answerState,
    unit: unitRefView,
    requirement: z.object({ id: int, number: z.string() }),
    remaining: int.meta({
      description: "How many answers in the round wait for the caller, this one not counted",
    }),
  })
  .meta({ id: "NextWork" });

export const answerDetailView = answerView
  .extend({
    requirement: requirementView,
    round: z.object({ id: int, period: z.string(), deadline: z.string(), state: z.enum(roundStates) }),
    document: z.object({ id: int, title: z.string(), year: int }),
    approval: approvalView.nullable().meta({ description: "Null unless the answer is approved" }),
    previous: previousAnswerView.nullable(),
    next: nextWorkView.nullable().meta({
      description: "The next answer in the round to write (or returned) or to approve, as in the inbox",
    }),
  })
  .meta({ id: "AnswerDetail" });

export const answerVersionView = z
  .object({
    version: int,
    action: z.enum(["create", ...answerActions]),
    status: answerStatus,
    state: answerState,
    text: z.string(),
    comment: z.string().nullable(),
    actorName: z.string(),
    at: z.string(),
  })
  .meta({ id: "AnswerVersion" });

const changeOf = <Schema extends z.ZodType>(value: Schema) =>
  z.object({ before: value, after: value, changed: z.boolean() });

export const answerDiffView = z
  .object({
    from: answerVersionView,
    to: answerVersionView,
    status: changeOf(answerStatus),
    state: changeOf(answerState),
    text: z.object({
      changed: z.boolean(),
      words: z.array(diffPartView),
      lines: z.array(diffPartView),
      stats: z.object({ inserted: int, deleted: int }),
    }),
  })
  .meta({ id: "AnswerDiff" });

// ---- Views over a round ----

const chapterSummaryView = z.object({ id: int, title: z.string(), position: int });

export const matrixCellView = z
  .object({
    answerId: int,
    status: answerStatus,
    state: answerState,
    returned: z.boolean(),
    overdue: z.boolean(),
  })
  .meta({ id: "RoundMatrixCell" });

export const roundMatrixView = z
  .object({
    round: roundView,
    asOf: z.string(),
    chapters: z.array(chapterSummaryView),
    units: z.array(unitRefView.extend({ consolidated: z.boolean(), counts: answerCountsView })),
    rows: z.array(
      z.object({
        requirement: z.object({
          id: int,
          number: z.string(),
          kind: z.enum(requirementKinds),
          chapterId: int.nullable(),
          text: z.string().meta({ description: "The first 200 characters" }),
          leadUnitId: int.nullable(),
        }),
        cells: z.record(z.string(), matrixCellView).meta({ description: "By unit id" }),
      }),
    ),
  })
  .meta({ id: "RoundMatrix" });

export const unitReportView = z
  .object({
    round: roundView,
    unit: unitRefView.extend({ consolidated: z.boolean() }),
    sections: z.array(
      z.object({
        chapter: chapterSummaryView
          .nullable()
          .meta({ description: "Null for requirements outside chapters" }),
        items: z.array(z.object({ requirement: requirementView, answer: answerView })),
      }),
    ),
  })
  .meta({ id: "UnitReport" });

export const consolidationView = z
  .object({
    round: roundView,
    requirement: requirementView,
    consolidated: answerView,
    joint: jointTextView.nullable(),
    units: z.array(answerView),
  })
  .meta({ id: "Consolidation" });

// ---- Work lists ----

export const workItemView = z
  .object({
    answerId: int,
    kind: z.enum(answerKinds),
    status: answerStatus,
    state: answerState,
    version: int,
    updatedAt: z.string(),
    unit: unitRefView,
    round: z.object({ id: int, period: z.string(), deadline: z.string() }),
    document: z.object({ id: int, title: z.string() }),
    requirement: z.object({ id: int, number: z.string(), text: z.string() }),
    overdue: z.boolean(),
  })
  .meta({ id: "WorkItem" });

export const returnedItemView = workItemView
  .extend({
    returnComment: z.string().nullable(),
    returnedBy: z.string().nullable(),
    returnedAt: z.string().nullable(),
  })
  .meta({ id: "ReturnedWorkItem" });

export const overdueItemView = workItemView.extend({ daysOverdue: int }).meta({ id: "OverdueItem" });

export const inboxView = z
  .object({
    asOf: z.string(),
    hasWorkRoles: z.boolean().meta({
      description: "Whether the caller holds the editor or approver role anywhere, so has an inbox",
    }),
    counts: z.object({
      toWrite: int,
      returned: int,
      toApprove: int,
      overdue: int.meta({ description: "The length of `overdue`" }),
    }),
    returned: z.array(returnedItemView),
    toWrite: z.array(workItemView),
    toApprove: z.array(workItemView),
    overdue: z.array(overdueItemView).meta({
      description: "The caller's own work past its deadline: of the three lists above, the late ones",
    }),
  })
  .meta({ id: "Inbox" });

export const overdueListView = z
  .object({ asOf: z.string(), count: int, items: z.array(overdueItemView) })
  .meta({ id: "OverdueList" });

/** Reporting as a start page shows it: the open rounds the caller can follow, and what is late. */
export const reportingProgressView = z
  .object({
    asOf: z.string(),
    rounds: z.array(roundView).meta({
      description: "Open rounds, soonest deadline first, counted over the answers the caller may read",
    }),
    overdue: overdueListView,
  })
  .meta({ id: "ReportingProgress" });

// ---- Carry-over ----

export const carryOverView = z
  .object({
    document: documentHeaderView,
    fromRound: z.object({ id: int, period: z.string() }),
    carried: z.array(
      z.object({
        id: int,
        number: z.string(),
        derivedFromId: int.nullable(),
        appliesTo: z.union([z.literal("all"), z.array(int)]),
      }),
    ),
  })
  .meta({ id: "CarryOverResult" });

export type AnswerCountsView = z.infer<typeof answerCountsView>;
export type RoundCapabilities = z.infer<typeof roundCapabilities>;
export type RoundView = z.infer<typeof roundView>;
export type JointTextView = z.infer<typeof jointTextView>;
export type AnswerView = z.infer<typeof answerView>;
export type AnswerDetailView = z.infer<typeof answerDetailView>;
export type ApprovalView = z.infer<typeof approvalView>;
export type PreviousAnswerView = z.infer<typeof previousAnswerView>;
export type NextWorkView = z.infer<typeof nextWorkView>;
export type ReportingProgressView = z.infer<typeof reportingProgressView>;
export type AnswerVersionView = z.infer<typeof answerVersionView>;
export type AnswerDiffView = z.infer<typeof answerDiffView>;
export type MatrixCellView = z.infer<typeof matrixCellView>;
export type RoundMatrixView = z.infer<typeof roundMatrixView>;
export type UnitReportView = z.infer<typeof unitReportView>;
export type ConsolidationView = z.infer<typeof consolidationView>;
export type WorkItemView = z.infer<typeof workItemView>;
export type ReturnedItemView = z.infer<typeof returnedItemView>;
export type InboxView = z.infer<typeof inboxView>;
export type OverdueItemView = z.infer<typeof overdueItemView>;
export type OverdueListView = z.infer<typeof overdueListView>;
export type CarryOverView = z.infer<typeof carryOverView>;
