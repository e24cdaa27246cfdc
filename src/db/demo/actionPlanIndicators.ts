// The measurable key indicators of seed 004's action plan (D1-I1, D2-I1, D3-I1, D4-I2, D4-I3) as
// catalogue indicators owned by Helse Sør-Øst RHF, with the plan's yearly targets as yearly steps,
// and monthly values 2009-2012 for the RHF. The seed prints targets, not results: the values are
// generated (a seeded generator, so they are the same on every load), as the scorecard demo's are,
// and the data source says so. Owned by HSO, they stay off Helse Nord's scorecards.

import type { Caller } from "../../caller.ts";
import { formatMonth, monthKey, monthRange } from "../../domain/periods.ts";
import type { ComparatorTarget, TargetRule } from "../../domain/targets.ts";
import { createIndicator } from "../../features/indicators/service.ts";
import { createTarget } from "../../features/indicators/targets.ts";
import { importMeasurements } from "../../features/measurements/import.ts";
import type { RowValues } from "../../features/measurements/rows.ts";
import { rowsSource } from "../../features/measurements/sources.ts";
import type { Db } from "../client.ts";

type When = { year: number; month: number };

type PlanIndicator = {
  /** The key indicator in seed 004 (action_plan.json) this one measures. */
  keyIndicator: string;
  code: string;
  nameNb: string;
  nameEn: string;
  definition: string;
  unitLabel: string;
  valueKind: "ratio" | "count";
  evaluationBasis: "year_to_date" | "year";
  steps: Record<string, ComparatorTarget>;
  /** A ratio's monthly denominator (MNOK) and share; a count's expected number a month. */
  volume?: (when: When) => number;
  level: (when: When) => number;
};

const GENERATED = "Helse Sør-Øst RHF (genererte demoverdier)";
const FIRST_MONTH = monthKey(2009, 1);
const LAST_MONTH = monthKey(2012, 12);

const fromTo = (from: number, to: number, step: ComparatorTarget) =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), step]));
/** Months since January 2009, to let a share climb through the plan period. */
const sinceStart = (w: When) => (w.year - 2009) * 12 + (w.month - 1);
// Purchasing dips in the summer holidays and at Christmas.
const season = (w: When) => ({ 7: 0.7, 8: 0.9, 12: 0.85 })[w.month] ?? 1;

export const planIndicators: PlanIndicator[] = [
  {
    keyIndicator: "D1-I1",
    code: "HSO-AVTALEDEKNING",
    nameNb: "Avtaledekning – andel av innkjøpt volum i kr",
    nameEn: "Contract coverage – share of purchased volume (NOK)",
    definition:
      "Innkjøpt volum i kr på avtale / totalt innkjøpt volum i kr (handlingsplan 2009-2012, D1-I1).",
    unitLabel: "%",
    valueKind: "ratio",
    evaluationBasis: "year_to_date",
    // "en avtaledekning på 80 %", no year given: the same step every year of the plan.
    steps: fromTo(2009, 2012, { comparator: "gte", value: 80 }),
    volume: (w) => 1100 * season(w),
    level: (w) => Math.min(0.86, 0.68 + 0.0033 * sinceStart(w)),
  },
  {
    keyIndicator: "D2-I1",
    code: "HSO-EHANDEL",
    nameNb: "Volum gjennom innkjøpssystem mot leverandørreskontro",
    nameEn: "Volume through the e-procurement system against accounts payable",
    definition:
      "Volum i kr gjennom innkjøpssystem / volum i kr gjennom leverandørreskontro (handlingsplan 2009-2012, D2-I1).",
    unitLabel: "%",
    valueKind: "ratio",
    evaluationBasis: "year_to_date",
    // Volummål 2009: 50 %, 2010: 70 %, 2011: > 80 %, 2012: > 90 % (seed 004 l. 152, 414-421).
    steps: {
      "2009": { comparator: "gte", value: 50 },
      "2010": { comparator: "gte", value: 70 },
      "2011": { comparator: "gt", value: 80 },
      "2012": { comparator: "gt", value: 90 },
    },
    volume: (w) => 950 * season(w),
    // Below the step early in each year, past it by the autumn: each year's met, save 2012's 90 %.
    level: (w) => {
      const start = { 2009: 0.45, 2010: 0.63, 2011: 0.76, 2012: 0.85 }[w.year] ?? 0.85;
      const end = { 2009: 0.6, 2010: 0.8, 2011: 0.88, 2012: 0.93 }[w.year] ?? 0.93;
      return start + ((end - start) * (w.month - 1)) / 11;
    },
  },
  {
    keyIndicator: "D3-I1",
    code: "HSO-FORSYNING",
    nameNb: "Forsyningssenterets andel av volumet i varekategoriene det tilbyr",
    nameEn: "The supply centre's share of the volume in the categories it offers",
    definition:
      "Volum i kr levert fra Forsyningssenteret / samlet volum i kr i varekategoriene Forsyningssenteret tilbyr (handlingsplan 2009-2012, D3-I1).",
    unitLabel: "%",
    valueKind: "ratio",
    evaluationBasis: "year_to_date",
    steps: fromTo(2009, 2012, { comparator: "gt", value: 80 }),
    volume: (w) => 180 * season(w),
    level: (w) => Math.min(0.88, 0.64 + 0.0045 * sinceStart(w)),
  },
  {
    keyIndicator: "D4-I2",
    code: "HSO-MILJOREV",
    nameNb: "Miljørevisjoner hos leverandører",
    nameEn: "Environmental audits of suppliers",
    definition:
      "Antall gjennomførte miljørevisjoner hos leverandører i året (handlingsplan 2009-2012, D4-I2).",
    unitLabel: "revisjoner",
    valueKind: "count",
    evaluationBasis: "year",
    // "10 miljørevisjoner hos leverandører årlig fom. 2010" (l. 227); the table's later years read "> ??".
    steps: fromTo(2010, 2012, { comparator: "gte", value: 10 }),
    level: (w) => (w.year === 2009 ? 0.1 : w.year === 2010 ? 1 : 1.1),
  },
  {
    keyIndicator: "D4-I3",
    code: "HSO-ETISKREV",
    nameNb: "Revisjoner av etisk handel hos leverandører",
    nameEn: "Ethical trade audits of suppliers",
    definition:
      "Antall gjennomførte revisjoner av etisk handel hos leverandører i året (handlingsplan 2009-2012, D4-I3).",
    unitLabel: "revisjoner",
    valueKind: "count",
    evaluationBasis: "year",
    steps: fromTo(2010, 2012, { comparator: "gte", value: 10 }),
    // The routines for ethical trade came later than those for the environment (l. 620-630).
    level: (w) => (w.year === 2009 ? 0 : w.year === 2010 ? 0.7 : 1),
  },
];

function randomFrom(text: string): () => number {
  let state = 2_166_136_261;
  for (let index = 0; index < text.length; index++)
    state = Math.imul(state ^ text.charCodeAt(index), 16_777_619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Every monthly value 2009-2012 of the plan's indicators for one unit (HSO). */
export function planMeasurementRows(unitCode: string): RowValues[] {
  return planIndicators.flatMap((indicator) => {
    const random = randomFrom(`${indicator.code}|${unitCode}`);
    // A count carries its fraction over, so a year's audits add up to its level times twelve.
    let carried = 0;
    return monthRange(FIRST_MONTH, LAST_MONTH).map((key) => {
      const year = Math.floor(key / 12);
      const when = { year, month: key - year * 12 + 1 };
      const base = { indicator: indicator.code, unit: unitCode, month: formatMonth(key) };
      if (indicator.valueKind === "count") {
        carried += indicator.level(when) * (0.6 + random() * 0.8);
        const whole = Math.floor(carried);
        carried -= whole;
        return { ...base, numerator: whole };
      }
      const denominator = Math.round((indicator.volume?.(when) ?? 0) * (0.92 + random() * 0.16) * 10) / 10;
      const share = Math.min(1, indicator.level(when) * (0.985 + random() * 0.03));
      return { ...base, numerator: Math.round(denominator * share * 10) / 10, denominator };
    });
  });
}

/** The plan's indicators, their yearly steps and HSO's monthly values: the catalogue id per key indicator. */
export async function loadPlanIndicators(db: Db, caller: Caller, ownerUnitId: number, unitCode: string) {
  const ids = new Map<string, number>();
  for (const indicator of planIndicators) {
    const created = await createIndicator(db, caller, {
      code: indicator.code,
      nameNb: indicator.nameNb,
      nameEn: indicator.nameEn,
      definition: indicator.definition,
      unitLabel: indicator.unitLabel,
      direction: "higher",
      valueKind: indicator.valueKind,
      scale: indicator.valueKind === "ratio" ? 100 : 1,
      decimals: indicator.valueKind === "ratio" ? 1 : 0,
      dataSource: GENERATED,
      lagMonths: 0,
      evaluationBasis: indicator.evaluationBasis,
      trendMode: "relative",
      ownerUnitId,
    });
    const rule: TargetRule = { kind: "yearly_steps", steps: indicator.steps };
    await createTarget(db, caller, created.id, {
      year: null,
      unitId: null,
      rule,
      note: "Handlingsplan innkjøp og logistikk 2009-2012",
    });
    ids.set(indicator.keyIndicator, created.id);
  }
  const report = await importMeasurements(db, caller, rowsSource(planMeasurementRows(unitCode), "demodata"), {
    dryRun: false,
  });
  return { ids, measurements: report.inserted };
}
