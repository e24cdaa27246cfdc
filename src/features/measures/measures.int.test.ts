// Risk-reducing measures: created, read, changed, logged and linked by the responsible unit's
// editors (and those above), read up the tree, audited; bad input is refused and changes nothing.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isCalendarDate } from "../../domain/riskMeasures.ts";
import { region, requirement, trustA, trustB } from "../reporting/reporting.fixture.ts";
import {
  auditOf,
  call,
  createMeasure,
  fixture,
  getMeasure,
  json,
  type Measure,
  measureCount,
  setUpMeasuresApp,
  userId,
} from "./measures.fixture.ts";

setUpMeasuresApp();

let owner = 0;
let measure: Measure;

const base = () => ({
  responsibleUnitId: trustA.id,
  title: "Flere sykepleiere i turnus",
  ownerUserId: owner,
  phase: "decided",
  status: "not_started",
  start: "2024-03-01",
  deadline: "2024-12-31",
  expectedEffect: "Færre korridorpasienter",
  effectIndicatorId: fixture.indicatorId,
  effectTarget: 5,
  fullEffectDate: "2025-06-30",
});

const fieldsOf = (response: { json: () => { problems?: { field: string; code: string }[] } }) =>
  (response.json().problems ?? []).map((problem) => [problem.field, problem.code]);

beforeAll(async () => {
  owner = await userId("taEditor");
  measure = await createMeasure("taEditor", base());
});

describe("creating a measure", () => {
  it("is for the unit's editors, and the view says what they may do", async () => {
    expect(measure).toMatchObject({
      unit: { id: trustA.id, name: "Trust A HF" },
      ownerUserId: owner,
      ownerName: expect.any(String),
      phase: "decided",
      effectIndicator: { id: fixture.indicatorId, code: "KORR" },
      effectTarget: 5,
      version: 1,
      links: [],
      log: [],
      can: { edit: true, log: true },
    });
    const [entry] = await auditOf(measure.id);
    expect(entry).toMatchObject({ action: "create", after: { title: "Flere sykepleiere i turnus" } });
  });

  it("is open to the editors of the unit above, not to readers or another trust's editors", async () => {
    expect((await call("POST", "regEditor", "/api/measures", base())).statusCode).toBe(201);
    for (const who of ["taReader", "tbEditor", "regReader"]) {
      const response = await call("POST", who, "/api/measures", base());
      expect([response.statusCode, response.json().reason]).toEqual([403, "measure_not_permitted"]);
    }
  });

  it("refuses a deadline before the start, naming the field, and creates nothing", async () => {
    const before = await measureCount();
    const response = await call("POST", "taEditor", "/api/measures", { ...base(), deadline: "2024-02-01" });
    expect([response.statusCode, response.json().reason]).toEqual([400, "measure_invalid"]);
    expect(fieldsOf(response)).toEqual([["deadline", "deadline_before_start"]]);
    expect(await measureCount()).toBe(before);
  });

  it("refuses a target value without an indicator and a date of full effect, a date that is no day, an unknown owner", async () => {
    const before = await measureCount();
    const effect = await call("POST", "taEditor", "/api/measures", {
      ...base(),
      effectIndicatorId: null,
      fullEffectDate: null,
    });
    expect(fieldsOf(effect)).toEqual([
      ["effectIndicatorId", "measure_effect_indicator_required"],
      ["fullEffectDate", "measure_full_effect_date_required"],
    ]);
    const date = await call("POST", "taEditor", "/api/measures", { ...base(), start: "2024-02-30" });
    expect(fieldsOf(date)).toEqual([["start", "date_invalid"]]);
    const person = await call("POST", "taEditor", "/api/measures", { ...base(), ownerUserId: 999_999 });
    expect(fieldsOf(person)).toEqual([["ownerUserId", "measure_owner_not_found"]]);
    const nobody = await call("POST", "taEditor", "/api/measures", { ...base(), ownerUserId: null });
    expect(fieldsOf(nobody)).toEqual([["ownerRole", "measure_owner_required"]]);
    const indicator = await call("POST", "taEditor", "/api/measures", {
      ...base(),
      effectIndicatorId: 999_999,
    });
    expect(fieldsOf(indicator)).toEqual([["effectIndicatorId", "measure_link_indicator"]]);
    const unit = await call("POST", "taEditor", "/api/measures", { ...base(), responsibleUnitId: 999_999 });
    expect(fieldsOf(unit)).toEqual([["responsibleUnitId", "unknown_unit"]]);
    expect(await measureCount()).toBe(before);
  });

  it("takes a named role as owner instead of a person", async () => {
    const created = await createMeasure("taEditor", {
      ...base(),
      ownerUserId: null,
      ownerRole: "Fagdirektør",
    });
    expect(created).toMatchObject({ ownerUserId: null, ownerName: null, ownerRole: "Fagdirektør" });
  });
});

describe("reading a measure", () => {
  it("is visible up the tree: the region's reader reads a trust's measure", async () => {
    expect(await getMeasure("regReader", measure.id)).toMatchObject({
      id: measure.id,
      can: { edit: false, log: false },
    });
    expect((await getMeasure("regEditor", measure.id)).can).toEqual({ edit: true, log: true });
  });

  it("is not found by a sibling trust's people, who learn nothing", async () => {
    const response = await call("GET", "tbEditor", `/api/measures/${measure.id}`);
    expect([response.statusCode, response.json().reason]).toEqual([404, "measure_not_found"]);
    const change = await call("PATCH", "tbEditor", `/api/measures/${measure.id}`, { version: 1, title: "x" });
    expect(change.statusCode).toBe(404);
  });
});

describe("changing a measure", () => {
  it("saves the change with a new version and audits it", async () => {
    const saved = await json<Measure>("PATCH", "taEditor", `/api/measures/${measure.id}`, {
      version: measure.version,
      title: "Flere sykepleiere i fast turnus",
      phase: "in_progress",
      status: "as_planned",
    });
    expect(saved).toMatchObject({
      title: "Flere sykepleiere i fast turnus",
      version: 2,
      phase: "in_progress",
    });
    expect(saved.effectTarget).toBe(5);
    const [latest] = await auditOf(measure.id);
    expect(latest).toMatchObject({
      action: "update",
      before: { version: 1, title: "Flere sykepleiere i turnus" },
      after: { version: 2, title: "Flere sykepleiere i fast turnus" },
    });
    measure = saved;
  });

  it("refuses a stale save with 409 and keeps the newer one", async () => {
    const response = await call("PATCH", "regEditor", `/api/measures/${measure.id}`, {
      version: measure.version - 1,
      title: "Gammel tittel",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().current).toMatchObject({ version: measure.version });
    expect((await getMeasure("taEditor", measure.id)).title).toBe("Flere sykepleiere i fast turnus");
  });

  it("refuses a deadline before the start, naming the field, and changes nothing", async () => {
    const response = await call("PATCH", "taEditor", `/api/measures/${measure.id}`, {
      version: measure.version,
      start: "2025-01-01",
      title: "Ny tittel",
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([["deadline", "deadline_before_start"]]);
    expect(await getMeasure("taEditor", measure.id)).toEqual(measure);
  });

  it("is refused to a reader with 403", async () => {
    const response = await call("PATCH", "taReader", `/api/measures/${measure.id}`, {
      version: measure.version,
      title: "x",
    });
    expect([response.statusCode, response.json().reason]).toEqual([403, "measure_not_permitted"]);
  });
});

describe("the status log", () => {
  it("enters a dated status for a period, which the measure takes, and audits it", async () => {
    const logged = await json<Measure>("POST", "taEditor", `/api/measures/${measure.id}/log`, {
      version: measure.version,
      period: "2024-T2",
      on: "2024-09-10",
      phase: "in_progress",
      status: "delayed",
      text: "Rekrutteringen er forsinket.",
    });
    expect(logged).toMatchObject({ phase: "in_progress", status: "delayed", needsAttention: true });
    expect(logged.log).toEqual([
      expect.objectContaining({ period: "2024-T2", on: "2024-09-10", text: "Rekrutteringen er forsinket." }),
    ]);
    const [latest] = await auditOf(measure.id);
    expect(latest).toMatchObject({
      action: "measure_log",
      before: { status: "as_planned" },
      after: { status: "delayed", log: { period: "2024-T2" } },
    });
    measure = logged;
  });

  it("refuses a period that is not one, a stale version and a reader, and changes nothing", async () => {
    const entry = { version: measure.version, phase: "completed", status: null, text: "Ferdig." };
    const period = await call("POST", "taEditor", `/api/measures/${measure.id}/log`, {
      ...entry,
      period: "2024-T9",
    });
    expect(fieldsOf(period)).toEqual([["period", "measure_log_period"]]);
    const stale = await call("POST", "taEditor", `/api/measures/${measure.id}/log`, {
      ...entry,
      version: measure.version - 1,
      period: "2024-T2",
    });
    expect(stale.statusCode).toBe(409);
    const reader = await call("POST", "taReader", `/api/measures/${measure.id}/log`, {
      ...entry,
      period: "2024-T2",
    });
    expect(reader.statusCode).toBe(403);
    expect(await getMeasure("taEditor", measure.id)).toEqual(measure);
  });
});

describe("links", () => {
  it("links the unit's own risk and an indicator, each shown with its title, and audits them", async () => {
    const linked = await json<Measure>("PUT", "taEditor", `/api/measures/${measure.id}/links`, {
      version: measure.version,
      links: [
        { kind: "unit_risk", targetId: fixture.riskA },
        { kind: "indicator", targetId: fixture.indicatorId },
        { kind: "indicator", targetId: fixture.indicatorId },
      ],
    });
    expect(linked.links).toEqual([
      expect.objectContaining({ kind: "indicator", readable: true, title: "Korridorpasienter" }),
      expect.objectContaining({
        kind: "unit_risk",
        readable: true,
        title: expect.stringContaining("Trust A"),
      }),
    ]);
    const [latest] = await auditOf(measure.id);
    expect(latest).toMatchObject({
      action: "measure_links",
      before: { links: [] },
      after: { links: [expect.anything(), expect.anything()] },
    });
    measure = linked;
  });

  it("refuses a goal in a document the editor may not read, another trust's risk and what does not exist; nothing changes", async () => {
    // The region's document is still a draft: the trusts cannot read it.
    const response = await call("PUT", "taEditor", `/api/measures/${measure.id}/links`, {
      version: measure.version,
      links: [
        { kind: "unit_risk", targetId: fixture.riskA },
        { kind: "requirement", targetId: requirement.everyTertial },
        { kind: "unit_risk", targetId: fixture.riskB },
        { kind: "requirement", targetId: 999_999 },
      ],
    });
    expect([response.statusCode, response.json().reason]).toEqual([400, "measure_link_not_readable"]);
    expect(fieldsOf(response)).toEqual([
      ["links.1", "measure_link_requirement"],
      ["links.2", "measure_link_unit_risk"],
      ["links.3", "measure_link_requirement"],
    ]);
    expect(await getMeasure("taEditor", measure.id)).toEqual(measure);
  });

  it("a goal linked from above shows without its title to whom may not read it, and is kept when sent back", async () => {
    const linked = await json<Measure>("PUT", "regEditor", `/api/measures/${measure.id}/links`, {
      version: measure.version,
      links: [...measure.links, { kind: "requirement", targetId: requirement.everyTertial }],
    });
    expect(linked.links.find((link) => link.kind === "requirement")).toMatchObject({
      readable: true,
      title: "Reduser sykefraværet.",
    });
    const seen = await getMeasure("taEditor", measure.id);
    expect(seen.links.find((link) => link.kind === "requirement")).toMatchObject({
      readable: false,
      title: null,
    });
    const kept = await json<Measure>("PUT", "taEditor", `/api/measures/${measure.id}/links`, {
      version: seen.version,
      links: seen.links.filter((link) => link.kind !== "indicator"),
    });
    expect(kept.links.map((link) => link.kind)).toEqual(["requirement", "unit_risk"]);
    measure = kept;
  });

  it("refuses a stale version with 409", async () => {
    const response = await call("PUT", "taEditor", `/api/measures/${measure.id}/links`, {
      version: 1,
      links: [],
    });
    expect(response.statusCode).toBe(409);
  });
});

describe("any body sent to create a measure", () => {
  it("never fails on the server, and creates a measure only when it is valid", async () => {
    const editor = await userId("taEditor");
    // Mostly valid values, so that both outcomes are met often; the rest are anything.
    const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 15, arbitrary: valid }, { weight: 1, arbitrary: invalid });
    const day = mostly(
      fc.oneof(
        fc
          .date({ min: new Date("2020-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constant(null),
      ),
      fc.oneof(
        fc.constantFrom("2024-02-30", "1899-12-31", "", "2024-1-1", "31.12.2024", 20240101),
        fc.string({ maxLength: 12 }),
      ),
    );
    const body = fc.record(
      {
        responsibleUnitId: mostly(
          fc.constant(trustA.id),
          fc.constantFrom(trustB.id, region.id, 999_999, 0, -1, "1", 1.5, null),
        ),
        title: mostly(
          fc.string({ minLength: 1, maxLength: 20 }),
          fc.constantFrom("", " ", "x".repeat(301), 7),
        ),
        ownerUserId: mostly(fc.constantFrom(editor, null), fc.constantFrom(999_999, "x", 2 ** 31, -1)),
        ownerRole: mostly(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "a\nb", "x".repeat(201))),
        phase: mostly(
          fc.constantFrom("decided", "in_progress", "completed", "cancelled"),
          fc.constantFrom("done", null, 1),
        ),
        status: mostly(fc.constantFrom("as_planned", "delayed", "not_started", null), fc.constant("late")),
        start: day,
        deadline: day,
        fullEffectDate: day,
        effectIndicatorId: mostly(fc.constantFrom(fixture.indicatorId, null), fc.constantFrom(999_999, "1")),
        effectTarget: mostly(
          fc.oneof(fc.constant(null), fc.integer(), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
          fc.constantFrom(1e13, -1e13, "5", Number.MAX_VALUE),
        ),
        comment: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: ["responsibleUnitId", "title"] },
    );
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const before = await measureCount();
        const response = await call("POST", "taEditor", "/api/measures", sent);
        expect(response.statusCode, response.body).toBeLessThan(500);
        const after = await measureCount();
        if (response.statusCode !== 201) {
          expect(after, response.body).toBe(before);
          return;
        }
        expect(after).toBe(before + 1);
        created++;
        const measure = response.json() as Measure;
        expect(measure.unit.id).toBe(trustA.id);
        const days = [measure.start, measure.deadline, measure.fullEffectDate].filter((d) => d !== null);
        expect(days.every((d) => isCalendarDate(d))).toBe(true);
        if (measure.start && measure.deadline) expect(measure.deadline >= measure.start).toBe(true);
        if (measure.effectTarget !== null) {
          expect(measure.effectIndicator).not.toBeNull();
          expect(measure.fullEffectDate).not.toBeNull();
        }
        expect(measure.ownerUserId !== null || measure.ownerRole.trim() !== "").toBe(true);
      }),
      { seed: 20240912, numRuns: 150 },
    );
    expect(created).toBeGreaterThan(20);
  });
});
