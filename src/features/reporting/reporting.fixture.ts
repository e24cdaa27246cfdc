// Test support for the reporting tests (answerWorkflow.int.test.ts, roundOverview.int.test.ts):
// an app with an owner, a region and three trusts, people with each role, a draft steering
// document of the region with three requirements, and helpers to call the API as someone.

import { afterAll, beforeAll } from "vitest";
import { createTestApp } from "../../testing/app.ts";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type Unit = { id: number; code: string; name: string; path: string };
export type Answer = {
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

export let t: TestApp;
export let owner: Unit;
export let region: Unit;
export let trustA: Unit;
export let trustB: Unit;
export let trustC: Unit;
export let documentId: number;
export const requirement: Record<"everyTertial" | "annualIndicator" | "joint", number> = {
  everyTertial: 0,
  annualIndicator: 0,
  joint: 0,
};
const cookies: Record<string, string> = {};

export function call(method: "GET" | "POST" | "PATCH" | "PUT", who: string, url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] as string },
    ...(payload ? { payload } : {}),
  });
}

export async function json<T>(
  method: "GET" | "POST" | "PATCH" | "PUT",
  who: string,
  url: string,
  payload?: object,
): Promise<T> {
  const response = await call(method, who, url, payload);
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url} as ${who}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

/**
 * The test app for the file: units OWN > REG (Region RHF) > TA, TB, TC; people with each role;
 * the draft "Styringskrav og rammer 2024" with requirement 1 (every tertial), 2 (an annual
 * indicator for TA and TB) and 3 (a joint assignment at T2 and the year, led by TB).
 */
export function setUpReportingApp() {
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
      {
        systemAdmin?: boolean;
        roles?: { unitId: number; role: "admin" | "approver" | "editor" | "reader" }[];
      }
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
}

export async function publishDocument() {
  const { version } = await json<{ version: number }>(
    "GET",
    "regEditor",
    `/api/steering-documents/${documentId}`,
  );
  await json("POST", "regApprover", `/api/steering-documents/${documentId}/publish`, { version });
}

export async function openRound(period: string, deadline: string) {
  return json<{ id: number; version: number; counts: { total: number } }>(
    "POST",
    "regApprover",
    `/api/steering-documents/${documentId}/rounds`,
    { period, deadline },
  );
}

export async function answersOf(roundId: number, unitId: number) {
  const report = await json<{ sections: { items: { answer: Answer }[] }[] }>(
    "GET",
    "root",
    `/api/rounds/${roundId}/units/${unitId}/report`,
  );
  return report.sections.flatMap((section) => section.items.map((item) => item.answer));
}

export async function answerFor(roundId: number, unitId: number, requirementId: number) {
  const found = (await answersOf(roundId, unitId)).find((a) => a.requirementId === requirementId);
  if (!found) throw new Error(`no answer for requirement ${requirementId} from unit ${unitId}`);
  return found;
}

export async function current(answerId: number, who = "root") {
  return json<Answer>("GET", who, `/api/answers/${answerId}`);
}

/** Writes, submits and approves an answer as the system administrator. */
export async function complete(answerId: number, status: string, text = "Rapportert.") {
  let answer = await json<Answer>("PATCH", "root", `/api/answers/${answerId}`, {
    version: (await current(answerId)).version,
    status,
    text,
  });
  answer = await json<Answer>("POST", "root", `/api/answers/${answerId}/submit`, { version: answer.version });
  return json<Answer>("POST", "root", `/api/answers/${answerId}/approve`, { version: answer.version });
}

export async function roundId(period: string) {
  const rounds = await json<{ id: number; period: string }[]>(
    "GET",
    "root",
    `/api/steering-documents/${documentId}/rounds`,
  );
  const round = rounds.find((r) => r.period === period);
  if (!round) throw new Error(`no round ${period}`);
  return round.id;
}

/**
 * What the answer workflow tests leave behind, for the tests of what follows: the document
 * published, its rounds for 2024-T1, 2024-T2 and 2024 open, and Trust A's answer to requirement 1
 * in 2024-T1 submitted as partly fulfilled.
 */
export async function openRoundsWithOneSubmittedAnswer() {
  await publishDocument();
  await openRound("2024-T1", "2024-05-15");
  await openRound("2024-T2", "2024-09-15");
  await openRound("2024", "2025-02-01");
  const answer = await answerFor(await roundId("2024-T1"), trustA.id, requirement.everyTertial);
  const saved = await json<Answer>("PATCH", "taEditor", `/api/answers/${answer.id}`, {
    version: answer.version,
    status: "partly_fulfilled",
    text: "Sykefraværet er redusert ved to av tre klinikker.",
  });
  await json("POST", "taEditor", `/api/answers/${answer.id}/submit`, { version: saved.version });
}
