// An organisation's own list of risk areas, set with its risk scale: its units' own risks take
// an area from that list instead of the built-in one; the units outside it keep the built-in list.

import { describe, expect, it } from "vitest";
import { defaultRiskScale } from "../../domain/risk.ts";
import { riskAreas } from "../../domain/riskMeasures.ts";
import { addRisk, call, json, registerOf, setUpUnitRisksApp, trustA, trustB } from "./unitRisks.fixture.ts";

setUpUnitRisksApp();

const choicesOf = (unitId: number, who: string) =>
  json<{ areas: string[]; ownAreas: unknown[] }>("GET", who, `/api/units/${unitId}/risks?period=2024-T2`);

const ownAreas = [
  { key: "drift", label: { nb: "Drift og pasientflyt", en: "Operations and patient flow" } },
  { key: "digital", label: { nb: "Digitalisering", en: "Digitalisation" } },
];

describe("an organisation's own risk areas", () => {
  it("refuses a list with problems, naming each, and keeps the built-in one", async () => {
    const response = await call("PUT", "root", `/api/units/${trustB.id}/risk-scale`, {
      version: 0,
      scale: {
        ...defaultRiskScale,
        areas: [{ key: "Bad Key", label: { nb: "", en: "x" } }, ownAreas[0], ownAreas[0]],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
      ["scale.areas[0].key", "scale_level_key_invalid"],
      ["scale.areas[0].label", "scale_label_missing"],
      ["scale.areas[2].key", "scale_area_key_duplicate"],
    ]);
    expect((await choicesOf(trustB.id, "tbEditor")).areas).toEqual([...riskAreas]);
  });

  it("gives the unit's register its own list, and refuses an area outside it", async () => {
    await json("PUT", "root", `/api/units/${trustB.id}/risk-scale`, {
      version: 0,
      scale: { ...defaultRiskScale, areas: ownAreas },
    });
    expect(await choicesOf(trustB.id, "tbEditor")).toMatchObject({ areas: ["drift", "digital"], ownAreas });

    const refused = await call("POST", "tbEditor", `/api/units/${trustB.id}/risks`, {
      area: "personnel",
      title: "Mangel på sykepleiere",
      horizon: "this_year",
      rank: 1,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().problems).toEqual([
      expect.objectContaining({
        field: "area",
        code: "risk_area_not_in_list",
        params: { area: "personnel" },
      }),
    ]);
    expect(refused.json().problems[0].message).toContain("organisasjonens egen liste");
    expect((await registerOf(trustB.id, "2024-T2", "tbEditor")).risks).toHaveLength(0);

    const added = await addRisk(
      trustB.id,
      { area: "digital", title: "Nytt journalsystem", rank: 1 },
      "tbEditor",
    );
    expect(added.area).toBe("digital");
  });

  it("leaves a unit outside the organisation with the built-in list", async () => {
    expect((await choicesOf(trustA.id, "taEditor")).areas).toEqual([...riskAreas]);
    expect((await addRisk(trustA.id, { area: "personnel", rank: 1 })).area).toBe("personnel");
  });
});
