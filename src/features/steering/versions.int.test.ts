import { beforeAll, describe, expect, it } from "vitest";
import {
  addChapter,
  addRequirement,
  call,
  currentVersion,
  newDraft,
  otherRegion,
  owner,
  publish,
  region,
  trustA,
  withSteeringData,
} from "./steering.fixture.ts";

withSteeringData();

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
    expect(edit.json()).toMatchObject({
      reason: "steering_published_read_only",
      detail: expect.stringMatching(
        /^«.*» versjon 1 er publisert og kan ikke endres\. Lag en ny versjon for å endre det\.$/,
      ),
    });
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
