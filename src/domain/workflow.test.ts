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
describe("approval comments", () => {
  it("keep the text, trimmed", () => {
    expect(approvalComment("  Godt svar.  ")).toBe("Godt svar.");
  });

  it("are none when empty, blank or not given", () => {
    expect(approvalComment("")).toBeNull();
    expect(approvalComment(" \n\t ")).toBeNull();
    expect(approvalComment(undefined)).toBeNull();
    expect(approvalComment(null)).toBeNull();
  });

  it("are bounded", () => {
    expect(approvalCommentMaxLength).toBe(2000);
  });
});

describe("lateness", () => {
  it("is past the deadline and not approved; the deadline day is in time", () => {
    expect(isOverdue("draft", "2024-05-15", "2024-05-15")).toBe(false);
    expect(isOverdue("draft", "2024-05-15", "2024-05-16")).toBe(true);
    expect(isOverdue("submitted", "2024-05-15", "2024-06-01")).toBe(true);
    expect(isOverdue("approved", "2024-05-15", "2024-06-01")).toBe(false);
  });

  it("counts whole days", () => {
    expect(daysOverdue("2024-05-15", "2024-05-16")).toBe(1);
    expect(daysOverdue("2024-02-28", "2024-03-01")).toBe(2);
  });
});

describe("the next answer waiting in a round", () => {
  const place = (answerId: number, position: number, unitPath: string) => ({ answerId, position, unitPath });
  const waiting = [place(5, 2, "/1/3/"), place(3, 1, "/1/2/"), place(4, 1, "/1/3/"), place(9, 3, "/1/2/")];

  it("is the one after the current in requirement then unit order", () => {
    expect(nextWork(waiting, place(3, 1, "/1/2/"))?.answerId).toBe(4);
    expect(nextWork(waiting, place(4, 1, "/1/3/"))?.answerId).toBe(5);
  });

  it("follows the current one's place even when it no longer waits (after a submit)", () => {
    expect(nextWork(waiting, place(7, 2, "/1/2/"))?.answerId).toBe(5);
  });

  it("starts again from the first past the last", () => {
    expect(nextWork(waiting, place(9, 3, "/1/2/"))?.answerId).toBe(3);
  });

  it("is none when nothing else waits", () => {
    expect(nextWork([place(3, 1, "/1/2/")], place(3, 1, "/1/2/"))).toBeNull();
    expect(nextWork([], place(3, 1, "/1/2/"))).toBeNull();
  });
});

describe("the previous answer", () => {
  const answers = [{ period: "2024-T1" }, { period: "2024" }, { period: "2024-T2" }, { period: "2023" }];

  it("is the latest period before the current one", () => {
    expect(previousAnswer(answers, "2024", periodSortKey)?.period).toBe("2024-T2");
    expect(previousAnswer(answers, "2024-T2", periodSortKey)?.period).toBe("2024-T1");
  });

  it("reaches into the year before", () => {
    expect(previousAnswer(answers, "2024-T1", periodSortKey)?.period).toBe("2023");
    expect(previousAnswer(answers, "2025-T1", periodSortKey)?.period).toBe("2024");
  });

  it("is none for the first period", () => {
    expect(previousAnswer(answers, "2023", periodSortKey)).toBeNull();
    expect(previousAnswer([], "2024", periodSortKey)).toBeNull();
  });
});
