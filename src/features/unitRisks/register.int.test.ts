// A unit's own risks ("Topp 5"): listed by rank to those who may read the unit, added, changed and
// closed by its editors, ranks unique among open risks, versions checked, every change audited.

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, unitRisks } from "../../db/schema.ts";
import {
  addRisk,
  call,
  json,
  type Risk,
  registerOf,
  setUpUnitRisksApp,
  t,
  trustA,
  trustB,
} from "./unitRisks.fixture.ts";

setUpUnitRisksApp();

let first: Risk;
let second: Risk;
let third: Risk;

beforeAll(async () => {
  // Added out of order: the register shows them by rank.
  third = await addRisk(trustA.id, { rank: 3, area: "finances", title: "Økonomisk ubalanse" });
  first = await addRisk(trustA.id, {
    rank: 1,
    area: "personnel",
    title: "Mangel på sykepleiere",
    likelyEvents: "Stengte senger i sommer.",
    consequences: "Lengre ventetid.",
    ownerName: "Fagdirektør",
    horizon: "one_to_four_years",
  });
  second = await addRisk(trustA.id, { rank: 2, area: "hse", title: "Vold mot ansatte" });
});

const countRows = async () => (await t.db.select().from(unitRisks)).length;

describe("the register", () => {
  it("lists the unit's open risks by rank, with what the caller may do", async () => {
    const register = await registerOf(trustA.id, "2024-T2", "taEditor");
    expect(register.risks.map((r) => r.id)).toEqual([first.id, second.id, third.id]);
    expect(register.risks[0]).toMatchObject({
      area: "personnel",
      title: "Mangel på sykepleiere",
      likelyEvents: "Stengte senger i sommer.",
      consequences: "Lengre ventetid.",
      ownerName: "Fagdirektør",
      horizon: "one_to_four_years",
      rank: 1,
      closedAt: null,
      assessment: null,
      previous: null,
      change: "not_assessed",
    });
    expect(register).toMatchObject({ period: "2024-T2", previousPeriod: "2024-T1", can: { edit: true } });
    expect((await registerOf(trustA.id, "2024-T2", "taReader")).can.edit).toBe(false);
    expect((await registerOf(trustA.id, "2024-T2", "taApprover")).can.edit).toBe(false);
  });

  it("is read by the region's reader, who may not change it", async () => {
    const register = await registerOf(trustA.id, "2024-T2", "regReader");
    expect(register.risks.map((r) => r.title)).toContain("Vold mot ansatte");
    expect(register.can.edit).toBe(false);
    const response = await call("PATCH", "regReader", `/api/unit-risks/${second.id}`, {
      version: second.version,
      title: "Endret",
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().reason).toBe("unit_risk_not_permitted");
    // The region's editors write for the trusts below it, as they do answers.
    expect((await registerOf(trustA.id, "2024-T2", "regEditor")).can.edit).toBe(true);
  });

  it("is hidden from a sibling trust: 404 whatever is asked", async () => {
    for (const who of ["tbReader", "tbEditor"]) {
      const list = await call("GET", who, `/api/units/${trustA.id}/risks?period=2024-T2`);
      expect(list.statusCode).toBe(404);
      expect(list.json().reason).toBe("unit_not_found");
    }
    const attempts = [
      call("POST", "tbEditor", `/api/units/${trustA.id}/risks`, {
        area: "hse",
        title: "x",
        horizon: "this_year",
        rank: 9,
      }),
      call("PATCH", "tbEditor", `/api/unit-risks/${first.id}`, { version: first.version, title: "x" }),
      call("POST", "tbEditor", `/api/unit-risks/${first.id}/close`, { version: first.version }),
      call("PUT", "tbEditor", `/api/unit-risks/${first.id}/assessments/2024-T2`, {
        version: 0,
        level: "red",
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(404);
    expect((await registerOf(trustA.id)).risks.map((r) => r.title)).not.toContain("x");
    // Trust B's own register is its own, and empty.
    expect((await registerOf(trustB.id, "2024-T2", "tbReader")).risks).toEqual([]);
  });

  it("answers 404 for a unit that does not exist, and names a period that is not reviewed", async () => {
    expect((await call("GET", "root", "/api/units/999999/risks?period=2024-T2")).statusCode).toBe(404);
    for (const period of ["2024-T3", "2024-05", "garbage", "1899"]) {
      const response = await call("GET", "root", `/api/units/${trustA.id}/risks?period=${period}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().problems[0]).toMatchObject({
        field: "period",
        code: "risk_period_not_reviewed",
      });
    }
  });
});

describe("adding a risk", () => {
  it("is for the unit's editors: readers get 403 and nothing is added", async () => {
    const before = await countRows();
    for (const who of ["taReader", "taApprover", "regReader"]) {
      const response = await call("POST", who, `/api/units/${trustA.id}/risks`, {
        area: "hse",
        title: "Forsøk",
        horizon: "this_year",
        rank: 50,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().reason).toBe("unit_risk_not_permitted");
    }
    expect(await countRows()).toBe(before);
  });

  it("refuses an area outside the list, naming the field", async () => {
    const before = await countRows();
    const response = await call("POST", "taEditor", `/api/units/${trustA.id}/risks`, {
      area: "weather",
      title: "Storm",
      horizon: "this_year",
      rank: 40,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ reason: "unit_risk_invalid" });
    expect(response.json().problems).toEqual([
      expect.objectContaining({ field: "area", code: "risk_area_unknown", params: { area: "weather" } }),
    ]);
    expect(await countRows()).toBe(before);
  });

  it("refuses a rank another open risk holds, or one outside 1-99", async () => {
    const before = await countRows();
    const taken = await call("POST", "taEditor", `/api/units/${trustA.id}/risks`, {
      area: "hse",
      title: "Dobbel",
      horizon: "this_year",
      rank: 2,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().problems).toEqual([
      expect.objectContaining({
        field: "rank",
        code: "risk_rank_taken",
        params: { rank: 2, title: "Vold mot ansatte" },
      }),
    ]);
    for (const rank of [0, 100, 1.5, -1, "02", null]) {
      const response = await call("POST", "taEditor", `/api/units/${trustA.id}/risks`, {
        area: "hse",
        title: "Utenfor",
        horizon: "this_year",
        rank,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().problems[0].field).toBe("rank");
    }
    expect(await countRows()).toBe(before);
  });

  it("allows the same rank in another unit", async () => {
    const other = await addRisk(trustB.id, { rank: 1, title: "Trust B sin første" }, "tbEditor");
    expect(other).toMatchObject({ unitId: trustB.id, rank: 1, version: 1 });
  });
});

describe("changing a risk", () => {
  it("changes the fields given, raises the version and refuses a stale one", async () => {
    const changed = await json<Risk>("PATCH", "taEditor", `/api/unit-risks/${third.id}`, {
      version: third.version,
      title: "Økonomisk ubalanse i 2025",
      rank: 4,
    });
    expect(changed).toMatchObject({
      title: "Økonomisk ubalanse i 2025",
      rank: 4,
      area: "finances",
      version: 2,
    });
    const stale = await call("PATCH", "taEditor2", `/api/unit-risks/${third.id}`, {
      version: third.version,
      title: "Eldre versjon",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version", current: { version: 2 } });
    third = changed;
    expect((await registerOf(trustA.id)).risks.map((r) => r.rank)).toEqual([1, 2, 4]);
  });

  it("refuses a rank held by another open risk, but keeps its own", async () => {
    const taken = await call("PATCH", "taEditor", `/api/unit-risks/${third.id}`, {
      version: third.version,
      rank: 1,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().problems[0]).toMatchObject({ field: "rank", code: "risk_rank_taken" });
    const same = await json<Risk>("PATCH", "taEditor", `/api/unit-risks/${third.id}`, {
      version: third.version,
      rank: 4,
      area: "quality_capacity",
    });
    expect(same).toMatchObject({ rank: 4, area: "quality_capacity", version: third.version + 1 });
    third = same;
    const area = await call("PATCH", "taEditor", `/api/unit-risks/${third.id}`, {
      version: third.version,
      area: "x",
    });
    expect(area.json().problems[0]).toMatchObject({ field: "area", code: "risk_area_unknown" });
  });

  it("answers 404 for a risk that does not exist", async () => {
    const response = await call("PATCH", "root", "/api/unit-risks/999999", { version: 1, title: "x" });
    expect(response.statusCode).toBe(404);
    expect(response.json().reason).toBe("unit_risk_not_found");
  });
});

describe("closing a risk", () => {
  it("takes it off the register, frees its rank, and keeps it for those who ask", async () => {
    const stale = await call("POST", "taEditor", `/api/unit-risks/${third.id}/close`, {
      version: third.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const readers = await call("POST", "taReader", `/api/unit-risks/${third.id}/close`, {
      version: third.version,
    });
    expect(readers.statusCode).toBe(403);

    const closed = await json<Risk>("POST", "taEditor", `/api/unit-risks/${third.id}/close`, {
      version: third.version,
    });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.version).toBe(third.version + 1);
    expect((await registerOf(trustA.id)).risks.map((r) => r.id)).toEqual([first.id, second.id]);
    const all = await registerOf(trustA.id, "2024-T2", "root", true);
    expect(all.risks.map((r) => r.id)).toEqual([first.id, second.id, third.id]);

    const again = await call("POST", "taEditor", `/api/unit-risks/${third.id}/close`, {
      version: closed.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe("unit_risk_closed");
    const change = await call("PATCH", "taEditor", `/api/unit-risks/${third.id}`, {
      version: closed.version,
      title: "x",
    });
    expect(change.statusCode).toBe(409);

    const reused = await addRisk(trustA.id, { rank: 4, title: "Ny på plass fire" });
    expect(reused.rank).toBe(4);
  });
});

describe("the audit trail", () => {
  it("records each risk's creation, changes and closing, with the unit", async () => {
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "unit_risk"), eq(auditLog.entityId, String(third.id))))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.action)).toEqual(["create", "update", "update", "close"]);
    expect(entries.every((e) => e.unitId === trustA.id)).toBe(true);
    expect(entries[1]?.before).toMatchObject({ title: "Økonomisk ubalanse", rank: 3 });
    expect(entries[1]?.after).toMatchObject({ title: "Økonomisk ubalanse i 2025", rank: 4 });
  });

  it("records nothing for refused changes", async () => {
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityType, "unit_risk"));
    const titles = entries.map((e) => (e.after as { title?: string } | null)?.title);
    expect(titles).not.toContain("Eldre versjon");
    expect(titles).not.toContain("Storm");
  });
});
