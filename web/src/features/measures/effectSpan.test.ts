import { describe, expect, it } from "vitest";
import { effectSeriesSpan } from "./effectSpan.ts";

const measure = { start: "2024-09-01", deadline: "2025-03-31", fullEffectDate: "2025-06-30" };

describe("the months a measure's page draws an indicator over", () => {
  it("starts a year before the measure, across a year boundary, and ends with the newest figures", () => {
    expect(effectSeriesSpan(measure, "2025-12", "2026-12-06")).toEqual({ from: "2023-09", to: "2025-12" });
    expect(effectSeriesSpan({ ...measure, start: "2025-01-15" }, "2025-12", "2026-12-06")).toEqual({
      from: "2024-01",
      to: "2025-12",
    });
  });

  it("reaches the date of full effect when it is later than the newest figures", () => {
    expect(effectSeriesSpan({ ...measure, fullEffectDate: "2026-06-30" }, "2025-12", "2025-12-06")).toEqual({
      from: "2023-09",
      to: "2026-06",
    });
  });

  it("ends this month when the unit has no figures", () => {
    expect(effectSeriesSpan(measure, null, "2025-08-14")).toEqual({ from: "2023-09", to: "2025-08" });
  });

  it("without a start, begins a year before the earliest date it has", () => {
    const undated = { start: null, deadline: null, fullEffectDate: null };
    expect(effectSeriesSpan(undated, "2025-04", "2026-12-06")).toEqual({ from: "2024-04", to: "2025-04" });
    expect(effectSeriesSpan({ ...undated, deadline: "2024-02-29" }, "2025-04", "2026-12-06")).toEqual({
      from: "2023-02",
      to: "2025-04",
    });
  });

  it("never passes the endpoint's 120 months: the oldest are left out", () => {
    expect(effectSeriesSpan({ ...measure, start: "2010-01-01" }, "2025-12", "2026-12-06")).toEqual({
      from: "2016-01",
      to: "2025-12",
    });
  });
});
