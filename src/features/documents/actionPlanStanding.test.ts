import { describe, expect, it } from "vitest";
import type { KeyIndicatorProgressView } from "../actionPlans/schema.ts";
import { type KeyIndicatorFacts, verdict, wordStanding } from "./actionPlanStanding.ts";

const periodEnd = "2009-08-31";

const facts = (fields: Partial<KeyIndicatorFacts>): KeyIndicatorFacts => ({
  kind: "indicator",
  unitLabel: "%",
  direction: "higher",
  dueOn: null,
  milestoneTarget: null,
  milestoneUnit: "",
  milestoneDone: null,
  milestoneValue: null,
  milestoneOn: null,
  ...fields,
});

const progress = (fields: Partial<KeyIndicatorProgressView>): KeyIndicatorProgressView => ({
  keyIndicatorId: 1,
  subGoalId: 1,
  text: "Avtaledekning",
  kind: "indicator",
  indicator: null,
  met: null,
  overdue: false,
  dueOn: null,
  milestoneValue: null,
  milestoneTarget: null,
  milestoneUnit: "",
  ...fields,
});

const judged = (displayedValue: string | null, reason: string, met: boolean | null) =>
  progress({
    met,
    indicator: {
      code: "IL-AVTALE",
      unitLabel: "%",
      direction: "higher",
      value: null,
      targetYear: 2009,
      attainment: { colour: "grey", reason, targetValue: 80, comparator: "gte", displayedValue },
    },
  });

describe("a key indicator's standing in words", () => {
  it("gives a catalogue indicator's target for the judged year and its value with the unit", () => {
    const standing = wordStanding(
      facts({}),
      judged("76,5", "not_met", false),
      { kind: "threshold", comparator: "gte", value: 80 },
      periodEnd,
    );
    expect(standing).toEqual({
      target: "≥ 80 % (2009)",
      value: "76,5 %",
      met: false,
      reason: "not_met",
      overdue: false,
    });
    expect(verdict(standing, null)).toBe("Ikke nådd");
  });

  it("says why a catalogue indicator is not judged", () => {
    const noData = wordStanding(facts({}), judged(null, "no_data", null), null, periodEnd);
    expect(noData).toMatchObject({ target: null, value: null });
    expect(verdict(noData, null)).toBe("Ingen data");
    const between = wordStanding(facts({}), judged("78", "between_limits", null), null, periodEnd);
    expect(verdict(between, null)).toBe("Mellom mål og grense");
    const noStep = wordStanding(
      facts({}),
      judged("0", "no_step_for_year", null),
      { kind: "yearly_steps", steps: { "2010": { comparator: "gte", value: 10 } } },
      periodEnd,
    );
    expect(noStep.target).toBe("Ingen mål for 2009");
    expect(verdict(noStep, null)).toBe("Ikke vurdert");
  });

  it("words a milestone completed after the period's end as not yet done then", () => {
    // The progress rule (milestoneProgress) already judged it not met and overdue at the period's end.
    const later = wordStanding(
      facts({ kind: "milestone_done", dueOn: "2009-06-30", milestoneDone: true, milestoneOn: "2009-11-15" }),
      progress({ kind: "milestone_done", met: false, overdue: true }),
      null,
      periodEnd,
    );
    expect(later).toMatchObject({ value: "Ikke gjennomført", met: false, overdue: true });
    expect(verdict(later, "2009-06-30")).toBe("Ikke nådd, fristen er passert");
  });

  it("words a milestone done or not, and whether its due day had passed", () => {
    const done = wordStanding(
      facts({ kind: "milestone_done", dueOn: "2009-06-30", milestoneDone: true, milestoneOn: "2009-06-15" }),
      progress({ kind: "milestone_done", met: true }),
      null,
      periodEnd,
    );
    expect(done).toMatchObject({
      target: "Gjennomført innen 30. juni 2009",
      value: "Gjennomført 15. juni 2009",
    });
    expect(verdict(done, "2009-06-30")).toBe("Nådd");
    const late = wordStanding(
      facts({ kind: "milestone_done", dueOn: "2009-06-30", milestoneDone: false }),
      progress({ kind: "milestone_done", met: false, overdue: true }),
      null,
      periodEnd,
    );
    expect(late.value).toBe("Ikke gjennomført");
    expect(verdict(late, "2009-06-30")).toBe("Ikke nådd, fristen er passert");
    expect(verdict({ ...late, overdue: false }, "2009-12-31")).toBe("Ikke nådd ennå");
  });

  it("gives a value milestone's value with its day, and none when dated after the period", () => {
    const counted = facts({
      kind: "milestone_value",
      milestoneTarget: 12,
      milestoneUnit: "avtaler",
      milestoneValue: 9,
      milestoneOn: "2009-08-01",
      dueOn: "2009-12-31",
    });
    const standing = wordStanding(
      counted,
      progress({ kind: "milestone_value", met: false }),
      null,
      periodEnd,
    );
    expect(standing).toMatchObject({
      target: "≥ 12 avtaler innen 31. desember 2009",
      value: "9 avtaler per 1. august 2009",
    });
    expect(verdict(standing, counted.dueOn)).toBe("Ikke nådd ennå");
    const later = wordStanding(
      { ...counted, milestoneOn: "2009-10-01" },
      progress({ kind: "milestone_value", met: null }),
      null,
      periodEnd,
    );
    expect(later.value).toBeNull();
    expect(verdict(later, counted.dueOn)).toBe("Ikke målt");
  });
});
