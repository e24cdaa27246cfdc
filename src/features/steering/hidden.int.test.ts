import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

// A thing someone may not read answers exactly as a thing that does not exist, whatever the
// method: 404, with the same words. Only someone who can read it hears 403 for a change.

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Route = [Method, string, object?];
type Ids = { document: number; chapter: number; requirement: number };
let t: TestApp;
const cookies: Record<string, string> = {};
const missing = 999_999;
const region = { name: "Region Hemmelig RHF", code: "RHEM" };
let regionUnitId: number;
let draft: Ids;
let published: Ids;
let roundId: number;
let trustAnswerId: number;

function call(method: Method, who: string, url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] as string },
    ...(payload ? { payload } : {}),
  });
}

async function json<T>(method: Method, who: string, url: string, payload?: object): Promise<T> {
  const response = await call(method, who, url, payload);
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

async function newDocument(title: string, recipientUnitIds: number[]): Promise<Ids> {
  const document = await json<{ id: number }>("POST", "editor", "/api/steering-documents", {
    year: 2024,
    issuingUnitId: regionUnitId,
    recipientUnitIds,
    kind: "steering_document",
    title,
  });
  const chapter = await json<{ id: number }>(
    "POST",
    "editor",
    `/api/steering-documents/${document.id}/chapters`,
    {
      title: "Hemmelig kapittel",
    },
  );
  const requirement = await json<{ id: number }>(
    "POST",
    "editor",
    `/api/steering-documents/${document.id}/requirements`,
    { number: "1", kind: "assignment", text: "Hemmelig krav", chapterId: chapter.id, frequency: ["T1"] },
  );
  return { document: document.id, chapter: chapter.id, requirement: requirement.id };
}

/** Every route on a steering document, its chapters and requirements, and its rounds. */
const documentRoutes = ({ document, chapter, requirement }: Ids): Route[] => [
  ["GET", `/api/steering-documents/${document}`],
  ["PATCH", `/api/steering-documents/${document}`, { version: 1, title: "Nytt navn" }],
  ["DELETE", `/api/steering-documents/${document}?version=1`],
  ["POST", `/api/steering-documents/${document}/publish`, { version: 1 }],
  ["POST", `/api/steering-documents/${document}/versions`],
  ["GET", `/api/steering-documents/${document}/parent-requirements`],
  ["POST", `/api/steering-documents/${document}/chapters`, { title: "Nytt kapittel" }],
  ["PUT", `/api/steering-documents/${document}/chapters/order`, { chapterIds: [chapter] }],
  [
    "POST",
    `/api/steering-documents/${document}/requirements`,
    { number: "9", kind: "assignment", text: "Nytt" },
  ],
  ["GET", `/api/steering-documents/${document}/rounds`],
  ["POST", `/api/steering-documents/${document}/rounds`, { period: "2024-T2", deadline: "2024-09-30" }],
  ["POST", `/api/steering-documents/${document}/carry-over`, {}],
  ["PATCH", `/api/chapters/${chapter}`, { version: 1, title: "Nytt" }],
  ["DELETE", `/api/chapters/${chapter}?version=1`],
  ["GET", `/api/requirements/${requirement}`],
  ["PATCH", `/api/requirements/${requirement}`, { version: 1, text: "Endret" }],
  ["DELETE", `/api/requirements/${requirement}?version=1`],
];

const roundRoutes = (round: number): Route[] => [
  ["GET", `/api/rounds/${round}`],
  ["POST", `/api/rounds/${round}/close`, { version: 1 }],
  ["POST", `/api/rounds/${round}/reopen`, { version: 1 }],
  ["GET", `/api/rounds/${round}/matrix`],
];

const answerRoutes = (answer: number): Route[] => [
  ["GET", `/api/answers/${answer}`],
  ["PATCH", `/api/answers/${answer}`, { version: 1, text: "Svar" }],
  ["POST", `/api/answers/${answer}/submit`, { version: 1 }],
  ["POST", `/api/answers/${answer}/approve`, { version: 1 }],
  ["POST", `/api/answers/${answer}/return`, { version: 1, comment: "Nei" }],
  ["GET", `/api/answers/${answer}/versions`],
  ["GET", `/api/answers/${answer}/diff?from=1&to=1`],
];

/** Each hidden route answers as its twin about things that do not exist, and names nothing. */
async function expectHidden(who: string, hidden: Route[], absent: Route[], secrets: string[]) {
  for (const [index, [method, url, payload]] of hidden.entries()) {
    const [, absentUrl, absentPayload] = absent[index] as Route;
    const response = await call(method, who, url, payload);
    const twin = await call(method, who, absentUrl, absentPayload);
    expect([method, url, response.statusCode]).toEqual([method, url, 404]);
    const words = (body: string) => String(JSON.parse(body).detail).replace(/\d+/g, "N");
    expect([method, url, words(response.body)]).toEqual([method, url, words(twin.body)]);
    for (const secret of secrets) expect(response.body).not.toContain(secret);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const owner = await t.make.unit({ kind: "owner", code: "OWNH" });
  const regionUnit = await t.make.unit({ parentId: owner.id, kind: "regional_health_authority", ...region });
  regionUnitId = regionUnit.id;
  const otherRegion = await t.make.unit({
    parentId: owner.id,
    kind: "regional_health_authority",
    code: "OTHH",
  });
  const trustA = await t.make.unit({ parentId: regionUnit.id, code: "TAH" });
  const trustB = await t.make.unit({ parentId: regionUnit.id, code: "TBH" });
  const people = {
    editor: { unitId: regionUnit.id, role: "editor" as const },
    approver: { unitId: regionUnit.id, role: "approver" as const },
    outsider: { unitId: otherRegion.id, role: "admin" as const },
    trustReader: { unitId: trustA.id, role: "reader" as const },
    trustBEditor: { unitId: trustB.id, role: "editor" as const },
  };
  for (const [username, role] of Object.entries(people)) {
    await t.make.user({ username, roles: [role] });
    cookies[username] = await t.signIn(username);
  }
  draft = await newDocument("Hemmelig utkast", [trustA.id]);
  published = await newDocument("Publisert dokument", [trustA.id, trustB.id]);
  const { version } = await json<{ version: number }>(
    "GET",
    "editor",
    `/api/steering-documents/${published.document}`,
  );
  await json("POST", "approver", `/api/steering-documents/${published.document}/publish`, { version });
  roundId = (
    await json<{ id: number }>("POST", "approver", `/api/steering-documents/${published.document}/rounds`, {
      period: "2024-T1",
      deadline: "2024-05-31",
    })
  ).id;
  const report = await json<{ sections: { items: { answer: { id: number } }[] }[] }>(
    "GET",
    "trustReader",
    `/api/rounds/${roundId}/units/${trustA.id}/report`,
  );
  trustAnswerId = report.sections[0]?.items[0]?.answer.id ?? 0;
});
afterAll(() => t.close());

const absentIds = { document: missing, chapter: missing, requirement: missing };
const secrets = [region.name, region.code, "Hemmelig", "Publisert dokument"];

describe("steering documents someone may not read", () => {
  it("answers 404 on every route of another region's draft, as for one that does not exist", async () => {
    await expectHidden("outsider", documentRoutes(draft), documentRoutes(absentIds), secrets);
  });

  it("answers 404 on every route of another region's published document", async () => {
    await expectHidden("outsider", documentRoutes(published), documentRoutes(absentIds), secrets);
  });

  it("keeps a draft hidden from its recipients on every route", async () => {
    await expectHidden("trustReader", documentRoutes(draft), documentRoutes(absentIds), secrets);
  });

  it("answers 404 to an upload into another region's document", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/steering-documents/${draft.document}/requirements/import`,
      headers: { cookie: cookies.outsider as string, "content-type": "multipart/form-data; boundary=B" },
      payload:
        '--B\r\nContent-Disposition: form-data; name="file"; filename="k.csv"\r\n\r\nnummer;tekst\r\n--B--\r\n',
    });
    expect(response.statusCode).toBe(404);
    for (const secret of secrets) expect(response.body).not.toContain(secret);
  });

  it("answers 403 to a recipient who can read a published document but not change it", async () => {
    expect(
      (await call("GET", "trustReader", `/api/steering-documents/${published.document}`)).statusCode,
    ).toBe(200);
    const changes = documentRoutes(published).filter(([method]) => method !== "GET");
    for (const [method, url, payload] of changes) {
      const response = await call(method, "trustReader", url, payload);
      expect([method, url, response.statusCode]).toEqual([method, url, 403]);
    }
  });
});

describe("rounds and answers someone may not read", () => {
  it("answers 404 on every route of another region's round and answers", async () => {
    await expectHidden("outsider", roundRoutes(roundId), roundRoutes(missing), secrets);
    await expectHidden("outsider", answerRoutes(trustAnswerId), answerRoutes(missing), secrets);
    // The overdue list filters the person's own units, so a hidden round gives the empty list of a missing one.
    const overdue = await call("GET", "outsider", `/api/rounds/${roundId}/overdue?asOf=2024-12-31`);
    const absent = await call("GET", "outsider", `/api/rounds/${missing}/overdue?asOf=2024-12-31`);
    expect(overdue.json()).toEqual(absent.json());
  });

  it("answers 404 on every route of another unit's answer in a round one can read", async () => {
    expect((await call("GET", "trustBEditor", `/api/rounds/${roundId}`)).statusCode).toBe(200);
    await expectHidden("trustBEditor", answerRoutes(trustAnswerId), answerRoutes(missing), ["TAH"]);
  });
});
