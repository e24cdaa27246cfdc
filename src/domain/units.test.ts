import { describe, expect, it } from "vitest";
import { idsInPath, isActiveOn, moveProblem, pathFor, rebasePath, todayIso } from "./units.ts";

describe("materialised paths", () => {
  it("builds a path from the parent's", () => {
    expect(pathFor(1, null)).toBe("/1/");
    expect(pathFor(9, "/1/4/")).toBe("/1/4/9/");
    expect(idsInPath("/1/4/9/")).toEqual([1, 4, 9]);
  });

  it("rebases a descendant's path when its ancestor moves", () => {
    expect(rebasePath("/1/4/9/12/", "/1/4/9/", "/1/5/9/")).toBe("/1/5/9/12/");
    expect(() => rebasePath("/1/5/", "/1/4/", "/1/6/")).toThrow();
  });
});

describe("validity", () => {
  const unit = { validFrom: "2024-01-01", validTo: "2025-01-01" };
  it("is active from its first day until the day it is deactivated from", () => {
    expect(isActiveOn(unit, "2023-12-31")).toBe(false);
    expect(isActiveOn(unit, "2024-01-01")).toBe(true);
    expect(isActiveOn(unit, "2024-12-31")).toBe(true);
    expect(isActiveOn(unit, "2025-01-01")).toBe(false);
    expect(isActiveOn({ validFrom: "2024-01-01", validTo: "2024-01-01" }, "2024-01-01")).toBe(false);
    expect(isActiveOn({ validFrom: "2024-01-01", validTo: null }, "2099-01-01")).toBe(true);
  });

  it("takes today's date in Norway, not in UTC", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Oslo.
    expect(todayIso(new Date("2024-12-31T23:30:00Z"))).toBe("2025-01-01");
  });
});

describe("moving a unit", () => {
  const trust = { id: 7, path: "/1/2/7/" };
  const active = { validFrom: "2020-01-01", validTo: null };
  it("refuses a unit under itself", () => {
    expect(moveProblem(trust, { ...trust, ...active }, "2024-06-01")).toBe("into_itself");
  });
  it("refuses a cycle through a descendant", () => {
    expect(moveProblem(trust, { id: 15, path: "/1/2/7/15/", ...active }, "2024-06-01")).toBe(
      "into_descendant",
    );
  });
  it("refuses a deactivated parent", () => {
    const closed = { id: 8, path: "/1/2/8/", validFrom: "2020-01-01", validTo: "2023-12-31" };
    expect(moveProblem(trust, closed, "2024-06-01")).toBe("parent_inactive");
  });
  it("allows a sibling, or the top level", () => {
    expect(moveProblem(trust, { id: 8, path: "/1/2/8/", ...active }, "2024-06-01")).toBeNull();
    expect(moveProblem(trust, { id: 70, path: "/1/70/", ...active }, "2024-06-01")).toBeNull();
    expect(moveProblem(trust, null, "2024-06-01")).toBeNull();
  });
});
