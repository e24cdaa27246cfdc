// The scorecard as an Excel workbook for board secretariats: Norwegian headings, the figures as
// numbers, and every colour also written out in words, so the sheet reads the same in print,
// in black and white and with a screen reader.

import ExcelJS from "exceljs";
import type { SummaryTable } from "../../domain/scorecard.ts";
import { summaryTable } from "../../domain/scorecard.ts";
import type { AttainmentColour, AttainmentReason } from "../../domain/targets.ts";
import type { TrendColour } from "../../domain/trend.ts";
import { finiteOrNull } from "../../domain/values.ts";
import { describeRule, type ScorecardRowView, type ScorecardView, type WindowView } from "./present.ts";

export const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Colour = AttainmentColour | TrendColour;

// Light fills with black text: readable on screen and in print.
const fills: Record<Colour, string> = {
  green: "FFB7E1CD",
  yellow: "FFFCE8B2",
  red: "FFF4C7C3",
  grey: "FFE0E0E0",
};

const attainmentWords: Record<AttainmentColour, string> = {
  green: "Grønn – mål nådd",
  yellow: "Gul – delvis nådd",
  red: "Rød – mål ikke nådd",
  grey: "Grå – ikke vurdert",
};

const greyReasons: Partial<Record<AttainmentReason, string>> = {
  no_data: "Grå – ingen data",
  too_few: "Grå – for få tilfeller",
  no_target: "Grå – mangler målkrav",
  no_step_for_year: "Grå – mangler målkrav for året",
  before_baseline_year: "Grå – før basisåret",
  no_baseline: "Grå – mangler tall for basisåret",
  no_last_year_value: "Grå – mangler tall for i fjor",
  out_of_range: "Grå – målkravet blir for stort å regne ut",
};

const trendWords: Record<TrendColour, string> = {
  green: "Grønn – positiv trend",
  yellow: "Gul – stabil",
  red: "Rød – negativ trend",
  grey: "Grå – ingen trend",
};

const basisWords: Record<ScorecardRowView["evaluationBasis"], string> = {
  this_period: "denne perioden",
  year_to_date: "hittil i år",
  year: "siste 12 måneder",
};

const osloTime = new Intl.DateTimeFormat("nb-NO", {
  timeZone: "Europe/Oslo",
  dateStyle: "short",
  timeStyle: "short",
});

function numberFormat(decimals: number): string {
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

function fill(cell: ExcelJS.Cell, colour: Colour) {
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fills[colour] } };
}

/** A window's figure: the rounded number when there is one, else why not, in words. */
function figure(window: WindowView): ExcelJS.CellValue {
  if (window.state === "value") return window.roundedValue;
  if (window.state === "too_few") return window.displayedValue;
  return "ingen data";
}

const headings = [
  { header: "Kode", key: "code", width: 12 },
  { header: "Indikator", key: "name", width: 48 },
  { header: "Enhet", key: "unitLabel", width: 10 },
  { header: "Siste måned", key: "lastMonth", width: 12 },
  { header: "Denne perioden", key: "thisPeriod", width: 15 },
  { header: "Hittil i år", key: "yearToDate", width: 13 },
  { header: "Hittil i fjor", key: "lastYearToDate", width: 13 },
  { header: "Målkrav", key: "target", width: 28 },
  { header: "Vurdert på", key: "basis", width: 16 },
  { header: "Vurdert verdi", key: "evaluated", width: 13 },
  { header: "Måloppnåelse", key: "attainment", width: 26 },
  { header: "Trend", key: "trend", width: 24 },
  { header: "Endring mot i fjor", key: "change", width: 16 },
  { header: "Teller denne perioden", key: "numerator", width: 18 },
  { header: "Nevner denne perioden", key: "denominator", width: 18 },
  { header: "Datakilde", key: "dataSource", width: 22 },
  { header: "Forklaring", key: "explanation", width: 80 },
];

function addScorecardSheet(workbook: ExcelJS.Workbook, view: ScorecardView) {
  const sheet = workbook.addWorksheet("Målekort", { views: [{ state: "frozen", ySplit: 5, xSplit: 2 }] });
  sheet.getCell("A1").value = `Målekort – ${view.unit.name}`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = `Periode: ${view.periodLabel} (${view.period})`;
  sheet.getCell("A3").value = `Uttrekk: ${osloTime.format(new Date(view.extractedAt))}`;
  const green = view.summary.attainment.green;
  sheet.getCell("A4").value = `Måloppnåelse: ${green.formatted} indikatorer har nådd målet.`;

  sheet.columns = headings.map(({ key, width }) => ({ key, width }));
  const headerRow = sheet.getRow(5);
  headerRow.values = headings.map((heading) => heading.header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: "top" };

  for (const row of view.rows) {
    const attainmentText =
      row.attainment.colour === "grey"
        ? (greyReasons[row.attainment.reason] ?? attainmentWords.grey)
        : attainmentWords[row.attainment.colour];
    const added = sheet.addRow({
      code: row.indicator.code,
      name: row.indicator.nameNb,
      unitLabel: row.indicator.unitLabel,
      lastMonth: row.lastMonth,
      thisPeriod: figure(row.thisPeriod),
      yearToDate: figure(row.yearToDate),
      lastYearToDate: figure(row.lastYearToDate),
      target: row.target ? describeRule(row.target.rule) : "ingen målkrav",
      basis: basisWords[row.evaluationBasis],
      evaluated: figure(row.evaluated),
      attainment: attainmentText,
      trend: trendWords[row.trend.colour],
      change: row.trend.change,
      // Sums of figures stored before they were bounded can be Infinity, which a cell cannot hold.
      numerator: finiteOrNull(row.thisPeriod.numeratorSum),
      denominator: finiteOrNull(row.thisPeriod.denominatorSum),
      dataSource: row.indicator.dataSource ?? "",
      explanation: row.explanation,
    });
    for (const key of ["thisPeriod", "yearToDate", "lastYearToDate", "evaluated"]) {
      added.getCell(key).numFmt = numberFormat(row.indicator.decimals);
      added.getCell(key).alignment = { horizontal: "right" };
    }
    added.getCell("change").numFmt =
      row.trend.mode === "relative" ? "+0.0 %;-0.0 %;0.0 %" : '+0.0" p.p.";-0.0" p.p."';
    fill(added.getCell("attainment"), row.attainment.colour);
    fill(added.getCell("trend"), row.trend.colour);
    added.alignment = { vertical: "top", wrapText: true };
  }
  sheet.autoFilter = {
    from: { row: 5, column: 1 },
    to: { row: 5 + view.rows.length, column: headings.length },
  };
}

function addSummaryTable(sheet: ExcelJS.Worksheet, title: string, table: SummaryTable) {
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true };
  const header = sheet.addRow(["", ...table.columns.map((column) => column.label)]);
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow([row.label, ...row.cells.map((cell) => cell.formatted)]);
    fill(added.getCell(1), row.colour);
  }
  sheet.addRow([]);
}

function addSummarySheet(
  workbook: ExcelJS.Workbook,
  tables: { attainment: SummaryTable; trend: SummaryTable },
) {
  const sheet = workbook.addWorksheet("Sammendrag");
  sheet.columns = [{ width: 28 }, { width: 18 }, { width: 18 }, { width: 18 }];
  addSummaryTable(sheet, "Tabell 1 Måloppnåelse", tables.attainment);
  addSummaryTable(sheet, "Tabell 2 Trend", tables.trend);
}

const readingGuide = [
  "Leseveiledning for målekort",
  "Denne perioden viser resultat for siste tre måneder i angitt periode (T1: januar–april gir februar–april).",
  "Hittil i år og Hittil i fjor viser resultat fra 1. januar til angitt periode, i år og året før.",
  "Indikatorer med rapporteringsforsinkelse (f.eks. sykefravær, 2 måneder) bruker siste tilgjengelige måned.",
  "Andeler og gjennomsnitt beregnes som sum teller / sum nevner over måneder og enheter, aldri som snitt av prosenter.",
  "Måloppnåelse: grønn når målet er nådd, rød når det ikke er nådd; med to grenser gul mellom dem. Grå betyr ingen data eller ikke vurdert – aldri rødt.",
  "Fargen avgjøres på tallet slik det vises, avrundet til indikatorens desimaler.",
  "Trend sammenligner denne perioden med samme tre måneder året før: forbedring på 2 % eller mer er grønn, forverring på 2 % eller mer er rød, ellers gul.",
  "For få tilfeller vises som <N og gir verken farge eller trend.",
  "Et publisert målekort er et øyeblikksbilde fra uttrekkstidspunktet; senere dataendringer endrer det ikke.",
];

function addReadingGuide(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet("Leseveiledning");
  sheet.columns = [{ width: 120 }];
  readingGuide.forEach((line, index) => {
    const row = sheet.addRow([line]);
    row.alignment = { wrapText: true };
    if (index === 0) row.font = { bold: true, size: 13 };
  });
}

/**
 * The workbook: the scorecard, Tabell 1 and 2 (the columns given, or just this scorecard's), and
 * the reading guide.
 */
export async function scorecardWorkbook(
  view: ScorecardView,
  tables?: { attainment: SummaryTable; trend: SummaryTable },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tertial";
  workbook.created = new Date(view.extractedAt);
  addScorecardSheet(workbook, view);
  addSummarySheet(workbook, tables ?? summaryTable([{ period: view.period, rows: view.rows }]));
  addReadingGuide(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function scorecardFileName(view: ScorecardView): string {
  const safe = `${view.unit.code}-${view.period}`.replace(/[^\p{L}\p{N}_.-]+/gu, "_");
  return `malekort-${safe}.xlsx`;
}
