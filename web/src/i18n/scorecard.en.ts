import type { scorecardNb } from "./scorecard.ts";

export const scorecardEn: Record<keyof typeof scorecardNb, string> = {
  "scorecard.column.judged": "Figure judged",
  "scorecard.showCalculationShort": "Show",
  "scorecard.judged.this_period": "This period {span}",
  "scorecard.judged.year_to_date": "Year to date {span}",
  "scorecard.judged.rolling_year": "Last 12 months {span}",
  "scorecard.judged.calendar_year": "The year {year}",
  "scorecard.opening.latest": "Showing {period}, the latest period with data.",
  "scorecard.opening.none": "The unit has no figures yet. Showing {period}.",
  "scorecard.opening.showLatest": "Show {period}, the latest period with data",
  "scorecard.publish.noData": "The scorecard for {period} has no figures, so it cannot be published.",
  "scorecard.publishedPage.title": "Published scorecard",
  "scorecard.publishedPage.heading": "{unit}, {period}",
  "scorecard.publishedPage.meta": "Published by {by}. The figures were extracted {at} and do not change.",
  "scorecard.publishedPage.back": "Back to the scorecard",
  "scorecard.publishedPage.changed":
    "Computed today, {count, plural, one {# indicator} other {# indicators}} would have other figures.",
  "scorecard.publishedPage.unchanged": "The figures are the same if the scorecard is computed today.",
  "indicators.chart.judged": "Figure judged ({window})",
  "indicators.chart.monthly": "The month's value",
  "indicators.chart.window.this_period": "last three months",
  "indicators.chart.window.year_to_date": "year to date",
  "indicators.chart.window.year": "last 12 months",
  "indicators.chart.judgedIntro":
    "Each point is the figure the scorecard judges ({window}) with data up to that month, coloured as in the scorecard.",
  "indicators.chart.monthlyNotShown":
    "The month's value is not drawn: the target applies to the sum over several months, not to one month.",
  "indicators.chart.latestJudged": "The latest figure judged is {value} ({span}).",
  "indicators.monthly.judged": "Figure judged ({unit})",
  "indicators.monthly.judgedSpan": "Months judged",
};
