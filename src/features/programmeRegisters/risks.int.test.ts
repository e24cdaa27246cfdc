// A programme's risks: the risk register's rows with the programme set, ranked within the
// programme, assessed before and after measures, with their linked measures; the owner unit's
// own "Topp 5" does not show them and its routes do not change them.

import { describe, expect, it } from "vitest";
import { defaultRiskScale } from "../../domain/risk.ts";
import { base, call, json, problemsOf, region, setUpRegistersApp } from "./programmeRegisters.fixture.ts";
import type { ProgrammeRiskListView, ProgrammeRiskView } from "./riskSchema.ts";

setUpRegistersApp();

type SavedRisk = Omit<ProgrammeRiskView, "assessment" | "previous" | "change">;

const seedAreas = [
  { key: "forankring", label: { nb: "Manglende forankring i RHF-ene", en: "Lack of anchoring in the RHFs" } },
  { key: "medlemmer", label: { nb: "Manglende tilgang på styringsgruppemedlemmer", en: "Lack of members" } },
];

const risksOf = (who = "regEditor", period = "2024-T2") =>
  json<ProgrammeRiskListView>("GET", who, `${base()}/risks?period=${period}`);

describe("a programme's risks", () => {
  it("take an area of the owner's own list, and are ranked within the programme apart from the unit's own", async () => {
    await json("PUT", "root", `/api/units/${region.id}/risk-scale`, {
      version: 0,
      scale: { ...defaultRiskScale, areas: seedAreas },
    });
    const unitRisk = await call("POST", "regEditor", `/api/units/${region.id}/risks`, {
      area: "forankring",
      title: "Regionens egen risiko",
      horizon: "this_year",
      rank: 1,
    });
    expect(unitRisk.statusCode).toBe(201);

    const refused = await call("POST", "regEditor", `${base()}/risks`, {
      area: "personnel",
      title: "Feil område",
      horizon: "this_year",
      rank: 1,
    });
    expect(problemsOf(refused)).toEqual([["area", "risk_area_not_in_list"]]);

    const risk = await json<SavedRisk>("POST", "regEditor", `${base()}/risks`, {
      area: "forankring",
      title: "Manglende forankring",
      likelyEvents: "Foretakene stiller ikke ressurser",
      consequences: "Styringsgruppene kommer ikke i gang",
      horizon: "this_year",
      rank: 1,
    });
    expect(risk).toMatchObject({ unitId: region.id, rank: 1, measures: [] });

    const taken = await call("POST", "regEditor", `${base()}/risks`, {
      area: "medlemmer",
      title: "Annen",
      horizon: "this_year",
      rank: 1,
    });
    expect(problemsOf(taken)).toEqual([["rank", "risk_rank_taken"]]);

    // The unit's own register shows its own risk only, and its routes do not reach the programme's.
    const own = await json<{ risks: { title: string }[] }>(
      "GET",
      "regEditor",
      `/api/units/${region.id}/risks?period=2024-T2&includeClosed=true`,
    );
    expect(own.risks.map((r) => r.title)).toEqual(["Regionens egen risiko"]);
    expect(
      (await call("PATCH", "regEditor", `/api/unit-risks/${risk.id}`, { version: 1, title: "X" })).statusCode,
    ).toBe(404);

    const list = await risksOf("regReader");
    expect(list).toMatchObject({ areas: ["forankring", "medlemmer"], can: { edit: false } });
    expect(list.risks.map((r) => r.title)).toEqual(["Manglende forankring"]);
  });

  it("are assessed before and after measures per period, and show the measures linked to them", async () => {
    const risk = await json<SavedRisk>("POST", "regEditor", `${base()}/risks`, {
      area: "medlemmer",
      title: "Manglende tilgang på styringsgruppemedlemmer",
      horizon: "this_year",
      rank: 2,
    });
    const url = `${base()}/risks/${risk.id}/assessments/2024-T2`;
    const saved = await json<{ version: number }>("PUT", "regEditor", url, {
      version: 0,
      level: "red",
      residualLevel: "yellow",
      justification: "Tiltak reduserer konsekvensen",
    });
    expect(saved.version).toBe(1);
    expect((await call("PUT", "regEditor2", url, { version: 0, level: "green" })).statusCode).toBe(409);

    const measure = await json<{ id: number; version: number }>("POST", "regEditor", "/api/measures", {
      responsibleUnitId: region.id,
      title: "Tydeliggjøre forventninger til medlemmene",
      ownerRole: "Porteføljesekretariatet",
      phase: "decided",
    });
    await json("PUT", "regEditor", `/api/measures/${measure.id}/links`, {
      version: measure.version,
      links: [{ kind: "unit_risk", targetId: risk.id }],
    });

    const row = (await risksOf()).risks.find((r) => r.id === risk.id);
    expect(row?.assessment).toMatchObject({ level: "red", residualLevel: "yellow" });
    expect(row?.measures.map((m) => m.title)).toEqual(["Tydeliggjøre forventninger til medlemmene"]);
  });

  it("are changed with the version read and closed; readers get 403 and outsiders 404", async () => {
    const risk = await json<SavedRisk>("POST", "regEditor", `${base()}/risks`, {
      area: "forankring",
      title: "Tredje",
      horizon: "one_to_four_years",
      rank: 3,
    });
    const changed = await json<SavedRisk>("PATCH", "regEditor", `${base()}/risks/${risk.id}`, {
      version: 1,
      likelyEvents: "Forsinket oppnevning",
    });
    expect(changed).toMatchObject({ likelyEvents: "Forsinket oppnevning", version: 2 });
    expect((await call("PATCH", "regEditor", `${base()}/risks/${risk.id}`, { version: 1 })).statusCode).toBe(
      409,
    );
    expect((await call("PATCH", "regReader", `${base()}/risks/${risk.id}`, { version: 2 })).statusCode).toBe(
      403,
    );
    expect((await call("GET", "taEditor", `${base()}/risks?period=2024-T2`)).statusCode).toBe(404);
    const closed = await json<SavedRisk>("POST", "regEditor", `${base()}/risks/${risk.id}/close`, {
      version: 2,
    });
    expect(closed.closedAt).not.toBeNull();
    expect((await risksOf()).risks.some((r) => r.id === risk.id)).toBe(false);
    const bad = await call("GET", "regEditor", `${base()}/risks?period=2024-T9`);
    expect(problemsOf(bad)).toEqual([["period", "risk_period_not_reviewed"]]);
  });
});
