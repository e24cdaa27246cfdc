import { describe, expect, it } from "vitest";
import {
  type AnswerAction,
  type AnswerState,
  allowedActions,
  answerActions,
  answerStates,
  type Capacity,
  capacities,
  decide,
  refusalMessage,
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
  ["submitted", "approve", ["approver"], "approved"],
  ["submitted", "return", ["approver", "overseer"], "draft"],
  ["approved", "return", ["approver", "overseer"], "draft"],
];

// Who may take an action in any state; used to tell "not permitted" from "wrong state".
const mayEverTake: Record<AnswerAction, Capacity[]> = {
  save: ["writer"],
  submit: ["writer"],
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

describe("refusal messages", () => {
  it("tell the writer of an approved answer to have it returned", () => {
    expect(refusalMessage("approved", "save", "wrong_state")).toMatch(/returned before/);
  });

  it("tell the writer of a submitted answer to have it returned", () => {
    expect(refusalMessage("submitted", "save", "wrong_state")).toMatch(/returned before/);
  });

  it("name who may approve", () => {
    expect(refusalMessage("submitted", "approve", "not_permitted")).toMatch(/approvers/);
  });

  it("say the round is closed", () => {
    expect(refusalMessage("draft", "save", "round_closed")).toMatch(/closed/);
  });

  it("explain every refusal in every state", () => {
    for (const state of answerStates) {
      for (const action of answerActions) {
        for (const refusal of ["round_closed", "not_permitted", "wrong_state"] as const) {
          expect(refusalMessage(state, action, refusal).length).toBeGreaterThan(10);
        }
      }
    }
  });
});
