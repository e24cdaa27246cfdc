// The languages Tertial speaks, and which one a request gets. Bokmål is the default everywhere.

export const locales = ["nb", "en"] as const;
export type Locale = (typeof locales)[number];

const tagToLocale: Record<string, Locale> = { nb: "nb", no: "nb", nn: "nb", en: "en" };

/**
 * The best of our languages for an Accept-Language header ("en-GB,en;q=0.9,nb;q=0.8"), by the
 * header's weights; bokmål when the header is absent, malformed or names none of them. Nynorsk
 * and plain "no" read bokmål, the nearest we have.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return "nb";
  const wanted = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const weight = parameters.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      const primary = tag.trim().toLowerCase().split("-")[0] ?? "";
      return { locale: tagToLocale[primary], weight: weight === undefined ? 1 : Number(weight), index };
    })
    .filter((entry): entry is { locale: Locale; weight: number; index: number } =>
      Boolean(entry.locale && entry.weight > 0),
    )
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return wanted[0]?.locale ?? "nb";
}

/** A saved choice wins over the header: the user picked it in Tertial. */
export function localeOf(saved: Locale | undefined | null, acceptLanguage: string | undefined): Locale {
  return saved ?? localeFromAcceptLanguage(acceptLanguage);
}
