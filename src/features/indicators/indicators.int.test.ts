import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let admin: string;
let regionAdmin: string;
let trustAdmin: string;
let reader: string;
let region: { id: number };
let trust: { id: number };
let hospital: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  const root = await t.make.unit({ kind: "owner" });
  region = await t.make.unit({ parentId: root.id, kind: "regional_health_authority" });
  trust = await t.make.unit({ parentId: region.id });
  hospital = await t.make.unit({ parentId: trust.id, kind: "hospital" });
  await t.make.user({ username: "root", systemAdmin: true });
  await t.make.user({ username: "regionadmin", roles: [{ unitId: region.id, role: "admin" }] });
  await t.make.user({ username: "trustadmin", roles: [{ unitId: trust.id, role: "admin" }] });
  await t.make.user({ username: "reader", roles: [{ unitId: region.id, role: "reader" }] });
  admin = await t.signIn("root");
  regionAdmin = await t.signIn("regionadmin");
  trustAdmin = await t.signIn("trustadmin");
  reader = await t.signIn("reader");
});
afterAll(() => t.close());

const send = (cookie: string, method: "POST" | "PATCH" | "DELETE" | "GET", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const epikrise = {
  code: "EPI",
  nameNb: "Andel epikriser sendt innen 1 dag",
  nameEn: "Discharge letters sent within 1 day",
  unitLabel: "%",
  direction: "higher",
  valueKind: "ratio",
  scale: 100,
  decimals: 1,
  dataSource: "NPR",
};

async function auditOf(entityType: string, entityId: number) {
  const response = await send(admin, "GET", `/api/audit?entityType=${entityType}&entityId=${entityId}`);
  return response.json().entries as { action: string; before: unknown; after: unknown }[];
}

async function catalogueSize() {
  return ((await send(admin, "GET", "/api/indicators?includeRetired=true")).json() as unknown[]).length;
}

describe("the indicator catalogue", () => {
  it("creates an indicator with the settled defaults, audited", async () => {
    const response = await send(admin, "POST", "/api/indicators", epikrise);
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      code: "EPI",
      evaluationBasis: "this_period",
      trendMode: "relative",
      lagMonths: 0,
      ownerUnitId: null,
      retired: false,
      version: 1,
    });
    const [entry] = await auditOf("indicator", created.id);
    expect(entry).toMatchObject({ action: "create", after: { code: "EPI", scale: 100 } });
  });

  it("refuses a duplicate code in any case, and writes nothing", async () => {
    const before = await catalogueSize();
    const response = await send(admin, "POST", "/api/indicators", { ...epikrise, code: "epi" });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      reason: "indicator_code_taken",
      detail: "Koden epi brukes allerede av en annen indikator. Velg en annen kode.",
      problems: [{ field: "code", code: "in_use", message: "er allerede i bruk" }],
    });
    expect(await catalogueSize()).toBe(before);
  });

  it("names each bad field", async () => {
    const response = await send(admin, "POST", "/api/indicators", {
      ...epikrise,
      code: "BAD",
      direction: "sideways",
      scale: 0,
      lagMonths: -1,
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["direction", "scale", "lagMonths"]));
    expect(response.json().problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "scale",
          code: "scale_range",
          message: "må være fra 0,000001 til 1 000 000 (100 for prosent, 1000 for promille)",
        }),
        expect.objectContaining({ field: "lagMonths", code: "too_small", message: "må være minst 0" }),
      ]),
    );
  });

  it("refuses a minimum denominator on a count", async () => {
    const response = await send(admin, "POST", "/api/indicators", {
      ...epikrise,
      code: "COUNTMIN",
      valueKind: "count",
      minDenominator: 10,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "min_denominator_not_ratio",
      detail: expect.stringContaining("Bare andeler og snitt (teller/nevner) har minste nevner"),
      problems: [{ field: "minDenominator", code: "only_for_ratio" }],
    });
    const negative = await send(admin, "POST", "/api/indicators", {
      ...epikrise,
      code: "NEGMIN",
      minDenominator: -1,
    });
    expect(negative.json().problems).toEqual([
      expect.objectContaining({ field: "minDenominator", code: "too_small", message: "må være minst 0" }),
    ]);
  });

  it("edits with the current version and answers 409 to a stale one", async () => {
    const created = (await send(admin, "POST", "/api/indicators", { ...epikrise, code: "EDIT" })).json();
    const first = await send(admin, "PATCH", `/api/indicators/${created.id}`, {
      version: created.version,
      decimals: 0,
      lagMonths: 2,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ decimals: 0, lagMonths: 2, version: 2 });
    const stale = await send(admin, "PATCH", `/api/indicators/${created.id}`, {
      version: created.version,
      decimals: 3,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version", current: { decimals: 0 } });
    const [entry] = await auditOf("indicator", created.id);
    expect(entry).toMatchObject({ action: "update", before: { decimals: 1 }, after: { decimals: 0 } });
  });

  it("retires an indicator: gone from the list, kept with includeRetired", async () => {
    const created = (await send(admin, "POST", "/api/indicators", { ...epikrise, code: "OLD" })).json();
    const retired = await send(admin, "POST", `/api/indicators/${created.id}/retire`, {
      version: created.version,
    });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ retired: true, version: 2 });
    const active = (await send(reader, "GET", "/api/indicators")).json() as { code: string }[];
    expect(active.map((i) => i.code)).not.toContain("OLD");
    const all = (await send(reader, "GET", "/api/indicators?includeRetired=true")).json() as {
      code: string;
    }[];
    expect(all.map((i) => i.code)).toContain("OLD");
    expect((await auditOf("indicator", created.id))[0]).toMatchObject({ action: "retire" });
  });

  it("lets a reader read the catalogue but not change it", async () => {
    const before = await catalogueSize();
    const response = await send(reader, "POST", "/api/indicators", { ...epikrise, code: "READER" });
    expect(response.statusCode).toBe(403);
    expect(await catalogueSize()).toBe(before);
  });

  it("lets a unit's administrator manage the unit's own indicators only", async () => {
    const own = await send(regionAdmin, "POST", "/api/indicators", {
      ...epikrise,
      code: "REGION-OWN",
      ownerUnitId: region.id,
    });
    expect(own.statusCode).toBe(201);
    const orgWide = await send(regionAdmin, "POST", "/api/indicators", { ...epikrise, code: "ORG-WIDE" });
    expect(orgWide.statusCode).toBe(403);
    expect(orgWide.json().detail).toBe(
      "Bare en systemadministrator kan forvalte indikatorer for hele organisasjonen.",
    );
    const above = await send(trustAdmin, "PATCH", `/api/indicators/${own.json().id}`, {
      version: 1,
      nameNb: "Taken over",
    });
    expect(above.statusCode).toBe(403);
  });
});

describe("targets", () => {
  let indicator: { id: number; version: number };
  let sickLeave: { id: number };

  beforeAll(async () => {
    indicator = (await send(admin, "POST", "/api/indicators", { ...epikrise, code: "TGT" })).json();
    sickLeave = (
      await send(admin, "POST", "/api/indicators", {
        ...epikrise,
        code: "SYK",
        nameNb: "Sykefravær",
        direction: "lower",
        lagMonths: 2,
      })
    ).json();
  });

  const targetsOf = async (id: number) =>
    (await send(reader, "GET", `/api/indicators/${id}/targets`)).json() as {
      year: number | null;
      unitId: number | null;
    }[];

  it("stores every kind of target the domain knows", async () => {
    const rules = [
      { year: 2024, unitId: null, rule: { kind: "threshold", comparator: "gte", value: 70 } },
      { year: 2025, unitId: null, rule: { kind: "limits", greenLimit: 80, yellowLimit: 70 } },
      { year: 2026, unitId: null, rule: { kind: "better_than_last_year" } },
      { year: 2027, unitId: null, rule: { kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 } },
      {
        year: null,
        unitId: null,
        rule: { kind: "yearly_steps", steps: { "2028": { comparator: "gte", value: 50 } } },
      },
      { year: 2024, unitId: trust.id, rule: { kind: "threshold", comparator: "gte", value: 30 } },
    ];
    for (const target of rules) {
      const response = await send(admin, "POST", `/api/indicators/${indicator.id}/targets`, target);
      expect(response.statusCode, JSON.stringify(target)).toBe(201);
    }
    const floor = await send(admin, "POST", `/api/indicators/${sickLeave.id}/targets`, {
      year: 2025,
      rule: { kind: "baseline_change_with_floor", baselineYear: 2023, changePerYear: -0.05, limit: 7.5 },
    });
    expect(floor.statusCode).toBe(201);
    expect(await targetsOf(indicator.id)).toHaveLength(rules.length);
  });

  it("explains a target the domain rejects, and stores nothing", async () => {
    const before = (await targetsOf(sickLeave.id)).length;
    // Lower is better: the green limit must be below the yellow one.
    const response = await send(admin, "POST", `/api/indicators/${sickLeave.id}/targets`, {
      year: 2024,
      rule: { kind: "limits", greenLimit: 14, yellowLimit: 12 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      reason: "target_green_below_yellow",
      params: { green: 14, yellow: 12 },
      detail: "Målet kan ikke brukes: når lavere er bedre, må grønn grense (14) være under gul grense (12).",
      problems: [
        {
          field: "rule",
          code: "green_below_yellow",
          message: "grønn grense 14 må være under gul grense 12 når lavere er bedre",
        },
      ],
    });
    expect((await targetsOf(sickLeave.id)).length).toBe(before);
  });

  it("refuses a baseline year that is not before the target's year", async () => {
    const response = await send(admin, "POST", `/api/indicators/${sickLeave.id}/targets`, {
      year: 2023,
      rule: { kind: "change_vs_baseline", baselineYear: 2023, share: -0.1 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0].field).toBe("rule.baselineYear");
    expect(response.json().detail).toBe("Målet kan ikke brukes: basisåret 2023 må være før målets år 2023.");
  });

  it("refuses an unknown kind with the field named", async () => {
    const response = await send(admin, "POST", `/api/indicators/${sickLeave.id}/targets`, {
      year: 2024,
      rule: { kind: "vibes" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems[0].field).toContain("rule");
  });

  it("names a bad year among yearly steps as its own field, worded", async () => {
    const response = await send(admin, "POST", `/api/indicators/${sickLeave.id}/targets`, {
      year: 2024,
      rule: { kind: "yearly_steps", steps: { "2O24": { comparator: "lte", value: 5 } } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems).toEqual([
      expect.objectContaining({
        field: "rule.steps.2O24",
        code: "year_text",
        message: "må være et år fra 1900 til 2999 skrevet ÅÅÅÅ",
      }),
    ]);
  });

  it("refuses a second target for the same year and unit", async () => {
    const response = await send(admin, "POST", `/api/indicators/${indicator.id}/targets`, {
      year: 2024,
      unitId: trust.id,
      rule: { kind: "threshold", comparator: "gte", value: 40 },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      reason: "target_exists_year_unit",
      detail: expect.stringMatching(/^TGT har allerede et mål for 2024 for «.+»\. Endre det i stedet\.$/),
      problems: [{ field: "year", code: "target_taken" }],
    });
  });

  it("sets a unit's target from above, not by the unit's own administrator", async () => {
    const rule = { kind: "threshold", comparator: "gte", value: 10 };
    const byOwnAdmin = await send(trustAdmin, "POST", `/api/indicators/${indicator.id}/targets`, {
      year: 2025,
      unitId: trust.id,
      rule,
    });
    expect(byOwnAdmin.statusCode).toBe(403);
    expect(byOwnAdmin.json().detail).toMatch(/^Mål for «.+» settes av en administrator for enheten over den/);
    const byParentAdmin = await send(regionAdmin, "POST", `/api/indicators/${indicator.id}/targets`, {
      year: 2025,
      unitId: trust.id,
      rule,
    });
    expect(byParentAdmin.statusCode).toBe(201);
    const forHospital = await send(trustAdmin, "POST", `/api/indicators/${indicator.id}/targets`, {
      year: 2025,
      unitId: hospital.id,
      rule,
    });
    expect(forHospital.statusCode).toBe(201);
    const general = await send(regionAdmin, "POST", `/api/indicators/${indicator.id}/targets`, {
      year: 2030,
      rule,
    });
    expect(general.statusCode).toBe(403);
  });

  it("changes a target with its version, audited, and deletes it", async () => {
    const created = (
      await send(admin, "POST", `/api/indicators/${indicator.id}/targets`, {
        year: 2031,
        rule: { kind: "threshold", comparator: "gte", value: 60 },
      })
    ).json();
    const changed = await send(admin, "PATCH", `/api/targets/${created.id}`, {
      version: created.version,
      rule: { kind: "threshold", comparator: "gte", value: 65 },
    });
    expect(changed.statusCode).toBe(200);
    const stale = await send(admin, "PATCH", `/api/targets/${created.id}`, {
      version: created.version,
      rule: { kind: "threshold", comparator: "gte", value: 99 },
    });
    expect(stale.statusCode).toBe(409);
    const [entry] = await auditOf("indicator_target", created.id);
    expect(entry).toMatchObject({
      action: "update",
      before: { rule: { value: 60 } },
      after: { rule: { value: 65 } },
    });
    const deleted = await send(admin, "DELETE", `/api/targets/${created.id}?version=2`);
    expect(deleted.statusCode).toBe(204);
    expect((await auditOf("indicator_target", created.id))[0]).toMatchObject({ action: "delete" });
  });

  it("refuses a direction change that existing targets do not fit", async () => {
    const current = (await send(admin, "GET", `/api/indicators/${indicator.id}`)).json();
    const response = await send(admin, "PATCH", `/api/indicators/${indicator.id}`, {
      version: current.version,
      direction: "lower",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      reason: "targets_do_not_fit_direction",
      detail: expect.stringMatching(/^\d+ mål passer ikke med den nye retningen\. Endre (det|dem) først\.$/),
    });
    expect(response.json().problems[0]).toMatchObject({
      field: "direction",
      code: "target_limits_do_not_fit",
      message: expect.stringContaining("grønn grense 80"),
    });
  });
});
