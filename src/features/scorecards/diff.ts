// What changed between a published scorecard and the same scorecard computed now.

import type { ScorecardDiffView, ScorecardRowView, ScorecardView, WindowView } from "./schema.ts";

type IndicatorChange = ScorecardDiffView["indicators"][number];

const sums = (window: WindowView) =>
  window.denominatorSum === null
    ? String(window.numeratorSum)
    : `${window.numeratorSum}/${window.denominatorSum}`;

/**
 * What a reader of the published scorecard would see differently today: the figures shown, the
 * colours, the target, and the sums behind this period's figure (which can move while the rounded
 * figure stays the same).
 */
const comparedFields: { field: string; pick: (row: ScorecardRowView) => string | null }[] = [
  { field: "thisPeriod", pick: (row) => row.thisPeriod.displayedValue },
  { field: "thisPeriod.sums", pick: (row) => sums(row.thisPeriod) },
  { field: "yearToDate", pick: (row) => row.yearToDate.displayedValue },
  { field: "lastYearToDate", pick: (row) => row.lastYearToDate.displayedValue },
  { field: "attainment", pick: (row) => row.attainment.colour },
  { field: "trend", pick: (row) => row.trend.colour },
  { field: "target", pick: (row) => (row.target ? JSON.stringify(row.target.rule) : null) },
];

export function diffScorecards(published: ScorecardView, now: ScorecardView): ScorecardDiffView {
  const before = new Map(published.rows.map((row) => [row.indicator.code, row]));
  const after = new Map(now.rows.map((row) => [row.indicator.code, row]));
  const indicators: IndicatorChange[] = [];
  let unchanged = 0;

  for (const [code, old] of before) {
    const current = after.get(code);
    if (!current) {
      indicators.push({ code, name: old.indicator.nameNb, status: "removed", fields: [] });
      continue;
    }
    const fields = comparedFields
      .map(({ field, pick }) => ({ field, before: pick(old), after: pick(current) }))
      .filter((change) => change.before !== change.after);
    if (fields.length === 0) unchanged++;
    else indicators.push({ code, name: current.indicator.nameNb, status: "changed", fields });
  }
  for (const [code, current] of after) {
    if (!before.has(code))
      indicators.push({ code, name: current.indicator.nameNb, status: "added", fields: [] });
  }
  return { comparedAt: now.extractedAt, changed: indicators.length, unchanged, indicators };
}
