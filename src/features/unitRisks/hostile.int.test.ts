// Random bodies to POST /api/units/:id/risks: never a 500, and a row only for a valid body, which
// a model of the rules (independent of the schema) decides.

import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditLog, unitRisks } from "../../db/schema.ts";
import { riskAreas, riskHorizons } from "../../domain/riskMeasures.ts";
import { textProblem } from "../../schemas/common.ts";
import { hostileNumbers, hostileTexts } from "../../testing/hostile.ts";
import { call, setUpUnitRisksApp, t, trustB } from "./unitRisks.fixture.ts";

setUpUnitRisksApp();

const texts = [...hostileTexts, "Bemanning", "  Bemanning  ", "line\nbreak", "Ålesund 😀", "y".repeat(301)];

const anyValue = fc.oneof(
  fc.constantFrom(...texts),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, [], {}),
);
/** Left out now and then: often for the optional fields, rarely for the required ones. */
const optional = <T>(arbitrary: fc.Arbitrary<T>, freq = 4) => fc.option(arbitrary, { nil: undefined, freq });
/** Mostly a value of the right kind, so that a body often gets past all but one of its fields. */
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: anyValue });
const someText = fc.string({ maxLength: 30 });

const body = fc.oneof(
  {
    weight: 19,
    arbitrary: fc.record(
      {
        area: optional(mostly(fc.constantFrom(...riskAreas, " hse ", "HSE", "weather")), 30),
        title: optional(
          mostly(fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom(...texts))),
          30,
        ),
        likelyEvents: optional(mostly(someText)),
        consequences: optional(mostly(someText)),
        ownerName: optional(mostly(someText)),
        horizon: optional(mostly(fc.constantFrom(...riskHorizons)), 30),
        rank: optional(
          mostly(fc.oneof(fc.integer({ min: 1, max: 99 }), fc.constantFrom("7", "07", "1e1"))),
          30,
        ),
        extra: optional(anyValue, 2),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: anyValue },
);

/** A text the schema takes: trimmed, at most `max` characters, no control characters (but lines where allowed). */
function fits(value: unknown, max: number, multiLine: boolean, required: boolean): value is string {
  if (value === undefined) return !required;
  if (typeof value !== "string") return false;
  const trimmed = value.trim();
  if (required && trimmed === "") return false;
  return trimmed.length <= max && textProblem(trimmed, multiLine) === null;
}

function rankOf(value: unknown): number | null {
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^(0|[1-9]\d*)$/.test(value)
        ? Number(value)
        : null;
  return number !== null && Number.isInteger(number) && number >= 1 && number <= 99 ? number : null;
}

/** The rules as the issue states them, with the ranks already held by open risks. */
function isValid(input: unknown, taken: ReadonlySet<number>): boolean {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return false;
  const fields = input as Record<string, unknown>;
  const rank = rankOf(fields.rank);
  return (
    typeof fields.area === "string" &&
    (riskAreas as readonly string[]).includes(fields.area.trim()) &&
    fits(fields.title, 300, false, true) &&
    fits(fields.likelyEvents, 5000, true, false) &&
    fits(fields.consequences, 5000, true, false) &&
    fits(fields.ownerName, 200, false, false) &&
    (riskHorizons as readonly unknown[]).includes(fields.horizon) &&
    rank !== null &&
    !taken.has(rank)
  );
}

const rowsOfUnit = () => t.db.select().from(unitRisks).where(eq(unitRisks.unitId, trustB.id));

describe("POST /api/units/:id/risks with random bodies", () => {
  it("never answers 500, and adds a row exactly when the body is valid", async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = await rowsOfUnit();
        const taken = new Set(before.filter((r) => r.closedAt === null).map((r) => r.rank));
        const response = await call("POST", "tbEditor", `/api/units/${trustB.id}/risks`, input);
        const after = await rowsOfUnit();
        expect(response.statusCode).toBeLessThan(500);
        if (isValid(input, taken)) {
          expect(response.statusCode).toBe(201);
          expect(after).toHaveLength(before.length + 1);
          const fields = input as { title: string; area: string };
          expect(response.json()).toMatchObject({ title: fields.title.trim(), area: fields.area.trim() });
          created += 1;
        } else {
          expect(response.statusCode).toBe(400);
          expect(response.json().problems?.length).toBeGreaterThan(0);
          expect(after).toHaveLength(before.length);
        }
      }),
      { numRuns: 250 },
    );
    expect(created).toBeGreaterThan(0);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "unit_risk"), eq(auditLog.unitId, trustB.id)));
    expect(audited).toHaveLength(created);
  });

  it("never answers 500 to a reader either, and adds nothing", async () => {
    const before = (await rowsOfUnit()).length;
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const response = await call("POST", "tbReader", `/api/units/${trustB.id}/risks`, input);
        expect([400, 403]).toContain(response.statusCode);
      }),
      { numRuns: 60 },
    );
    expect(await rowsOfUnit()).toHaveLength(before);
  });
});
