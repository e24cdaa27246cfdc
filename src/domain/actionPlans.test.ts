import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  carryOver,
  compareVersions,
  milestoneProgress,
  type PlanMeasure,
  periodEndDay,
  standingOn,
  yearsOutsidePlan,
} from "./actionPlans.ts";
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

describe("a tertial's progress", () => {
  it("ends a tertial on its last day", () => {
    expect(periodEndDay({ year: 2009, tertial: 1 })).toBe("2009-04-30");
    expect(periodEndDay({ year: 2009, tertial: 2 })).toBe("2009-08-31");
    expect(periodEndDay({ year: 2009, tertial: 3 })).toBe("2009-12-31");
    expect(periodEndDay({ year: 2010 })).toBe("2010-12-31");
  });

  const log = [
    { id: 1, on: "2009-03-01", phase: "in_progress" },
    { id: 3, on: "2009-09-15", phase: "completed" },
    { id: 2, on: "2009-03-01", phase: "decided" },
  ];
  const phaseOf = (entry: (typeof log)[number]) => entry.phase;

  it("takes a measure's standing from the newest log entry on or before the day", () => {
    expect(standingOn(log, "2009-04-30", "current", phaseOf)).toBe("decided");
    expect(standingOn(log, "2009-09-15", "current", phaseOf)).toBe("completed");
    expect(standingOn(log, "2009-02-28", "current", phaseOf)).toBe("current");
  });

  it("never takes an entry dated after the day", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.nat(), on: fc.constantFrom("2009-01-01", "2009-05-01", "2010-01-01") })),
        fc.constantFrom("2008-12-31", "2009-04-30", "2009-12-31", "2010-12-31"),
        (entries, asOf) => {
          const chosen = standingOn(entries, asOf, null, (entry) => entry);
          if (chosen === null) expect(entries.every((entry) => entry.on > asOf)).toBe(true);
          else expect(chosen.on <= asOf && entries.every((e) => e.on > asOf || e.on <= chosen.on)).toBe(true);
        },
      ),
    );
  });

  it("judges a done-or-not milestone and calls it overdue past its day", () => {
    const due = { kind: "milestone_done" as const, on: null, dueOn: "2009-07-01" };
    expect(milestoneProgress({ ...due, done: false }, "2009-04-30")).toEqual({ met: false, overdue: false });
    expect(milestoneProgress({ ...due, done: false }, "2009-08-31")).toEqual({ met: false, overdue: true });
    expect(milestoneProgress({ ...due, done: true }, "2009-08-31")).toEqual({ met: true, overdue: false });
  });

  it("counts a milestone done after the day as not done on it", () => {
    const done = { kind: "milestone_done" as const, done: true, on: "2009-11-15", dueOn: "2009-07-01" };
    expect(milestoneProgress(done, "2009-08-31")).toEqual({ met: false, overdue: true });
    expect(milestoneProgress(done, "2009-11-15")).toEqual({ met: true, overdue: false });
    expect(milestoneProgress({ ...done, dueOn: null }, "2009-04-30")).toEqual({ met: false, overdue: false });
  });

  it("judges a value milestone against its target, unknown before its date", () => {
    const value = {
      kind: "milestone_value" as const,
      value: 12,
      target: 10,
      on: "2009-06-01",
      dueOn: "2009-12-31",
    };
    expect(milestoneProgress(value, "2009-08-31")).toEqual({ met: true, overdue: false });
    expect(milestoneProgress(value, "2009-04-30")).toEqual({ met: null, overdue: false });
    expect(milestoneProgress({ ...value, value: 8 }, "2010-04-30")).toEqual({ met: false, overdue: true });
    expect(milestoneProgress({ ...value, value: null }, "2009-08-31")).toEqual({ met: null, overdue: false });
  });
});
