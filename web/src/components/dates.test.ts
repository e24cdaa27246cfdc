import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate, formatDateTime, todayIsoDate } from "./dates.ts";

// The web project runs in Europe/Oslo (vitest.config.ts), so a UTC-versus-local slip shows here.

describe("todayIsoDate", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the date in the user's own time zone, not in UTC", () => {
    // Half past midnight in Oslo on 6 January is still 5 January in UTC.
    vi.useFakeTimers({ now: new Date("2024-01-05T23:30:00Z") });
    expect(todayIsoDate()).toBe("2024-01-06");
  });

  it("pads month and day to two digits, as a date input expects", () => {
    vi.useFakeTimers({ now: new Date(2024, 2, 5, 12) });
    expect(todayIsoDate()).toBe("2024-03-05");
  });
});

describe("formatDate", () => {
  it("writes a calendar date the Norwegian way, with the month in words", () => {
    expect(formatDate("2024-03-05", "nb")).toBe("5. mars 2024");
  });

  it("writes a calendar date the English way", () => {
    expect(formatDate("2024-03-05", "en")).toBe("5 Mar 2024");
  });

  it("keeps the same day whatever the time zone, also on the first of the year and on DST days", () => {
    expect(formatDate("2024-01-01", "nb")).toBe("1. jan. 2024");
    expect(formatDate("2024-03-31", "nb")).toBe("31. mars 2024");
    expect(formatDate("2024-10-27", "nb")).toBe("27. okt. 2024");
  });

  it("shows text that is not a YYYY-MM-DD date as it is, rather than 'Invalid Date'", () => {
    expect(formatDate("", "nb")).toBe("");
    expect(formatDate("ukjent", "nb")).toBe("ukjent");
    expect(formatDate("2024-03", "nb")).toBe("2024-03");
  });
});

describe("formatDateTime", () => {
  it("writes a timestamp in the user's own time zone, to the second", () => {
    // 12:04 UTC is 13:04 in Oslo in winter and 14:04 in summer.
    expect(formatDateTime("2024-03-05T12:04:05Z", "nb")).toBe("05.03.2024, 13:04:05");
    expect(formatDateTime("2024-07-05T12:04:05Z", "nb")).toBe("05.07.2024, 14:04:05");
  });

  it("writes English timestamps day first, as in the UK", () => {
    expect(formatDateTime("2024-03-05T12:04:05Z", "en")).toBe("05/03/2024, 13:04:05");
  });
});
