// Hostile input to the action plan routes: random bodies, ids and periods never give a 500, and a
// measure body with a year outside the plan never writes a measure.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measures } from "../../db/schema.ts";
import { hostileNumbers, hostileTexts } from "../../testing/hostile.ts";
import { addSubGoal, call, createPlan, setUpActionPlansApp, t } from "./actionPlans.fixture.ts";

setUpActionPlansApp();

const anyValue = fc.oneof(
  fc.constantFrom(...hostileTexts),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, [], {}, [2009, "2010"], ["x"]),
);
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: anyValue });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 4 });

const measureBody = fc.record(
  {
    title: mostly(fc.string({ minLength: 1, maxLength: 20 })),
    priority: mostly(fc.constantFrom(1, 2, 3, 0)),
    years: mostly(fc.array(fc.integer({ min: 2000, max: 2020 }), { minLength: 0, maxLength: 4 })),
    responsibility: mostly(fc.constantFrom("owner", "all_trusts", "named_units", "nobody")),
    responsibleUnitIds: optional(mostly(fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 3 }))),
    subGoalId: optional(mostly(fc.integer({ min: 1, max: 20 }))),
    label: optional(mostly(fc.string({ maxLength: 25 }))),
    deadline: optional(mostly(fc.constantFrom("2009-12-31", "2009-02-30", null))),
  },
  { requiredKeys: [] },
);

/** A lone surrogate cannot be encoded; it goes as the bytes a careless client would send. */
function encoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

describe("hostile input", () => {
  it("never gives a 500 for a measure, and never writes one with years outside the plan", async () => {
    const plan = await createPlan();
    await addSubGoal(plan.id, 1);
    await fc.assert(
      fc.asyncProperty(measureBody, async (body) => {
        const before = (await t.db.select({ id: measures.id }).from(measures)).length;
        const response = await call("POST", "regEditor", `/api/action-plans/${plan.id}/measures`, body);
        expect(response.statusCode).toBeLessThan(500);
        const after = (await t.db.select({ id: measures.id }).from(measures)).length;
        const years = Array.isArray(body.years) ? body.years : [];
        const outside = years.some((year) => typeof year === "number" && (year < 2009 || year > 2012));
        if (outside || response.statusCode !== 201) expect(after).toBe(before);
        else expect(after).toBe(before + 1);
      }),
      { numRuns: 60 },
    );
  });

  it("never gives a 500 for hostile ids, periods, years and plan bodies", async () => {
    const plan = await createPlan();
    const texts = fc.constantFrom(...hostileTexts);
    await fc.assert(
      fc.asyncProperty(texts, texts, anyValue, anyValue, async (idText, period, value, other) => {
        const id = encoded(idText);
        const responses = await Promise.all([
          call("GET", "regEditor", `/api/action-plans/${id}`),
          call("GET", "regEditor", `/api/action-plans/${plan.id}/progress?period=${encoded(period)}`),
          call("GET", "regEditor", `/api/action-plans/${plan.id}/compare?with=${id}`),
          call("POST", "regEditor", `/api/action-plans/${plan.id}/revisions`, { year: value }),
          call("PATCH", "regEditor", `/api/action-plans/${plan.id}`, {
            version: value,
            fromYear: other,
            boardCases: value,
          }),
          call("POST", "regEditor", "/api/action-plans", {
            ownerUnitId: value,
            title: other,
            fromYear: value,
            toYear: other,
          }),
          call("POST", "regEditor", `/api/action-plans/${plan.id}/sub-goals`, { number: value, text: other }),
        ]);
        for (const response of responses) expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});
