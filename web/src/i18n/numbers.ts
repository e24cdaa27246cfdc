// The one number formatter of the web app. Norwegian: digits grouped in threes with a narrow
// no-break space and a decimal comma (`14 206`, `48,5`); English: comma groups and a decimal point
// (`14,206`, `48.5`). The minus is a plain hyphen-minus, as the server writes it, so a copied
// figure pastes cleanly into Excel. Rounding is the server's (half away from zero, free of
// floating-point noise), so a figure on screen and in the board documents agree to the digit.

import { useMemo } from "react";
import { roundHalfAwayFromZero } from "../../../src/domain/rounding.ts";
import { intlLocale, type Locale, useLocale } from "./i18n.tsx";

export type NumberOptions = {
  /** Exactly this many decimals; without it whole numbers stay whole and up to 6 decimals show. */
  decimals?: number;
};

export const NARROW_NO_BREAK_SPACE = "\u202f";
const NO_BREAK_SPACE = "\u00a0";
const MAX_FREE_DECIMALS = 6;
/** Shown for a value that is not a finite number (a division by zero upstream, a missing figure). */
const NOT_A_NUMBER = "–";

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, minimumFractionDigits: number, maximumFractionDigits: number) {
  const key = `${locale}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(intlLocale[locale], {
      minimumFractionDigits,
      maximumFractionDigits,
      useGrouping: true,
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** `14 206`, `48,5`, `-3` in bokmål; `14,206`, `48.5`, `-3` in English. */
export function formatNumber(value: number, locale: Locale, options: NumberOptions = {}): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const { decimals } = options;
  const rounded = roundHalfAwayFromZero(value, decimals ?? MAX_FREE_DECIMALS);
  const parts = formatter(locale, decimals ?? 0, decimals ?? MAX_FREE_DECIMALS).formatToParts(rounded);
  return parts
    .map((part) => {
      if (part.type === "minusSign") return "-";
      if (part.type === "group" && locale === "nb") return NARROW_NO_BREAK_SPACE;
      return part.value;
    })
    .join("");
}

/** A count of things: always whole, grouped (`1 204`). */
export function formatCount(count: number, locale: Locale): string {
  return formatNumber(count, locale, { decimals: 0 });
}

/** A part of a whole: `14 206 / 20 075`. No-break spaces keep it on one line. */
export function formatRatio(part: number, whole: number, locale: Locale): string {
  return `${formatCount(part, locale)}${NO_BREAK_SPACE}/${NO_BREAK_SPACE}${formatCount(whole, locale)}`;
}

/**
 * A percentage given in percent (48.5, not 0.485): `48,5 %` in bokmål (a no-break space before the
 * sign, as Norwegian writes it), `48.5%` in English.
 */
export function formatPercent(percent: number, locale: Locale, options: NumberOptions = {}): string {
  const figure = formatNumber(percent, locale, options);
  if (figure === NOT_A_NUMBER) return figure;
  return locale === "nb" ? `${figure}${NO_BREAK_SPACE}%` : `${figure}%`;
}

export type Numbers = {
  formatNumber: (value: number, options?: NumberOptions) => string;
  formatCount: (count: number) => string;
  formatRatio: (part: number, whole: number) => string;
  formatPercent: (percent: number, options?: NumberOptions) => string;
};

/** The formatters above, in the interface language of the page. */
export function useNumbers(): Numbers {
  const { locale } = useLocale();
  return useMemo(
    () => ({
      formatNumber: (value, options) => formatNumber(value, locale, options),
      formatCount: (count) => formatCount(count, locale),
      formatRatio: (part, whole) => formatRatio(part, whole, locale),
      formatPercent: (percent, options) => formatPercent(percent, locale, options),
    }),
    [locale],
  );
}
