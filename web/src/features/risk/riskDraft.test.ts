import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/client.ts";
import type { RiskAssessment, RiskScale } from "../../api/risk.ts";
import { draftOf, isDirty, mergeDraft, pointFrom, saveFields, staleAssessment } from "./riskDraft.ts";

const words = (nb: string) => ({ nb, en: nb });
const levels: RiskScale = {
  kind: "levels",
  levels: [{ key: "green", rank: 1, colour: "green", label: words("Grønn"), definition: words("God") }],
};
const matrix: RiskScale = {
  kind: "matrix",
  levels: levels.levels,
  likelihoods: [words("lav")],
  consequences: [words("liten")],
  cells: [["green"]],
};

const assessment = {
  id: 7,
  level: "yellow",
  likelihood: 2,
  consequence: 3,
  residualLevel: "green",
  residualLikelihood: 1,
  residualConsequence: 2,
  justification: "Lagret begrunnelse.",
  version: 4,
} as RiskAssessment;

describe("the assessment editor's draft", () => {
  it("starts from the saved assessment and is not changed until something is", () => {
    const draft = draftOf(assessment);
    expect(draft).toEqual({
      level: "yellow",
      likelihood: 2,
      consequence: 3,
      residualLikelihood: 1,
      residualConsequence: 2,
      justification: "Lagret begrunnelse.",
    });
    expect(isDirty(draft, assessment, levels)).toBe(false);
    expect(isDirty(draft, assessment, matrix)).toBe(false);
  });

  it("counts a new level on a level scale, and new points on a matrix, as changes", () => {
    const draft = draftOf(assessment);
    expect(isDirty({ ...draft, level: "red" }, assessment, levels)).toBe(true);
    expect(isDirty({ ...draft, level: "red" }, assessment, matrix)).toBe(false);
    expect(isDirty({ ...draft, residualConsequence: 3 }, assessment, matrix)).toBe(true);
    expect(isDirty({ ...draft, likelihood: 5 }, assessment, levels)).toBe(false);
    expect(isDirty({ ...draft, justification: "Ny." }, assessment, levels)).toBe(true);
  });

  it("saves the level on a level scale and the points on a matrix, never both", () => {
    const draft = draftOf(assessment);
    expect(saveFields(draft, levels)).toEqual({ level: "yellow", justification: "Lagret begrunnelse." });
    expect(saveFields(draft, matrix)).toEqual({
      likelihood: 2,
      consequence: 3,
      residualLikelihood: 1,
      residualConsequence: 2,
      justification: "Lagret begrunnelse.",
    });
  });

  it("reads a select's value as a step from 1, and the empty choice as none", () => {
    expect(pointFrom("3")).toBe(3);
    expect(pointFrom("")).toBeNull();
    expect(pointFrom("0")).toBeNull();
    expect(pointFrom("1.5")).toBeNull();
    expect(pointFrom("x")).toBeNull();
  });

  it("keeps the person's level and puts the saved justification above theirs after a conflict", () => {
    const mine = { ...draftOf(assessment), level: "red", justification: "Min tekst." };
    expect(mergeDraft(mine, assessment)).toEqual({
      ...mine,
      justification: "Lagret begrunnelse.\n\nMin tekst.",
    });
    expect(mergeDraft(mine, { ...assessment, justification: "  " }).justification).toBe("Min tekst.");
    expect(mergeDraft({ ...mine, justification: "Lagret begrunnelse." }, assessment).justification).toBe(
      "Lagret begrunnelse.",
    );
  });

  it("finds the saved version in a stale-version refusal, and nothing in other errors", () => {
    const stale = new ApiProblem(409, "stale_version", "Endret", [], { current: assessment });
    expect(staleAssessment(stale)).toBe(assessment);
    expect(staleAssessment(new ApiProblem(409, "conflict", "Nei", []))).toBeNull();
    expect(staleAssessment(new Error("nei"))).toBeNull();
  });
});
