import { describe, expect, it } from "vitest";
import { parseAuditSearch } from "./auditSearch.ts";

// The audit filter is read from the address, which anyone can edit or paste: whatever it holds,
// the page gets a filter it can send, and leaves out what it cannot use.

const noFilter = {
  unitId: undefined,
  actorId: undefined,
  entityType: undefined,
  from: undefined,
  to: undefined,
};

describe("parseAuditSearch", () => {
  it("reads a full filter, as the router hands it over (numbers already parsed)", () => {
    expect(
      parseAuditSearch({ unitId: 7, actorId: 3, entityType: "unit", from: "2024-01-01", to: "2024-03-31" }),
    ).toEqual({ unitId: 7, actorId: 3, entityType: "unit", from: "2024-01-01", to: "2024-03-31" });
  });

  it("reads ids written as text, as in a typed or pasted address", () => {
    expect(parseAuditSearch({ unitId: "7", actorId: "12" })).toEqual({ ...noFilter, unitId: 7, actorId: 12 });
  });

  it("gives an empty filter for an address without a query", () => {
    expect(parseAuditSearch({})).toEqual(noFilter);
  });

  it.each([
    0,
    -1,
    1.5,
    "abc",
    "",
    " ",
    "1e3x",
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    true,
    [7],
    { id: 7 },
  ])("leaves out an id that is not a positive whole number: %j", (value) => {
    expect(parseAuditSearch({ unitId: value, actorId: value })).toEqual(noFilter);
  });

  it.each(["2024-13-45", "2023-02-29", "2024-04-31", "2024-00-10", "0000-01-01"])(
    "leaves out a day that is not in the calendar, so the address cannot break the page: %s",
    (value) => {
      expect(parseAuditSearch({ from: value, to: value })).toEqual(noFilter);
    },
  );

  it("keeps a leap day", () => {
    expect(parseAuditSearch({ from: "2024-02-29" }).from).toBe("2024-02-29");
  });

  it("leaves out an empty or non-text entity type", () => {
    expect(parseAuditSearch({ entityType: "" }).entityType).toBeUndefined();
    expect(parseAuditSearch({ entityType: 5 }).entityType).toBeUndefined();
    expect(parseAuditSearch({ entityType: ["unit"] }).entityType).toBeUndefined();
  });

  it.each(["2024-3-5", "05.03.2024", "2024-03-05T00:00:00Z", "2024-03", "", 20240305])(
    "leaves out a date that is not YYYY-MM-DD: %j",
    (value) => {
      expect(parseAuditSearch({ from: value, to: value })).toEqual(noFilter);
    },
  );

  it("keeps only the filter's own fields and ignores the rest of the address", () => {
    expect(parseAuditSearch({ unitId: 2, page: 4, utm_source: "mail" })).toEqual({ ...noFilter, unitId: 2 });
  });
});
