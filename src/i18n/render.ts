import type { Locale } from "./locale.ts";

export type MessageValues = Record<string, string | number | boolean | null | undefined>;

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();
const intlTag: Record<Locale, string> = { nb: "nb-NO", en: "en-GB" };

function numberFormat(locale: Locale) {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlTag[locale], { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format;
}

function pluralCategory(locale: Locale, count: number) {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(intlTag[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** A value as a reader of `locale` writes it: 2,5 in bokmål, 2.5 in English. */
export function formatValue(locale: Locale, value: MessageValues[string]): string {
  // Whole numbers are ids, years, rows and limits, written as given; a fraction gets the decimal
  // sign of the language.
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : numberFormat(locale).format(value);
  if (value === null || value === undefined) return "";
  return String(value);
}

// {name, plural, one {# rad} other {# rader}}: a small part of ICU MessageFormat, enough for counts.
const plural = /\{(\w+),\s*plural,\s*((?:\w+\s*\{[^{}]*\}\s*)+)\}/g;
const pluralCase = /(\w+)\s*\{([^{}]*)\}/g;

/**
 * Fills `{name}` from `values` and chooses plural forms. A placeholder without a value is left
 * as written, so a missing parameter shows instead of vanishing.
 */
export function fillMessage(locale: Locale, template: string, values: MessageValues = {}): string {
  const withPlurals = template.replace(plural, (whole, name: string, cases: string) => {
    const count = values[name];
    if (typeof count !== "number") return whole;
    const forms = Object.fromEntries([...cases.matchAll(pluralCase)].map((m) => [m[1], m[2] ?? ""]));
    const form = forms[pluralCategory(locale, count)] ?? forms.other ?? "";
    return form.replaceAll("#", formatValue(locale, count));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values && values[name] !== undefined ? formatValue(locale, values[name]) : whole,
  );
}

/** A size in the units both languages write alike: 512 B, 40 kB, 50 MB (whole numbers). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} B`;
}
