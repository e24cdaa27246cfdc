import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carryOver, compareVersions, type PlanMeasure, yearsOutsidePlan } from "./actionPlans.ts";
import { measurePhases } from "./riskMeasures.ts";

// Seed 004: the procurement and logistics action plan 2009-2012, revised yearly.
const plan = { from: 2009, to: 2012 };
const measure = (
  key: string,
  phase: PlanMeasure["phase"],
  years: number[],
  priority: 1 | 2 = 1,
): PlanMeasure => ({
  key,
  title: `Tiltak ${key}`,
  priority,
  years,
  phase,
});

describe("years of a measure", () => {
  it("must lie within the plan's years", () => {
    expect(yearsOutsidePlan([2009, 2010], plan)).toEqual([]);
    expect(yearsOutsidePlan([2013, 2008, 2010, 2013], plan)).toEqual([2008, 2013]);
  });
});

describe("a revision carries over", () => {
  const measures = [
    measure("e-handel", "in_progress", [2009, 2010]),
    measure("katalog", "completed", [2009]),
    measure("avtaler", "cancelled", [2010]),
    measure("logistikk", "decided", [2011, 2012], 2),
    measure("opplæring", "in_progress", [2009]),
  ];

  it("the measures not completed or cancelled, keeping the years still ahead", () => {
    const carried = carryOver(measures, 2010, plan);
    expect(carried.map((m) => [m.key, m.years])).toEqual([
      ["e-handel", [2010]],
      ["logistikk", [2011, 2012]],
      ["opplæring", [2010]],
    ]);
    expect(carried.find((m) => m.key === "logistikk")?.priority).toBe(2);
  });

  it("a measure whose years have passed, moved to the revision year", () => {
    expect(carryOver(measures, 2011, plan).find((m) => m.key === "e-handel")?.years).toEqual([2011]);
  });

  it("nothing after the plan's last year, and everything unfinished before its first", () => {
    expect(carryOver(measures, 2013, plan)).toEqual([]);
    expect(carryOver(measures, 2008, plan).map((m) => m.key)).toEqual(["e-handel", "logistikk", "opplæring"]);
    expect(carryOver(measures, 2008, plan).find((m) => m.key === "opplæring")?.years).toEqual([2009]);
  });

  it("never a finished measure, and never a year outside the plan", () => {
    const arbitrary = fc.record({
      key: fc.string(),
      title: fc.string(),
      priority: fc.constantFrom(1 as const, 2 as const),
      years: fc.array(fc.integer({ min: 2005, max: 2016 }), { maxLength: 4 }),
      phase: fc.constantFrom(...measurePhases),
    });
    fc.assert(
      fc.property(
        fc.array(arbitrary, { maxLength: 10 }),
        fc.integer({ min: 2005, max: 2016 }),
        (all, year) => {
          for (const carried of carryOver(all, year, plan)) {
            expect(["completed", "cancelled"]).not.toContain(carried.phase);
            expect(carried.years.length).toBeGreaterThan(0);
            expect(yearsOutsidePlan(carried.years, plan)).toEqual([]);
          }
        },
      ),
    );
  });
});

describe("comparing two versions", () => {
  it("names what was kept, changed, added, finished and dropped", () => {
    const earlier = [
      measure("a", "in_progress", [2009, 2010]),
      measure("b", "completed", [2009]),
      measure("c", "decided", [2010]),
      measure("d", "in_progress", [2010]),
    ];
    const later = [
      measure("a", "in_progress", [2010]),
      measure("d", "in_progress", [2010]),
      measure("e", "decided", [2011], 2),
    ];
    expect(compareVersions(earlier, later)).toEqual({
      kept: ["d"],
      changed: ["a"],
      added: ["e"],
      finished: ["b"],
      dropped: ["c"],
    });
  });

  it("finds nothing changed between a version and itself", () => {
    const version = [measure("a", "decided", [2009]), measure("b", "in_progress", [2010, 2011], 2)];
    expect(compareVersions(version, version)).toEqual({
      kept: ["a", "b"],
      changed: [],
      added: [],
      finished: [],
      dropped: [],
    });
  });
});
