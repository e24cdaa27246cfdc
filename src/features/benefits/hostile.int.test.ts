// Random bodies to POST /api/programmes/:id/benefits and /api/benefits/:id/readings: never a 500,
// and a row only for a valid body, which a model of the rules (independent of the schema) decides.

import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditLog, benefitReadings, benefits } from "../../db/schema.ts";
import { benefitKinds } from "../../domain/programmeKinds.ts";
import { textProblem } from "../../schemas/common.ts";
import { hostileNumbers, hostileTexts } from "../../testing/hostile.ts";
import { addBenefit, call, programmeId, setUpBenefitsApp, t, trustA } from "./benefits.fixture.ts";

setUpBenefitsApp();

const texts = [...hostileTexts, "Innsparing", "  Innsparing  ", "line\nbreak", "Ålesund 😀", "y".repeat(301)];
const anyValue = fc.oneof(
  fc.constantFrom(...texts),
  fc.constantFrom(...hostileNumbers, 1e15, -1e15, 1e16),
  fc.constantFrom(null, true, [], {}),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>, freq = 4) => fc.option(arbitrary, { nil: undefined, freq });
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: anyValue });

const goodDates = ["2024-01-01", "2024-02-29", "2028-01-01", "1990-06-30"];
const badDates = fc.constantFrom("2024-02-30", "0000-01-01", "1899-12-31", "2024-13-01", "garbage");
/** Mostly good days, the baseline mostly before the target, so that many bodies pass. */
const datesAround = (usual: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(usual) },
    { weight: 3, arbitrary: fc.constantFrom(...goodDates) },
    { weight: 1, arbitrary: badDates },
  );
const dates = fc.oneof(fc.constantFrom(...goodDates), badDates);
const figures = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, 1e15, 1e16, null),
);

/** Bodies the rules accept, so that every run also proves that valid bodies are stored. */
const validBody = fc.record({
  title: fc.constantFrom("Innsparing", "  Innsparing  ", "Ålesund 😀"),
  kind: fc.constantFrom(...benefitKinds),
  ownerName: fc.constantFrom("Eier", "Ålesund 😀"),
  baselineValue: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  targetValue: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  baselineDate: fc.constant("2024-01-01"),
  targetDate: fc.constantFrom("2024-02-29", "2028-01-01"),
});

const body = fc.oneof(
  { weight: 4, arbitrary: validBody },
  {
    weight: 19,
    arbitrary: fc.record(
      {
        title: optional(
          mostly(fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom(...texts))),
          30,
        ),
        kind: optional(mostly(fc.constantFrom(...benefitKinds, "Economic", "gain")), 30),
        ownerName: optional(mostly(fc.string({ maxLength: 30 })), 30),
        description: optional(mostly(fc.string({ maxLength: 30 }))),
        measureUnit: optional(mostly(fc.string({ maxLength: 50 }))),
        baselineValue: optional(mostly(figures), 6),
        targetValue: optional(mostly(figures), 6),
        baselineDate: optional(mostly(datesAround("2024-01-01")), 30),
        targetDate: optional(mostly(datesAround("2028-01-01")), 30),
        indicatorId: optional(mostly(fc.constantFrom(null, 999_999))),
        extra: optional(anyValue, 2),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: anyValue },
);

function fits(value: unknown, max: number, multiLine: boolean, required: boolean): boolean {
  if (value === undefined) return !required;
  if (typeof value !== "string") return false;
  const trimmed = value.trim();
  if (required && trimmed === "") return false;
  return trimmed.length <= max && textProblem(trimmed, multiLine) === null;
}

const figureFits = (value: unknown) =>
  value === undefined || value === null || (typeof value === "number" && Math.abs(value) <= 1e15);

/** The rules as the issue states them. */
function isValid(input: unknown): boolean {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return false;
  const f = input as Record<string, unknown>;
  const numbered = f.kind !== "qualitative";
  return (
    fits(f.title, 300, false, true) &&
    (benefitKinds as readonly unknown[]).includes(f.kind) &&
    fits(f.ownerName, 200, false, true) &&
    fits(f.description, 5000, true, false) &&
    fits(f.measureUnit, 40, false, false) &&
    figureFits(f.baselineValue) &&
    figureFits(f.targetValue) &&
    (!numbered || (typeof f.baselineValue === "number" && typeof f.targetValue === "number")) &&
    goodDates.includes(f.baselineDate as string) &&
    goodDates.includes(f.targetDate as string) &&
    (f.targetDate as string) > (f.baselineDate as string) &&
    (f.indicatorId === undefined || f.indicatorId === null)
  );
}

const rowsOfProgramme = () => t.db.select().from(benefits).where(eq(benefits.programmeId, programmeId));

describe("POST /api/programmes/:id/benefits with random bodies", () => {
  it("never answers 500, and adds a row exactly when the body is valid", async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = (await rowsOfProgramme()).length;
        const response = await call("POST", "taEditor", `/api/programmes/${programmeId}/benefits`, input);
        const after = (await rowsOfProgramme()).length;
        expect(response.statusCode).toBeLessThan(500);
        if (isValid(input)) {
          expect(response.statusCode, response.body).toBe(201);
          expect(after).toBe(before + 1);
          created += 1;
        } else {
          expect(response.statusCode, response.body).toBe(400);
          expect(after).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
    expect(created).toBeGreaterThan(0);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "benefit"), eq(auditLog.unitId, trustA.id)));
    expect(audited).toHaveLength(created);
  });
});

describe("POST /api/benefits/:id/readings with random lists", () => {
  it("never answers 500; a refused list writes nothing", async () => {
    const benefit = await addBenefit();
    const reading = fc.record(
      {
        date: mostly(dates),
        value: mostly(figures),
        comment: optional(mostly(fc.string({ maxLength: 20 }))),
      },
      { requiredKeys: [] },
    );
    const list = fc.oneof(
      fc.record({ readings: fc.array(reading, { maxLength: 8 }) }),
      fc.record({ readings: anyValue }),
      anyValue,
    );
    const stored = async () =>
      (await t.db.select().from(benefitReadings).where(eq(benefitReadings.benefitId, benefit.id))).length;
    await fc.assert(
      fc.asyncProperty(list, async (input) => {
        const before = await stored();
        const response = await call("POST", "taEditor", `/api/benefits/${benefit.id}/readings`, input);
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode !== 200) expect(await stored()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
