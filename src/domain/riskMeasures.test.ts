import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isCalendarDate,
  isMeasureOverdue,
  measureDateProblems,
  measurePhases,
  measureStatuses,
  missingLogFor,
  needsAttention,
  phaseFromNorwegian,
  riskAreas,
  riskHorizons,
  statusFromNorwegian,
} from "./riskMeasures.ts";

const seed = JSON.parse(readFileSync(new URL("../db/demo/source/risk.json", import.meta.url), "utf8")) as {
  table3_status_measures: {
    observed_phase_values: string[];
    observed_status_values: string[];
    rows: { phase: string; status: string }[];
  };
};

describe("an overdue measure", () => {
  it("is open and past its deadline; the deadline day itself is in time", () => {
    const measure = { phase: "in_progress" as const, deadline: "2024-12-31" };
    expect(isMeasureOverdue(measure, "2024-12-31")).toBe(false);
    expect(isMeasureOverdue(measure, "2025-01-01")).toBe(true);
    expect(isMeasureOverdue({ ...measure, phase: "decided" }, "2025-01-01")).toBe(true);
  });

  it("is never completed, cancelled, or without a deadline", () => {
    expect(isMeasureOverdue({ phase: "completed", deadline: "2020-01-01" }, "2025-01-01")).toBe(false);
    expect(isMeasureOverdue({ phase: "cancelled", deadline: "2020-01-01" }, "2025-01-01")).toBe(false);
    expect(isMeasureOverdue({ phase: "in_progress", deadline: null }, "2999-12-31")).toBe(false);
  });

  it("needs attention when overdue or reported delayed while open", () => {
    const open = { phase: "in_progress" as const, status: "as_planned" as const, deadline: "2024-06-30" };
    expect(needsAttention(open, "2024-06-30")).toBe(false);
    expect(needsAttention(open, "2024-07-01")).toBe(true);
    expect(needsAttention({ ...open, status: "delayed" }, "2024-01-01")).toBe(true);
    expect(needsAttention({ ...open, status: "delayed", phase: "completed" }, "2024-01-01")).toBe(false);
    expect(needsAttention({ ...open, status: null }, "2024-01-01")).toBe(false);
  });

  it.each([
    ["decided", "delayed", true],
    ["in_progress", "delayed", true],
    ["completed", "delayed", false],
    ["cancelled", "delayed", false],
    ["decided", "not_started", false],
    ["in_progress", "as_planned", false],
  ] as const)("needs attention when %s and %s, without a deadline: %s", (phase, status, expected) => {
    expect(needsAttention({ phase, status, deadline: null }, "2024-06-30")).toBe(expected);
  });

  it("across the year's end: due 2024-12-31 is late on 2025-01-01, not on 2024-12-31", () => {
    const measure = { phase: "decided" as const, status: "as_planned" as const, deadline: "2024-12-31" };
    expect(needsAttention(measure, "2024-12-31")).toBe(false);
    expect(needsAttention(measure, "2025-01-01")).toBe(true);
    expect(isMeasureOverdue({ phase: "decided", deadline: "2025-01-01" }, "2024-12-31")).toBe(false);
  });

  it("needs attention whenever it is overdue", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...measurePhases),
        fc.constantFrom(...measureStatuses),
        fc.option(fc.constantFrom("2024-02-29", "2024-12-31", "2025-01-01")),
        fc.constantFrom("2024-02-28", "2024-12-31", "2025-01-01", "2025-06-30"),
        (phase, status, deadline, today) => {
          const measure = { phase, status, deadline };
          if (isMeasureOverdue(measure, today)) expect(needsAttention(measure, today)).toBe(true);
        },
      ),
    );
  });

  it("is overdue exactly when open and the day is after the deadline", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...measurePhases),
        fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (phase, deadline, today) => {
          const [d, t] = [deadline.toISOString().slice(0, 10), today.toISOString().slice(0, 10)];
          const open = phase === "decided" || phase === "in_progress";
          expect(isMeasureOverdue({ phase, deadline: d }, t)).toBe(open && t > d);
        },
      ),
    );
  });
});

describe("a measure's dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-04-31", false],
    ["2024-12-31", true],
    ["2025-01-01", true],
    ["1899-12-31", false],
    ["3000-01-01", false],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-1-1", false],
    ["", false],
    ["31.12.2024", false],
  ])("%s is a calendar date: %s", (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
  });

  it("agrees with the calendar on every day from 1900 to 2999", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2999-12-31T23:59:59Z"), noInvalidDate: true }),
        (date) => {
          expect(isCalendarDate(date.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 29, max: 31 }), (year, day) => {
        const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
        expect(isCalendarDate(`${year}-02-${day}`)).toBe(day === 29 && leap);
      }),
    );
  });

  it("takes a leap day as a start and a deadline, but not the 29th of February 2023", () => {
    expect(
      measureDateProblems({ start: "2024-02-29", deadline: "2024-02-29", fullEffectDate: null }),
    ).toEqual([]);
    expect(measureDateProblems({ start: null, deadline: "2023-02-29", fullEffectDate: null })).toEqual([
      { field: "deadline", reason: "date_invalid" },
    ]);
  });

  it("names a deadline or full effect before the start, and dates that are not dates", () => {
    expect(
      measureDateProblems({ start: "2024-06-01", deadline: "2024-05-31", fullEffectDate: null }),
    ).toEqual([{ field: "deadline", reason: "deadline_before_start" }]);
    expect(
      measureDateProblems({ start: "2024-06-01", deadline: "2024-06-01", fullEffectDate: "2024-01-01" }),
    ).toEqual([{ field: "fullEffectDate", reason: "full_effect_before_start" }]);
    expect(measureDateProblems({ start: "2024-02-30", deadline: "2023-01-01", fullEffectDate: "x" })).toEqual(
      [
        { field: "start", reason: "date_invalid" },
        { field: "fullEffectDate", reason: "date_invalid" },
      ],
    );
    expect(measureDateProblems({ start: null, deadline: "2024-01-01", fullEffectDate: null })).toEqual([]);
    expect(
      measureDateProblems({ start: "2024-12-31", deadline: "2025-01-01", fullEffectDate: "2026-06-30" }),
    ).toEqual([]);
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string()),
        fc.option(fc.string()),
        fc.option(fc.string()),
        (start, deadline, effect) => {
          const problems = measureDateProblems({ start, deadline, fullEffectDate: effect });
          expect(problems.length).toBeLessThanOrEqual(4);
        },
      ),
    );
  });
});

describe("the period log", () => {
  it("is due for an open measure without an entry for the period", () => {
    expect(missingLogFor({ phase: "in_progress" }, ["2024-T1"], "2024-T2")).toBe(true);
    expect(missingLogFor({ phase: "decided" }, ["2024-T1", "2024-T2"], "2024-T2")).toBe(false);
    expect(missingLogFor({ phase: "completed" }, [], "2024-T2")).toBe(false);
    expect(missingLogFor({ phase: "cancelled" }, [], "2024")).toBe(false);
  });
  it("is due for every open phase and none closed, whatever was logged before", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...measurePhases),
        fc.array(fc.constantFrom("2024-T1", "2024-T2", "2024")),
        fc.constantFrom("2024-T1", "2024-T2", "2024"),
        (phase, logged, period) => {
          const open = phase === "decided" || phase === "in_progress";
          expect(missingLogFor({ phase }, logged, period)).toBe(open && !logged.includes(period));
        },
      ),
    );
  });
});

describe("the value lists", () => {
  it("are distinct snake_case words", () => {
    for (const list of [measurePhases, measureStatuses, riskHorizons, riskAreas]) {
      expect(new Set(list).size).toBe(list.length);
      for (const value of list) expect(value).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });
});

describe("the seed's words", () => {
  it.each([
    ["Vedtatt", "decided"],
    ["I gjennomføring", "in_progress"],
    [" i  GJENNOMFØRING ", "in_progress"],
    ["Gjennomført", "completed"],
    ["Avbrutt", "cancelled"],
    ["?", null],
    ["constructor", null],
    ["", null],
  ])("phase %j is %s", (word, phase) => {
    expect(phaseFromNorwegian(word)).toBe(phase);
  });

  it.each([
    ["iht plan", "as_planned"],
    ["forsinket", "delayed"],
    ["ikke startet (?)", "not_started"],
    ["Rapporteres i egen styresak (?)", null],
    ["?", null],
    ["__proto__", null],
  ])("status %j is %s", (word, status) => {
    expect(statusFromNorwegian(word)).toBe(status);
  });

  it("reads every word the annex uses: the three phases, and the statuses but the unsure ones", () => {
    const annex = seed.table3_status_measures;
    expect(annex.observed_phase_values.map(phaseFromNorwegian)).toEqual([
      "decided",
      "in_progress",
      "completed",
    ]);
    expect(annex.observed_status_values.map(statusFromNorwegian)).toEqual([
      "as_planned",
      "delayed",
      "not_started",
      null,
      null,
    ]);
    expect(phaseFromNorwegian("Gjennomført (?)")).toBe("completed");
    expect(statusFromNorwegian("Ikke startet")).toBe("not_started");
  });

  it("reads the phase of every measure in seed 003's annex, and a known status where one is written", () => {
    const rows = seed.table3_status_measures.rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const phase = phaseFromNorwegian(row.phase);
      if (["Vedtatt", "I gjennomføring", "Gjennomført"].includes(row.phase))
        expect(measurePhases).toContain(phase);
      else expect(phase).toBeNull();
      const status = statusFromNorwegian(row.status);
      if (["iht plan", "forsinket"].includes(row.status)) expect(measureStatuses).toContain(status);
    }
  });
});
