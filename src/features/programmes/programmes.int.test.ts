// Programmes and their phases: who creates, reads and changes them, stale saves, overlapping
// planned phases, hidden ids.

import { describe, expect, it } from "vitest";
import {
  call,
  json,
  type Programme,
  programmeOf,
  programmeWithPhases,
  region,
  setUpProgrammesApp,
  t,
  trustA,
  trustB,
} from "./programmes.fixture.ts";
import { findProgrammeOwner } from "./queries.ts";

setUpProgrammesApp();

describe("programmes", () => {
  it("an editor creates one; readers above see it, another trust does not; the owner lookup finds it", async () => {
    const created = await call("POST", "taEditor", "/api/programmes", {
      ownerUnitId: trustA.id,
      kind: "project",
      code: "GEVINST",
      title: "Felles stab og støtte",
      sponsorName: "Administrerende direktør",
      purpose: "Realisere gevinster",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({ kind: "project", ownerUnit: { id: trustA.id }, version: 1 });

    const list = await json<{ programmes: { id: number }[] }>(
      "GET",
      "regReader",
      `/api/programmes?unitId=${region.id}`,
    );
    expect(list.programmes.map((p) => p.id)).toContain(id);
    const other = await json<{ programmes: { id: number }[] }>(
      "GET",
      "tbEditor",
      `/api/programmes?unitId=${region.id}`,
    );
    expect(other.programmes.map((p) => p.id)).not.toContain(id);
    expect((await call("GET", "tbEditor", `/api/programmes/${id}`)).statusCode).toBe(404);

    expect(await findProgrammeOwner(t.db, id)).toEqual({
      id,
      ownerUnitId: trustA.id,
      ownerPath: trustA.path,
    });
    expect(await findProgrammeOwner(t.db, 2_000_000_000)).toBeNull();
  });

  it("readers cannot create or change; a unit the caller cannot read answers 404", async () => {
    const reader = await call("POST", "taReader", "/api/programmes", {
      ownerUnitId: trustA.id,
      code: "X",
      title: "X",
    });
    expect(reader.statusCode).toBe(403);
    expect(reader.json().reason).toBe("programme_not_permitted");
    const hidden = await call("POST", "tbEditor", "/api/programmes", {
      ownerUnitId: trustA.id,
      code: "X",
      title: "X",
    });
    expect(hidden.statusCode).toBe(404);
  });

  it("a code is unique within the owner, ignoring case", async () => {
    await json("POST", "taEditor", "/api/programmes", { ownerUnitId: trustA.id, code: "DUP", title: "En" });
    const again = await call("POST", "taEditor", "/api/programmes", {
      ownerUnitId: trustA.id,
      code: "dup",
      title: "To",
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().problems[0]).toMatchObject({ field: "code", code: "programme_code_taken" });
  });

  it("a stale save answers 409 with the version now stored and changes nothing", async () => {
    const programme = await programmeWithPhases();
    const first = await call("PATCH", "taEditor", `/api/programmes/${programme.id}`, {
      version: 1,
      title: "Ny tittel",
    });
    expect(first.statusCode).toBe(200);
    const stale = await call("PATCH", "taEditor", `/api/programmes/${programme.id}`, {
      version: 1,
      title: "Eldre",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "stale_version",
      current: { title: "Ny tittel", version: 2 },
    });
    expect((await programmeOf(programme.id)).title).toBe("Ny tittel");
  });

  it("the portfolio of a unit lists the programmes below it that the caller may read", async () => {
    const programme = await programmeWithPhases();
    const portfolio = await json<{ programmes: { id: number }[] }>(
      "GET",
      "regReader",
      `/api/portfolio?unitId=${region.id}`,
    );
    expect(portfolio.programmes.map((p) => p.id)).toContain(programme.id);
    const ofB = await json<{ programmes: { id: number }[] }>(
      "GET",
      "tbEditor",
      `/api/portfolio?unitId=${region.id}`,
    );
    expect(ofB.programmes.map((p) => p.id)).not.toContain(programme.id);
    const ofTrustB = await json<{ programmes: unknown[] }>(
      "GET",
      "root",
      `/api/portfolio?unitId=${trustB.id}`,
    );
    expect(ofTrustB.programmes).toEqual([]);
    expect((await call("GET", "root", "/api/portfolio?unitId=999999")).statusCode).toBe(404);
  });
});

describe("phases", () => {
  it("planned phases may meet but not overlap: 400 naming the phase, nothing stored", async () => {
    const programme = await programmeWithPhases();
    const overlapping = await call("POST", "taEditor", `/api/programmes/${programme.id}/phases`, {
      number: 2,
      name: "Drift",
      plannedStart: "2024-12-01",
      plannedEnd: "2025-06-30",
    });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().problems[0]).toMatchObject({
      field: "plannedStart",
      code: "phase_overlaps",
      params: { phase: 2, previous: 1 },
    });
    const backwards = await call("POST", "taEditor", `/api/programmes/${programme.id}/phases`, {
      number: 2,
      name: "Drift",
      plannedStart: "2025-06-30",
      plannedEnd: "2025-01-01",
    });
    expect(backwards.json().problems[0]).toMatchObject({ code: "phase_ends_before_start" });
    expect((await programmeOf(programme.id)).phases).toHaveLength(2);
    expect((await programmeOf(programme.id)).gates).toHaveLength(1);
  });

  it("moving a phase so that the next one overlaps it is refused", async () => {
    const programme = await programmeWithPhases();
    const phase0 = programme.phases[0] as Programme["phases"][number];
    const response = await call("PATCH", "taEditor", `/api/programmes/${programme.id}/phases/0`, {
      version: phase0.version,
      plannedEnd: "2024-05-01",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0]).toMatchObject({
      code: "phase_overlaps",
      params: { phase: 1, previous: 0 },
    });
  });

  it("a phase is changed with its version, deleted with its gate while undecided, and a second phase 1 is refused", async () => {
    const programme = await programmeWithPhases();
    const phase1 = programme.phases[1] as Programme["phases"][number];
    const changed = await json<Programme>("PATCH", "taEditor", `/api/programmes/${programme.id}/phases/1`, {
      version: phase1.version,
      mainActivities: ["Etablere styringsgrupper", "Opplæring"],
    });
    expect(changed.phases[1]?.version).toBe(phase1.version + 1);
    const stale = await call("PATCH", "taEditor", `/api/programmes/${programme.id}/phases/1`, {
      version: phase1.version,
      name: "X",
    });
    expect(stale.statusCode).toBe(409);
    const duplicate = await call("POST", "taEditor", `/api/programmes/${programme.id}/phases`, {
      number: 1,
      name: "X",
      plannedStart: "2025-01-01",
      plannedEnd: "2025-02-01",
    });
    expect(duplicate.statusCode).toBe(409);
    const startedDelete = await call(
      "DELETE",
      "taEditor",
      `/api/programmes/${programme.id}/phases/0?version=${programme.phases[0]?.version}`,
    );
    expect(startedDelete.statusCode).toBe(409);
    const deleted = await json<Programme>(
      "DELETE",
      "taEditor",
      `/api/programmes/${programme.id}/phases/1?version=${phase1.version + 1}`,
    );
    expect(deleted.phases.map((p) => p.number)).toEqual([0]);
    expect(deleted.gates).toEqual([]);
  });

  it("a gate's name and criteria are the editor's to change", async () => {
    const programme = await programmeWithPhases();
    const gate = programme.gates[0] as Programme["gates"][number];
    const changed = await json<Programme>("PATCH", "taEditor", `/api/programmes/${programme.id}/gates/1`, {
      version: gate.version,
      name: "BP1",
      criteria: "Forprosjektrapport godkjent",
    });
    expect(changed.gates[0]?.name).toBe("BP1");
    expect(
      (await call("PATCH", "taReader", `/api/programmes/${programme.id}/gates/1`, { version: 2, name: "Y" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call("PATCH", "taEditor", `/api/programmes/${programme.id}/gates/5`, { version: 1, name: "Y" }))
        .statusCode,
    ).toBe(404);
  });
});
