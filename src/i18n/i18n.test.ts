/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeOf } from "./locale.ts";
import { fieldProblemCatalogues, reasonCatalogues } from "./problems/index.ts";
import { fieldProblemText, reasonText } from "./problemText.ts";
import { fillMessage, formatSize } from "./render.ts";

// The names of {placeholders}, leaving out the words of plural forms ("one {# rad}").
const placeholders = (text: string) =>
  [...text.replace(/\b(zero|one|two|few|many|other)\s*\{[^{}]*\}/g, "").matchAll(/\{(\w+)[},]/g)]
    .map((match) => match[1])
    .sort();

// Words that give English away in a bokmål sentence (and bokmål words in an English one).
const englishWords = /\b(the|is|must|cannot|not|you|and|was|with|has|have|already)\b/i;
const bokmalWords = /\b(ikke|må|og|har|du|kan|med|finnes|allerede|være)\b|[æøå]/i;

describe("the problem catalogues", () => {
  for (const [name, catalogues] of Object.entries({
    reasons: reasonCatalogues,
    fields: fieldProblemCatalogues,
  })) {
    const nb: Record<string, string> = catalogues.nb;
    const en: Record<string, string> = catalogues.en;
    it(`${name}: every entry is worded in both languages with the same placeholders`, () => {
      expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
      for (const key of Object.keys(nb)) {
        expect(nb[key]?.trim(), `nb ${key}`).not.toBe("");
        expect(en[key]?.trim(), `en ${key}`).not.toBe("");
        expect(placeholders(en[key] ?? ""), key).toEqual(placeholders(nb[key] ?? ""));
      }
    });
    it(`${name}: bokmål has no English and English no bokmål`, () => {
      for (const key of Object.keys(nb)) {
        const withoutPlaceholders = (text: string) => text.replace(/\{[^{}]*\}/g, "");
        expect(withoutPlaceholders(nb[key] ?? ""), `nb ${key}`).not.toMatch(englishWords);
        expect(withoutPlaceholders(en[key] ?? ""), `en ${key}`).not.toMatch(bokmalWords);
      }
    });
  }

  it("has every area's entries merged once, no key in two areas", () => {
    const areas = import.meta.glob<Record<string, { nb: Record<string, string> }>>("./problems/*.ts", {
      eager: true,
    });
    const keysOf = (kind: "Reasons" | "FieldProblems") =>
      Object.entries(areas)
        .filter(([file]) => !file.endsWith("index.ts"))
        .flatMap(([, exports]) =>
          Object.entries(exports)
            .filter(([name]) => name.endsWith(kind))
            .flatMap(([, catalogue]) => Object.keys(catalogue.nb)),
        );
    for (const [kind, merged] of [
      ["Reasons", reasonCatalogues.nb],
      ["FieldProblems", fieldProblemCatalogues.nb],
    ] as const) {
      const keys = keysOf(kind);
      const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
      expect(repeated, `${kind} in two areas`).toEqual([]);
      expect(keys.sort(), `${kind} not merged in index.ts`).toEqual(Object.keys(merged).sort());
    }
  });

  it("words a refusal with its values in the caller's language", () => {
    expect(reasonText("nb", "no_such_route", { method: "GET", path: "/api/x" })).toBe(
      "Det finnes ingen GET /api/x.",
    );
    expect(reasonText("en", "no_such_route", { method: "GET", path: "/api/x" })).toBe(
      "There is no GET /api/x.",
    );
  });

  it("chooses a field problem's variant by the kind of value", () => {
    expect(fieldProblemText("nb", "too_big", { origin: "string", maximum: 1 })).toBe("kan ha høyst 1 tegn");
    expect(fieldProblemText("en", "too_big", { origin: "string", maximum: 2 })).toBe(
      "can have at most 2 characters",
    );
    expect(fieldProblemText("nb", "too_big", { origin: "number", maximum: 5 })).toBe("kan være høyst 5");
    expect(fieldProblemText("nb", "too_big", { origin: "date" })).toBe("er for stort");
    expect(fieldProblemText("nb", "no_such_code")).toBeUndefined();
  });
});

describe("fillMessage", () => {
  it("chooses plural forms by the language's rules", () => {
    const template = "{count, plural, one {# rad} other {# rader}} i {file}";
    expect(fillMessage("nb", template, { count: 1, file: "a.csv" })).toBe("1 rad i a.csv");
    expect(fillMessage("nb", template, { count: 0, file: "a.csv" })).toBe("0 rader i a.csv");
    expect(fillMessage("nb", template, { count: 21, file: "a.csv" })).toBe("21 rader i a.csv");
  });

  it("writes fractions with the language's decimal sign and leaves a missing value visible", () => {
    expect(fillMessage("nb", "{a} og {b}", { a: 2.5 })).toBe("2,5 og {b}");
    expect(fillMessage("en", "{a}", { a: 2.5 })).toBe("2.5");
    expect(fillMessage("nb", "år {year}", { year: 2026 })).toBe("år 2026");
  });

  it("leaves a plural without a number as written", () => {
    expect(fillMessage("nb", "{n, plural, one {# x} other {# y}}", { n: "mange" })).toBe(
      "{n, plural, one {# x} other {# y}}",
    );
  });

  it("writes sizes in units both languages share", () => {
    expect(formatSize(100)).toBe("100 B");
    expect(formatSize(40 * 1024)).toBe("40 kB");
    expect(formatSize(50 * 1024 * 1024)).toBe("50 MB");
  });
});

describe("the language of a request", () => {
  it("is bokmål without a header, or when the header names none of ours", () => {
    expect(localeFromAcceptLanguage(undefined)).toBe("nb");
    expect(localeFromAcceptLanguage("")).toBe("nb");
    expect(localeFromAcceptLanguage("de-DE,fr;q=0.8")).toBe("nb");
    expect(localeFromAcceptLanguage(";;;,,q=x")).toBe("nb");
  });

  it("follows the header's weights and order", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,nb;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("nb-NO,nb;q=0.9,en;q=0.8")).toBe("nb");
    expect(localeFromAcceptLanguage("en;q=0.5,no;q=0.9")).toBe("nb");
    expect(localeFromAcceptLanguage("nn")).toBe("nb");
    expect(localeFromAcceptLanguage("de,en")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0")).toBe("nb");
  });

  it("takes the user's saved language over the header", () => {
    expect(localeOf("en", "nb")).toBe("en");
    expect(localeOf(undefined, "en")).toBe("en");
    expect(localeOf(null, undefined)).toBe("nb");
  });
});
