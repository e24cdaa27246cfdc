// A target (målkrav) as a board document prints it: the comparator and the unit with the figure,
// "≤ 4 %; gul ≤ 6 %", rather than "grønn ved 4, gul ved 6". Pure, so every kind of target in
// src/domain/targets.ts is worded (and tested) the same way in both languages and both directions.

import type { Comparator, Direction, TargetRule } from "../../domain/targets.ts";
import type { DocumentLocale } from "./model.ts";

export const comparatorSigns: Record<Comparator, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };

/** The target a computed kind gave for the year: what the value is compared with for green. */
export interface ComputedTarget {
  comparator: Comparator;
  value: number;
}

export interface TargetWordingInput {
  rule: TargetRule;
  direction: Direction;
  /** The indicator's unit ("%", "dager", "antall"); a count ("antall") is printed without one. */
  unitLabel: string;
  /** The year the target applies to: picks the step of a `yearly_steps` target. */
  year: number;
  /** For the computed kinds (baseline, last year): the figure this year's colour was judged by. */
  computed?: ComputedTarget | null;
}

const words = {
  nb: {
    yellow: "gul",
    decimal: ",",
    perYear: (sign: string, percent: string, year: number) => `${sign} ${percent} % per år fra ${year}`,
    down: "ned",
    up: "opp",
    limit: "grense",
    betterThanLastYear: "bedre enn samme periode året før",
    against: (share: string, year: number) => `${share} mot ${year}`,
  },
  en: {
    yellow: "yellow",
    decimal: ".",
    perYear: (sign: string, percent: string, year: number) => `${sign} ${percent} % a year from ${year}`,
    down: "down",
    up: "up",
    limit: "limit",
    betterThanLastYear: "better than the same period last year",
    against: (share: string, year: number) => `${share} against ${year}`,
  },
} as const;

/** Up to six decimals, as the figure was stored, with the language's decimal sign and no float noise. */
export function formatTargetNumber(value: number, locale: DocumentLocale): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  const [whole = "0", fraction] = String(Math.abs(rounded)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "nb" ? "\u202f" : ",");
  const sign = rounded < 0 ? "−" : "";
  return fraction ? `${sign}${grouped}${words[locale].decimal}${fraction}` : `${sign}${grouped}`;
}

/** "4 %", "45 dager"; a count has no unit. */
function withUnit(figure: string, unitLabel: string): string {
  const label = unitLabel.trim();
  return label === "" || label === "antall" ? figure : `${figure} ${label}`;
}

function comparison(comparator: Comparator, value: number, unitLabel: string, locale: DocumentLocale) {
  return `${comparatorSigns[comparator]} ${withUnit(formatTargetNumber(value, locale), unitLabel)}`;
}

/** The comparator that is met at the limit, in the indicator's direction: ≥ when higher is better. */
function atOrBetter(direction: Direction): Comparator {
  return direction === "higher" ? "gte" : "lte";
}

/**
 * The target in words, with comparator and unit:
 * threshold "≥ 70 %"; limits "≤ 4 %; gul ≤ 6 %"; yearly steps "≥ 70 %" (the year's step);
 * the computed kinds their figure for the year and how it is computed, "≤ 8,1 % (ned 5 % per år
 * fra 2023, grense 7,5 %)", or, before there is a figure, only how.
 */
export function describeTarget(input: TargetWordingInput, locale: DocumentLocale): string {
  const { rule, direction, unitLabel } = input;
  const w = words[locale];
  const computed = input.computed ?? null;
  const withComputed = (how: string) =>
    computed ? `${comparison(computed.comparator, computed.value, unitLabel, locale)} (${how})` : how;
  switch (rule.kind) {
    case "threshold":
      return comparison(rule.comparator, rule.value, unitLabel, locale);
    case "limits": {
      const comparator = atOrBetter(direction);
      return `${comparison(comparator, rule.greenLimit, unitLabel, locale)}; ${w.yellow} ${comparison(comparator, rule.yellowLimit, unitLabel, locale)}`;
    }
    case "baseline_change_with_floor": {
      const percent = formatTargetNumber(Math.abs(rule.changePerYear) * 100, locale);
      const how = w.perYear(rule.changePerYear < 0 ? w.down : w.up, percent, rule.baselineYear);
      const limit = `${w.limit} ${withUnit(formatTargetNumber(rule.limit, locale), unitLabel)}`;
      return withComputed(`${how}, ${limit}`);
    }
    case "better_than_last_year":
      return withComputed(w.betterThanLastYear);
    case "change_vs_baseline": {
      const sign = rule.share < 0 ? "−" : "+";
      const share = `${sign}${formatTargetNumber(Math.abs(rule.share) * 100, locale)} %`;
      return withComputed(w.against(share, rule.baselineYear));
    }
    case "yearly_steps": {
      const step = rule.steps[String(input.year)];
      if (step) return comparison(step.comparator, step.value, unitLabel, locale);
      return Object.entries(rule.steps)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([year, each]) => `${year}: ${comparison(each.comparator, each.value, unitLabel, locale)}`)
        .join("; ");
    }
  }
}
