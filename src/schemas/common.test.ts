import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  id,
  idParams,
  instant,
  isoDate,
  MAX_INT32,
  markdownText,
  monthText,
  pageLimit,
  plainText,
  text,
  textProblem,
  version,
  wholeNumber,
  year,
} from "./common.ts";

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
const messageFor = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe("id", () => {
  it("takes JSON numbers and plain digits up to the largest PostgreSQL integer", () => {
    expect(id.parse(1)).toBe(1);
    expect(id.parse("7")).toBe(7);
    expect(id.parse(MAX_INT32)).toBe(2_147_483_647);
    expect(id.parse("2147483647")).toBe(2_147_483_647);
  });

  it("refuses what an integer column cannot hold", () => {
    for (const value of [
      0,
      -1,
      2 ** 31,
      2 ** 53,
      1.5,
      "0",
      "-1",
      "2147483648",
      "9007199254740993",
      "1e308",
    ]) {
      expect(accepts(id, value), String(value)).toBe(false);
    }
    expect(messageFor(id, 2 ** 31)).toBe("must be a whole number from 1 to 2147483647");
  });

  it("refuses every spelling but plain digits", () => {
    for (const value of ["1e3", "0x10", " 7", "7 ", "+7", "07", "-0", "NaN", "Infinity", "", "١", "7.0"]) {
      expect(accepts(id, value), JSON.stringify(value)).toBe(false);
    }
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, [7], { id: 7 }]) {
      expect(accepts(id, value), String(value)).toBe(false);
    }
    expect(messageFor(id, "1e3")).toBe("must be a whole number from 1 to 2147483647");
  });

  it("makes path parameters", () => {
    expect(idParams.parse({ id: "42" })).toEqual({ id: 42 });
    expect(idParams.safeParse({ id: "2147483648" }).success).toBe(false);
  });
});

describe("other whole numbers", () => {
  it("bound versions, years and page sizes", () => {
    expect(version.parse("3")).toBe(3);
    expect(accepts(version, 0)).toBe(false);
    expect(accepts(version, 2 ** 31)).toBe(false);
    expect(year.parse("2024")).toBe(2024);
    expect(accepts(year, 1899)).toBe(false);
    expect(accepts(year, "3000")).toBe(false);
    expect(pageLimit(500, 100).parse(undefined)).toBe(100);
    expect(accepts(pageLimit(500, 100), "501")).toBe(false);
    expect(wholeNumber(0, 10).parse("0")).toBe(0);
  });
});

describe("isoDate", () => {
  it("takes real calendar days", () => {
    expect(isoDate.parse("2024-02-29")).toBe("2024-02-29");
    expect(isoDate.parse("1900-01-01")).toBe("1900-01-01");
    expect(isoDate.parse("2999-12-31")).toBe("2999-12-31");
  });

  it("refuses days that do not exist and years PostgreSQL or the periods cannot take", () => {
    for (const value of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-1", "24-01-01"]) {
      expect(accepts(isoDate, value), value).toBe(false);
    }
    expect(messageFor(isoDate, "garbage")).toBe("must be a date written as YYYY-MM-DD");
    expect(messageFor(isoDate, "0000-01-01")).toBe("must be a date in the years 1900 to 2999");
    expect(accepts(isoDate, "9999-12-31")).toBe(false);
    expect(accepts(isoDate, "1899-12-31")).toBe(false);
  });
});

describe("instant", () => {
  it("takes what browsers send, within the same years", () => {
    expect(instant.parse("2024-03-01T00:00:00.000Z").toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(accepts(instant, "2024-03-01")).toBe(true);
    expect(accepts(instant, "0000-01-01T00:00:00Z")).toBe(false);
    expect(accepts(instant, "+275760-09-13T00:00:00Z")).toBe(false);
    expect(accepts(instant, "garbage")).toBe(false);
  });
});

describe("monthText", () => {
  it("takes YYYY-MM only", () => {
    expect(accepts(monthText, "2024-03")).toBe(true);
    expect(accepts(monthText, "2024-3")).toBe(false);
    expect(accepts(monthText, "2024-03\u0000")).toBe(false);
  });
});

describe("text", () => {
  it("refuses NUL and other control characters, saying which and where", () => {
    expect(messageFor(plainText(50), "Ab\u0000c")).toBe(
      "contains the control character U+0000 at position 3; remove it",
    );
    expect(messageFor(plainText(50), "a\u001bb")).toBe(
      "contains the control character U+001B at position 2; remove it",
    );
    expect(accepts(plainText(50), "a\u007fb")).toBe(false);
    expect(accepts(text(50), "a\u0000b")).toBe(false);
    expect(accepts(markdownText(50), "a\u0000b")).toBe(false);
  });

  it("allows tab and line breaks only in multi-line text", () => {
    expect(accepts(plainText(50), "a\tb")).toBe(false);
    expect(accepts(plainText(50), "a\nb")).toBe(false);
    expect(accepts(text(50), "line 1\r\nline\t2")).toBe(true);
    expect(accepts(markdownText(50), "- a\n  - b")).toBe(true);
  });

  it("refuses lone surrogates, which jsonb cannot hold, and keeps real pairs", () => {
    expect(accepts(plainText(50), "a\ud800b")).toBe(false);
    expect(accepts(plainText(50), "a\udc00")).toBe(false);
    expect(accepts(plainText(50), "Ålesund 😀 æøå")).toBe(true);
    expect(textProblem("\ud83d\ude00", false)).toBeNull();
  });

  it("trims one-line and multi-line text, keeps markdown as written, and bounds the length", () => {
    expect(plainText(50).parse("  Bodø  ")).toBe("Bodø");
    expect(text(50).parse("  a\nb \n")).toBe("a\nb");
    expect(markdownText(50).parse("    code\n")).toBe("    code\n");
    expect(accepts(plainText(3), "abcd")).toBe(false);
    expect(plainText(3).parse("  abc  ")).toBe("abc");
  });

  it("composes with the usual modifiers", () => {
    const required = plainText(10).min(1, { message: "is required" });
    expect(messageFor(required, "   ")).toBe("is required");
    expect(plainText(10).nullable().optional().parse(null)).toBeNull();
  });
});
