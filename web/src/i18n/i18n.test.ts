import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { formatMessage } from "./i18n.tsx";
import { nb } from "./nb.ts";

const nnbsp = "\u202f";
const indicators = "{count, plural, one {# indikator} other {# indikatorer}}";

describe("formatMessage", () => {
  it("fills simple placeholders and leaves unknown ones as written", () => {
    expect(formatMessage("Krav {number} i {title}", { number: "1.2" }, "nb")).toBe("Krav 1.2 i {title}");
  });

  it("returns the template untouched when no values are given", () => {
    expect(formatMessage("Vis alle", undefined, "nb")).toBe("Vis alle");
  });

  it("picks the singular for one and the plural otherwise", () => {
    expect(formatMessage(`Endret for ${indicators}`, { count: 1 }, "nb")).toBe("Endret for 1 indikator");
    expect(formatMessage(`Endret for ${indicators}`, { count: 0 }, "nb")).toBe("Endret for 0 indikatorer");
    expect(formatMessage(`Endret for ${indicators}`, { count: 3 }, "nb")).toBe("Endret for 3 indikatorer");
  });

  it("writes # as a number of the locale", () => {
    expect(formatMessage(indicators, { count: 14206 }, "nb")).toBe(`14${nnbsp}206 indikatorer`);
    expect(
      formatMessage("{count, plural, one {# indicator} other {# indicators}}", { count: 14206 }, "en"),
    ).toBe("14,206 indicators");
  });

  it("prefers an exact =N branch over the plural category", () => {
    const template = "{count, plural, =0 {ingen endringer} one {# endring} other {# endringer}}";
    expect(formatMessage(template, { count: 0 }, "nb")).toBe("ingen endringer");
    expect(formatMessage(template, { count: 1 }, "nb")).toBe("1 endring");
  });

  it("fills placeholders inside a branch and keeps text around the plural", () => {
    const template =
      "Filen har {count, plural, one {# feil av {rows} rader} other {# feil av {rows} rader}}.";
    expect(formatMessage(template, { count: 2, rows: "40" }, "nb")).toBe("Filen har 2 feil av 40 rader.");
  });

  it("handles two plurals in one string", () => {
    const template =
      "{count, plural, one {# krav er importert} other {# krav er importert}}, og {chapters, plural, one {# nytt kapittel} other {# nye kapitler}} er opprettet.";
    expect(formatMessage(template, { count: 1, chapters: 1 }, "nb")).toBe(
      "1 krav er importert, og 1 nytt kapittel er opprettet.",
    );
  });

  it("leaves a plural as written when its count is missing or not a number", () => {
    expect(formatMessage(indicators, { count: "tre" }, "nb")).toBe(indicators);
    expect(formatMessage(indicators, { other: 1 }, "nb")).toBe(indicators);
  });
});

/**
 * The placeholders a catalogue string uses, plural counts included ("{count, plural, …}" gives "count"),
 * but not the text of a plural's forms ("one {kravet}").
 */
function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{\s*(\w+)\s*[,}]/g)) {
    if (match[1]) names.add(match[1]);
  }
  return [...names].sort();
}

describe("the catalogues", () => {
  it("say 'Endret for 1 indikator', not '1 indikatorer'", () => {
    expect(formatMessage(nb["scorecard.published.changed"], { count: 1 }, "nb")).toBe(
      "Endret for 1 indikator",
    );
    expect(formatMessage(en["scorecard.published.changed"], { count: 1 }, "en")).toBe(
      "Changed for 1 indicator",
    );
    expect(formatMessage(nb["scorecard.published.changed"], { count: 4 }, "nb")).toBe(
      "Endret for 4 indikatorer",
    );
  });

  it("use the same placeholders in bokmål and English for every message", () => {
    const mismatches = Object.keys(nb)
      .filter((key) => {
        const english = (en as Record<string, string>)[key];
        return (
          english !== undefined &&
          placeholders(nb[key as keyof typeof nb]).join() !== placeholders(english).join()
        );
      })
      .map((key) => key);
    expect(mismatches).toEqual([]);
  });

  it("write every plural so that a count fills it, with an 'other' form", () => {
    for (const [locale, catalogue] of [
      ["nb", nb],
      ["en", en],
    ] as const) {
      for (const [key, template] of Object.entries(catalogue as Record<string, string>)) {
        if (!template.includes(", plural,")) continue;
        const values = Object.fromEntries(placeholders(template).map((name) => [name, 2]));
        expect(formatMessage(template, values, locale), key).not.toMatch(/[{}#]/);
        expect(template, key).toMatch(/other\s*\{/);
      }
    }
  });
});
