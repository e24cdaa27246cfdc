import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultMatrixScale, defaultRiskScale, validateScale } from "./risk.ts";

const area = (key: string, nb = `Område ${key}`, en = `Area ${key}`) => ({ key, label: { nb, en } });
const reasons = (scale: unknown) => {
  const checked = validateScale(scale);
  return checked.ok ? [] : checked.problems.map((p) => `${p.path}: ${p.reason}`);
};

describe("an organisation's own risk areas on its scale", () => {
  it("keeps a valid list in its order, labels trimmed, and leaves a scale without one as it was", () => {
    const checked = validateScale({
      ...defaultRiskScale,
      areas: [area("drift", "  Drift  "), area("digital")],
    });
    expect(checked.ok && checked.scale.areas).toEqual([area("drift", "Drift"), area("digital")]);
    const plain = validateScale(defaultRiskScale);
    expect(plain.ok && "areas" in plain.scale).toBe(false);
  });

  it("names a list that is empty, too long or not a list", () => {
    expect(reasons({ ...defaultRiskScale, areas: [] })).toEqual(["areas: scale_area_count"]);
    const many = Array.from({ length: 21 }, (_, i) => area(`a${i}`));
    expect(reasons({ ...defaultRiskScale, areas: many })).toEqual(["areas: scale_area_count"]);
    expect(reasons({ ...defaultRiskScale, areas: "drift" })).toEqual(["areas: scale_area_count"]);
    expect(reasons({ ...defaultRiskScale, areas: null })).toEqual(["areas: scale_area_count"]);
  });

  it("names each bad key, each repeated key and each missing or long label", () => {
    expect(
      reasons({
        ...defaultRiskScale,
        areas: [area("Drift"), area("ok"), area("ok"), area("x", ""), area("y", "a".repeat(61)), 7],
      }),
    ).toEqual([
      "areas[0].key: scale_level_key_invalid",
      "areas[2].key: scale_area_key_duplicate",
      "areas[3].label: scale_label_missing",
      "areas[4].label: scale_label_too_long",
      "areas[5].key: scale_level_key_invalid",
      "areas[5].label: scale_label_missing",
    ]);
  });

  it("checks on a matrix scale too", () => {
    expect(reasons({ ...defaultMatrixScale(), areas: [] })).toEqual(["areas: scale_area_count"]);
  });

  it("checks a clean list again to itself, whatever it is sent (property)", () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
    const words = fc.string({ minLength: 1, maxLength: 60 }).filter((w) => w.trim() !== "");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ key, label: fc.record({ nb: words, en: words }) }), {
          minLength: 1,
          maxLength: 20,
          selector: (a) => a.key,
        }),
        (areas) => {
          const first = validateScale({ ...defaultRiskScale, areas });
          expect(first.ok).toBe(true);
          if (!first.ok) return;
          const again = validateScale(first.scale);
          expect(again).toEqual(first);
        },
      ),
    );
  });
});
