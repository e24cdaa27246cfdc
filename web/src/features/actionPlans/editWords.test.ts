import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/client.ts";
import type { Me, Unit } from "../../api/types.ts";
import type { Translate } from "../../i18n/i18n.tsx";
import { editableUnits, numberOf, problemAt, yearsOf } from "./editWords.ts";

const unit = (id: number, path: string, active = true) => ({ id, path, active }) as Unit;
const units = [
  unit(1, "/1/"),
  unit(2, "/1/2/"),
  unit(3, "/1/2/3/"),
  unit(4, "/1/4/"),
  unit(5, "/1/2/5/", false),
];
const me = (roles: { unitPath: string; role: Me["roles"][number]["role"] }[], isSystemAdmin = false) =>
  ({ isSystemAdmin, roles: roles.map((role) => ({ ...role, unitId: 0, unitName: "" })) }) as unknown as Me;
const t = ((key: string) => key) as Translate;

describe("the units a user may make a plan for", () => {
  it("are the active units at and below where the user is an editor", () => {
    const owners = editableUnits(me([{ unitPath: "/1/2/", role: "editor" }]), units);
    expect(owners.map((each) => each.id)).toEqual([2, 3]);
  });

  it("are none for a reader or an approver, and every active one for a system administrator", () => {
    const readerAndApprover = me([
      { unitPath: "/1/", role: "reader" },
      { unitPath: "/1/", role: "approver" },
    ]);
    expect(editableUnits(readerAndApprover, units)).toEqual([]);
    expect(editableUnits(me([], true), units).map((each) => each.id)).toEqual([1, 2, 3, 4]);
  });
});

describe("typed years and numbers", () => {
  it("reads years separated by commas or spaces, and sends what is not a year as typed", () => {
    expect(yearsOf("2009, 2010 2011")).toEqual([2009, 2010, 2011]);
    expect(yearsOf("2009, neste år")).toEqual([2009, "neste", "år"]);
    expect(yearsOf("  ")).toEqual([]);
  });

  it("reads a decimal comma or point; empty is none", () => {
    expect(numberOf("12,5")).toBe(12.5);
    expect(numberOf("1 000")).toBe(1000);
    expect(numberOf("")).toBeNull();
    expect(numberOf("mange")).toBe("mange");
  });
});

describe("the server's problem beside a field", () => {
  const refused = new ApiProblem(400, "validation_failed", "", [
    { field: "years", code: "plan_measure_years_outside", message: "årene 2015 ligger utenfor planens år" },
    { field: "title", code: "too_small", message: "Too small" },
    { field: "fromYear", code: "invalid_type", message: "Expected number" },
  ]);

  it("shows the server's words for the plan's rules, and the form's own for a missing or non-number value", () => {
    expect(problemAt(refused, "years", t)).toBe("årene 2015 ligger utenfor planens år");
    expect(problemAt(refused, "title", t)).toBe("planEdit.error.required");
    expect(problemAt(refused, "fromYear", t)).toBe("planEdit.error.number");
    expect(problemAt(refused, "resource", t)).toBeUndefined();
  });
});
