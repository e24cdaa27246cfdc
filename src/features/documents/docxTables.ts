// Tables in the Word file: a fixed layout with explicit column widths, so that LibreOffice and Word
// both keep every word whole (no column narrower than its longest word), a smaller font than the
// text, a header row that repeats on every page, and status cells filled with their colour (the
// status is always in words in the cell too).

import {
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { CellTone, TableBlock } from "./model.ts";

/** The text width of an A4 page with 2 cm side margins, in twips. */
export const pageMargin = 1134;
export const textWidth = 11906 - 2 * pageMargin;

/** 9 pt in tables, 11 pt in the text; 8 pt in a compact table. */
export const tableFontSize = 18;
export const compactTableFontSize = 16;

/** Light fills that black text reads well on: the status colours of a traffic-light table. */
export const toneFills: Record<CellTone, string> = {
  green: "C6EFCE",
  yellow: "FFEB9C",
  red: "FFC7CE",
  grey: "E7E6E6",
};

const headerFill = "D9E2F3";
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const cellMargins = { top: 40, bottom: 40, left: 85, right: 85 };

/**
 * Column widths in twips from relative weights; without weights, the first column (names) gets a
 * third and the rest share the remainder.
 */
export function columnWidths(count: number, weights?: readonly number[]): number[] {
  if (count <= 0) return [];
  let relative: number[];
  if (weights && weights.length === count) relative = [...weights];
  else if (count < 3) relative = Array.from({ length: count }, () => 1);
  else relative = [(count - 1) * 0.515, ...Array.from({ length: count - 1 }, () => 1)];
  const sum = relative.reduce((total, each) => total + each, 0);
  const widths = relative.map((each) => Math.floor((textWidth * each) / sum));
  // The rounding remainder goes to the first column, so the table is exactly the text width.
  widths[0] = (widths[0] ?? 0) + textWidth - widths.reduce((total, each) => total + each, 0);
  return widths;
}

/** Spaces that must not break: after a comparator ("≤ 4") and before a unit ("4 %"). */
export function keepTogether(text: string): string {
  return text.replace(/([≤≥<>]) (?=[\d−-])/g, "$1\u00a0").replace(/(\d) (?=%)/g, "$1\u00a0");
}

/**
 * A line may break after a slash between words ("arbeidstidsordninger/samhandling"), which
 * LibreOffice otherwise treats as one long word and breaks anywhere: a zero-width space after it.
 */
export function breakAfterSlash(text: string): string {
  return text.replace(/(?<=\p{L})\/(?=\p{L})/gu, "/\u200b");
}

export function docxTable(
  header: TextRun[][],
  rows: TextRun[][][],
  options: {
    widths?: readonly number[];
    tones?: readonly (readonly (CellTone | null)[])[];
    /** Let a row break across pages (the header row never does). */
    splitRows?: boolean;
  } = {},
): Table {
  const widths = columnWidths(header.length, options.widths);
  const cell = (runs: TextRun[], column: number, fill: string | null) =>
    new TableCell({
      children: [new Paragraph({ children: runs, spacing: { after: 0 } })],
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      margins: cellMargins,
      shading: fill ? { type: ShadingType.CLEAR, color: "auto", fill } : undefined,
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    rows: [
      // The header row repeats on every page a long table runs over.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((runs, column) => cell(runs, column, headerFill)),
      }),
      ...rows.map(
        (row, index) =>
          new TableRow({
            cantSplit: !options.splitRows,
            children: row.map((runs, column) => {
              const tone = options.tones?.[index]?.[column] ?? null;
              return cell(runs, column, tone ? toneFills[tone] : null);
            }),
          }),
      ),
    ],
  });
}

/** A content-model table: header in bold, cells in the table font, the caption under it. */
export function tableChildren(block: TableBlock): (Paragraph | Table)[] {
  const size = block.compact ? compactTableFontSize : tableFontSize;
  const run = (text: string, bold = false) =>
    new TextRun({ text: breakAfterSlash(keepTogether(text)), bold: bold || undefined, size });
  return [
    docxTable(
      block.header.map((text) => [run(text, true)]),
      block.rows.map((row) => row.map((text) => [run(text)])),
      { widths: block.widths, tones: block.tones, splitRows: block.splitRows },
    ),
    new Paragraph({ style: "Caption", children: [new TextRun(block.caption)] }),
  ];
}
