// Column widths from a table's own words, for tables whose text is the organisation's (goals,
// measures, comments): every column at least as wide as its longest word, so that Word and
// LibreOffice never break one, and the rest of the page to the columns with the most text.
// Widths are measured with Calibri's advance widths (Carlito, LibreOffice's stand-in, has the same
// metrics); a character not in the table counts as a wide one.

import { compactTableFontSize, tableFontSize, textWidth } from "./docxTables.ts";

const measuredCharacters =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~æøåÆØÅéèêüöäÖÄÜ–—«»‘’“”…≤≥§°";

/** Calibri regular, in 1/2048 em, in the order of `measuredCharacters`. */
// biome-ignore format: a table of numbers
const advances = [
  463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791, 1038,
  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831,
  1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058,
  1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020, 596, 981,
  1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714,
  801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020, 1583, 1084, 981, 1563, 1359,
  1185, 1019, 1019, 1019, 1076, 1080, 981, 1356, 1185, 1314, 1020, 1854, 1049, 1049, 511, 511,
  857, 857, 1414, 1020, 1020, 1020, 694,
];

const advanceOf = new Map(
  [...measuredCharacters].map((character, index) => [character, advances[index] ?? 0]),
);
/** As wide as "m" less a little: safe for letters the table does not have. */
const unknownAdvance = 1500;
/** Bold Calibri is at most about 4 % wider than regular. */
const boldFactor = 1.04;
/** The cell's left and right margins (docxTables.ts) and a little to spare for rounding in the renderers. */
const cellPadding = 170 + 70;

/** The width of a text on one line, in twips, at a size in half-points (Word's unit: 18 is 9 pt). */
export function textTwips(text: string, halfPoints: number, bold = false): number {
  let units = 0;
  for (const character of text) units += advanceOf.get(character) ?? unknownAdvance;
  return (units / 2048) * (halfPoints / 2) * 20 * (bold ? boldFactor : 1);
}

/**
 * The pieces a line may break between: at spaces, after a hyphen, and after a slash between
 * letters (the Word file gives that slash a break opportunity, see docxTables.ts).
 */
export function unbreakablePieces(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=-)|(?<=\p{L}\/)(?=\p{L})/u))
    .filter((piece) => piece !== "");
}

const longestPiece = (text: string, halfPoints: number, bold: boolean) =>
  Math.max(0, ...unbreakablePieces(text).map((piece) => textTwips(piece, halfPoints, bold)));

/**
 * Column widths in twips that fill the text width and keep every word whole at the given font
 * size. When the longest words alone are wider than the page, `fits` is false and the widths are
 * those words' (a renderer scales them to the page; some words will break).
 */
export function fitColumnWidths(
  header: string[],
  rows: string[][],
  halfPoints: number,
): { widths: number[]; fits: boolean } {
  const columns = header.map((title, index) => {
    const cells = rows.map((row) => row[index] ?? "");
    const minimum =
      Math.max(
        longestPiece(title, halfPoints, true),
        ...cells.map((cell) => longestPiece(cell, halfPoints, false)),
      ) + cellPadding;
    // As wide as the longest cell on one line: more would only be empty space.
    const natural = Math.max(minimum, ...cells.map((cell) => textTwips(cell, halfPoints) + cellPadding));
    const text = cells.reduce((sum, cell) => sum + textTwips(cell, halfPoints), 0);
    return { minimum, natural, text };
  });
  // Whole twips from the start, rounded up: rounding at the end could make the longest words'
  // widths, just over the page, look as if they fitted.
  const widths = columns.map((column) => Math.ceil(column.minimum));
  let spare = textWidth - widths.reduce((sum, width) => sum + width, 0);
  if (spare < 0) return { widths, fits: false };
  // The spare width goes to the columns with the most text, none wider than its natural width.
  for (let round = 0; round < columns.length && spare > 1; round++) {
    const open = columns.flatMap((column, index) =>
      (widths[index] ?? 0) < column.natural ? [{ column, index }] : [],
    );
    const weight = open.reduce((sum, { column }) => sum + Math.max(column.text, 1), 0);
    if (open.length === 0 || weight === 0) break;
    let given = 0;
    for (const { column, index } of open) {
      const current = widths[index] ?? 0;
      const share = Math.min((spare * Math.max(column.text, 1)) / weight, column.natural - current);
      widths[index] = current + share;
      given += share;
    }
    spare -= given;
  }
  // Every column at its natural width and still room, or a last twip or so: shared in proportion.
  if (spare > 0) {
    const total = widths.reduce((sum, width) => sum + width, 0);
    return { widths: widths.map((width) => Math.round(width + (spare * width) / total)), fits: true };
  }
  return { widths: widths.map(Math.round), fits: true };
}

/** Widths for a table at 9 pt, else at 8 pt (compact) when its longest words need it. */
export function fittedLayout(header: string[], rows: string[][]): { widths: number[]; compact?: true } {
  const normal = fitColumnWidths(header, rows, tableFontSize);
  if (normal.fits) return { widths: normal.widths };
  return { widths: fitColumnWidths(header, rows, compactTableFontSize).widths, compact: true };
}
