import { describe, expect, it } from "vitest";
import { isProblemReason } from "../i18n/problemText.ts";
import { periodSortKey } from "./steering.ts";
import {
  type AnswerAction,
  type AnswerState,
  allowedActions,
  answerActions,
  answerStates,
  approvalComment,
  approvalCommentMaxLength,
  type Capacity,
  capacities,
  daysOverdue,
  decide,
  isOverdue,
  nextWork,
  previousAnswer,
  refusalReason,
} from "./workflow.ts";

// Every combination of capacities a person can hold for one answer, from none (a reader) to all.
const everyCombination: Capacity[][] = [[]];
for (const capacity of capacities) {
  for (const combination of [...everyCombination]) everyCombination.push([...combination, capacity]);
}

// The expected outcome, written out by hand: [state, action, who may do it, next state].
const expectedTransitions: [AnswerState, AnswerAction, Capacity[], AnswerState][] = [
  ["draft", "save", ["writer"], "draft"],
  ["draft", "submit", ["writer"], "submitted"],
  ["submitted", "withdraw", ["writer"], "draft"],
  ["submitted", "approve", ["approver"], "approved"],
  ["submitted", "return", ["approver", "overseer"], "draft"],
  ["approved", "return", ["approver", "overseer"], "draft"],
];

// Who may take an action in any state; used to tell "not permitted" from "wrong state".
const mayEverTake: Record<AnswerAction, Capacity[]> = {
  save: ["writer"],
  submit: ["writer"],
  withdraw: ["writer"],
  approve: ["approver"],
  return: ["approver", "overseer"],
};

function label(who: Capacity[]) {
  return who.length === 0 ? "a reader" : who.join("+");
}

describe("the answer workflow, every state x action x capacity", () => {
  it("covers all 8 capacity combinations", () => {
    expect(everyCombination).toHaveLength(8);
  });

  for (const state of answerStates) {
    for (const action of answerActions) {
      for (const who of everyCombination) {
        const expected = expectedTransitions.find(([s, a]) => s === state && a === action);
        const permitted = mayEverTake[action].some((capacity) => who.includes(capacity));
        const allowed = expected !== undefined && permitted;
        it(`${state} -> ${action} by ${label(who)}: ${allowed ? `-> ${expected?.[3]}` : "refused"}`, () => {
          const decision = decide(state, action, new Set(who), true);
          if (allowed) {
            expect(decision).toEqual({ allowed: true, next: expected?.[3] });
          } else {
            expect(decision).toEqual({
              allowed: false,
              refusal: permitted ? "wrong_state" : "not_permitted",
            });
          }
        });
      }
    }
  }
});

describe("a closed round", () => {
  it("refuses every action by everyone", () => {
    for (const state of answerStates) {
      for (const action of answerActions) {
        for (const who of everyCombination) {
          expect(decide(state, action, new Set(who), false)).toEqual({
            allowed: false,
            refusal: "round_closed",
          });
        }
      }
    }
  });

  it("offers no actions", () => {
    expect(allowedActions("draft", new Set(capacities), false)).toEqual([]);
  });
});

describe("allowed actions", () => {
  it("lets a writer save and submit a draft", () => {
    expect(allowedActions("draft", new Set(["writer"]), true)).toEqual(["save", "submit"]);
  });

  it("lets a writer withdraw a submitted answer", () => {
    expect(allowedActions("submitted", new Set(["writer"]), true)).toEqual(["withdraw"]);
  });

  it("lets a writer who also approves withdraw, approve or return a submitted answer", () => {
    expect(allowedActions("submitted", new Set(["writer", "approver"]), true)).toEqual([
      "withdraw",
      "approve",
      "return",
    ]);
  });

  it("lets an approver approve or return a submitted answer", () => {
    expect(allowedActions("submitted", new Set(["approver"]), true)).toEqual(["approve", "return"]);
  });

  it("lets the unit above only return", () => {
    expect(allowedActions("submitted", new Set(["overseer"]), true)).toEqual(["return"]);
    expect(allowedActions("approved", new Set(["overseer"]), true)).toEqual(["return"]);
  });

  it("gives a writer nothing to do on an approved answer: it must be returned first", () => {
    expect(allowedActions("approved", new Set(["writer"]), true)).toEqual([]);
  });

  it("gives a reader nothing in any state", () => {
    for (const state of answerStates) expect(allowedActions(state, new Set(), true)).toEqual([]);
  });
});

describe("refusal reasons", () => {
  it("tell the writer of an approved or submitted answer to have it returned", () => {
    expect(refusalReason("approved", "save", "wrong_state")).toBe("answer_change_approved");
    expect(refusalReason("approved", "submit", "wrong_state")).toBe("answer_change_approved");
    expect(refusalReason("submitted", "save", "wrong_state")).toBe("answer_change_submitted");
  });

  it("tell the writer whether an answer is too far or not far enough to withdraw", () => {
    expect(refusalReason("approved", "withdraw", "wrong_state")).toBe("answer_withdraw_approved");
    expect(refusalReason("draft", "withdraw", "wrong_state")).toBe("answer_withdraw_draft");
  });

  it("name who may do what", () => {
    expect(refusalReason("draft", "save", "not_permitted")).toBe("answer_write_not_permitted");
    expect(refusalReason("submitted", "withdraw", "not_permitted")).toBe("answer_withdraw_not_permitted");
    expect(refusalReason("submitted", "approve", "not_permitted")).toBe("answer_approve_not_permitted");
    expect(refusalReason("submitted", "return", "not_permitted")).toBe("answer_return_not_permitted");
  });

  it("say the round is closed, whatever was tried", () => {
    for (const action of answerActions)
      expect(refusalReason("draft", action, "round_closed")).toBe("answer_round_closed");
  });

  it("explain every refusal in every state with a sentence in both languages", () => {
    for (const state of answerStates) {
      for (const action of answerActions) {
        for (const refusal of ["round_closed", "not_permitted", "wrong_state"] as const) {
          const reason = refusalReason(state, action, refusal);
          expect(isProblemReason(reason), reason).toBe(true);
        }
      }
    }
  });
});
