/**
 * The workflow of an answer (a unit's answer or the consolidated answer of the unit above):
 *
 *   draft --submit--> submitted --approve--> approved
 *     ^                   |                     |
 *     +------return-------+---------return------+
 *
 * Writers save and submit drafts; the unit's approvers approve or return; the unit above
 * (the overseer) may return but not approve, so sign-off stays with the unit that answers.
 * After approval an edit needs a return first. Nothing moves while the round is closed.
 * Pure: the caller works out who the person is for this answer and applies the result.
 */

export const answerStates = ["draft", "submitted", "approved"] as const;
export type AnswerState = (typeof answerStates)[number];

export const answerActions = ["save", "submit", "approve", "return"] as const;
export type AnswerAction = (typeof answerActions)[number];

/** What a person may be for one answer; a person may be several, or none (a reader). */
export const capacities = ["writer", "approver", "overseer"] as const;
export type Capacity = (typeof capacities)[number];

type Rule = { from: readonly AnswerState[]; to: AnswerState; by: readonly Capacity[] };

const rules: Record<AnswerAction, Rule> = {
  save: { from: ["draft"], to: "draft", by: ["writer"] },
  submit: { from: ["draft"], to: "submitted", by: ["writer"] },
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

const stateNames: Record<AnswerState, string> = {
  draft: "a draft",
  submitted: "submitted",
  approved: "approved",
};

const actionNames: Record<AnswerAction, string> = {
  save: "edit",
  submit: "submit",
  approve: "approve",
  return: "return",
};

/** A sentence a person can act on, for a refusal. */
export function refusalMessage(state: AnswerState, action: AnswerAction, refusal: Refusal): string {
  switch (refusal) {
    case "round_closed":
      return "The reporting round is closed; its answers can no longer be changed.";
    case "not_permitted":
      return action === "save" || action === "submit"
        ? "Only the unit's editors can write and submit this answer."
        : action === "approve"
          ? "Only the unit's approvers can approve this answer."
          : "Only the unit's approvers, or approvers and administrators of the unit above, can return this answer.";
    case "wrong_state":
      if (state === "approved" && (action === "save" || action === "submit")) {
        return "The answer is approved. It must be returned before it can be changed.";
      }
      if (state === "submitted" && (action === "save" || action === "submit")) {
        return "The answer is submitted and waits for approval. It must be returned before it can be changed.";
      }
      return `The answer is ${stateNames[state]}, so you cannot ${actionNames[action]} it.`;
  }
}
