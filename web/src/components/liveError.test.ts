import { describe, expect, it } from "vitest";
import { ApiProblem, isApiProblem } from "../api/client.ts";
import { liveError, standingProblems, valueAt } from "./useLiveError.ts";

const codeProblem = { field: "code", code: "required", message: "må fylles ut" };
const nameProblem = { field: "name", code: "too_long", message: "er for langt" };

function refused(problems = [codeProblem, nameProblem]) {
  return new ApiProblem(400, "validation_failed", "Forespørselen er ikke gyldig.", problems, { problems });
}

const sent = { code: "", name: "x".repeat(200), kind: "clinic" };

describe("valueAt", () => {
  it("follows a dotted field path into nested values", () => {
    expect(valueAt({ steps: { 2024: { value: 7 } } }, "steps.2024.value")).toBe(7);
    expect(valueAt({ code: "UNN" }, "code")).toBe("UNN");
  });

  it("gives undefined for a path the payload does not have", () => {
    expect(valueAt({ code: "UNN" }, "steps.2024")).toBeUndefined();
    expect(valueAt(undefined, "code")).toBeUndefined();
  });
});

describe("standingProblems", () => {
  it("keeps a problem while its field has the value that was sent", () => {
    expect(standingProblems([codeProblem, nameProblem], sent, { ...sent })).toEqual([
      codeProblem,
      nameProblem,
    ]);
  });

  it("drops the problem of a field the user has changed", () => {
    expect(standingProblems([codeProblem, nameProblem], sent, { ...sent, code: "U" })).toEqual([nameProblem]);
  });

  it("compares nested values by content", () => {
    const problem = { field: "steps", code: "invalid", message: "ugyldig" };
    const steps = { 2024: { value: 1 } };
    expect(standingProblems([problem], { steps }, { steps: { 2024: { value: 1 } } })).toEqual([problem]);
    expect(standingProblems([problem], { steps }, { steps: { 2024: { value: 2 } } })).toEqual([]);
  });

  it("keeps a problem about the request as a whole until the next save", () => {
    const whole = { field: "", code: "invalid", message: "ugyldig" };
    expect(standingProblems([whole], sent, { code: "other" })).toEqual([whole]);
  });
});

describe("liveError", () => {
  it("is the same error while nothing marked is changed", () => {
    const error = refused();
    expect(liveError(error, sent, { ...sent, kind: "ward" })).toBe(error);
  });

  it("leaves out the changed field's problem, in the parsed and the raw list", () => {
    const shown = liveError(refused(), sent, { ...sent, code: "UNN" });
    expect(isApiProblem(shown)).toBe(true);
    if (!isApiProblem(shown)) return;
    expect(shown.problems).toEqual([nameProblem]);
    expect(shown.body.problems).toEqual([nameProblem]);
    expect(shown.code).toBe("validation_failed");
  });

  it("is gone, alert and all, once every marked field is changed", () => {
    expect(liveError(refused(), sent, { ...sent, code: "UNN", name: "Klinikk" })).toBeNull();
  });

  it("comes back if the field is changed back to the refused value", () => {
    const error = refused([codeProblem]);
    expect(liveError(error, sent, { ...sent, code: "U" })).toBeNull();
    expect(liveError(error, sent, { ...sent })).toBe(error);
  });

  it("leaves errors without field problems alone", () => {
    const stale = new ApiProblem(409, "stale_version", "Endret av en annen.", []);
    expect(liveError(stale, sent, { ...sent, code: "UNN" })).toBe(stale);
    const network = new Error("offline");
    expect(liveError(network, sent, {})).toBe(network);
    expect(liveError(null, sent, {})).toBeNull();
  });
});
