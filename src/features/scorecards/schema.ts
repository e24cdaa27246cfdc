// The scorecards API: what a request may send and what it answers (the scorecard, its summary
// tables, published snapshots, an indicator's series and breakdown). Shared with the web (types only).

import { z } from "zod";
import { comparators, evaluationBases, trendModes } from "../../domain/indicatorKinds.ts";
import { id, monthText, plainText, year } from "../../schemas/common.ts";
import { ruleMessage } from "../../schemas/rules.ts";
import { indicatorView, targetRuleView } from "../indicators/schema.ts";

// ---------------------------------------------------------------------------------------------
// Inputs

export const periodInput = z.object({
  period: plainText(40).min(1, { message: ruleMessage("scorecard_period") }),
});

export const yearQuery = z.object({ year });

export const publishedQuery = z.object({ period: plainText(40).optional() });

export const seriesQuery = z.object({
  unitId: id,
  from: monthText.optional(),
  to: monthText.optional(),
  period: plainText(40).optional().meta({
    description:
      "Instead of 'to': the series ends at this scorecard period's last month of data (its end less the indicator's lag) and starts in January a year earlier",
  }),
});

export const breakdownQuery = z.object({ unitId: id }).extend(periodInput.shape);

// ---------------------------------------------------------------------------------------------
// Answers

const colour = z.enum(["green", "yellow", "red", "grey"]);
const judgedWindowKind = z.enum(["this_period", "year_to_date", "rolling_year", "calendar_year"]).meta({
  description: "What the judged window is: this period, year to date, the last 12 months, the calendar year",
});
const comparator = z.enum(comparators);

/** A sum of figures; null when it is beyond what a number holds (figures stored before bounds). */
const finiteSum = z.number().nullable();

export const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const windowView = z.object({
  first: z.string(),
  last: z.string(),
  state: z.enum(["value", "no_data", "too_few"]),
  value: z.number().nullable(),
  roundedValue: z.number().nullable(),
  displayedValue: z.string().nullable(),
  reason: z
    .enum([
      "no_observations",
      "zero_denominator",
      "several_units_not_aggregatable",
      "too_few_cases",
      "out_of_range",
    ])
    .nullable(),
  numeratorSum: finiteSum,
  denominatorSum: z.number().nullable(),
  monthsUsed: z.array(z.string()),
  monthsMissing: z.array(z.string()),
  unitsUsed: z.array(z.string()),
});

/** The indicator as a scorecard row shows it: the catalogue's fields that explain a figure. */
export const indicatorSummaryView = indicatorView.pick({
  id: true,
  code: true,
  nameNb: true,
  nameEn: true,
  unitLabel: true,
  direction: true,
  valueKind: true,
  scale: true,
  decimals: true,
  lagMonths: true,
  minDenominator: true,
  evaluationBasis: true,
  trendMode: true,
  dataSource: true,
});

export const rowTargetView = z.object({
  id: z.number().int(),
  year: z.number().int().nullable(),
  unitId: z.number().int().nullable(),
  level: z
    .enum(["unit", "above", "general"])
    .meta({ description: "Whose target it is, seen from the scorecard's unit" }),
  rule: targetRuleView,
  note: z.string().nullable(),
});

export const attainmentView = z.object({
  colour,
  reason: z.enum([
    "met",
    "not_met",
    "between_limits",
    "no_data",
    "too_few",
    "no_target",
    "no_step_for_year",
    "before_baseline_year",
    "no_baseline",
    "no_last_year_value",
    "out_of_range",
  ]),
  targetValue: z.number().nullable(),
  comparator: comparator.nullable(),
  displayedValue: z.string().nullable(),
});

export const trendView = z.object({
  colour,
  change: z.number().nullable(),
  mode: z.enum(trendModes),
  reason: z.enum([
    "improved",
    "unchanged",
    "worsened",
    "no_value_now",
    "no_value_before",
    "zero_base",
    "too_few",
    "out_of_range",
  ]),
});

export const scorecardRowView = z
  .object({
    indicator: indicatorSummaryView,
    lastMonth: z.string(),
    targetYear: z.number().int(),
    thisPeriod: windowView,
    yearToDate: windowView,
    lastYearToDate: windowView,
    sameWindowLastYear: windowView,
    evaluationBasis: z.enum(evaluationBases),
    evaluated: windowView.meta({ description: "The judged figure: the value the target is checked on" }),
    judgedWindow: judgedWindowKind
      .optional()
      .meta({ description: "What `evaluated` covers; absent in snapshots published before it was added" }),
    target: rowTargetView.nullable(),
    baselineValue: z.number().nullable(),
    attainment: attainmentView,
    trend: trendView,
    explanation: z.string().meta({ description: "The rules behind the row, in Norwegian" }),
  })
  .meta({ id: "ScorecardRow" });

export const colourShareView = z.object({
  count: z.number().int(),
  total: z.number().int(),
  percent: z.number().nullable(),
  formatted: z.string(),
});

const sharesByColour = z.object({
  green: colourShareView,
  yellow: colourShareView,
  red: colourShareView,
  grey: colourShareView,
});

export const scorecardView = z
  .object({
    snapshotVersion: z.literal(1).meta({ description: "Shape of this JSON; stored snapshots keep theirs" }),
    unit: unitRef,
    period: z.string(),
    periodLabel: z.string().meta({ description: "Seed 003's heading: `T1-2024`, `Årlig melding`" }),
    extractedAt: z.string().meta({ description: "When the figures were computed" }),
    rows: z.array(scorecardRowView),
    summary: z.object({ total: z.number().int(), attainment: sharesByColour, trend: sharesByColour }),
  })
  .meta({ id: "Scorecard" });

export const summaryTableView = z.object({
  columns: z.array(z.object({ period: z.string(), label: z.string() })),
  rows: z.array(z.object({ colour, label: z.string(), cells: z.array(colourShareView) })),
});

export const summaryTablesView = z
  .object({
    unit: unitRef,
    year: z.number().int(),
    columns: z.array(
      z.object({
        period: z.string(),
        label: z.string(),
        source: z.enum(["published", "live"]),
        publishedId: z.number().int().nullable(),
        extractedAt: z.string(),
      }),
    ),
    attainment: summaryTableView,
    trend: summaryTableView,
  })
  .meta({ id: "ScorecardSummaryTables" });

export const publishedEntryView = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    period: z.string(),
    extractedAt: z.string(),
    publishedByName: z.string(),
  })
  .meta({ id: "PublishedScorecardEntry" });

export const scorecardDiffView = z.object({
  comparedAt: z.string(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      status: z.enum(["changed", "added", "removed"]),
      fields: z.array(
        z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
      ),
    }),
  ),
});

export const publishedScorecardView = publishedEntryView
  .extend({ scorecard: scorecardView, changesSincePublished: scorecardDiffView })
  .meta({ id: "PublishedScorecard" });

export const indicatorSeriesView = z
  .object({
    indicator: indicatorSummaryView,
    unit: unitRef,
    from: z.string(),
    to: z.string(),
    targets: z.array(z.object({ year: z.number().int(), target: rowTargetView.nullable() })),
    monthlyComparable: z.boolean().meta({
      description:
        "Whether a month's own value may be drawn against the target (false for counts judged over several months)",
    }),
    months: z.array(
      z.object({
        month: z.string().meta({ description: "The last month of data judged (YYYY-MM)" }),
        state: windowView.shape.state,
        value: z.number().nullable().meta({ description: "The month's own value" }),
        displayedValue: z.string().nullable(),
        numeratorSum: finiteSum,
        denominatorSum: z.number().nullable(),
        unitsUsed: z.array(z.string()),
        judged: windowView
          .pick({
            first: true,
            last: true,
            state: true,
            value: true,
            roundedValue: true,
            displayedValue: true,
          })
          .extend({ kind: judgedWindowKind })
          .meta({
            description:
              "The value on the evaluation basis, as a scorecard row with data to this month shows it",
          }),
        targetValue: z.number().nullable(),
        comparator: comparator.nullable(),
        colour: colour.meta({ description: "The judged value's colour: the scorecard row's rule" }),
        reason: attainmentView.shape.reason,
      }),
    ),
  })
  .meta({ id: "IndicatorSeries" });

export const latestPeriodView = z
  .object({
    period: z.string().nullable().meta({
      description: "The latest ended period with data (2025-T2, 2025); null when the unit has none",
    }),
    lastDataMonth: z.string().nullable().meta({ description: "The last month with any figure (YYYY-MM)" }),
  })
  .meta({ id: "ScorecardLatestPeriod" });

export const indicatorBreakdownView = z
  .object({
    indicator: indicatorSummaryView,
    unit: unitRef,
    period: z.string(),
    total: scorecardRowView,
    own: scorecardRowView.nullable(),
    children: z.array(z.object({ unit: unitRef, row: scorecardRowView })),
  })
  .meta({ id: "IndicatorBreakdown" });

export type Colour = z.infer<typeof colour>;
export type UnitRef = z.infer<typeof unitRef>;
export type WindowView = z.infer<typeof windowView>;
export type IndicatorSummaryView = z.infer<typeof indicatorSummaryView>;
export type RowTargetView = z.infer<typeof rowTargetView>;
export type AttainmentView = z.infer<typeof attainmentView>;
export type TrendView = z.infer<typeof trendView>;
export type ScorecardRowView = z.infer<typeof scorecardRowView>;
export type ColourShareView = z.infer<typeof colourShareView>;
export type ScorecardView = z.infer<typeof scorecardView>;
export type SummaryTableView = z.infer<typeof summaryTableView>;
export type SummaryTablesView = z.infer<typeof summaryTablesView>;
export type PublishedEntryView = z.infer<typeof publishedEntryView>;
export type ScorecardDiffView = z.infer<typeof scorecardDiffView>;
export type PublishedScorecardView = z.infer<typeof publishedScorecardView>;
export type IndicatorSeriesView = z.infer<typeof indicatorSeriesView>;
export type IndicatorBreakdownView = z.infer<typeof indicatorBreakdownView>;
export type LatestPeriodView = z.infer<typeof latestPeriodView>;
export type JudgedWindowKind = z.infer<typeof judgedWindowKind>;
