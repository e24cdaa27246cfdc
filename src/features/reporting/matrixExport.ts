// The round matrix as an Excel workbook: requirements down, units across, the consolidated answer
// last, each answer's status and workflow state in words with a fill colour, so the sheet reads the
// same in print, in black and white and with a screen reader. Norwegian headings, like the
// scorecard workbook (src/features/scorecards/excel.ts).

import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import type { AnswerStatus } from "../../db/schema.ts";
import type { AnswerState } from "../../domain/workflow.ts";
import { xlsxContentType } from "../scorecards/excel.ts";
import type { MatrixCellView, RoundMatrixView } from "./schema.ts";

const statusWords: Record<AnswerStatus, string> = {
  not_started: "Ikke startet",
  fulfilled: "Innfridd",
  partly_fulfilled: "Delvis innfridd",
  not_fulfilled: "Ikke innfridd",
  not_relevant: "Ikke relevant",
};

const stateWords: Record<AnswerState, string> = {
  draft: "utkast",
  submitted: "sendt inn",
  approved: "godkjent",
};

// Light fills with black text, as in the scorecard workbook.
const statusFills: Record<AnswerStatus, string> = {
  fulfilled: "FFB7E1CD",
  partly_fulfilled: "FFFCE8B2",
  not_fulfilled: "FFF4C7C3",
  not_relevant: "FFE0E0E0",
  not_started: "FFE0E0E0",
};

const headerFill = "FFDCE6F0";
const chapterFill = "FFF0F0F0";

/** A cell's words: "Delvis innfridd – sendt inn", with "returnert" and "forsinket" when so. */
export function cellWords(cell: MatrixCellView): string {
  const flags = [cell.returned ? "returnert" : null, cell.overdue ? "forsinket" : null].filter(Boolean);
  const words = `${statusWords[cell.status]} – ${stateWords[cell.state]}`;
  return flags.length > 0 ? `${words} (${flags.join(", ")})` : words;
}

/** 2024-T1 as "1. tertial 2024", 2024 as "Årlig melding 2024". */
export function periodWords(period: string): string {
  const match = /^(\d{4})(?:-(T[12]))?$/.exec(period);
  if (!match) return period;
  const [, year, point] = match;
  if (point === "T1") return `1. tertial ${year}`;
  if (point === "T2") return `2. tertial ${year}`;
  return `Årlig melding ${year}`;
}

const norwegianDate = (iso: string) => {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}.${month}.${year}`;
};

const headerRowNumber = 4;

function addMatrixSheet(workbook: ExcelJS.Workbook, view: RoundMatrixView) {
  const sheet = workbook.addWorksheet("Svar per krav", {
    views: [{ state: "frozen", ySplit: headerRowNumber, xSplit: 2 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const { round } = view;
  sheet.getCell("A1").value =
    `Svar per krav og enhet – ${round.document.title}, ${periodWords(round.period)}`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value =
    `Utstedt av ${round.document.issuingUnit.name}. Frist ${norwegianDate(round.deadline)}. ` +
    `Runden er ${round.state === "open" ? "åpen" : "lukket"}. Forsinkelse regnet per ${norwegianDate(view.asOf)}.`;

  const unitColumns = view.units.map((unit) => ({
    key: `unit-${unit.id}`,
    header: unit.consolidated ? `Samlet svar – ${unit.name} (${unit.code})` : `${unit.name} (${unit.code})`,
    width: unit.consolidated ? 30 : 24,
  }));
  sheet.columns = [
    { key: "number", width: 10 },
    { key: "requirement", width: 60 },
    ...unitColumns.map(({ key, width }) => ({ key, width })),
  ];
  const header = sheet.getRow(headerRowNumber);
  header.values = ["Krav nr.", "Krav", ...unitColumns.map((column) => column.header)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: headerFill } };
  });

  const chapters = [
    ...view.chapters.map((chapter) => ({ id: chapter.id as number | null, title: chapter.title })),
    { id: null, title: "Uten kapittel" },
  ];
  const columnCount = 2 + view.units.length;
  for (const chapter of chapters) {
    const rows = view.rows.filter((row) => row.requirement.chapterId === chapter.id);
    if (rows.length === 0) continue;
    const chapterRow = sheet.addRow([chapter.title]);
    chapterRow.font = { bold: true };
    for (let column = 1; column <= columnCount; column++) {
      chapterRow.getCell(column).fill = { type: "pattern", pattern: "solid", fgColor: { argb: chapterFill } };
    }
    for (const row of rows) {
      const added = sheet.addRow({
        number: row.requirement.number,
        requirement: row.requirement.text,
        ...Object.fromEntries(
          view.units.map((unit) => {
            const cell = row.cells[String(unit.id)];
            return [`unit-${unit.id}`, cell ? cellWords(cell) : "Gjelder ikke"];
          }),
        ),
      });
      added.alignment = { vertical: "top", wrapText: true };
      for (const unit of view.units) {
        const cell = row.cells[String(unit.id)];
        if (!cell) continue;
        added.getCell(`unit-${unit.id}`).fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: statusFills[cell.status] },
        };
        if (unit.consolidated) added.getCell(`unit-${unit.id}`).font = { bold: true };
      }
    }
  }
}

const legend = [
  "Forklaring",
  "Hver celle viser svarets måloppnåelse og hvor svaret er i arbeidsflyten.",
  "Grønn: innfridd. Gul: delvis innfridd. Rød: ikke innfridd. Grå: ikke startet eller ikke relevant.",
  "Utkast: svaret skrives og er ikke sendt inn. Sendt inn: venter på godkjenning. Godkjent: godkjent av enheten.",
  "Returnert: sendt tilbake med kommentar. Forsinket: fristen er passert og svaret er ikke godkjent.",
  "Gjelder ikke: kravet gjelder ikke enheten i denne runden.",
  "Kolonnen «Samlet svar» er den utstedende enhetens sammenstilling av enhetenes svar.",
  "Kravteksten er forkortet til de første 200 tegnene.",
];

/** The workbook: the matrix and a sheet explaining it. */
export async function roundMatrixWorkbook(view: RoundMatrixView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tertial";
  workbook.created = new Date(`${view.asOf}T12:00:00Z`);
  addMatrixSheet(workbook, view);
  const sheet = workbook.addWorksheet("Forklaring");
  sheet.columns = [{ width: 110 }];
  legend.forEach((line, index) => {
    const row = sheet.addRow([line]);
    row.alignment = { wrapText: true };
    if (index === 0) row.font = { bold: true, size: 13 };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function roundMatrixFileName(view: RoundMatrixView): string {
  const safe = `${view.round.document.title}-${view.round.period}`.replace(/[^\p{L}\p{N}_.-]+/gu, "_");
  return `svar-per-krav-${safe}.xlsx`;
}

/** Sends the workbook as a download, with an ASCII file name and the UTF-8 one. */
export async function sendRoundMatrixWorkbook(reply: FastifyReply, view: RoundMatrixView) {
  const fileName = roundMatrixFileName(view);
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replaceAll('"', "_");
  return reply
    .type(xlsxContentType)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(await roundMatrixWorkbook(view));
}
