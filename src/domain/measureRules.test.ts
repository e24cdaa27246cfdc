import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Principal } from "./access.ts";
import {
  editorPaths,
  effectProblems,
  hasOwner,
  listScope,
  outermostPaths,
  readablePaths,
} from "./measureRules.ts";

const principal = (assignments: Principal["assignments"], isSystemAdmin = false): Principal => ({
  userId: 7,
  isSystemAdmin,
  assignments,
});

describe("the units a measures list covers", () => {
  it("keeps each unit once: a path below another adds nothing", () => {
    expect(outermostPaths(["/1/4/", "/1/", "/2/", "/1/4/9/", "/2/"])).toEqual(["/1/", "/2/"]);
    expect(outermostPaths([])).toEqual([]);
    // "/1/" is no prefix of "/10/": paths end with a slash.
    expect(outermostPaths(["/10/", "/1/"])).toEqual(["/1/", "/10/"]);
  });

  it("is everything for a system administrator, or the asked unit's subtree", () => {
    expect(listScope(null, null)).toBeNull();
    expect(listScope(null, "/1/4/")).toEqual(["/1/4/"]);
  });

  it("is the asked subtree when a role above it reads it (visible up the tree)", () => {
    expect(listScope(["/1/"], "/1/4/")).toEqual(["/1/4/"]);
    expect(listScope(["/1/4/"], "/1/4/")).toEqual(["/1/4/"]);
  });

  it("narrows the asked subtree to the units below it that the reader reads", () => {
    expect(listScope(["/1/4/9/", "/1/5/", "/2/"], "/1/4/")).toEqual(["/1/4/9/"]);
    expect(listScope(["/1/5/"], "/1/4/")).toEqual([]);
    expect(listScope([], null)).toEqual([]);
  });

  it("never covers a unit outside the subtree or one the reader may not read", () => {
    const path = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .map((ids) => `/${ids.join("/")}/`);
    fc.assert(
      fc.property(fc.array(path, { maxLength: 5 }), fc.option(path), path, (readable, within, unit) => {
        const scope = listScope(readable, within);
        const covered = scope === null || scope.some((prefix) => unit.startsWith(prefix));
        const allowed =
          readable.some((prefix) => unit.startsWith(prefix)) && (within === null || unit.startsWith(within));
        expect(covered).toBe(allowed);
      }),
    );
  });

  it("reads every role's units, and everything for a system administrator", () => {
    expect(readablePaths(principal([], true))).toBeNull();
    expect(
      readablePaths(
        principal([
          { unitPath: "/1/4/", role: "reader" },
          { unitPath: "/1/", role: "approver" },
        ]),
      ),
    ).toEqual(["/1/"]);
  });
});

describe("whose inbox a measure reaches", () => {
  it("is the editors' of its unit and the units above, not readers' or a system administrator's", () => {
    const someone = principal([
      { unitPath: "/1/4/", role: "editor" },
      { unitPath: "/1/", role: "reader" },
      { unitPath: "/2/", role: "approver" },
    ]);
    expect(editorPaths(someone)).toEqual(["/1/4/"]);
    expect(editorPaths(principal([], true))).toEqual([]);
  });
});

describe("an expected effect", () => {
  const none = { effectTarget: null, effectIndicatorId: null, fullEffectDate: null };

  it("needs nothing without a target value", () => {
    expect(effectProblems(none)).toEqual([]);
    expect(effectProblems({ ...none, effectIndicatorId: 3 })).toEqual([]);
  });

  it("with a target value needs the indicator and the date of full effect, each named", () => {
    expect(effectProblems({ ...none, effectTarget: 80 }).map((p) => p.field)).toEqual([
      "effectIndicatorId",
      "fullEffectDate",
    ]);
    expect(effectProblems({ effectTarget: 0, effectIndicatorId: 3, fullEffectDate: "2025-01-01" })).toEqual(
      [],
    );
  });
});

describe("an owner", () => {
  it("is a user, a named role, or both; blank words are no role", () => {
    expect(hasOwner({ ownerUserId: 4, ownerRole: "" })).toBe(true);
    expect(hasOwner({ ownerUserId: null, ownerRole: "Fagdirektør" })).toBe(true);
    expect(hasOwner({ ownerUserId: null, ownerRole: "  " })).toBe(false);
  });
});
