// Figures, targets and shares written for the reader. Norwegian figures are the server's own
// (`70,6`, `<10`), so the screen, the Excel export and the board documents agree to the digit;
// English figures are the same rounded values in English notation.

import { parseMonth } from "../../../../src/domain/periods.ts";
import { judgedWindowKind } from "../../../../src/domain/windows.ts";
import type { Comparator, Direction, TargetRule } from "../../api/indicators.ts";
import type {
  Attainment,
  ColourShare,
  JudgedWindowKind,
  RowTarget,
  ScorecardRow,
  WindowView,
} from "../../api/scorecards.ts";
import { intlLocale, type Locale, type Translate } from "../../i18n/i18n.tsx";
import { formatNumber as formatAppNumber } from "../../i18n/numbers.ts";

export const comparatorSigns: Record<Comparator, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };

/** The app's one number format (i18n/numbers.ts): `14 206`, `70,6` in bokmål; `14,206`, `70.6` in English. */
export function formatNumber(value: number, locale: Locale, decimals?: number): string {
  return formatAppNumber(value, locale, decimals === undefined ? {} : { decimals });
}

/** The figure shown for a window: `70,6`, `<10`, or null when there is none. */
export function formatFigure(
  window: Pick<WindowView, "state" | "roundedValue" | "displayedValue">,
  decimals: number,
  locale: Locale,
): string | null {
  if (window.state === "too_few") return window.displayedValue;
  if (window.roundedValue === null) return null;
  if (locale === "nb" && window.displayedValue !== null) return window.displayedValue;
  return formatNumber(window.roundedValue, locale, decimals);
}

// Unit labels that only say "a number" add nothing after a figure ("≥ 1 231 antall").
const silentUnitLabels = new Set(["antall", "count", "number"]);

export function withUnit(figure: string, unitLabel: string): string {
  // A no-break space keeps "70 %" and "≥ 70" together when a narrow column wraps.
  return silentUnitLabels.has(unitLabel.trim().toLowerCase()) ? figure : `${figure}\u00a0${unitLabel}`;
}

function signed(comparator: Comparator, value: number, unitLabel: string, locale: Locale) {
  return `${comparatorSigns[comparator]}\u00a0${withUnit(formatNumber(value, locale), unitLabel)}`;
}

function percent(share: number, locale: Locale): string {
  return `${formatNumber(Math.abs(share) * 100, locale)} %`;
}

/**
 * A target rule in words: "≥ 70 %", "grønn ≤ 12 %, gul ≤ 14 %", "10 % ned fra 2023". With `year`,
 * yearly steps show only that year's step.
 */
export function describeRule(
  rule: TargetRule,
  context: { unitLabel: string; direction: Direction; locale: Locale; t: Translate; year?: number },
): string {
  const { unitLabel, direction, locale, t } = context;
  const atOrBetter: Comparator = direction === "higher" ? "gte" : "lte";
  switch (rule.kind) {
    case "threshold":
      return signed(rule.comparator, rule.value, unitLabel, locale);
    case "limits":
      return t("scorecard.target.limits", {
        green: signed(atOrBetter, rule.greenLimit, unitLabel, locale),
        yellow: signed(atOrBetter, rule.yellowLimit, unitLabel, locale),
      });
    case "baseline_change_with_floor":
      return t(
        rule.changePerYear < 0 ? "scorecard.target.baselineFloorDown" : "scorecard.target.baselineFloorUp",
        {
          change: percent(rule.changePerYear, locale),
          year: rule.baselineYear,
          limit: withUnit(formatNumber(rule.limit, locale), unitLabel),
        },
      );
    case "better_than_last_year":
      return t("scorecard.target.betterThanLastYear");
    case "change_vs_baseline":
      return t(rule.share < 0 ? "scorecard.target.changeDown" : "scorecard.target.changeUp", {
        change: percent(rule.share, locale),
        year: rule.baselineYear,
      });
    case "yearly_steps": {
      const steps = Object.entries(rule.steps).sort(([a], [b]) => a.localeCompare(b));
      const step = context.year === undefined ? undefined : rule.steps[String(context.year)];
      if (step) return signed(step.comparator, step.value, unitLabel, locale);
      return steps
        .map(([year, each]) => `${year}: ${signed(each.comparator, each.value, unitLabel, locale)}`)
        .join("; ");
    }
  }
}

/** Kinds whose figure to beat is computed (from a baseline or last year), not written in the rule. */
export function isComputedTarget(rule: TargetRule): boolean {
  return (
    rule.kind === "baseline_change_with_floor" ||
    rule.kind === "better_than_last_year" ||
    rule.kind === "change_vs_baseline"
  );
}

/** The target cell: the rule in words, and for computed kinds the figure it came to. */
export function describeRowTarget(
  target: RowTarget | null,
  attainment: Attainment,
  context: {
    unitLabel: string;
    direction: Direction;
    decimals: number;
    locale: Locale;
    t: Translate;
    year: number;
  },
): { rule: string; computed: string | null } | null {
  if (!target) return null;
  const rule = describeRule(target.rule, context);
  const computed =
    isComputedTarget(target.rule) && attainment.targetValue !== null && attainment.comparator !== null
      ? context.t("scorecard.target.computed", {
          target: `${comparatorSigns[attainment.comparator]}\u00a0${withUnit(
            formatNumber(attainment.targetValue, context.locale, context.decimals),
            context.unitLabel,
          )}`,
        })
      : null;
  return { rule, computed };
}

/** `16/33 (48,5 %)` as the server writes it in Norwegian; `16/33 (48.5 %)` in English. */
export function formatShare(share: ColourShare, locale: Locale): string {
  if (locale === "nb") return share.formatted;
  const percentText = share.percent === null ? "–" : formatNumber(share.percent, locale, 1);
  return `${share.count}/${share.total} (${percentText} %)`;
}

/** A trend change as "+3,2 %" or "−1,5 p.p.", positive meaning better. */
export function formatChange(change: number, mode: "relative" | "points", locale: Locale, t: Translate) {
  const value = mode === "relative" ? change * 100 : change;
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  const figure = formatNumber(Math.abs(value), locale, 1);
  return mode === "relative" ? `${sign}${figure} %` : `${sign}${figure} ${t("scorecard.trend.points")}`;
}

/** A period for headings and lists: "T1 2024", "Årsslutt 2024", "mars 2024". */
export function periodName(period: string, locale: Locale, t: Translate): string {
  const match = /^(\d{4})(?:-(T1|T2|T3|\d{2}))?$/.exec(period);
  if (!match) return period;
  const year = match[1] ?? "";
  const part = match[2];
  if (part === undefined || part === "T3") return t("scorecard.periodName.year", { year });
  if (part === "T1" || part === "T2") return t("scorecard.periodName.tertial", { tertial: part, year });
  return new Intl.DateTimeFormat(intlLocale[locale], {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(Number(year), Number(part) - 1, 1)));
}

/** A short month name without its year: "jan", "apr" in bokmål; "Jan", "Apr" in English. */
function monthName(month: string, locale: Locale): string {
  const [year, number] = month.split("-").map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(intlLocale[locale], { month: "short", timeZone: "UTC" })
    .format(new Date(Date.UTC(year, number - 1, 1)))
    .replace(/\.$/, "");
}

/** Months as a reader says them: "jan–apr 2026", "mai 2025–apr 2026", "apr 2026". */
export function compactSpan(first: string, last: string, locale: Locale): string {
  const firstYear = first.slice(0, 4);
  const lastYear = last.slice(0, 4);
  if (first === last) return `${monthName(last, locale)} ${lastYear}`;
  if (firstYear === lastYear) return `${monthName(first, locale)}–${monthName(last, locale)} ${lastYear}`;
  return `${monthName(first, locale)} ${firstYear}–${monthName(last, locale)} ${lastYear}`;
}

/**
 * What the judged window is. Snapshots published before the server said so get the same answer
 * from the same rule (src/domain/windows.ts).
 */
export function judgedKindOf(row: Pick<ScorecardRow, "judgedWindow" | "evaluationBasis" | "evaluated">) {
  return (
    row.judgedWindow ??
    judgedWindowKind(row.evaluationBasis, {
      first: parseMonth(row.evaluated.first),
      last: parseMonth(row.evaluated.last),
    })
  );
}

/** The judged window named: "Hittil i år jan–apr 2026", "Siste 12 mnd mai 2025–apr 2026", "Året 2025". */
export function judgedWindowText(
  kind: JudgedWindowKind,
  window: { first: string; last: string },
  locale: Locale,
  t: Translate,
): string {
  if (kind === "calendar_year") return t("scorecard.judged.calendar_year", { year: window.last.slice(0, 4) });
  return t(`scorecard.judged.${kind}`, { span: compactSpan(window.first, window.last, locale) });
}
