import { beforeAll, describe, expect, it } from "vitest";
import { indicators } from "../../db/schema.ts";
import {
  addChapter,
  addRequirement,
  call,
  newDraft,
  otherRegion,
  region,
  t,
  trustA,
  trustB,
  withSteeringData,
} from "./steering.fixture.ts";

withSteeringData();

describe("drafting a steering document", () => {
  it("creates a draft with recipients, chapters in order and requirements, and audits it", async () => {
    const document = await newDraft();
    const first = await addChapter(document.id, "Hovedmål 1: Psykisk helsevern");
    const second = await addChapter(document.id, "Hovedmål 2: Kvalitet");
    const created = await addRequirement(document.id, {
      number: "2",
      chapterId: first.id,
      text: "Helseforetakene skal sikre fullverdig rapportering til KVARUS.",
      appliesTo: [trustA.id],
      frequency: ["annual", "T1"],
      deadline: "2024-08-31",
      selectedForRiskAssessment: true,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      number: "2",
      appliesTo: [trustA.id],
      answeringUnits: [{ id: trustA.id, code: "TA" }],
      frequency: ["T1", "annual"],
      selectedForRiskAssessment: true,
    });

    const reorder = await call("PUT", "editor", `/api/steering-documents/${document.id}/chapters/order`, {
      chapterIds: [second.id, first.id],
    });
    expect(reorder.statusCode).toBe(200);

    const read = (await call("GET", "reader", `/api/steering-documents/${document.id}`)).json();
    expect(read).toMatchObject({
      state: "draft",
      recipients: [{ code: "TA" }, { code: "TB" }],
      chapters: [{ title: "Hovedmål 2: Kvalitet" }, { title: "Hovedmål 1: Psykisk helsevern" }],
      requirements: [{ number: "2", chapterId: first.id }],
      can: { edit: false, publish: false },
    });

    const audit = await call(
      "GET",
      "root",
      `/api/audit?entityType=requirement&entityId=${created.json().id}`,
    );
    expect(audit.json().entries[0]).toMatchObject({ action: "create", after: { number: "2" } });
  });

  it("keeps a draft from the recipients until it is published", async () => {
    const document = await newDraft();
    expect((await call("GET", "trustReader", `/api/steering-documents/${document.id}`)).statusCode).toBe(404);
    const listed = (await call("GET", "trustReader", "/api/steering-documents")).json() as { id: number }[];
    expect(listed.map((d) => d.id)).not.toContain(document.id);
  });

  it("refuses a recipient that is not below the issuer", async () => {
    const response = await call("POST", "editor", "/api/steering-documents", {
      year: 2024,
      issuingUnitId: region.id,
      recipientUnitIds: [trustA.id, otherRegion.id],
      kind: "steering_document",
      title: "Feil",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "steering_invalid_recipients",
      detail: "Noen av mottakerne kan ikke motta dette dokumentet.",
    });
    expect(response.json().problems).toEqual([
      expect.objectContaining({
        field: "recipientUnitIds",
        code: "steering_not_below_issuer",
        params: expect.objectContaining({ unit: expect.stringContaining("OTH") }),
        message: expect.stringMatching(
          /^OTH.* ligger ikke under .*; et dokument sendes til enheter under utstederen$/,
        ),
      }),
    ]);
  });

  it("forbids approvers and readers to draft, and editors of other units", async () => {
    for (const who of ["approver", "reader", "trustReader"]) {
      const response = await call("POST", who, "/api/steering-documents", {
        year: 2024,
        issuingUnitId: region.id,
        recipientUnitIds: [trustA.id],
        kind: "own_requirements",
        title: "Nei",
      });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe("bad requirements change nothing", () => {
  let documentId: number;
  beforeAll(async () => {
    documentId = (await newDraft("Valideringsdokument", [trustA.id])).id;
    expect((await addRequirement(documentId, { number: "1" })).statusCode).toBe(201);
  });

  async function requirementCount() {
    return (
      (await call("GET", "editor", `/api/steering-documents/${documentId}`)).json().requirements as unknown[]
    ).length;
  }

  it("refuses a duplicate number with 409", async () => {
    const response = await addRequirement(documentId, { number: "1" });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      reason: "steering_number_in_use",
      params: { number: "1" },
      detail: "Kravnummeret 1 er allerede brukt i dette dokumentet. Velg et annet nummer.",
    });
    expect(response.json().problems).toEqual([
      { field: "number", code: "in_use", params: { number: "1" }, message: "er allerede i bruk" },
    ]);
    expect(await requirementCount()).toBe(1);
  });

  it("refuses applies-to units that are unknown or not recipients, naming each", async () => {
    const response = await addRequirement(documentId, { number: "2", appliesTo: [trustB.id, 999_999] });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems).toEqual([
      {
        field: "appliesTo",
        code: "steering_not_recipient",
        params: { unit: "TB", unitId: trustB.id },
        message: "TB er ikke mottaker av dette dokumentet",
      },
      {
        field: "appliesTo",
        code: "steering_unknown_unit_id",
        params: { unitId: 999_999 },
        message: "enheten 999999 finnes ikke",
      },
    ]);
    expect(await requirementCount()).toBe(1);
  });

  it("refuses a lead unit that the requirement does not apply to", async () => {
    const response = await addRequirement(documentId, { number: "3", leadUnitId: trustB.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0].field).toBe("leadUnitId");
  });

  it("refuses a frequency outside T1, T2, annual and names the field", async () => {
    const response = await addRequirement(documentId, { number: "4", frequency: ["T3"] });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0].field).toMatch(/^frequency/);
  });

  it("links an indicator requirement to an indicator of the catalogue, and refuses unknown or misplaced links", async () => {
    const [indicator] = await t.db
      .insert(indicators)
      .values({
        code: "SYKEFRAVAER",
        nameNb: "Sykefravær",
        unitLabel: "%",
        direction: "lower",
        valueKind: "ratio",
      })
      .returning();
    const linked = await addRequirement(documentId, {
      number: "6",
      kind: "indicator",
      indicatorId: indicator?.id,
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().indicatorId).toBe(indicator?.id);
    const unknown = await addRequirement(documentId, {
      number: "7",
      kind: "indicator",
      indicatorId: 999_999,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().problems).toEqual([
      {
        field: "indicatorId",
        code: "steering_unknown_indicator",
        params: { indicatorId: 999_999 },
        message: "indikatoren 999999 finnes ikke",
      },
    ]);
    const onAssignment = await addRequirement(documentId, { number: "8", indicatorId: indicator?.id });
    expect(onAssignment.statusCode).toBe(400);
    expect(onAssignment.json().problems[0].field).toBe("indicatorId");
  });

  it("refuses a stale edit with the current requirement", async () => {
    const created = (await addRequirement(documentId, { number: "5" })).json();
    const first = await call("PATCH", "editor", `/api/requirements/${created.id}`, {
      version: created.version,
      text: "Ny",
    });
    expect(first.statusCode).toBe(200);
    const stale = await call("PATCH", "editor", `/api/requirements/${created.id}`, {
      version: created.version,
      text: "Tapt",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version", current: { text: "Ny" } });
  });
});
