// Random bodies to the registers' POST and PATCH routes: never a 500; the training plan and the
// person-months get a row exactly when a model of their rules (independent of the schema) says
// the body is valid; a reader's body, whatever it is, is refused before it is read.

import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  programmeGroups,
  programmeResources,
  programmeTraining,
  units as unitsTable,
} from "../../db/schema.ts";
import { textProblem } from "../../schemas/common.ts";
import { hostileNumbers, hostileTexts } from "../../testing/hostile.ts";
import {
  base,
  call,
  programmeId,
  region,
  setUpRegistersApp,
  t,
  trustA,
  trustB,
} from "./programmeRegisters.fixture.ts";

setUpRegistersApp();

const anyValue = fc.oneof(
  fc.constantFrom(...hostileTexts),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, [], {}),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>, freq = 4) => fc.option(arbitrary, { nil: undefined, freq });
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 10, arbitrary: good }, { weight: 1, arbitrary: anyValue });

const day = fc.constantFrom("2024-01-01", "2024-02-29", "2024-06-30", "2024-12-31", null);

const trainingBody = fc.record(
  {
    audience: mostly(fc.constantFrom("Styringsgrupper", "  Medarbeidere  ", "")),
    content: optional(mostly(fc.string({ maxLength: 20 }))),
    startsOn: optional(mostly(day)),
    endsOn: optional(mostly(day)),
    status: optional(mostly(fc.constantFrom("planned", "done", "cancelled"))),
  },
  { requiredKeys: [] },
);

/** The days the generator offers that are real days; every other text (2024-02-30, year 0) is refused. */
const goodDays = new Set(["2024-01-01", "2024-02-29", "2024-06-30", "2024-12-31"]);
const isDay = (value: unknown) => value === undefined || value === null || goodDays.has(value as string);

/** The rules of a training row, as the issue states them. */
function validTraining(input: Record<string, unknown>): boolean {
  const { audience, content, startsOn, endsOn, status } = input;
  if (typeof audience !== "string") return false;
  const trimmed = audience.trim();
  if (trimmed === "" || trimmed.length > 300 || textProblem(trimmed, false) !== null) return false;
  if (content !== undefined && typeof content !== "string") return false;
  if (typeof content === "string" && textProblem(content.trim(), true) !== null) return false;
  if (!isDay(startsOn) || !isDay(endsOn)) return false;
  if (status !== undefined && !["planned", "done", "cancelled"].includes(status as string)) return false;
  return !(typeof startsOn === "string" && typeof endsOn === "string" && endsOn < startsOn);
}

const rowsOf = async (table: typeof programmeTraining | typeof programmeResources | typeof programmeGroups) =>
  (await t.db.select().from(table).where(eq(table.programmeId, programmeId))).length;

describe("the registers' routes with random bodies", () => {
  it("add training exactly when the body keeps the rules, and never answer 500", async () => {
    await fc.assert(
      fc.asyncProperty(trainingBody, async (input) => {
        const before = await rowsOf(programmeTraining);
        const response = await call("POST", "regEditor", `${base()}/training`, input);
        expect(response.statusCode).toBeLessThan(500);
        const valid = validTraining(input as Record<string, unknown>);
        expect(response.statusCode, JSON.stringify(input)).toBe(valid ? 201 : 400);
        expect(await rowsOf(programmeTraining)).toBe(before + (valid ? 1 : 0));
      }),
      { numRuns: 80 },
    );
  });

  it("add person-months only within 0 to 100,000 for a unit without a row for the phase", async () => {
    const units = [region.id, trustA.id, trustB.id, 999_999];
    const body = fc.record({
      unitId: mostly(fc.constantFrom(...units)),
      phaseNumber: optional(mostly(fc.constantFrom(null, 0, 1, 2, 21, -1, 1.5))),
      plannedMonths: optional(mostly(fc.constantFrom(0, 0.5, 8, 100_000, 100_000.5, -0.1, 1e308))),
      usedMonths: optional(mostly(fc.double({ min: -10, max: 200_000, noNaN: true }))),
    });
    const held = new Set<string>();
    const existing = new Set(
      (await t.db.select({ id: unitsTable.id }).from(unitsTable)).map((unit) => unit.id),
    );
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = await rowsOf(programmeResources);
        const response = await call("POST", "regEditor", `${base()}/resources`, input);
        expect(response.statusCode).toBeLessThan(500);
        const months = (value: unknown) =>
          value === undefined || (typeof value === "number" && value >= 0 && value <= 100_000);
        const phase = input.phaseNumber;
        const phaseOk =
          phase === undefined ||
          phase === null ||
          (typeof phase === "number" && Number.isInteger(phase) && phase >= 0 && phase <= 20);
        const key = `${String(input.unitId)}/${phase ?? "-"}`;
        const valid =
          typeof input.unitId === "number" &&
          existing.has(input.unitId) &&
          phaseOk &&
          months(input.plannedMonths) &&
          months(input.usedMonths) &&
          !held.has(key);
        expect(response.statusCode, JSON.stringify(input)).toBe(valid ? 201 : 400);
        if (valid) held.add(key);
        expect(await rowsOf(programmeResources)).toBe(before + (valid ? 1 : 0));
      }),
      { numRuns: 80 },
    );
  });

  it("refuse a reader's and an outsider's body of any shape before reading it, and never answer 500", async () => {
    const body = fc.oneof(
      anyValue,
      fc.dictionary(fc.constantFrom("kind", "name", "members", "version"), anyValue),
    );
    const before = await rowsOf(programmeGroups);
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom("groups", "stakeholders", "groups/1", "risks"),
        async (input, path) => {
          const method = path.includes("/") ? "PATCH" : "POST";
          expect((await call(method, "regReader", `${base()}/${path}`, input)).statusCode).toBe(403);
          expect((await call(method, "taEditor", `${base()}/${path}`, input)).statusCode).toBe(404);
          const editor = await call(method, "regEditor", `${base()}/${path}`, input);
          expect(editor.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    expect(await rowsOf(programmeGroups)).toBeGreaterThanOrEqual(before);
  });
});
