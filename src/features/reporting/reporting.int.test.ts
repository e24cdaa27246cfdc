import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Unit = { id: number; code: string; name: string; path: string };
type Answer = {
  id: number;
  version: number;
  state: string;
  status: string;
  text: string;
  kind: string;
  unit: { id: number };
  requirementId: number;
  allowedActions: string[];
  returnComment: string | null;
  isJointLead: boolean;
  joint: { label: string; text: string } | null;
};

let t: TestApp;
let owner: Unit;
let region: Unit;
let trustA: Unit;
let trustB: Unit;
let trustC: Unit;
let documentId: number;
const requirement: Record<"everyTertial" | "annualIndicator" | "joint", number> = {
  everyTertial: 0,
  annualIndicator: 0,
  joint: 0,
};
const cookies: Record<string, string> = {};

function call(method: "GET" | "POST" | "PATCH", who: string, url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] as string },
    ...(payload ? { payload } : {}),
  });
}

async function json<T>(
  method: "GET" | "POST" | "PATCH",
  who: string,
  url: string,
  payload?: object,
): Promise<T> {
  const response = await call(method, who, url, payload);
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url} as ${who}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.make.unit({ kind: "owner", code: "OWN" });
  region = await t.make.unit({
    parentId: owner.id,
    kind: "regional_health_authority",
    code: "REG",
    name: "Region RHF",
  });
  trustA = await t.make.unit({ parentId: region.id, code: "TA", name: "Trust A HF" });
  trustB = await t.make.unit({ parentId: region.id, code: "TB", name: "Trust B HF" });
  trustC = await t.make.unit({ parentId: region.id, code: "TC", name: "Trust C HF" });
  const people: Record<
    string,
    { systemAdmin?: boolean; roles?: { unitId: number; role: "admin" | "approver" | "editor" | "reader" }[] }
  > = {
    root: { systemAdmin: true },
    regEditor: { roles: [{ unitId: region.id, role: "editor" }] },
    regApprover: { roles: [{ unitId: region.id, role: "approver" }] },
    regAdmin: { roles: [{ unitId: region.id, role: "admin" }] },
    regReader: { roles: [{ unitId: region.id, role: "reader" }] },
    ownAdmin: { roles: [{ unitId: owner.id, role: "admin" }] },
    taEditor: { roles: [{ unitId: trustA.id, role: "editor" }] },
    taEditor2: { roles: [{ unitId: trustA.id, role: "editor" }] },
    taApprover: { roles: [{ unitId: trustA.id, role: "approver" }] },
    taAdmin: { roles: [{ unitId: trustA.id, role: "admin" }] },
    taReader: { roles: [{ unitId: trustA.id, role: "reader" }] },
    tbEditor: { roles: [{ unitId: trustB.id, role: "editor" }] },
  };
  for (const [username, options] of Object.entries(people)) {
    await t.make.user({ username, ...options });
    cookies[username] = await t.signIn(username);
  }

  const document = await json<{ id: number }>("POST", "regEditor", "/api/steering-documents", {
    year: 2024,
    issuingUnitId: region.id,
    recipientUnitIds: [trustA.id, trustB.id, trustC.id],
    kind: "steering_document",
    title: "Styringskrav og rammer 2024",
  });
  documentId = document.id;
  const add = (fields: object) =>
    json<{ id: number }>("POST", "regEditor", `/api/steering-documents/${documentId}/requirements`, fields);
  requirement.everyTertial = (
    await add({
      number: "1",
      kind: "assignment",
      text: "Reduser sykefraværet.",
      frequency: ["T1", "T2", "annual"],
    })
  ).id;
  requirement.annualIndicator = (
    await add({
      number: "2",
      kind: "indicator",
      text: "Ventetid under 50 dager.",
      appliesTo: [trustA.id, trustB.id],
    })
  ).id;
  requirement.joint = (
    await add({
      number: "3",
      kind: "assignment",
      text: "Felles regional plan, ledet av Trust B.",
      frequency: ["T2", "annual"],
      leadUnitId: trustB.id,
    })
  ).id;
});
afterAll(() => t.close());

async function publishDocument() {
  const { version } = await json<{ version: number }>(
    "GET",
    "regEditor",
    `/api/steering-documents/${documentId}`,
  );
  await json("POST", "regApprover", `/api/steering-documents/${documentId}/publish`, { version });
}

async function openRound(period: string, deadline: string) {
  return json<{ id: number; version: number; counts: { total: number } }>(
    "POST",
    "regApprover",
    `/api/steering-documents/${documentId}/rounds`,
    { period, deadline },
  );
}

async function answersOf(roundId: number, unitId: number) {
  const report = await json<{ sections: { items: { answer: Answer }[] }[] }>(
    "GET",
    "root",
    `/api/rounds/${roundId}/units/${unitId}/report`,
  );
  return report.sections.flatMap((section) => section.items.map((item) => item.answer));
}

async function answerFor(roundId: number, unitId: number, requirementId: number) {
  const found = (await answersOf(roundId, unitId)).find((a) => a.requirementId === requirementId);
  if (!found) throw new Error(`no answer for requirement ${requirementId} from unit ${unitId}`);
  return found;
}

async function current(answerId: number, who = "root") {
  return json<Answer>("GET", who, `/api/answers/${answerId}`);
}

/** Writes, submits and approves an answer as the system administrator. */
async function complete(answerId: number, status: string, text = "Rapportert.") {
  let answer = await json<Answer>("PATCH", "root", `/api/answers/${answerId}`, {
    version: (await current(answerId)).version,
    status,
    text,
  });
  answer = await json<Answer>("POST", "root", `/api/answers/${answerId}/submit`, { version: answer.version });
  return json<Answer>("POST", "root", `/api/answers/${answerId}/approve`, { version: answer.version });
}

describe("opening rounds", () => {
  it("refuses a draft document", async () => {
    const response = await call("POST", "regApprover", `/api/steering-documents/${documentId}/rounds`, {
      period: "2024-T1",
      deadline: "2024-05-15",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/Publish it/);
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
    expect(t3.json().problems[0]).toMatchObject({
      field: "period",
      message: expect.stringContaining("2024-T1"),
    });
    expect((await attempt("regApprover", "2024-03")).statusCode).toBe(400);
    expect((await attempt("regApprover", "2025")).json().problems[0].field).toBe("period");
    expect((await attempt("regApprover", "2024-T1")).statusCode).toBe(409);
    expect((await attempt("regEditor", "2024-T1")).statusCode).toBe(403);
  });
});

async function roundId(period: string) {
  const rounds = await json<{ id: number; period: string }[]>(
    "GET",
    "root",
    `/api/steering-documents/${documentId}/rounds`,
  );
  const round = rounds.find((r) => r.period === period);
  if (!round) throw new Error(`no round ${period}`);
  return round.id;
}

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
    expect(edit.json().detail).toMatch(/submitted.*returned before/);
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
    expect(edit.json().detail).toMatch(/approved.*returned before/);
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

describe("consolidation and joint assignments", () => {
  it("shows the issuing unit every unit's answer side by side and lets it consolidate with the same workflow", async () => {
    const round = await roundId("2024-T1");
    const view = await json<{ consolidated: Answer; units: Answer[] }>(
      "GET",
      "regEditor",
      `/api/rounds/${round}/requirements/${requirement.everyTertial}/consolidation`,
    );
    expect(view.units.map((a) => a.unit.id)).toEqual([trustA.id, trustB.id, trustC.id]);
    expect(view.units[0]).toMatchObject({ state: "submitted", status: "partly_fulfilled" });
    expect(view.consolidated).toMatchObject({ kind: "consolidated", allowedActions: ["save", "submit"] });

    let consolidated = await json<Answer>("PATCH", "regEditor", `/api/answers/${view.consolidated.id}`, {
      version: view.consolidated.version,
      status: "partly_fulfilled",
      text: "Samlet: to av tre helseforetak har redusert sykefraværet.",
    });
    consolidated = await json<Answer>("POST", "regEditor", `/api/answers/${consolidated.id}/submit`, {
      version: consolidated.version,
    });
    // A region's administrator is not above its own consolidated answer; the owner's is.
    expect(
      (
        await call("POST", "regAdmin", `/api/answers/${consolidated.id}/return`, {
          version: consolidated.version,
          comment: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect((await current(consolidated.id, "ownAdmin")).allowedActions).toEqual(["return"]);
    consolidated = await json<Answer>("POST", "regApprover", `/api/answers/${consolidated.id}/approve`, {
      version: consolidated.version,
    });
    expect(consolidated.state).toBe("approved");
    expect(
      (
        await call(
          "GET",
          "taEditor",
          `/api/rounds/${round}/requirements/${requirement.everyTertial}/consolidation`,
        )
      ).statusCode,
    ).toBe(403);
  });

  it("shows the lead unit's joint text, labelled, in every participating unit's report", async () => {
    const round = await roundId("2024-T2");
    const lead = await answerFor(round, trustB.id, requirement.joint);
    expect(lead).toMatchObject({ isJointLead: true, joint: null });
    await json("PATCH", "tbEditor", `/api/answers/${lead.id}`, {
      version: lead.version,
      status: "partly_fulfilled",
      text: "Planen er på høring i alle helseforetak.",
    });
    for (const unit of [trustA, trustC, region]) {
      const answer = await answerFor(round, unit.id, requirement.joint);
      expect(answer.joint).toMatchObject({
        label: "Fellesrapport Trust B HF",
        text: "Planen er på høring i alle helseforetak.",
      });
    }
    const report = await json<{ sections: { items: { answer: Answer }[] }[] }>(
      "GET",
      "taReader",
      `/api/rounds/${round}/units/${trustA.id}/report`,
    );
    const jointItem = report.sections
      .flatMap((s) => s.items)
      .find((i) => i.answer.requirementId === requirement.joint);
    expect(jointItem?.answer.joint?.label).toBe("Fellesrapport Trust B HF");
  });
});

describe("closing a round", () => {
  it("makes its answers read-only for everyone, until reopened", async () => {
    const round = await json<{ id: number; version: number }>(
      "GET",
      "root",
      `/api/rounds/${await roundId("2024-T1")}`,
    );
    expect(
      (await call("POST", "regEditor", `/api/rounds/${round.id}/close`, { version: round.version }))
        .statusCode,
    ).toBe(403);
    const closed = await json<{ state: string; version: number }>(
      "POST",
      "regApprover",
      `/api/rounds/${round.id}/close`,
      {
        version: round.version,
      },
    );
    expect(closed.state).toBe("closed");
    const answer = await answerFor(round.id, trustC.id, requirement.everyTertial);
    expect(answer.allowedActions).toEqual([]);
    const save = await call("PATCH", "root", `/api/answers/${answer.id}`, {
      version: answer.version,
      text: "For sent",
    });
    expect(save.statusCode).toBe(409);
    expect(save.json().detail).toMatch(/closed/);
    const submitted = await answerFor(round.id, trustA.id, requirement.everyTertial);
    const approve = await call("POST", "taApprover", `/api/answers/${submitted.id}/approve`, {
      version: submitted.version,
    });
    expect(approve.statusCode).toBe(409);
    expect((await current(answer.id)).text).toBe("");

    const reopened = await json<{ state: string }>("POST", "regApprover", `/api/rounds/${round.id}/reopen`, {
      version: closed.version,
    });
    expect(reopened.state).toBe("open");
  });
});

describe("overview", () => {
  it("gives the round matrix with status and state per unit, and counts", async () => {
    const round = await roundId("2024-T1");
    const matrix = await json<{
      units: { code: string; consolidated: boolean }[];
      rows: {
        requirement: { number: string };
        cells: Record<string, { state: string; status: string; overdue: boolean }>;
      }[];
      round: {
        counts: {
          total: number;
          byState: Record<string, number>;
          byStatus: Record<string, number>;
          overdue: number;
        };
      };
    }>("GET", "regReader", `/api/rounds/${round}/matrix?asOf=2024-06-01`);
    expect(matrix.units.map((u) => [u.code, u.consolidated])).toEqual([
      ["TA", false],
      ["TB", false],
      ["TC", false],
      ["REG", true],
    ]);
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.rows[0]?.cells[trustA.id]).toMatchObject({
      state: "submitted",
      status: "partly_fulfilled",
      overdue: true,
    });
    expect(matrix.rows[0]?.cells[region.id]).toMatchObject({ state: "approved", overdue: false });
    expect(matrix.round.counts).toMatchObject({
      total: 4,
      byState: { draft: 2, submitted: 1, approved: 1 },
      byStatus: { not_started: 2, partly_fulfilled: 2 },
      overdue: 3,
    });
    // A trust's reader sees only the trust's own column.
    const own = await json<{ units: { code: string }[] }>("GET", "taReader", `/api/rounds/${round}/matrix`);
    expect(own.units.map((u) => u.code)).toEqual(["TA"]);
  });

  it("lists overdue answers on the units a person can read, and none before the deadline", async () => {
    const all = await json<{
      items: { unit: { code: string }; daysOverdue: number; round: { period: string } }[];
    }>("GET", "regReader", "/api/overdue?asOf=2024-09-20");
    expect(all.items.filter((i) => i.round.period === "2024-T1").map((i) => i.unit.code)).toEqual([
      "TA",
      "TB",
      "TC",
    ]);
    expect(all.items.find((i) => i.round.period === "2024-T2")?.daysOverdue).toBe(5);
    const own = await json<{ items: { unit: { code: string } }[] }>(
      "GET",
      "taReader",
      "/api/overdue?asOf=2024-09-20",
    );
    expect(new Set(own.items.map((i) => i.unit.code))).toEqual(new Set(["TA"]));
    const early = await json<{ count: number }>("GET", "regReader", "/api/overdue?asOf=2024-05-15");
    expect(early.count).toBe(0);
  });

  it("fills a person's inbox from the units they hold a role on themselves", async () => {
    const regional = await json<{ toWrite: { unit: { code: string }; kind: string }[] }>(
      "GET",
      "regEditor",
      "/api/inbox",
    );
    expect(new Set(regional.toWrite.map((i) => `${i.unit.code}:${i.kind}`))).toEqual(
      new Set(["REG:consolidated"]),
    );
    const trust = await json<{ toWrite: { unit: { code: string }; round: { deadline: string } }[] }>(
      "GET",
      "tbEditor",
      "/api/inbox",
    );
    expect(new Set(trust.toWrite.map((i) => i.unit.code))).toEqual(new Set(["TB"]));
    const deadlines = trust.toWrite.map((i) => i.round.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
  });
});

describe("carrying unfinished assignments into next year", () => {
  it("makes a draft for 2025 with the unfinished assignments, for the units that did not finish, linked back", async () => {
    const year = await roundId("2024");
    for (const unit of [trustA, trustB]) {
      await complete((await answerFor(year, unit.id, requirement.annualIndicator)).id, "fulfilled");
    }
    await complete((await answerFor(year, region.id, requirement.annualIndicator)).id, "fulfilled");
    // Requirement 1: A fulfilled, B not fulfilled, C never approved.
    await complete((await answerFor(year, trustA.id, requirement.everyTertial)).id, "fulfilled");
    await complete((await answerFor(year, trustB.id, requirement.everyTertial)).id, "not_fulfilled");
    // Requirement 3 (joint): every unit and the region fulfilled and approved.
    for (const unit of [trustA, trustB, trustC, region]) {
      await complete((await answerFor(year, unit.id, requirement.joint)).id, "fulfilled");
    }

    const response = await call("POST", "regEditor", `/api/steering-documents/${documentId}/carry-over`, {});
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({
      document: { title: "Styringskrav og rammer 2025", year: 2025, state: "draft" },
      fromRound: { period: "2024" },
      carried: [{ number: "1", derivedFromId: requirement.everyTertial, appliesTo: [trustB.id, trustC.id] }],
    });
    const carried = await json<{ derivedFrom: { id: number; year: number } }>(
      "GET",
      "regEditor",
      `/api/requirements/${result.carried[0].id}`,
    );
    expect(carried.derivedFrom).toMatchObject({ id: requirement.everyTertial, year: 2024 });
  });

  it("forbids readers to carry over", async () => {
    expect(
      (await call("POST", "regReader", `/api/steering-documents/${documentId}/carry-over`, {})).statusCode,
    ).toBe(403);
  });
});
