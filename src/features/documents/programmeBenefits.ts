// The benefits section of a status board case: the benefits plan (baseline, target, expected and
// realised to date, DFØ's gevinstrealisering) and the economic benefits summed against the
// investments and costs. A benefit that falls (fewer hours, lower cost) gains as it falls.

import { type BenefitToDate, benefitToDate } from "../../domain/benefits.ts";
import { costKinds } from "../../domain/programmeKinds.ts";
import type { TableNumbers } from "./buildTables.ts";
import type { Block } from "./model.ts";
import { paragraph, table } from "./programmeContent.ts";
import {
  benefitKindWords,
  costKindWords,
  kroner,
  longDate,
  percent,
  withMeasureUnit,
} from "./programmeLabels.ts";
import type { BenefitData, CostData } from "./programmeModel.ts";

interface Numbered {
  benefit: BenefitData;
  plan: { baselineValue: number; baselineDate: string; targetValue: number; targetDate: string };
  toDate: BenefitToDate;
}

function numbered(benefit: BenefitData, asOf: string): Numbered | null {
  if (benefit.kind === "qualitative" || benefit.baselineValue === null || benefit.targetValue === null)
    return null;
  const plan = {
    baselineValue: benefit.baselineValue,
    baselineDate: benefit.baselineDate,
    targetValue: benefit.targetValue,
    targetDate: benefit.targetDate,
  };
  return { benefit, plan, toDate: benefitToDate(plan, benefit.readings, asOf) };
}

function benefitRow(benefit: BenefitData, asOf: string): string[] {
  const value = numbered(benefit, asOf);
  const what = `${benefit.title} (${benefitKindWords[benefit.kind].toLowerCase()})`;
  if (!value) {
    return [
      what,
      benefit.ownerName,
      `${benefit.baselineText.trim() || "–"} (${longDate(benefit.baselineDate)})`,
      `${benefit.targetText.trim() || "–"} (${longDate(benefit.targetDate)})`,
      "Vurderes kvalitativt",
      "Vurderes kvalitativt",
    ];
  }
  const unit = benefit.measureUnit;
  const { toDate, plan } = value;
  const share = (s: number | null) => (s === null ? "" : ` (${percent(s)})`);
  const realised = toDate.realised
    ? `${withMeasureUnit(toDate.realised.value, unit)}${share(toDate.realisedShare)} målt ${longDate(toDate.realised.date)}${toDate.behindPlan ? ", bak plan" : ""}`
    : "Ingen måling ennå";
  return [
    what,
    benefit.ownerName,
    `${withMeasureUnit(plan.baselineValue, unit)} (${longDate(plan.baselineDate)})`,
    `${withMeasureUnit(plan.targetValue, unit)} (${longDate(plan.targetDate)})`,
    `${withMeasureUnit(toDate.expected, unit)}${share(toDate.expectedShare)}`,
    realised,
  ];
}

/** What an economic benefit gains, in kroner: the planned change times the share reached. */
function gains(values: Numbered[]) {
  let target = 0;
  let expected = 0;
  let realised = 0;
  for (const { plan, toDate } of values) {
    const planned = Math.abs(plan.targetValue - plan.baselineValue);
    target += planned;
    expected += planned * (toDate.expectedShare ?? 0);
    realised += planned * (toDate.realisedShare ?? 0);
  }
  return { target, expected, realised };
}

function costBlocks(costs: CostData[], tables: TableNumbers): Block[] {
  if (costs.length === 0) return [];
  const rows = costKinds.flatMap((kind) => {
    const of = costs.filter((cost) => cost.kind === kind);
    if (of.length === 0) return [];
    const planned = of.reduce((sum, cost) => sum + cost.plannedNok, 0);
    const actual = of.reduce((sum, cost) => sum + (cost.actualNok ?? 0), 0);
    const years = [...new Set(of.map((cost) => cost.year))].sort();
    const span = years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0]);
    const anyActual = of.some((cost) => cost.actualNok !== null);
    return [[costKindWords[kind], span, kroner(planned), anyActual ? kroner(actual) : "–"]];
  });
  const planned = costs.reduce((sum, cost) => sum + cost.plannedNok, 0);
  const actual = costs.reduce((sum, cost) => sum + (cost.actualNok ?? 0), 0);
  const anyActual = costs.some((cost) => cost.actualNok !== null);
  rows.push(["Sum", "", kroner(planned), anyActual ? kroner(actual) : "–"]);
  return [
    paragraph(`${tables.peek()} viser planlagte og påløpte kostnader og investeringer.`),
    table(tables, "Kostnader og investeringer", ["Kostnad", "År", "Planlagt", "Påløpt"], rows),
  ];
}

export function benefitBlocks(
  data: { benefits: BenefitData[]; costs: CostData[]; asOf: string },
  tables: TableNumbers,
): Block[] {
  if (data.benefits.length === 0 && data.costs.length === 0)
    return [paragraph("_Gevinstplanen er ikke lagt inn ennå._")];
  const blocks: Block[] = [];
  if (data.benefits.length > 0) {
    blocks.push(
      paragraph(
        `${tables.peek()} viser gevinstplanen: utgangspunkt og mål for hver gevinst, hva som var forventet realisert per ${longDate(data.asOf)}, og hva som er målt. Prosenten er andelen av den planlagte endringen.`,
      ),
      table(
        tables,
        "Gevinstplan",
        ["Gevinst", "Gevinsteier", "Utgangspunkt", "Mål", "Forventet per dato", "Realisert"],
        data.benefits.map((benefit) => benefitRow(benefit, data.asOf)),
      ),
    );
  }
  const economic = data.benefits.flatMap((benefit) => {
    const value = benefit.kind === "economic" ? numbered(benefit, data.asOf) : null;
    return value ? [value] : [];
  });
  const costs = costBlocks(data.costs, tables);
  const sentences: string[] = [];
  if (economic.length > 0) {
    const sum = gains(economic);
    // "NOK per år": the sums are per year too, when every economic benefit is measured so.
    const suffixes = new Set(
      economic.map(({ benefit }) => /^(NOK|kr)\b\s*(.*)$/i.exec(benefit.measureUnit.trim())?.[2] ?? ""),
    );
    const per = suffixes.size === 1 ? [...suffixes][0] : "";
    const sumOf = (value: number) => `${kroner(value)}${per ? ` ${per}` : ""}`;
    sentences.push(
      `De økonomiske gevinstene har et samlet mål på ${sumOf(sum.target)}. Per ${longDate(data.asOf)} var ${sumOf(sum.expected)} forventet realisert, og ${sumOf(sum.realised)} er realisert.`,
    );
  }
  const investment = data.costs
    .filter((cost) => cost.kind !== "running")
    .reduce((sum, cost) => sum + cost.plannedNok, 0);
  if (investment > 0 && economic.length > 0) {
    sentences.push(
      `Mot dette står planlagte investerings- og omstillingskostnader på ${kroner(investment)}.`,
    );
  }
  if (sentences.length > 0) blocks.push(paragraph(sentences.join(" ")));
  blocks.push(...costs);
  return blocks;
}
