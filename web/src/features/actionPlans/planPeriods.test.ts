import { describe, expect, it } from "vitest";
import { currentTertial, planTertials } from "./planPeriods.ts";

const plan = { fromYear: 2009, toYear: 2012 };

describe("a plan's tertials", () => {
  it("offers every tertial of the plan's years, in order", () => {
    const periods = planTertials(plan);
    expect(periods).toHaveLength(12);
    expect(periods.slice(0, 4)).toEqual(["2009-T1", "2009-T2", "2009-T3", "2010-T1"]);
    expect(periods.at(-1)).toBe("2012-T3");
  });

  it("shows today's tertial first while the plan runs, else the nearest end of it", () => {
    expect(currentTertial(plan, new Date(2010, 3, 30))).toBe("2010-T1");
    expect(currentTertial(plan, new Date(2010, 4, 1))).toBe("2010-T2");
    expect(currentTertial(plan, new Date(2010, 8, 1))).toBe("2010-T3");
    expect(currentTertial(plan, new Date(2026, 0, 1))).toBe("2012-T3");
    expect(currentTertial(plan, new Date(2005, 0, 1))).toBe("2009-T1");
  });
});
