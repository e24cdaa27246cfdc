// New words of the scorecard and the indicator page (issue 11): the judged figure and its window,
// the period the scorecard opens on, published scorecards in the browser, the judged chart. Spread
// into nb.ts (and, in English, scorecard.en.ts into en.ts).

export const scorecardNb = {
  "scorecard.column.judged": "Vurdert tall",
  "scorecard.showCalculationShort": "Vis",
  "scorecard.judged.this_period": "Denne perioden {span}",
  "scorecard.judged.year_to_date": "Hittil i år {span}",
  "scorecard.judged.rolling_year": "Siste 12 mnd {span}",
  "scorecard.judged.calendar_year": "Året {year}",
  "scorecard.opening.latest": "Viser {period}, siste periode med data.",
  "scorecard.opening.none": "Enheten har ingen tall ennå. Viser {period}.",
  "scorecard.opening.showLatest": "Vis {period}, siste periode med data",
  "scorecard.publish.noData": "Målekortet for {period} har ingen tall, så det kan ikke publiseres.",
  "scorecard.publishedPage.title": "Publisert målekort",
  "scorecard.publishedPage.heading": "{unit}, {period}",
  "scorecard.publishedPage.meta": "Publisert av {by}. Tallene er tatt ut {at} og endres ikke.",
  "scorecard.publishedPage.back": "Tilbake til målekortet",
  "scorecard.publishedPage.changed":
    "Regnet ut i dag ville {count, plural, one {# indikator} other {# indikatorer}} fått andre tall.",
  "scorecard.publishedPage.unchanged": "Tallene er de samme om målekortet regnes ut i dag.",
  "indicators.chart.judged": "Vurdert tall ({window})",
  "indicators.chart.monthly": "Månedens verdi",
  "indicators.chart.window.this_period": "tre siste måneder",
  "indicators.chart.window.year_to_date": "hittil i år",
  "indicators.chart.window.year": "siste 12 måneder",
  "indicators.chart.judgedIntro":
    "Hvert punkt er tallet målekortet vurderer ({window}) med tall til og med måneden, farget som i målekortet.",
  "indicators.chart.monthlyNotShown":
    "Månedens verdi er ikke tegnet inn: målkravet gjelder summen over flere måneder, ikke én måned.",
  "indicators.chart.latestJudged": "Siste vurderte tall er {value} ({span}).",
  "indicators.monthly.judged": "Vurdert tall ({unit})",
  "indicators.monthly.judgedSpan": "Vurdert periode",
} as const;
