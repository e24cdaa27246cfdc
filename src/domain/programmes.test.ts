import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type GateRecord,
  gateDecisions,
  type PhaseState,
  phaseDateProblems,
  phaseStartRefusal,
  standingDecision,
  statusColours,
  statusTrend,
} from "./programmes.ts";

// Seed 001's programme: phases 0, 1 and 2, each later one behind a gate the owner decides.
const phases = (started: number[]): PhaseState[] =>
  [0, 1, 2].map((number) => ({ number, actualStart: started.includes(number) ? "2023-04-15" : null }));

describe("a phase may start", () => {
  it("the first one at once, without a gate", () => {
    expect(phaseStartRefusal(phases([]), [], 0)).toBeNull();
  });

  it("a later one when the phase before it started and its gate is approved, with or without conditions", () => {
    expect(
      phaseStartRefusal(phases([0]), [{ toPhase: 1, decision: "approve", decidedOn: "2023-08-30" }], 1),
    ).toBeNull();
    expect(
      phaseStartRefusal(
        phases([0, 1]),
        [{ toPhase: 2, decision: "approve_with_conditions", decidedOn: "2024-01-10" }],
        2,
      ),
    ).toBeNull();
  });

  it("not before its gate is decided", () => {
    expect(phaseStartRefusal(phases([0]), [], 1)).toBe("gate_not_decided");
    // Another gate's approval does not count.
    expect(
      phaseStartRefusal(phases([0, 1]), [{ toPhase: 1, decision: "approve", decidedOn: "2023-08-30" }], 2),
    ).toBe("gate_not_decided");
  });

  it("not while its gate is postponed, and when approved later, yes", () => {
    const postponed: GateRecord = { toPhase: 1, decision: "postpone", decidedOn: "2023-08-30" };
    expect(phaseStartRefusal(phases([0]), [postponed], 1)).toBe("gate_postponed");
    const approved: GateRecord = { toPhase: 1, decision: "approve", decidedOn: "2023-09-20" };
    expect(phaseStartRefusal(phases([0]), [approved, postponed], 1)).toBeNull();
  });

  it("of two decisions on one day, the one recorded last stands", () => {
    const day = "2023-08-30";
    const first: GateRecord = { toPhase: 1, decision: "postpone", decidedOn: day };
    const then: GateRecord = { toPhase: 1, decision: "approve", decidedOn: day };
    expect(standingDecision([first, then], 1)).toBe(then);
    expect(phaseStartRefusal(phases([0]), [then, first], 1)).toBe("gate_postponed");
  });

  it("never after a gate stopped the programme, not even a later phase", () => {
    const stop: GateRecord = { toPhase: 1, decision: "stop", decidedOn: "2023-08-30" };
    expect(phaseStartRefusal(phases([0]), [stop], 1)).toBe("programme_stopped");
    expect(
      phaseStartRefusal(phases([0]), [stop, { toPhase: 2, decision: "approve", decidedOn: "2024-01-01" }], 2),
    ).toBe("programme_stopped");
  });

  it("not before the phase before it has started, nor twice, nor one that does not exist", () => {
    expect(
      phaseStartRefusal(phases([]), [{ toPhase: 1, decision: "approve", decidedOn: "2023-08-30" }], 1),
    ).toBe("previous_phase_not_started");
    expect(phaseStartRefusal(phases([0]), [], 0)).toBe("phase_already_started");
    expect(phaseStartRefusal(phases([]), [], 7)).toBe("phase_unknown");
  });

  it("takes phases in their numbers' order, however they are listed", () => {
    const shuffled = [...phases([0])].reverse();
    expect(
      phaseStartRefusal(shuffled, [{ toPhase: 1, decision: "approve", decidedOn: "2023-08-30" }], 1),
    ).toBeNull();
  });

  it("only ever through an approval standing on its own gate", () => {
    const record = fc.record({
      toPhase: fc.integer({ min: 0, max: 3 }),
      decision: fc.constantFrom(...gateDecisions),
      decidedOn: fc.constantFrom("2023-01-01", "2023-06-01", "2024-01-01"),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.integer({ min: 1, max: 3 }), (decisions, number) => {
        const all = [0, 1, 2, 3].map((n) => ({ number: n, actualStart: n < number ? "2022-01-01" : null }));
        if (phaseStartRefusal(all, decisions, number) === null) {
          expect(standingDecision(decisions, number)?.decision).toMatch(/^approve/);
        }
      }),
    );
  });
});

describe("planned phase dates", () => {
  it("may meet on one day, as seed 001's phase 0 lasts until phase 1 begins", () => {
    expect(
      phaseDateProblems([
        { number: 0, plannedStart: "2023-04-15", plannedEnd: "2023-08-30" },
        { number: 1, plannedStart: "2023-08-30", plannedEnd: "2024-06-30" },
      ]),
    ).toEqual([]);
  });

  it("may not overlap, nor end before they start, named by phase", () => {
    expect(
      phaseDateProblems([
        { number: 1, plannedStart: "2023-08-01", plannedEnd: "2024-06-30" },
        { number: 0, plannedStart: "2023-04-15", plannedEnd: "2023-08-30" },
        { number: 2, plannedStart: "2025-01-01", plannedEnd: "2024-12-31" },
      ]),
    ).toEqual([
      { kind: "overlaps", phase: 1, previous: 0 },
      { kind: "ends_before_start", phase: 2 },
    ]);
  });

  it("are fine with no phases or one", () => {
    expect(phaseDateProblems([])).toEqual([]);
    expect(phaseDateProblems([{ number: 0, plannedStart: "2023-01-01", plannedEnd: "2023-01-01" }])).toEqual(
      [],
    );
  });
});

describe("the trend of a status report", () => {
  it.each([
    ["red", "yellow", "improved"],
    ["yellow", "green", "improved"],
    ["red", "green", "improved"],
    ["green", "green", "unchanged"],
    ["green", "yellow", "worsened"],
    ["yellow", "red", "worsened"],
  ] as const)("from %s to %s is %s", (previous, current, trend) => {
    expect(statusTrend(previous, current)).toBe(trend);
  });

  it("is none for the first report", () => {
    expect(statusTrend(null, "green")).toBeNull();
    expect(statusTrend(undefined, "red")).toBeNull();
  });

  it("is improved one way exactly when worsened the other", () => {
    const colour = fc.constantFrom(...statusColours);
    fc.assert(
      fc.property(colour, colour, (a, b) => {
        expect(statusTrend(a, b) === "improved").toBe(statusTrend(b, a) === "worsened");
      }),
    );
  });
});
