import { beforeAll, describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { canonicalJson, sha256Hex } from "./canonical.ts";
import { cookies, generateWith, get, region, send, withDocumentsData } from "./documents.fixture.ts";
import { renderDocx } from "./docx.ts";
import type { DocumentContent, DocumentData } from "./model.ts";
import { sampleAnnualReportData } from "./samples.ts";
import type { DocumentTemplate } from "./template.ts";
import { docxPart, paragraphs } from "./testing.ts";

// Stored documents (rebuilt from their snapshots, their views and who may see them), comparing two,
// and board cases.

withDocumentsData();

describe("a stored document", () => {
  let stored: Awaited<ReturnType<typeof generateWith>>;
  const data = sampleAnnualReportData({ introduction: "Innledning med <script>alert('x')</script> i." });

  beforeAll(async () => {
    stored = await generateWith(data);
  });

  it("rebuilds to the same content and byte-identical Word file from its snapshot", async () => {
    // Generated without front page fields: the snapshot says so (null).
    const expectedData: DocumentData = {
      ...data,
      unit: { id: region.id, code: "HN", name: region.name },
      frontPage: null,
    };
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
    expect(response.body).toContain('<h2 id="section-1">1 Innledning</h2>');
    expect(response.body).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(response.body).not.toContain("<script");
  });

  it("is a real Word document with the headings and the summary tables", async () => {
    const bytes = (await get(cookies.reader, `/api/documents/${stored.id}/docx`)).rawPayload;
    const texts = paragraphs(await docxPart(bytes, "word/document.xml"));
    expect(texts).toContainEqual({ style: "Heading1", text: "2 Rapportering på mål og oppdrag" });
    // A figure and its unit are kept together with a no-break space.
    expect(texts.map((paragraph) => paragraph.text)).toContain("16/33 (48,5\u00a0%)");
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
      "Indikatorer",
      "Administrerende direktørs vurdering",
      "Vedlegg",
    ]);
  });
});
