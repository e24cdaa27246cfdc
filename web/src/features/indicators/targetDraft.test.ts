import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/client.ts";
import { liveError } from "../../components/useLiveError.ts";
import { inputOf, type TargetDraft } from "./targetDraft.ts";

const draft: TargetDraft = {
  kind: "threshold",
  year: " 2025 ",
  unitId: "",
  comparator: "gte",
  value: "70,5",
  greenLimit: "",
  yellowLimit: "",
  note: "  ",
};

describe("inputOf", () => {
  it("sends what the form shows: a trimmed year, no unit, the rule and no empty note", () => {
    expect(inputOf(draft)).toEqual({
      year: 2025,
      unitId: null,
      rule: { kind: "threshold", comparator: "gte", value: 70.5 },
      note: null,
    });
  });

  it("sends no rule while a limit is not a number (the form says so itself)", () => {
    expect(inputOf({ ...draft, kind: "limits", greenLimit: "x" }).rule).toBeNull();
  });
});

describe("a refused target in the form", () => {
  const problem = { field: "rule.value", code: "too_big", message: "er for stor" };
  const refused = new ApiProblem(400, "validation_failed", "Ugyldig.", [problem], { problems: [problem] });
  const sent = inputOf(draft);

  it("keeps the rule's problem while only the note is changed", () => {
    expect(liveError(refused, sent, inputOf({ ...draft, note: "Fra handlingsplanen" }))).toBe(refused);
  });

  it("drops it once the value is changed, or the kind of rule", () => {
    expect(liveError(refused, sent, inputOf({ ...draft, value: "71" }))).toBeNull();
    expect(liveError(refused, sent, inputOf({ ...draft, kind: "limits" }))).toBeNull();
  });
});
