// Risk overviews as Excel workbooks, in bokmål like the round matrix workbook: Tabell 3 (the
// overall assessments of two periods and the change), and a round's goals × units grid with a
// sheet counting assessments per level (the heat map in numbers). Every coloured cell also says
// its level in words, so the sheet reads the same in print and with a screen reader.

import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import {
  countByLevel,
  type MatrixScale,
  matrixCounts,
  type RiskChange,
  type RiskLevelColour,
  type RiskScale,
} from "../../domain/risk.ts";
import { periodWords } from "../reporting/matrixExport.ts";
import { xlsxContentType } from "../scorecards/excel.ts";
import type { RiskAssessmentView, RiskTableView, RoundRiskView } from "./schema.ts";

const fills: Record<RiskLevelColour, string> = {
  green: "FFB7E1CD",
  yellow: "FFFCE8B2",
  orange: "FFFAD7A0",
  red: "FFF4C7C3",
  dark_red: "FFE6A0A0",
  blue: "FFC6DBF0",
  grey: "FFE0E0E0",
};
const headerFill = "FFDCE6F0";

export const changeWords: Record<RiskChange, string> = {
  new: "Ny",
  improved: "Forbedret",
  unchanged: "Uendret",
  worsened: "Forverret",
  not_assessed: "Ikke vurdert",
};

const stateWords = { draft: "utkast", submitted: "sendt inn", approved: "godkjent" } as const;

const levelLabel = (scale: RiskScale, key: string | null) =>
  key === null ? "Ikke vurdert" : (scale.levels.find((level) => level.key === key)?.label.nb ?? key);

function colour(cell: ExcelJS.Cell, scale: RiskScale, key: string | null) {
  const level = scale.levels.find((l) => l.key === key);
  if (level) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fills[level.colour] } };
}

function header(sheet: ExcelJS.Worksheet, rowNumber: number, values: string[]) {
  const row = sheet.getRow(rowNumber);
  row.values = values;
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "top" };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: headerFill } };
  });
}

function definitions(workbook: ExcelJS.Workbook, scale: RiskScale) {
  const sheet = workbook.addWorksheet("Forklaring");
  sheet.columns = [{ width: 16 }, { width: 100 }];
  sheet.addRow(["Risikonivåer"]).font = { bold: true, size: 13 };
  for (const level of scale.levels) {
    const row = sheet.addRow([level.label.nb, level.definition.nb]);
    row.alignment = { wrapText: true, vertical: "top" };
    colour(row.getCell(1), scale, level.key);
  }
  sheet.addRow([]);
  sheet.addRow([
    "Endring",
    "Forbedret: lavere risiko enn i perioden før. Forverret: høyere risiko. Ny: ikke vurdert i perioden før.",
  ]).alignment = { wrapText: true };
}

export async function riskTableWorkbook(view: RiskTableView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tertial";
  const sheet = workbook.addWorksheet("Tabell 3", {
    views: [{ state: "frozen", ySplit: 4 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell("A1").value =
    `Risikovurdering, utvikling fra ${periodWords(view.from)} til ${periodWords(view.to)}`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value =
    `${view.issuer.name}, ${view.title}. ${view.counts.improved} forbedret, ${view.counts.unchanged} uendret, ` +
    `${view.counts.worsened} forverret.`;
  sheet.columns = [{ width: 34 }, { width: 70 }, { width: 20 }, { width: 20 }, { width: 14 }, { width: 14 }];
  header(sheet, 4, [
    "Område",
    "Mål",
    `Helhetlig vurdering ${periodWords(view.from)}`,
    `Helhetlig vurdering ${periodWords(view.to)}`,
    "Endring",
    "Godkjent",
  ]);
  for (const row of view.rows) {
    const added = sheet.addRow([
      row.area ?? "",
      row.goal,
      levelLabel(view.scale, row.fromLevel),
      levelLabel(view.scale, row.toLevel),
      changeWords[row.change],
      row.approved ? "Ja" : "Nei",
    ]);
    added.alignment = { wrapText: true, vertical: "top" };
    colour(added.getCell(3), view.scale, row.fromLevel);
    colour(added.getCell(4), view.scale, row.toLevel);
  }
  definitions(workbook, view.scale);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cellText = (scale: RiskScale, assessment: RiskAssessmentView | undefined) =>
  assessment
    ? `${levelLabel(scale, assessment.level)} – ${stateWords[assessment.state]}${assessment.carriedForward ? " (ført videre)" : ""}`
    : "Gjelder ikke";

/** The heat map of a matrix: the units' assessments per likelihood (most likely first) and consequence. */
function matrixSheet(workbook: ExcelJS.Workbook, scale: MatrixScale, view: RoundRiskView) {
  const sheet = workbook.addWorksheet("Varmekart");
  sheet.columns = [{ width: 24 }, ...scale.consequences.map(() => ({ width: 18 }))];
  sheet.getCell("A1").value = "Enhetenes vurderinger per sannsynlighet (rader) og konsekvens (kolonner)";
  sheet.getCell("A1").font = { bold: true };
  header(sheet, 3, ["Sannsynlighet", ...scale.consequences.map((c) => c.nb)]);
  const counts = matrixCounts(
    scale,
    view.goals.flatMap((goal) => goal.units),
  );
  for (let likelihood = scale.likelihoods.length; likelihood >= 1; likelihood--) {
    const row = sheet.addRow([
      scale.likelihoods[likelihood - 1]?.nb ?? "",
      ...scale.consequences.map((_, index) => {
        const key = scale.cells[likelihood - 1]?.[index] ?? null;
        return `${counts[likelihood - 1]?.[index] ?? 0} (${levelLabel(scale, key)})`;
      }),
    ]);
    for (const index of scale.consequences.keys()) {
      colour(row.getCell(2 + index), scale, scale.cells[likelihood - 1]?.[index] ?? null);
    }
  }
}

export async function roundRiskWorkbook(view: RoundRiskView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tertial";
  const units = [
    ...new Map(view.goals.flatMap((goal) => goal.units.map((a) => [a.unit.id, a.unit] as const))).values(),
  ];
  const sheet = workbook.addWorksheet("Mål og enheter", {
    views: [{ state: "frozen", ySplit: 4, xSplit: 2 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell("A1").value = `Risikovurdering per mål og enhet – ${periodWords(view.period)}`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = `Helhetlig vurdering av ${view.issuer.name} i egen kolonne.`;
  sheet.columns = [{ width: 28 }, { width: 56 }, { width: 24 }, ...units.map(() => ({ width: 20 }))];
  header(sheet, 4, [
    "Område",
    "Mål",
    `Helhetlig – ${view.issuer.name}`,
    ...units.map((u) => `${u.name} (${u.code})`),
  ]);
  for (const goal of view.goals) {
    const byUnit = new Map(goal.units.map((a) => [a.unit.id, a]));
    const added = sheet.addRow([
      goal.area ?? "",
      goal.requirement.text,
      cellText(view.scale, goal.overall ?? undefined),
      ...units.map((unit) => cellText(view.scale, byUnit.get(unit.id))),
    ]);
    added.alignment = { wrapText: true, vertical: "top" };
    colour(added.getCell(3), view.scale, goal.overall?.level ?? null);
    for (const [index, unit] of units.entries()) {
      colour(added.getCell(4 + index), view.scale, byUnit.get(unit.id)?.level ?? null);
    }
  }
  const counts = workbook.addWorksheet("Antall per nivå");
  counts.columns = [{ width: 56 }, ...view.scale.levels.map(() => ({ width: 14 })), { width: 14 }];
  header(counts, 1, ["Mål", ...view.scale.levels.map((level) => level.label.nb), "Ikke vurdert"]);
  for (const goal of view.goals) {
    const levels = goal.units.map((a) => a.level);
    const row = counts.addRow([
      goal.requirement.text,
      ...countByLevel(view.scale, levels).map((c) => c.count),
      levels.filter((level) => level === null).length,
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    for (const [index, level] of view.scale.levels.entries())
      colour(row.getCell(2 + index), view.scale, level.key);
  }
  const all = view.goals.flatMap((goal) => goal.units.map((a) => a.level));
  counts.addRow([
    "I alt",
    ...countByLevel(view.scale, all).map((c) => c.count),
    all.filter((level) => level === null).length,
  ]).font = { bold: true };
  if (view.scale.kind === "matrix") matrixSheet(workbook, view.scale, view);
  definitions(workbook, view.scale);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a workbook as a download, with an ASCII file name and the UTF-8 one. */
export function sendWorkbook(reply: FastifyReply, fileName: string, workbook: Buffer) {
  const safe = fileName.replace(/[^\p{L}\p{N}_.-]+/gu, "_");
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_");
  return reply
    .type(xlsxContentType)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`,
    )
    .send(workbook);
}
