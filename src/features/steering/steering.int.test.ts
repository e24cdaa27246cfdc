import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicators } from "../../db/schema.ts";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Unit = { id: number; code: string; path: string };
let t: TestApp;
let owner: Unit;
let region: Unit;
let trustA: Unit;
let trustB: Unit;
let otherRegion: Unit;
const cookies: Record<string, string> = {};

beforeAll(async () => {
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
});
afterAll(() => t.close());

function call(
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

async function newDraft(title = "Styringskrav og rammer 2024", recipients = [trustA.id, trustB.id]) {
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

async function addChapter(documentId: number, title: string) {
  const response = await call("POST", "editor", `/api/steering-documents/${documentId}/chapters`, { title });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: number; version: number };
}

async function addRequirement(documentId: number, fields: Record<string, unknown>) {
  return call("POST", "editor", `/api/steering-documents/${documentId}/requirements`, {
    kind: "assignment",
    text: "Helseforetakene skal ...",
    ...fields,
  });
}

async function currentVersion(documentId: number, who = "editor") {
  return ((await call("GET", who, `/api/steering-documents/${documentId}`)).json() as { version: number })
    .version;
}

async function publish(documentId: number) {
  const response = await call("POST", "approver", `/api/steering-documents/${documentId}/publish`, {
    version: await currentVersion(documentId),
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

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
    expect(response.json().problems).toEqual([
      expect.objectContaining({ field: "recipientUnitIds", message: expect.stringContaining("OTH") }),
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
    expect(response.json().problems).toEqual([
      {
        field: "number",
        code: "in_use",
        params: { number: "1" },
        message: "1 is already used in this document",
      },
    ]);
    expect(await requirementCount()).toBe(1);
  });

  it("refuses applies-to units that are unknown or not recipients, naming each", async () => {
    const response = await addRequirement(documentId, { number: "2", appliesTo: [trustB.id, 999_999] });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems).toEqual([
      {
        field: "appliesTo",
        code: "not_a_recipient",
        params: { unit: "TB" },
        message: "TB is not a recipient of this document",
      },
      {
        field: "appliesTo",
        code: "unknown_unit",
        params: { unitId: 999_999 },
        message: "there is no unit 999999",
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
        code: "unknown_indicator",
        params: { indicatorId: 999_999 },
        message: "there is no indicator 999999",
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

describe("publishing and versions", () => {
  let v1: { id: number };
  let kept: number;
  let changed: number;
  let removed: number;

  beforeAll(async () => {
    v1 = await newDraft("Oppdragsdokument med versjoner");
    const chapter = await addChapter(v1.id, "Hovedmål 1");
    kept = (await addRequirement(v1.id, { number: "1", chapterId: chapter.id, text: "Uendret" })).json().id;
    changed = (
      await addRequirement(v1.id, { number: "2", chapterId: chapter.id, text: "Alle helseforetak skal" })
    ).json().id;
    removed = (await addRequirement(v1.id, { number: "3", text: "Fjernes" })).json().id;
  });

  it("refuses to publish without the approver role, and a stale version", async () => {
    const version = await currentVersion(v1.id);
    expect(
      (await call("POST", "editor", `/api/steering-documents/${v1.id}/publish`, { version })).statusCode,
    ).toBe(403);
    expect(
      (await call("POST", "approver", `/api/steering-documents/${v1.id}/publish`, { version: version - 1 }))
        .statusCode,
    ).toBe(409);
  });

  it("publishes, after which the document is read-only", async () => {
    const published = await publish(v1.id);
    expect(published).toMatchObject({ state: "published", publishedBy: expect.any(String) });
    const edit = await call("PATCH", "editor", `/api/requirements/${kept}`, { version: 1, text: "Endret" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/published.*new version/);
    const add = await addRequirement(v1.id, { number: "9" });
    expect(add.statusCode).toBe(409);
    expect((await call("GET", "trustReader", `/api/steering-documents/${v1.id}`)).statusCode).toBe(200);
  });

  it("makes a new draft version as a linked copy, only one at a time", async () => {
    const response = await call("POST", "editor", `/api/steering-documents/${v1.id}/versions`);
    expect(response.statusCode).toBe(201);
    const v2 = response.json();
    expect(v2).toMatchObject({ versionNumber: 2, previousVersionId: v1.id, state: "draft" });
    const again = await call("POST", "editor", `/api/steering-documents/${v1.id}/versions`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ draftId: v2.id });

    // Change the copy: edit one requirement, delete one, add one, rename the chapter.
    const copy = (await call("GET", "editor", `/api/steering-documents/${v2.id}`)).json();
    const byNumber = (n: string) => copy.requirements.find((r: { number: string }) => r.number === n);
    await call("PATCH", "editor", `/api/requirements/${byNumber("2").id}`, {
      version: byNumber("2").version,
      text: "Tre helseforetak skal",
      appliesTo: [trustA.id],
    });
    await call("DELETE", "editor", `/api/requirements/${byNumber("3").id}?version=${byNumber("3").version}`);
    await addRequirement(v2.id, { number: "4", text: "Ny i versjon 2" });
    await call("PATCH", "editor", `/api/chapters/${copy.chapters[0].id}`, {
      version: copy.chapters[0].version,
      title: "Hovedmål 1 (revidert)",
    });

    const comparison = await call("GET", "reader", `/api/steering-documents/${v1.id}/compare?with=${v2.id}`);
    expect(comparison.statusCode).toBe(200);
    const diff = comparison.json();
    expect(diff.requirements.added).toEqual([
      expect.objectContaining({ number: "4", text: "Ny i versjon 2" }),
    ]);
    expect(diff.requirements.removed).toEqual([expect.objectContaining({ number: "3" })]);
    expect(diff.requirements.changed).toEqual([
      {
        key: expect.any(String),
        number: "2",
        changes: [
          {
            field: "text",
            before: "Alle helseforetak skal",
            after: "Tre helseforetak skal",
            words: [
              { op: "delete", text: "Alle" },
              { op: "insert", text: "Tre" },
              { op: "equal", text: " helseforetak skal" },
            ],
          },
          { field: "appliesTo", before: "all", after: ["TA"] },
        ],
      },
    ]);
    expect(diff.chapters.changed).toEqual([
      expect.objectContaining({
        changes: [{ field: "title", before: "Hovedmål 1", after: "Hovedmål 1 (revidert)" }],
      }),
    ]);
    // Requirement 1 is unchanged although its chapter was renamed: the chapter shows the change.
    expect(diff.unchanged.requirements).toBe(1);
    expect(kept).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
    expect(removed).toBeGreaterThan(0);
  });

  it("will not compare versions of different documents", async () => {
    const other = await newDraft("Et annet dokument");
    const response = await call("GET", "editor", `/api/steering-documents/${v1.id}/compare?with=${other.id}`);
    expect(response.statusCode).toBe(400);
  });
});

describe("derived-from links (ministry -> region -> trust)", () => {
  let ministryRequirement: number;
  beforeAll(async () => {
    const created = await call("POST", "ownerEditor", "/api/steering-documents", {
      year: 2024,
      issuingUnitId: owner.id,
      recipientUnitIds: [region.id, otherRegion.id],
      kind: "steering_document",
      title: "Oppdragsdokument 2024",
    });
    const document = created.json();
    const requirement = await call(
      "POST",
      "ownerEditor",
      `/api/steering-documents/${document.id}/requirements`,
      {
        number: "OD-1",
        kind: "assignment",
        text: "De regionale helseforetakene skal ...",
      },
    );
    ministryRequirement = requirement.json().id;
    const version = (
      (await call("GET", "ownerEditor", `/api/steering-documents/${document.id}`)).json() as {
        version: number;
      }
    ).version;
    const published = await call("POST", "ownerApprover", `/api/steering-documents/${document.id}/publish`, {
      version,
    });
    expect(published.statusCode).toBe(200);
  });

  it("links a region's requirement to the ministry's, and shows the link both ways", async () => {
    const document = await newDraft("Styringskrav med avledning");
    const options = (
      await call("GET", "editor", `/api/steering-documents/${document.id}/parent-requirements`)
    ).json();
    expect(options[0].requirements).toEqual([
      expect.objectContaining({ id: ministryRequirement, number: "OD-1" }),
    ]);
    const created = await addRequirement(document.id, { number: "1", derivedFromId: ministryRequirement });
    expect(created.statusCode).toBe(201);
    const source = (await call("GET", "ownerEditor", `/api/requirements/${ministryRequirement}`)).json();
    expect(source.derivedBy).toEqual([expect.objectContaining({ id: created.json().id, number: "1" })]);
    const derived = (await call("GET", "editor", `/api/requirements/${created.json().id}`)).json();
    expect(derived.derivedFrom).toMatchObject({
      id: ministryRequirement,
      documentTitle: "Oppdragsdokument 2024",
    });
  });

  it("refuses to derive from a requirement of an unrelated document", async () => {
    const sibling = await newDraft("Søsken");
    const siblingRequirement = (await addRequirement(sibling.id, { number: "S1" })).json().id;
    await publish(sibling.id);
    const document = await newDraft("Feil avledning");
    const response = await addRequirement(document.id, { number: "1", derivedFromId: siblingRequirement });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0]).toMatchObject({ field: "derivedFromId" });
  });
});
