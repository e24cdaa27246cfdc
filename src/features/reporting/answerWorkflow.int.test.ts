// Opening rounds and the answer workflow, enforced on the server: who may save, submit, approve
// and return, the versions kept, and two writers on the same answer.

import { beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  answerFor,
  answersOf,
  call,
  current,
  documentId,
  json,
  openRound,
  publishDocument,
  region,
  requirement,
  roundId,
  setUpReportingApp,
  trustA,
  trustB,
  trustC,
} from "./reporting.fixture.ts";

setUpReportingApp();

describe("opening rounds", () => {
  it("refuses a draft document", async () => {
    const response = await call("POST", "regApprover", `/api/steering-documents/${documentId}/rounds`, {
      period: "2024-T1",
      deadline: "2024-05-15",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/er et utkast\. Publiser det/);
    await publishDocument();
  });

  it("creates one answer per requirement reported then and unit it applies to, plus consolidated ones", async () => {
    const t1 = await openRound("2024-T1", "2024-05-15");
    // Only requirement 1 is reported at T1: three trusts and the region's consolidated answer.
    expect(t1.counts.total).toBe(4);
    const t2 = await openRound("2024-T2", "2024-09-15");
    // Requirements 1 and 3 at T2: 2 x (3 + 1).
    expect(t2.counts.total).toBe(8);
    const year = await openRound("2024", "2025-02-01");
    // Requirement 2 applies to two trusts: 4 + 3 + 4.
    expect(year.counts.total).toBe(11);
    expect((await answersOf(year.id, trustC.id)).map((a) => a.requirementId)).toEqual([
      requirement.everyTertial,
      requirement.joint,
    ]);
    const consolidated = await answersOf(year.id, region.id);
    expect(consolidated.map((a) => a.kind)).toEqual(["consolidated", "consolidated", "consolidated"]);
    expect(consolidated[0]).toMatchObject({ status: "not_started", state: "draft", version: 1 });
  });

  it("refuses a bad period, another year, a second round for a period, and editors", async () => {
    const attempt = (who: string, period: string) =>
      call("POST", who, `/api/steering-documents/${documentId}/rounds`, { period, deadline: "2024-12-01" });
    const t3 = await attempt("regApprover", "2024-T3");
    expect(t3.statusCode).toBe(400);
    expect(t3.json().detail).toContain("skriv 2024-T1, 2024-T2 eller 2024");
    expect(t3.json().problems[0]).toMatchObject({ field: "period", code: "not_a_round_period" });
    expect((await attempt("regApprover", "2024-03")).statusCode).toBe(400);
    expect((await attempt("regApprover", "2025")).json().problems[0].field).toBe("period");
    expect((await attempt("regApprover", "2024-T1")).statusCode).toBe(409);
    expect((await attempt("regEditor", "2024-T1")).statusCode).toBe(403);
  });
});

describe("the answer workflow, enforced on the server", () => {
  let answer: Answer;
  beforeAll(async () => {
    answer = await answerFor(await roundId("2024-T1"), trustA.id, requirement.everyTertial);
  });

  it("lets the unit's editor save, and shows each person the actions they may take", async () => {
    expect((await current(answer.id, "taEditor")).allowedActions).toEqual(["save", "submit"]);
    expect((await current(answer.id, "taApprover")).allowedActions).toEqual([]);
    expect((await current(answer.id, "taReader")).allowedActions).toEqual([]);
    const saved = await json<Answer>("PATCH", "taEditor", `/api/answers/${answer.id}`, {
      version: answer.version,
      status: "partly_fulfilled",
      text: "Sykefraværet er redusert ved to av tre klinikker.",
    });
    expect(saved).toMatchObject({ state: "draft", status: "partly_fulfilled", version: answer.version + 1 });
    answer = saved;
  });

  it("forbids approvers, administrators, readers and other units' editors to write, changing nothing", async () => {
    // Another unit's editor cannot read the answer, so for them it does not exist.
    const expected: Record<string, number> = { tbEditor: 404 };
    for (const who of ["taApprover", "taAdmin", "taReader", "tbEditor", "regApprover"]) {
      const response = await call("PATCH", who, `/api/answers/${answer.id}`, {
        version: answer.version,
        text: "Nei",
      });
      expect([who, response.statusCode]).toEqual([who, expected[who] ?? 403]);
    }
    expect((await current(answer.id)).text).toBe(answer.text);
  });

  it("refuses to submit without a status", async () => {
    const other = await answerFor(await roundId("2024-T1"), trustB.id, requirement.everyTertial);
    const response = await call("POST", "tbEditor", `/api/answers/${other.id}/submit`, {
      version: other.version,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems.map((p: { field: string }) => p.field)).toEqual(["status", "text"]);
    expect((await current(other.id)).state).toBe("draft");
  });

  it("submits; then the editor cannot edit, and only approvers can approve", async () => {
    answer = await json<Answer>("POST", "taEditor", `/api/answers/${answer.id}/submit`, {
      version: answer.version,
    });
    expect(answer.state).toBe("submitted");
    const edit = await call("PATCH", "taEditor", `/api/answers/${answer.id}`, {
      version: answer.version,
      text: "Mer",
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/sendt inn.*må returneres før/);
    for (const who of ["taEditor", "taAdmin", "regAdmin", "regEditor"]) {
      const approve = await call("POST", who, `/api/answers/${answer.id}/approve`, {
        version: answer.version,
      });
      expect([who, approve.statusCode]).toEqual([who, 403]);
    }
    expect((await current(answer.id, "taApprover")).allowedActions).toEqual(["approve", "return"]);
    expect((await current(answer.id, "regAdmin")).allowedActions).toEqual(["return"]);
  });

  it("approves; after approval an edit needs a return first", async () => {
    answer = await json<Answer>("POST", "taApprover", `/api/answers/${answer.id}/approve`, {
      version: answer.version,
    });
    expect(answer.state).toBe("approved");
    const edit = await call("PATCH", "taEditor", `/api/answers/${answer.id}`, {
      version: answer.version,
      text: "Mer",
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/godkjent.*må returneres før/);
  });

  it("lets the unit above return with a comment, but not the unit's own administrator", async () => {
    const byTrustAdmin = await call("POST", "taAdmin", `/api/answers/${answer.id}/return`, {
      version: answer.version,
      comment: "Nei",
    });
    expect(byTrustAdmin.statusCode).toBe(403);
    const noComment = await call("POST", "regAdmin", `/api/answers/${answer.id}/return`, {
      version: answer.version,
      comment: " ",
    });
    expect(noComment.statusCode).toBe(400);
    answer = await json<Answer>("POST", "regAdmin", `/api/answers/${answer.id}/return`, {
      version: answer.version,
      comment: "Beskriv tiltakene ved den tredje klinikken.",
    });
    expect(answer).toMatchObject({
      state: "draft",
      returnComment: "Beskriv tiltakene ved den tredje klinikken.",
    });
  });

  it("puts the returned answer with its comment in the editor's inbox, and clears it on resubmission", async () => {
    const box = await json<{ returned: { answerId: number; returnComment: string; returnedBy: string }[] }>(
      "GET",
      "taEditor",
      "/api/inbox",
    );
    expect(box.returned).toEqual([
      expect.objectContaining({
        answerId: answer.id,
        returnComment: "Beskriv tiltakene ved den tredje klinikken.",
        returnedBy: expect.any(String),
      }),
    ]);
    answer = await json<Answer>("PATCH", "taEditor", `/api/answers/${answer.id}`, {
      version: answer.version,
      text: `${answer.text}\nDen tredje klinikken starter tiltak i mai.`,
    });
    answer = await json<Answer>("POST", "taEditor", `/api/answers/${answer.id}/submit`, {
      version: answer.version,
    });
    expect(answer.returnComment).toBeNull();
    const approverBox = await json<{ toApprove: { answerId: number }[] }>("GET", "taApprover", "/api/inbox");
    expect(approverBox.toApprove.map((item) => item.answerId)).toContain(answer.id);
  });

  it("keeps every version and compares two of them word by word", async () => {
    const versions = await json<{ version: number; action: string; text: string; comment: string | null }[]>(
      "GET",
      "taReader",
      `/api/answers/${answer.id}/versions`,
    );
    expect(versions.map((v) => v.action)).toEqual([
      "create",
      "save",
      "submit",
      "approve",
      "return",
      "save",
      "submit",
    ]);
    expect(versions[4]?.comment).toBe("Beskriv tiltakene ved den tredje klinikken.");
    const diff = await json<{
      status: { changed: boolean };
      state: { before: string; after: string };
      text: { words: { op: string; text: string }[]; stats: { inserted: number; deleted: number } };
    }>("GET", "taReader", `/api/answers/${answer.id}/diff?from=2&to=6`);
    expect(diff.status.changed).toBe(false);
    expect(diff.text.words).toEqual([
      { op: "equal", text: "Sykefraværet er redusert ved to av tre klinikker." },
      { op: "insert", text: "\nDen tredje klinikken starter tiltak i mai." },
    ]);
    expect(diff.text.stats).toEqual({ inserted: 7, deleted: 0 });
    const missing = await call("GET", "taReader", `/api/answers/${answer.id}/diff?from=1&to=99`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().problems[0].field).toBe("to");
  });

  it("records every step in the audit trail", async () => {
    const audit = await json<{ entries: { action: string }[] }>(
      "GET",
      "root",
      `/api/audit?entityType=answer&entityId=${answer.id}`,
    );
    expect(audit.entries.map((e) => e.action)).toEqual([
      "answer_submit",
      "answer_save",
      "answer_return",
      "answer_approve",
      "answer_submit",
      "answer_save",
    ]);
  });

  it("keeps other units' answers from a trust's readers, as if they did not exist", async () => {
    const other = await answerFor(await roundId("2024-T1"), trustB.id, requirement.everyTertial);
    expect((await call("GET", "taReader", `/api/answers/${other.id}`)).statusCode).toBe(404);
  });
});

describe("two writers on the same answer", () => {
  it("gives the second a 409 with the first's text, and loses nothing", async () => {
    const answer = await answerFor(await roundId("2024-T2"), trustA.id, requirement.everyTertial);
    const openedByBoth = await current(answer.id, "taEditor");

    const first = await call("PATCH", "taEditor", `/api/answers/${answer.id}`, {
      version: openedByBoth.version,
      status: "fulfilled",
      text: "Første skribent: tiltak A er gjennomført.",
    });
    expect(first.statusCode).toBe(200);

    const second = await call("PATCH", "taEditor2", `/api/answers/${answer.id}`, {
      version: openedByBoth.version,
      status: "partly_fulfilled",
      text: "Andre skribent: tiltak B er forsinket.",
    });
    expect(second.statusCode).toBe(409);
    const problem = second.json();
    expect(problem).toMatchObject({
      code: "stale_version",
      current: {
        text: "Første skribent: tiltak A er gjennomført.",
        status: "fulfilled",
        version: openedByBoth.version + 1,
      },
    });
    // The first writer's text is intact.
    expect((await current(answer.id)).text).toBe("Første skribent: tiltak A er gjennomført.");

    // The second writer merges on top of the current version, and both texts are kept.
    const merged = await call("PATCH", "taEditor2", `/api/answers/${answer.id}`, {
      version: problem.current.version,
      status: "partly_fulfilled",
      text: `${problem.current.text}\nAndre skribent: tiltak B er forsinket.`,
    });
    expect(merged.statusCode).toBe(200);
    const versions = await json<{ text: string }[]>("GET", "taEditor", `/api/answers/${answer.id}/versions`);
    expect(versions.map((v) => v.text)).toEqual([
      "",
      "Første skribent: tiltak A er gjennomført.",
      "Første skribent: tiltak A er gjennomført.\nAndre skribent: tiltak B er forsinket.",
    ]);
  });

  it("lets exactly one of two simultaneous saves win", async () => {
    const answer = await answerFor(await roundId("2024-T2"), trustA.id, requirement.joint);
    const results = await Promise.all(
      ["taEditor", "taEditor2"].map((who) =>
        call("PATCH", who, `/api/answers/${answer.id}`, {
          version: answer.version,
          text: `Skrevet av ${who}`,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await current(answer.id)).version).toBe(answer.version + 1);
  });
});
