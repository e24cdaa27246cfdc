// The documents tests' organisation, users and helpers, shared by documents.int.test.ts
// (templates and generating) and stored.int.test.ts (stored documents, comparing, board cases).
// Each test file calls withDocumentsData() and gets an app of its own.

import { afterAll, beforeAll } from "vitest";
import type { Caller } from "../../caller.ts";
import { createTestApp } from "../../testing/app.ts";
import type { DocumentSource } from "./collect.ts";
import type { DocumentData } from "./model.ts";
import { generateDocumentInput } from "./schema.ts";
import { generateDocument } from "./service.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
// Live bindings: set in beforeAll, read by the tests.
export let t: TestApp;
export let region: { id: number; path: string; name: string };
export let otherRegion: { id: number; path: string };
export let trust: { id: number; path: string };
export let editor: Caller;
export const cookies: Record<"root" | "admin" | "editor" | "reader" | "outsider" | "trustAdmin", string> = {
  root: "",
  admin: "",
  editor: "",
  reader: "",
  outsider: "",
  trustAdmin: "",
};

/** Registers the hooks that build the organisation before the file's tests and close the app after. */
export function withDocumentsData() {
  beforeAll(setUp);
  afterAll(() => t.close());
}

async function setUp() {
  t = await createTestApp();
  const owner = await t.make.unit({ kind: "owner" });
  region = await t.make.unit({
    parentId: owner.id,
    kind: "regional_health_authority",
    name: "Helse Nord RHF",
  });
  otherRegion = await t.make.unit({ parentId: owner.id, kind: "regional_health_authority" });
  trust = await t.make.unit({ parentId: region.id });
  await t.make.user({ username: "doc-root", systemAdmin: true });
  await t.make.user({ username: "doc-admin", roles: [{ unitId: region.id, role: "admin" }] });
  const editorUser = await t.make.user({
    username: "doc-editor",
    roles: [{ unitId: region.id, role: "editor" }],
  });
  await t.make.user({ username: "doc-reader", roles: [{ unitId: region.id, role: "reader" }] });
  await t.make.user({ username: "doc-outsider", roles: [{ unitId: otherRegion.id, role: "reader" }] });
  await t.make.user({ username: "doc-trustadmin", roles: [{ unitId: trust.id, role: "admin" }] });
  cookies.root = await t.signIn("doc-root");
  cookies.admin = await t.signIn("doc-admin");
  cookies.editor = await t.signIn("doc-editor");
  cookies.reader = await t.signIn("doc-reader");
  cookies.outsider = await t.signIn("doc-outsider");
  cookies.trustAdmin = await t.signIn("doc-trustadmin");
  editor = {
    principal: {
      userId: editorUser.id,
      isSystemAdmin: false,
      assignments: [{ unitPath: region.path, role: "editor" }],
    },
    actor: { id: editorUser.id, name: editorUser.displayName },
  };
}

export const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
export const send = (cookie: string, method: "POST" | "PUT", url: string, payload: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });

/** A source that hands over prepared data, as the reporting and scorecard services will. */
export function sourceOf(data: DocumentData): DocumentSource {
  return {
    async collectDocumentData(_db, unitId, period, options) {
      return {
        ...structuredClone(data),
        unit: { id: unitId, code: "HN", name: region.name },
        period,
        takenAt: options.now.toISOString(),
        boardCase: options.boardCase,
      };
    },
  };
}

export async function generateWith(
  data: DocumentData,
  input: Partial<Parameters<typeof generateDocumentInput.parse>[0]> = {},
) {
  const parsed = generateDocumentInput.parse({
    type: "annual_report",
    unitId: region.id,
    period: "2024",
    ...input,
  });
  return generateDocument(t.db, sourceOf(data), editor, parsed, new Date("2025-03-01T08:30:00.000Z"));
}

export async function documentCount(cookie = cookies.root) {
  return ((await get(cookie, "/api/documents")).json() as unknown[]).length;
}
