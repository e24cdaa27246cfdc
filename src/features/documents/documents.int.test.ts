import { describe, expect, it } from "vitest";
import {
  cookies,
  documentCount,
  generateWith,
  get,
  region,
  send,
  trust,
  withDocumentsData,
} from "./documents.fixture.ts";
import type { DocumentContent } from "./model.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { type DocumentTemplate, defaultTemplate } from "./template.ts";

// Templates and generating documents; stored documents, comparing and board cases are in
// stored.int.test.ts.

withDocumentsData();

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
    // Only the introduction, which says what the document is; nothing else to show.
    expect(document.content.sections.map((section: { heading: string }) => section.heading)).toEqual([
      "Innledning",
    ]);
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
    expect(headings).toContain("Sammendrag");
    expect(headings).not.toContain("Målekort");

    const audit = await get(cookies.root, `/api/audit?entityType=generated_document&entityId=${stored.id}`);
    expect(audit.json().entries[0]).toMatchObject({
      action: "generate",
      after: { snapshotHash: stored.snapshotHash },
    });
  });
});
