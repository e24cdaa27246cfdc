// Withdrawing a submitted answer (its writer takes it back to draft until someone approves or
// returns it) and approving with a comment (kept in the history, shown to the writer, audited).

import { beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  answerFor,
  call,
  current,
  json,
  openRoundsWithOneSubmittedAnswer,
  requirement,
  roundId,
  setUpReportingApp,
  trustA,
} from "./reporting.fixture.ts";

setUpReportingApp();

type Detail = Answer & { approval: { by: string; at: string; comment: string | null } | null };
type Version = { version: number; action: string; state: string; comment: string | null; actorName: string };
type AuditEntry = { action: string; after: { state: string; comment?: string } | null };

let answer: Answer;

async function submitFresh(text = "Tiltakene virker.") {
  const saved = await json<Answer>("PATCH", "taEditor", `/api/answers/${answer.id}`, {
    version: (await current(answer.id)).version,
    status: "partly_fulfilled",
    text,
  });
  answer = await json<Answer>("POST", "taEditor", `/api/answers/${answer.id}/submit`, {
    version: saved.version,
  });
}

beforeAll(async () => {
  await openRoundsWithOneSubmittedAnswer();
  answer = await answerFor(await roundId("2024-T1"), trustA.id, requirement.everyTertial);
});

describe("withdrawing a submitted answer", () => {
  it("is offered to the unit's editors only, while the answer is submitted", async () => {
    expect(answer.state).toBe("submitted");
    expect((await current(answer.id, "taEditor")).allowedActions).toEqual(["withdraw"]);
    expect((await current(answer.id, "taApprover")).allowedActions).not.toContain("withdraw");
    expect((await current(answer.id, "taReader")).allowedActions).toEqual([]);
  });

  it("is refused to others than the unit's editors", async () => {
    for (const who of ["taApprover", "taAdmin", "taReader", "regAdmin"]) {
      const response = await call("POST", who, `/api/answers/${answer.id}/withdraw`, {
        version: answer.version,
      });
      expect([who, response.statusCode, response.json().reason]).toEqual([
        who,
        403,
        "answer_withdraw_not_permitted",
      ]);
    }
    // Someone who cannot read the unit's answers does not learn that it exists.
    const outsider = await call("POST", "tbEditor", `/api/answers/${answer.id}/withdraw`, {
      version: answer.version,
    });
    expect(outsider.statusCode).toBe(404);
  });

  it("refuses a stale version with the current answer", async () => {
    const stale = await call("POST", "taEditor", `/api/answers/${answer.id}/withdraw`, {
      version: answer.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "stale_version",
      current: { id: answer.id, state: "submitted" },
    });
  });

  it("takes the answer back to draft with its text, for the writer to go on", async () => {
    const before = answer;
    answer = await json<Answer>("POST", "taEditor", `/api/answers/${answer.id}/withdraw`, {
      version: answer.version,
    });
    expect(answer).toMatchObject({
      state: "draft",
      text: before.text,
      status: before.status,
      returnComment: null,
    });
    expect(answer.version).toBe(before.version + 1);
    expect(answer.allowedActions).toEqual(["save", "submit"]);
    const versions = await json<Version[]>("GET", "taReader", `/api/answers/${answer.id}/versions`);
    expect(versions.at(-1)).toMatchObject({ action: "withdraw", state: "draft" });
  });

  it("refuses a draft: nothing to withdraw", async () => {
    const again = await call("POST", "taEditor", `/api/answers/${answer.id}/withdraw`, {
      version: answer.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: "answer_withdraw_draft" });
  });

  it("refuses a returned answer", async () => {
    await submitFresh();
    answer = await json<Answer>("POST", "taApprover", `/api/answers/${answer.id}/return`, {
      version: answer.version,
      comment: "Tallene mangler.",
    });
    const response = await call("POST", "taEditor", `/api/answers/${answer.id}/withdraw`, {
      version: answer.version,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ reason: "answer_withdraw_draft" });
    expect((await current(answer.id)).returnComment).toBe("Tallene mangler.");
  });

  it("refuses an approved answer", async () => {
    await submitFresh("Tiltakene virker, med tall.");
    answer = await json<Answer>("POST", "taApprover", `/api/answers/${answer.id}/approve`, {
      version: answer.version,
    });
    const response = await call("POST", "taEditor", `/api/answers/${answer.id}/withdraw`, {
      version: answer.version,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ reason: "answer_withdraw_approved" });
    expect((await current(answer.id)).state).toBe("approved");
  });
});

describe("approving with a comment", () => {
  it("shows who approved without a comment when none was given", async () => {
    const detail = await json<Detail>("GET", "taEditor", `/api/answers/${answer.id}`);
    expect(detail.approval).toMatchObject({ by: expect.stringMatching(/\S/), comment: null });
  });

  it("refuses a comment over 2000 characters", async () => {
    answer = await json<Answer>("POST", "regAdmin", `/api/answers/${answer.id}/return`, {
      version: answer.version,
      comment: "Ta med tallene for 2. tertial.",
    });
    await submitFresh("Med tallene.");
    const long = await call("POST", "taApprover", `/api/answers/${answer.id}/approve`, {
      version: answer.version,
      comment: "x".repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().problems[0].field).toBe("comment");
    expect((await current(answer.id)).state).toBe("submitted");
  });

  it("keeps the comment, trimmed, in the history and shows it to the writer", async () => {
    answer = await json<Answer>("POST", "taApprover", `/api/answers/${answer.id}/approve`, {
      version: answer.version,
      comment: "  Godt svar. Husk tallene neste tertial.  ",
    });
    expect(answer.state).toBe("approved");
    const versions = await json<Version[]>("GET", "taEditor", `/api/answers/${answer.id}/versions`);
    expect(versions.at(-1)).toMatchObject({
      action: "approve",
      comment: "Godt svar. Husk tallene neste tertial.",
    });
    const detail = await json<Detail>("GET", "taEditor", `/api/answers/${answer.id}`);
    expect(detail.approval).toMatchObject({
      by: versions.at(-1)?.actorName,
      comment: "Godt svar. Husk tallene neste tertial.",
    });
    // Not approved any more: no approval shown.
    const returned = await json<Answer>("POST", "regAdmin", `/api/answers/${answer.id}/return`, {
      version: answer.version,
      comment: "Rett opp tallet.",
    });
    expect((await json<Detail>("GET", "taEditor", `/api/answers/${returned.id}`)).approval).toBeNull();
    answer = returned;
  });

  it("keeps a blank comment as none", async () => {
    await submitFresh("Rettet.");
    answer = await json<Answer>("POST", "taApprover", `/api/answers/${answer.id}/approve`, {
      version: answer.version,
      comment: "   ",
    });
    const versions = await json<Version[]>("GET", "taEditor", `/api/answers/${answer.id}/versions`);
    expect(versions.at(-1)).toMatchObject({ action: "approve", comment: null });
  });

  it("records the withdrawal and the approval's comment in the audit trail", async () => {
    const audit = await json<{ entries: AuditEntry[] }>(
      "GET",
      "root",
      `/api/audit?entityType=answer&entityId=${answer.id}`,
    );
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toContain("answer_withdraw");
    const withdrawal = audit.entries.find((e) => e.action === "answer_withdraw");
    expect(withdrawal?.after?.state).toBe("draft");
    const commented = audit.entries.filter((e) => e.action === "answer_approve" && e.after?.comment);
    expect(commented.map((e) => e.after?.comment)).toEqual(["Godt svar. Husk tallene neste tertial."]);
  });
});
