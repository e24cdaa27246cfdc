// The scorecard as the API returns it and as a published snapshot stores it: plain JSON with months
// written YYYY-MM, every figure with the sums behind it, and the rule that produced it.

import type { WindowValue } from "../../domain/measures.ts";
import { formatMonth, type MonthKey, type Period } from "../../domain/periods.ts";
import { formatNumberNb } from "../../domain/rounding.ts";
import type { ScorecardRow } from "../../domain/scorecard.ts";
import { summaryColumn } from "../../domain/scorecard.ts";
import type { Comparator, TargetRule } from "../../domain/targets.ts";
import { finiteOrNull } from "../../domain/values.ts";
import { judgedWindowKind } from "../../domain/windows.ts";
import type { IndicatorRow } from "../indicators/queries.ts";
import type { IndicatorSummaryView, RowTargetView, ScorecardRowView, WindowView } from "./schema.ts";

export type {
  IndicatorSummaryView,
  RowTargetView,
  ScorecardRowView,
  ScorecardView,
  WindowView,
} from "./schema.ts";

// A scorecard view names the same few dozen months thousands of times: each text is made once.
const monthTexts = new Map<MonthKey, string>();
function monthText(month: MonthKey): string {
  let text = monthTexts.get(month);
  if (text === undefined) {
    text = formatMonth(month);
    monthTexts.set(month, text);
  }
  return text;
}

export function presentWindow(value: WindowValue): WindowView {
  return {
    first: monthText(value.window.first),
    last: monthText(value.window.last),
    state: value.state,
    value: value.value,
    roundedValue: value.roundedValue,
    displayedValue: value.displayedValue,
    reason: value.reason,
    numeratorSum: finiteOrNull(value.numeratorSum),
    denominatorSum: finiteOrNull(value.denominatorSum),
    monthsUsed: value.monthsUsed.map(monthText),
    monthsMissing: value.monthsMissing.map(monthText),
    unitsUsed: value.unitsUsed,
  };
}

export function presentIndicatorSummary(row: IndicatorRow): IndicatorSummaryView {
  return {
    id: row.id,
    code: row.code,
    nameNb: row.nameNb,
    nameEn: row.nameEn,
    unitLabel: row.unitLabel,
    direction: row.direction,
    valueKind: row.valueKind,
    scale: row.scale,
    decimals: row.decimals,
    lagMonths: row.lagMonths,
    minDenominator: row.minDenominator,
    evaluationBasis: row.evaluationBasis,
    trendMode: row.trendMode,
    dataSource: row.dataSource,
  };
}

export function presentRow(
  indicator: IndicatorRow,
  row: ScorecardRow,
  target: RowTargetView | null,
): ScorecardRowView {
  return {
    indicator: presentIndicatorSummary(indicator),
    lastMonth: formatMonth(row.lastMonth),
    targetYear: row.targetYear,
    thisPeriod: presentWindow(row.thisPeriod),
    yearToDate: presentWindow(row.yearToDate),
    lastYearToDate: presentWindow(row.lastYearToDate),
    sameWindowLastYear: presentWindow(row.sameWindowLastYear),
    evaluationBasis: row.evaluationBasis,
    evaluated: presentWindow(row.evaluated),
    judgedWindow: judgedWindowKind(row.evaluationBasis, row.evaluated.window),
    target,
    baselineValue: row.baselineValue,
    attainment: row.attainment,
    trend: row.trend,
    explanation: explainRow(indicator, row),
  };
}

export function periodLabel(period: Period): string {
  return summaryColumn(period).label;
}

// ---------------------------------------------------------------------------------------------
// Wording of the rules, for the reading guide, the export, the API's explanation and documents.

const comparatorSigns: Record<Comparator, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };

const number = (value: number) => formatNumberNb(value, Math.min(decimalsOf(value), 6));

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** A target rule in words: Norwegian by default, English for English documents. */
export function describeRule(rule: TargetRule, locale: "nb" | "en" = "nb"): string {
  const en = locale === "en";
  switch (rule.kind) {
    case "threshold":
      return `${comparatorSigns[rule.comparator]} ${number(rule.value)}`;
    case "limits":
      return en
        ? `green at ${number(rule.greenLimit)}, yellow at ${number(rule.yellowLimit)}`
        : `grønn ved ${number(rule.greenLimit)}, gul ved ${number(rule.yellowLimit)}`;
    case "baseline_change_with_floor": {
      const percent = number(Math.abs(rule.changePerYear) * 100);
      const down = rule.changePerYear < 0;
      return en
        ? `${down ? "down" : "up"} ${percent} % a year from the ${rule.baselineYear} level, to the limit ${number(rule.limit)}`
        : `${down ? "ned" : "opp"} ${percent} % per år fra nivået i ${rule.baselineYear}, til grensen ${number(rule.limit)}`;
    }
    case "better_than_last_year":
      return en ? "better than the same period last year" : "bedre enn samme periode året før";
    case "change_vs_baseline": {
      const sign = rule.share < 0 ? "−" : "+";
      return `${sign}${number(Math.abs(rule.share) * 100)} % ${en ? "against" : "mot"} ${rule.baselineYear}`;
    }
    case "yearly_steps":
      return Object.entries(rule.steps)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([year, step]) => `${year}: ${comparatorSigns[step.comparator]} ${number(step.value)}`)
        .join("; ");
  }
}

const aggregationText: Record<IndicatorRow["valueKind"], string> = {
  ratio: "sum teller / sum nevner over måneder og enheter (ikke snitt av prosenter)",
  count: "summen over måneder og enheter",
  stock: "siste måned per enhet, summert over enheter",
  not_aggregatable: "kan ikke summeres: vises bare der én enhet rapporterer, siste måned",
};

const basisText: Record<IndicatorRow["evaluationBasis"], string> = {
  this_period: "denne perioden",
  year_to_date: "hittil i år",
  year: "siste 12 måneder",
};

export function explainRow(indicator: IndicatorRow, row: ScorecardRow): string {
  const scale =
    indicator.valueKind === "ratio" && indicator.scale !== 1 ? ` × ${number(indicator.scale)}` : "";
  const lag = indicator.lagMonths > 0 ? ` (${indicator.lagMonths} mnd forsinkelse)` : "";
  const target = row.target
    ? `Målkrav ${describeRule(row.target.rule)}, vurdert på ${basisText[row.evaluationBasis]} (${formatMonth(row.evaluated.window.first)}–${formatMonth(row.evaluated.window.last)}), på tallet slik det vises (${indicator.decimals} desimaler).`
    : `Ingen målkrav for ${row.targetYear}.`;
  const band = indicator.trendMode === "relative" ? "±2 %" : "±2 prosentpoeng";
  return [
    `Verdi: ${aggregationText[indicator.valueKind]}${scale}.`,
    `Denne perioden: ${formatMonth(row.thisPeriod.window.first)}–${formatMonth(row.thisPeriod.window.last)}${lag}.`,
    target,
    `Trend: mot samme tre måneder året før, grense ${band}.`,
  ].join(" ");
}
