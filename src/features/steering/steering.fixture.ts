// The steering tests' organisation, people and helpers, shared by drafting.int.test.ts (drafting
// and bad requirements) and versions.int.test.ts (publishing, versions and derived-from links).
// Each test file calls withSteeringData() and gets an app of its own.

import { afterAll, beforeAll, expect } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Unit = { id: number; code: string; path: string };
// Live bindings: set in beforeAll, read by the tests.
export let t: TestApp;
export let owner: Unit;
export let region: Unit;
export let trustA: Unit;
export let trustB: Unit;
export let otherRegion: Unit;
const cookies: Record<string, string> = {};

/** Registers the hooks that build the organisation before the file's tests and close the app after. */
export function withSteeringData() {
  beforeAll(setUp);
  afterAll(() => t.close());
}

async function setUp() {
  t = await createTestApp();
  owner = await t.make.unit({ kind: "owner", code: "OWN" });
  region = await t.make.unit({ parentId: owner.id, kind: "regional_health_authority", code: "REG" });
  otherRegion = await t.make.unit({ parentId: owner.id, kind: "regional_health_authority", code: "OTH" });
  trustA = await t.make.unit({ parentId: region.id, code: "TA" });
  trustB = await t.make.unit({ parentId: region.id, code: "TB" });
  const people = {
    root: { systemAdmin: true },
    editor: { roles: [{ unitId: region.id, role: "editor" as const }] },
    approver: { roles: [{ unitId: region.id, role: "approver" as const }] },
    reader: { roles: [{ unitId: region.id, role: "reader" as const }] },
    trustReader: { roles: [{ unitId: trustA.id, role: "reader" as const }] },
    ownerEditor: { roles: [{ unitId: owner.id, role: "editor" as const }] },
    ownerApprover: { roles: [{ unitId: owner.id, role: "approver" as const }] },
  };
  for (const [username, options] of Object.entries(people)) {
    await t.make.user({ username, ...options });
    cookies[username] = await t.signIn(username);
  }
}

export function call(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  who: string,
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] as string },
    ...(payload ? { payload } : {}),
  });
}

export async function newDraft(title = "Styringskrav og rammer 2024", recipients = [trustA.id, trustB.id]) {
  const response = await call("POST", "editor", "/api/steering-documents", {
    year: 2024,
    issuingUnitId: region.id,
    recipientUnitIds: recipients,
    kind: "steering_document",
    title,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: number; version: number };
}

export async function addChapter(documentId: number, title: string) {
  const response = await call("POST", "editor", `/api/steering-documents/${documentId}/chapters`, { title });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: number; version: number };
}

export async function addRequirement(documentId: number, fields: Record<string, unknown>) {
  return call("POST", "editor", `/api/steering-documents/${documentId}/requirements`, {
    kind: "assignment",
    text: "Helseforetakene skal ...",
    ...fields,
  });
}

export async function currentVersion(documentId: number, who = "editor") {
  return ((await call("GET", who, `/api/steering-documents/${documentId}`)).json() as { version: number })
    .version;
}

export async function publish(documentId: number) {
  const response = await call("POST", "approver", `/api/steering-documents/${documentId}/publish`, {
    version: await currentVersion(documentId),
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}
