// The Word renderer: content model -> .docx. Sections become real Heading 1-3 paragraphs (with
// outline levels, so Word's navigation pane and LibreOffice's navigator list them), tables get a
// repeating header row, Markdown becomes runs and lists.
//
// The file is deterministic: the same content gives the same bytes. docx stamps the core
// properties and every zip entry with the current time, so the core properties are written here
// from the snapshot time, and the package is re-zipped with a fixed entry time.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import JSZip from "jszip";
import { requirementHeading } from "./build.ts";
import { type InlineRun, type MarkdownBlock, parseInlineMarkdown, parseMarkdown } from "./markdown.ts";
import type { Block, DocumentContent, HeadingLevel, RequirementBlock, TableBlock } from "./model.ts";

type DocxChild = Paragraph | Table;

const headingStyleIds: Record<HeadingLevel, string> = { 1: "Heading1", 2: "Heading2", 3: "Heading3" };
const bulletReference = "tertial-bullets";
const numberReference = "tertial-numbers";
const listLevels = 5;
const indentPerLevel = 360;
// Zip entry times are local DOS times; 1980-01-01 00:00 local is the same bytes in every time zone.
const fixedEntryTime = new Date(1980, 0, 1, 0, 0, 0);

/** State of one rendering: numbered lists each restart at 1 through their own numbering instance. */
class RenderState {
  private nextListInstance = 1;
  listInstance(): number {
    return this.nextListInstance++;
  }
}

function textRuns(runs: readonly InlineRun[], extra: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  const result: TextRun[] = [];
  for (const each of runs) {
    const lines = each.text.split("\n");
    lines.forEach((line, index) => {
      result.push(
        new TextRun({
          text: line,
          bold: each.bold || extra.bold || undefined,
          italics: each.italic || extra.italics || undefined,
          strike: each.strike || undefined,
          font: each.code ? "Consolas" : undefined,
          break: index > 0 ? 1 : undefined,
        }),
      );
    });
  }
  return result;
}

function plainParagraph(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold: options.bold, italics: options.italics })] });
}

function headingParagraph(text: string, level: HeadingLevel): Paragraph {
  return new Paragraph({ style: headingStyleIds[level], children: [new TextRun(text)], keepNext: true });
}

function markdownChildren(
  blocks: readonly MarkdownBlock[],
  state: RenderState,
  listDepth = 0,
  indent = 0,
): DocxChild[] {
  const children: DocxChild[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "paragraph":
        children.push(
          new Paragraph({ children: textRuns(block.runs), indent: indent ? { left: indent } : undefined }),
        );
        break;
      case "heading":
        children.push(new Paragraph({ children: textRuns(block.runs, { bold: true }), keepNext: true }));
        break;
      case "code":
        children.push(
          new Paragraph({
            children: textRuns([{ text: block.text, bold: false, italic: false, code: true, strike: false }]),
            indent: { left: indent + indentPerLevel },
          }),
        );
        break;
      case "quote":
        children.push(...markdownChildren(block.blocks, state, listDepth, indent + 2 * indentPerLevel));
        break;
      case "list":
        children.push(...listChildren(block, state, listDepth));
        break;
      case "table":
        children.push(
          docxTable(
            block.header.map((cell) => textRuns(cell, { bold: true })),
            block.rows.map((row) => row.map((cell) => textRuns(cell))),
          ),
        );
        break;
    }
  }
  return children;
}

function listChildren(
  list: Extract<MarkdownBlock, { kind: "list" }>,
  state: RenderState,
  depth: number,
): DocxChild[] {
  const level = Math.min(depth, listLevels - 1);
  const reference = list.ordered ? numberReference : bulletReference;
  const instance = state.listInstance();
  const children: DocxChild[] = [];
  for (const item of list.items) {
    let first = true;
    for (const block of item) {
      if (first && (block.kind === "paragraph" || block.kind === "heading")) {
        children.push(
          new Paragraph({
            children: textRuns(block.runs, { bold: block.kind === "heading" }),
            numbering: { reference, level, instance },
          }),
        );
      } else if (block.kind === "list") {
        children.push(...listChildren(block, state, depth + 1));
      } else {
        children.push(...markdownChildren([block], state, depth, (level + 1) * 2 * indentPerLevel));
      }
      first = false;
    }
  }
  return children;
}

function listBlockChildren(items: readonly string[], style: "numbered" | "bullet", state: RenderState) {
  const instance = state.listInstance();
  const reference = style === "numbered" ? numberReference : bulletReference;
  return items.map(
    (item) =>
      new Paragraph({
        children: textRuns(parseInlineMarkdown(item)),
        numbering: { reference, level: 0, instance },
      }),
  );
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "808080" };

// The text width of an A4 page with docx's default margins, in twips.
const textWidth = 11906 - 2 * 1440;

/** The first column holds names (indicators, goals) and gets more room than the figures beside it. */
function columnWidths(count: number): number[] {
  if (count < 3) return Array.from({ length: count }, () => Math.floor(textWidth / Math.max(count, 1)));
  const first = Math.floor(textWidth * 0.34);
  const rest = Math.floor((textWidth - first) / (count - 1));
  return [first, ...Array.from({ length: count - 1 }, () => rest)];
}

function docxTable(header: TextRun[][], rows: TextRun[][][]): Table {
  const cell = (runs: TextRun[], isHeader: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: runs })],
      shading: isHeader ? { type: ShadingType.CLEAR, color: "auto", fill: "D9E2F3" } : undefined,
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columnWidths(header.length),
    rows: [
      // The header row repeats on every page a long table runs over.
      new TableRow({ tableHeader: true, children: header.map((runs) => cell(runs, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((runs) => cell(runs, false)) })),
    ],
  });
}

function tableChildren(block: TableBlock): DocxChild[] {
  return [
    docxTable(
      block.header.map((text) => [new TextRun({ text, bold: true })]),
      block.rows.map((row) => row.map((text) => [new TextRun(text)])),
    ),
    new Paragraph({ style: "Caption", children: [new TextRun(block.caption)] }),
  ];
}

function requirementChildren(
  block: RequirementBlock,
  level: HeadingLevel,
  content: DocumentContent,
  state: RenderState,
): DocxChild[] {
  const { heading, shortened } = requirementHeading(block);
  const children: DocxChild[] = [headingParagraph(heading, level)];
  if (shortened) children.push(...markdownChildren(parseMarkdown(block.text), state));
  children.push(
    new Paragraph({
      children: [
        new TextRun({ text: `${content.labels.status}: `, bold: true }),
        new TextRun(block.statusLabel),
      ],
    }),
  );
  if (block.answer) children.push(...markdownChildren(parseMarkdown(block.answer), state));
  else children.push(plainParagraph(content.labels.notAnswered, { italics: true }));
  if (block.jointReport) {
    children.push(plainParagraph(`${block.jointReport.label}:`, { bold: true }));
    children.push(...markdownChildren(parseMarkdown(block.jointReport.markdown), state));
  }
  if (block.unitAnswers.length > 0) {
    children.push(plainParagraph(content.labels.unitAnswers, { bold: true }));
    for (const answer of block.unitAnswers) {
      children.push(plainParagraph(`${answer.unitName} – ${answer.statusLabel}`, { italics: true }));
      if (answer.answer) children.push(...markdownChildren(parseMarkdown(answer.answer), state));
      else children.push(plainParagraph(content.labels.notAnswered, { italics: true }));
    }
  }
  return children;
}

function blockChildren(
  block: Block,
  sectionLevel: HeadingLevel,
  content: DocumentContent,
  state: RenderState,
): DocxChild[] {
  switch (block.kind) {
    case "paragraph":
      return markdownChildren(parseMarkdown(block.markdown), state);
    case "list":
      return listBlockChildren(block.items, block.style, state);
    case "table":
      return tableChildren(block);
    case "requirement":
      return requirementChildren(block, Math.min(sectionLevel + 1, 3) as HeadingLevel, content, state);
  }
}

function listNumbering() {
  const bulletGlyphs = ["•", "◦", "▪"];
  const numberFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  const levels = (kind: "bullet" | "number") =>
    Array.from({ length: listLevels }, (_, level) => ({
      level,
      format: kind === "bullet" ? LevelFormat.BULLET : (numberFormats[level % 3] ?? LevelFormat.DECIMAL),
      text: kind === "bullet" ? (bulletGlyphs[level % 3] ?? "•") : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      start: 1,
      style: { paragraph: { indent: { left: (level + 1) * 2 * indentPerLevel, hanging: indentPerLevel } } },
    }));
  return {
    config: [
      { reference: bulletReference, levels: levels("bullet") },
      { reference: numberReference, levels: levels("number") },
    ],
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Core properties with the snapshot's time instead of the clock's. */
function coreProperties(content: DocumentContent): string {
  const time = new Date(content.metadata.takenAt);
  const stamp = Number.isNaN(time.getTime()) ? "1980-01-01T00:00:00Z" : `${time.toISOString().slice(0, 19)}Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(content.title)}</dc:title>` +
    `<dc:subject>${escapeXml(`${content.metadata.unitName} ${content.metadata.periodLabel}`)}</dc:subject>` +
    "<dc:creator>Tertial</dc:creator><cp:lastModifiedBy>Tertial</cp:lastModifiedBy><cp:revision>1</cp:revision>" +
    `<dc:language>${content.locale === "nb" ? "nb-NO" : "en-GB"}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

export function docxDocument(content: DocumentContent): Document {
  const state = new RenderState();
  const children: DocxChild[] = [new Paragraph({ style: "Title", children: [new TextRun(content.title)] })];
  for (const section of content.sections) {
    children.push(headingParagraph(section.heading, section.level));
    for (const block of section.blocks) children.push(...blockChildren(block, section.level, content, state));
  }
  const heading = (size: number) => ({
    run: { size, bold: true, color: "1F3864", font: "Calibri" },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });
  return new Document({
    creator: "Tertial",
    title: content.title,
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { size: 40, bold: true, color: "1F3864" }, paragraph: { spacing: { after: 240 } } },
        heading1: { ...heading(32), paragraph: { ...heading(32).paragraph, outlineLevel: 0 } },
        heading2: { ...heading(26), paragraph: { ...heading(26).paragraph, outlineLevel: 1 } },
        heading3: { ...heading(23), paragraph: { ...heading(23).paragraph, outlineLevel: 2 } },
        caption: { run: { italics: true, size: 18 }, paragraph: { spacing: { before: 60, after: 240 } } },
      },
    },
    numbering: listNumbering(),
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${content.title} – `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

export async function renderDocx(content: DocumentContent): Promise<Buffer> {
  const packed = await Packer.toBuffer(docxDocument(content), false, [
    { path: "docProps/core.xml", data: coreProperties(content) },
  ]);
  // Re-zip with fixed entry times and the same order, so equal content gives equal bytes.
  const source = await JSZip.loadAsync(packed);
  const target = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (!entry || entry.dir) continue;
    target.file(name, await entry.async("uint8array"), { date: fixedEntryTime, createFolders: false });
  }
  return target.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}
