import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access.ts";
import { createTestApp } from "../../testing/app.ts";
import type { Actor } from "../audit/service.ts";
import { buildDocument } from "./build.ts";
import { canonicalJson, sha256Hex } from "./canonical.ts";
import type { DocumentSource } from "./collect.ts";
import { renderDocx } from "./docx.ts";
import type { DocumentContent, DocumentData } from "./model.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { generateDocumentInput } from "./schema.ts";
import { generateDocument } from "./service.ts";
import { type DocumentTemplate, defaultTemplate } from "./template.ts";
import { docxPart, paragraphs } from "./testing.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let region: { id: number; path: string; name: string };
let otherRegion: { id: number; path: string };
let trust: { id: number; path: string };
let editor: { principal: Principal; actor: Actor };
const cookies: Record<"root" | "admin" | "editor" | "reader" | "outsider" | "trustAdmin", string> = {
  root: "",
  admin: "",
  editor: "",
  reader: "",
  outsider: "",
  trustAdmin: "",
};

beforeAll(async () => {
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
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
const send = (cookie: string, method: "POST" | "PUT", url: string, payload: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });

/** A source that hands over prepared data, as the reporting and scorecard services will. */
function sourceOf(data: DocumentData): DocumentSource {
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

async function generateWith(
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

async function documentCount(cookie = cookies.root) {
  return ((await get(cookie, "/api/documents")).json() as unknown[]).length;
}

describe("templates", () => {
  const hidingScorecard: DocumentTemplate = {
    ...defaultTemplate("annual_report"),
    sections: defaultTemplate("annual_report").sections.map((section) =>
      section.key === "scorecard_indicators" ? { ...section, visible: false } : section,
    ),
  };

  it("gives the built-in default until one is saved", async () => {
    const response = await get(cookies.reader, `/api/document-templates/annual_report?unitId=${region.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      source: "default",
      version: 0,
      template: defaultTemplate("annual_report"),
    });
  });

  it("refuses a reader and another unit's administrator, and saves nothing", async () => {
    const body = { unitId: region.id, version: 0, template: hidingScorecard };
    expect(
      (await send(cookies.reader, "PUT", "/api/document-templates/annual_report", body)).statusCode,
    ).toBe(403);
    expect(
      (await send(cookies.trustAdmin, "PUT", "/api/document-templates/annual_report", body)).statusCode,
    ).toBe(403);
    const after = await get(cookies.reader, `/api/document-templates/annual_report?unitId=${region.id}`);
    expect(after.json().source).toBe("default");
  });

  it("lets the unit's administrator save, with a version, and audits it", async () => {
    const body = { unitId: region.id, version: 0, template: hidingScorecard };
    const saved = await send(cookies.admin, "PUT", "/api/document-templates/annual_report", body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ source: "unit", version: 1, template: hidingScorecard });

    const audit = await get(cookies.root, "/api/audit?entityType=document_template");
    expect(audit.json().entries[0]).toMatchObject({
      action: "create",
      entityId: `annual_report:${region.id}`,
      after: { sections: expect.any(Array) },
    });
  });

  it("answers 409 to a save based on an old version, and keeps the newer one", async () => {
    const stale = await send(cookies.admin, "PUT", "/api/document-templates/annual_report", {
      unitId: region.id,
      version: 0,
      template: defaultTemplate("annual_report"),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version", current: { version: 1 } });
    const current = await get(cookies.reader, `/api/document-templates/annual_report?unitId=${region.id}`);
    expect(current.json().template).toEqual(hidingScorecard);
  });

  it("keeps the organisation's general templates to system administrators; units without their own use them", async () => {
    const general = { ...defaultTemplate("tertial_report"), title: "Tertialrapport {period} – {unit}" };
    const body = { unitId: null, version: 0, template: general };
    expect(
      (await send(cookies.admin, "PUT", "/api/document-templates/tertial_report", body)).statusCode,
    ).toBe(403);
    expect((await send(cookies.root, "PUT", "/api/document-templates/tertial_report", body)).statusCode).toBe(
      200,
    );
    const forTrust = await get(cookies.reader, `/api/document-templates/tertial_report?unitId=${trust.id}`);
    expect(forTrust.json()).toMatchObject({ source: "general", version: 0, template: general });
  });

  it("names the field of an invalid template", async () => {
    const twice = defaultTemplate("annual_report");
    twice.sections.push({ key: "introduction", visible: false, heading: null, introduction: null });
    const response = await send(cookies.admin, "PUT", "/api/document-templates/annual_report", {
      unitId: region.id,
      version: 1,
      template: twice,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0].field).toMatch(/^template\.sections/);
  });
});

describe("generating", () => {
  it("reads the live data: a region without steering documents or indicators gets no such sections", async () => {
    const before = await documentCount();
    const response = await send(cookies.editor, "POST", "/api/documents", {
      type: "annual_report",
      unitId: region.id,
      period: "2024",
    });
    expect(response.statusCode).toBe(201);
    expect(await documentCount()).toBe(before + 1);
    const document = (await get(cookies.reader, `/api/documents/${response.json().id}`)).json();
    expect(document.content.title).toBe("Årlig melding 2024 for Helse Nord RHF");
    expect(document.content.sections).toEqual([]);
  });

  it("refuses a reader, and a period that does not fit the document type", async () => {
    const forbidden = await send(cookies.reader, "POST", "/api/documents", {
      type: "annual_report",
      unitId: region.id,
      period: "2024",
    });
    expect(forbidden.statusCode).toBe(403);
    const wrongPeriod = await send(cookies.editor, "POST", "/api/documents", {
      type: "annual_report",
      unitId: region.id,
      period: "2024-T1",
    });
    expect(wrongPeriod.statusCode).toBe(400);
    expect(wrongPeriod.json().problems[0].field).toBe("period");
    const noCase = await send(cookies.editor, "POST", "/api/documents", {
      type: "board_case",
      unitId: region.id,
      period: "2024",
    });
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json().problems[0].field).toBe("boardCase");
  });

  it("stores the snapshot, the template used and the snapshot's hash, and audits the generation", async () => {
    const stored = await generateWith(sampleAnnualReportData());
    expect(stored).toMatchObject({
      type: "annual_report",
      unitId: region.id,
      period: "2024",
      title: "Årlig melding 2024 for Helse Nord RHF",
      templateSource: "unit",
      takenAt: "2025-03-01T08:30:00.000Z",
    });
    const response = await get(cookies.reader, `/api/documents/${stored.id}`);
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.snapshotIntact).toBe(true);
    // The region's template hides the scorecard table.
    const headings = (document.content as DocumentContent).sections.map((section) => section.heading);
    expect(headings).toContain("Måloppnåelse og trend");
    expect(headings).not.toContain("Målekort");

    const audit = await get(cookies.root, `/api/audit?entityType=generated_document&entityId=${stored.id}`);
    expect(audit.json().entries[0]).toMatchObject({
      action: "generate",
      after: { snapshotHash: stored.snapshotHash },
    });
  });
});

describe("a stored document", () => {
  let stored: Awaited<ReturnType<typeof generateWith>>;
  const data = sampleAnnualReportData({ introduction: "Innledning med <script>alert('x')</script> i." });

  beforeAll(async () => {
    stored = await generateWith(data);
  });

  it("rebuilds to the same content and byte-identical Word file from its snapshot", async () => {
    const expectedData: DocumentData = { ...data, unit: { id: region.id, code: "HN", name: region.name } };
    expect(stored.snapshotHash).toBe(sha256Hex(canonicalJson(expectedData)));

    const template = (
      await get(cookies.reader, `/api/document-templates/annual_report?unitId=${region.id}`)
    ).json().template as DocumentTemplate;
    const expectedContent = buildDocument("annual_report", expectedData, template, "nb");
    const document = (await get(cookies.reader, `/api/documents/${stored.id}`)).json();
    expect(document.content).toEqual(expectedContent);

    const first = await get(cookies.reader, `/api/documents/${stored.id}/docx`);
    const second = await get(cookies.editor, `/api/documents/${stored.id}/docx`);
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(first.headers["content-disposition"]).toContain(
      'filename="Arlig-melding-2024-for-Helse-Nord-RHF.docx"',
    );
    expect(first.rawPayload.equals(second.rawPayload)).toBe(true);
    expect(first.rawPayload.equals(await renderDocx(expectedContent))).toBe(true);
  });

  it("keeps the template it was made with when the template changes later", async () => {
    const before = (await get(cookies.reader, `/api/documents/${stored.id}`)).json().content;
    const current = (
      await get(cookies.admin, `/api/document-templates/annual_report?unitId=${region.id}`)
    ).json();
    const changed = await send(cookies.admin, "PUT", "/api/document-templates/annual_report", {
      unitId: region.id,
      version: current.version,
      template: { ...current.template, title: "Ny tittel" },
    });
    expect(changed.statusCode).toBe(200);
    expect((await get(cookies.reader, `/api/documents/${stored.id}`)).json().content).toEqual(before);
  });

  it("has a printable preview in which user text cannot run scripts", async () => {
    const response = await get(cookies.reader, `/api/documents/${stored.id}/preview`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(response.body).toContain("<h2>Innledning</h2>");
    expect(response.body).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(response.body).not.toContain("<script");
  });

  it("is a real Word document with the headings and the summary tables", async () => {
    const bytes = (await get(cookies.reader, `/api/documents/${stored.id}/docx`)).rawPayload;
    const texts = paragraphs(await docxPart(bytes, "word/document.xml"));
    expect(texts).toContainEqual({ style: "Heading1", text: "Rapportering på mål og oppdrag" });
    expect(texts.map((paragraph) => paragraph.text)).toContain("16/33 (48,5 %)");
  });

  it("is listed for readers of the unit and hidden from others", async () => {
    const listed = (await get(cookies.reader, `/api/documents?unitId=${region.id}`)).json() as {
      id: number;
    }[];
    expect(listed.map((each) => each.id)).toContain(stored.id);
    const outsiders = (await get(cookies.outsider, "/api/documents")).json() as { id: number }[];
    expect(outsiders.map((each) => each.id)).not.toContain(stored.id);
    expect((await get(cookies.outsider, `/api/documents?unitId=${region.id}`)).statusCode).toBe(403);
  });

  it("answers 404 to a user without a role on the unit, for every view, naming nothing", async () => {
    for (const view of ["", "/docx", "/preview"]) {
      const response = await get(cookies.outsider, `/api/documents/${stored.id}${view}`);
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.body).not.toContain(region.name);
    }
    const compare = await get(
      cookies.outsider,
      `/api/documents/compare?from=${stored.id}&to=${stored.id + 1}`,
    );
    expect(compare.statusCode).toBe(404);
  });

  it("answers 404 for a document that does not exist", async () => {
    expect((await get(cookies.reader, "/api/documents/999999/docx")).statusCode).toBe(404);
  });
});

describe("comparing stored documents", () => {
  it("finds the chapter whose answer changed between two generations", async () => {
    const first = await generateWith(sampleAnnualReportData());
    const changedData = sampleAnnualReportData();
    const requirement = changedData.chapters[0]?.requirements[1];
    if (!requirement) throw new Error("sample changed");
    requirement.answer = "Kravet er innfridd. Realveksten ble 2,6 %.";
    const second = await generateWith(changedData);

    const response = await get(cookies.reader, `/api/documents/compare?from=${first.id}&to=${second.id}`);
    expect(response.statusCode).toBe(200);
    const comparison = response.json();
    expect(comparison.from.id).toBe(first.id);
    const changed = comparison.sections.filter(
      (section: { change: string }) => section.change !== "unchanged",
    );
    expect(changed).toEqual([
      expect.objectContaining({
        key: "requirements/od-2.1",
        change: "changed",
        blocks: [expect.objectContaining({ change: "changed", label: "2.1.2", fields: ["answer"] })],
      }),
    ]);
  });

  it("refuses to compare a document with itself", async () => {
    const documents = (await get(cookies.reader, "/api/documents")).json() as { id: number }[];
    const id = documents[0]?.id ?? 1;
    const response = await get(cookies.reader, `/api/documents/compare?from=${id}&to=${id}`);
    expect(response.statusCode).toBe(400);
  });
});

describe("a board case", () => {
  it("is generated with the secretariat's fields and titled by its case number", async () => {
    const stored = await generateWith(sampleAnnualReportData(), {
      type: "board_case",
      boardCase: {
        caseNumber: "23-2025",
        date: "2025-03-07",
        place: "Bodø",
        resolutionPoints: ["Styret godkjenner Årlig melding 2024."],
        background: "Bakgrunnen.",
        assessment: "Vurderingen.",
        attachments: ["Årlig melding 2024"],
      },
    });
    expect(stored.title).toBe("Styresak 23-2025 Årlig melding 2024 for Helse Nord RHF");
    const content = (await get(cookies.reader, `/api/documents/${stored.id}`)).json()
      .content as DocumentContent;
    expect(content.sections.map((section) => section.heading)).toEqual([
      "Forslag til vedtak",
      "Bakgrunn",
      "Måloppnåelse og trend",
      "Administrerende direktørs vurdering",
      "Vedlegg",
    ]);
  });
});
