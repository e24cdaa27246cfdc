/**
 * The workflow of an answer (a unit's answer or the consolidated answer of the unit above):
 *
 *   draft --submit--> submitted --approve--> approved
 *     ^                   |                     |
 *     +------return-------+---------return------+
 *     +------withdraw-----+
 *
 * Writers save and submit drafts, and may withdraw a submitted answer to draft until someone
 * approves or returns it; the unit's approvers approve (with an optional comment) or return; the unit above
 * (the overseer) may return but not approve, so sign-off stays with the unit that answers.
 * After approval an edit needs a return first. Nothing moves while the round is closed.
 * Pure: the caller works out who the person is for this answer and applies the result.
 */

export const answerStates = ["draft", "submitted", "approved"] as const;
export type AnswerState = (typeof answerStates)[number];

export const answerActions = ["save", "submit", "withdraw", "approve", "return"] as const;
export type AnswerAction = (typeof answerActions)[number];

/** What a person may be for one answer; a person may be several, or none (a reader). */
export const capacities = ["writer", "approver", "overseer"] as const;
export type Capacity = (typeof capacities)[number];

type Rule = { from: readonly AnswerState[]; to: AnswerState; by: readonly Capacity[] };

const rules: Record<AnswerAction, Rule> = {
  save: { from: ["draft"], to: "draft", by: ["writer"] },
  submit: { from: ["draft"], to: "submitted", by: ["writer"] },
  withdraw: { from: ["submitted"], to: "draft", by: ["writer"] },
  approve: { from: ["submitted"], to: "approved", by: ["approver"] },
  return: { from: ["submitted", "approved"], to: "draft", by: ["approver", "overseer"] },
};

export type Refusal = "round_closed" | "not_permitted" | "wrong_state";

export type Decision = { allowed: true; next: AnswerState } | { allowed: false; refusal: Refusal };

/**
 * Whether `action` may be taken on an answer in `state` by someone with `who`. Permission is
 * checked before state, so a person who may never take the action is told so rather than
 * being told to wait for another state.
 */
export function decide(
  state: AnswerState,
  action: AnswerAction,
  who: ReadonlySet<Capacity>,
  roundOpen: boolean,
): Decision {
  if (!roundOpen) return { allowed: false, refusal: "round_closed" };
  const rule = rules[action];
  if (!rule.by.some((capacity) => who.has(capacity))) return { allowed: false, refusal: "not_permitted" };
  if (!rule.from.includes(state)) return { allowed: false, refusal: "wrong_state" };
  return { allowed: true, next: rule.to };
}

/** The actions a person can take now; the UI shows exactly these buttons. */
export function allowedActions(
  state: AnswerState,
  who: ReadonlySet<Capacity>,
  roundOpen: boolean,
): AnswerAction[] {
  return answerActions.filter((action) => decide(state, action, who, roundOpen).allowed);
}

/**
 * Which sentence explains a refusal (worded in src/i18n/problems/reporting.ts): who may do it,
 * or what must happen first.
 */
export function refusalReason(state: AnswerState, action: AnswerAction, refusal: Refusal) {
  switch (refusal) {
    case "round_closed":
      return "answer_round_closed";
    case "not_permitted":
      return action === "save" || action === "submit"
        ? "answer_write_not_permitted"
        : action === "withdraw"
          ? "answer_withdraw_not_permitted"
          : action === "approve"
            ? "answer_approve_not_permitted"
            : "answer_return_not_permitted";
    case "wrong_state":
      if (action === "withdraw")
        return state === "approved" ? "answer_withdraw_approved" : "answer_withdraw_draft";
      if (state === "approved" && (action === "save" || action === "submit")) return "answer_change_approved";
      if (state === "submitted" && (action === "save" || action === "submit"))
        return "answer_change_submitted";
      if (action === "approve") return "answer_approve_wrong_state";
      if (action === "return") return "answer_return_wrong_state";
      return "answer_wrong_state";
  }
}

// ---- Approval comments ----

/** The longest comment an approver may give with an approval. */
export const approvalCommentMaxLength = 2000;

/** An approval's comment as kept: trimmed, and none when only blanks were given. */
export function approvalComment(text: string | null | undefined): string | null {
  const trimmed = (text ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

// ---- Lateness ----

/** Past the deadline and not approved. The deadline day itself is still in time. */
export function isOverdue(state: AnswerState, deadline: string, asOf: string): boolean {
  return state !== "approved" && asOf > deadline;
}

/** Whole days from the deadline to `asOf` (ISO dates). */
export function daysOverdue(deadline: string, asOf: string): number {
  return Math.round((Date.parse(asOf) - Date.parse(deadline)) / 86_400_000);
}

// ---- Moving on to the next answer ----

/** Where an answer stands in a round: its requirement's position, then its unit's path. */
export type RoundPlace = { answerId: number; position: number; unitPath: string };

function comparePlaces(a: RoundPlace, b: RoundPlace): number {
  if (a.position !== b.position) return a.position - b.position;
  if (a.unitPath !== b.unitPath) return a.unitPath < b.unitPath ? -1 : 1;
  return a.answerId - b.answerId;
}

/**
 * The next answer waiting for the person in a round, after the one they are on in the round's
 * order (requirement, then unit); past the last, the first waiting one. Never the current answer.
 */
export function nextWork<Item extends RoundPlace>(
  waiting: readonly Item[],
  current: RoundPlace,
): Item | null {
  const others = waiting.filter((item) => item.answerId !== current.answerId).sort(comparePlaces);
  return others.find((item) => comparePlaces(item, current) > 0) ?? others[0] ?? null;
}

// ---- The previous answer ----

/**
 * The unit's answer from the period before, to show beside the one being written: among its
 * answers to the same requirement (or the one it was carried over from), the latest period
 * before `period`. `sortKey` orders periods (2024-T1 < 2024-T2 < 2024 < 2025-T1).
 */
export function previousAnswer<Item extends { period: string }>(
  earlier: readonly Item[],
  period: string,
  sortKey: (period: string) => number,
): Item | null {
  const current = sortKey(period);
  let best: Item | null = null;
  for (const item of earlier) {
    const key = sortKey(item.period);
    if (key < current && (best === null || key > sortKey(best.period))) best = item;
  }
  return best;
}
