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
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  type Table,
  TextRun,
} from "docx";
import JSZip from "jszip";
import { statusTone } from "./build.ts";
import { bookmarkedHeading, contentsChildren, frontPageChildren, hasOwnFrontPage } from "./docxFront.ts";
import {
  bulletReference,
  coreProperties,
  indentPerLevel,
  listLevels,
  listNumbering,
  numberReference,
  renumberBookmarks,
} from "./docxParts.ts";
import { docxTable, pageMargin, tableChildren, tableFontSize, toneFills } from "./docxTables.ts";
import { type InlineRun, type MarkdownBlock, parseInlineMarkdown, parseMarkdown } from "./markdown.ts";
import type { Block, DocumentContent, RequirementBlock } from "./model.ts";

type DocxChild = Paragraph | Table;

// Zip entry times are local DOS times; 1980-01-01 00:00 local is the same bytes in every time zone.
const fixedEntryTime = new Date(1980, 0, 1, 0, 0, 0);

/** State of one rendering: numbered lists each restart at 1 through their own numbering instance. */
class RenderState {
  private nextListInstance = 1;
  listInstance(): number {
    return this.nextListInstance++;
  }
}

function textRuns(
  runs: readonly InlineRun[],
  extra: { bold?: boolean; italics?: boolean; size?: number } = {},
): TextRun[] {
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
          size: extra.size,
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
            block.header.map((cell) => textRuns(cell, { bold: true, size: tableFontSize })),
            block.rows.map((row) => row.map((cell) => textRuns(cell, { size: tableFontSize }))),
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

const requirementBorder = { style: BorderStyle.SINGLE, size: 18, color: "8EA9DB", space: 8 };

/** The requirement's text, once, in a light box with its number in bold (seed 003 sets it apart). */
function requirementTextChildren(block: RequirementBlock, state: RenderState): DocxChild[] {
  const [first, ...rest] = parseMarkdown(block.text);
  const boxed = { fill: "EEF2F8", border: { left: requirementBorder } };
  const number = new TextRun({ text: `${block.number} `, bold: true });
  if (first?.kind !== "paragraph") {
    return [
      new Paragraph({
        children: [number],
        keepNext: true,
        shading: { type: ShadingType.CLEAR, color: "auto", fill: boxed.fill },
        border: boxed.border,
      }),
      ...markdownChildren(first ? [first, ...rest] : [], state),
    ];
  }
  return [
    new Paragraph({
      children: [number, ...textRuns(first.runs)],
      keepNext: true,
      shading: { type: ShadingType.CLEAR, color: "auto", fill: boxed.fill },
      border: boxed.border,
      spacing: { before: 240 },
    }),
    ...markdownChildren(rest, state),
  ];
}

/** "Status: Delvis innfridd · Godkjent": the status filled with its colour, the approval in words. */
function statusParagraph(
  label: string,
  block: Pick<RequirementBlock, "status" | "statusLabel" | "approval">,
): Paragraph {
  const tone = statusTone(block.status);
  const children = [
    new TextRun({ text: `${label}: `, bold: true }),
    new TextRun({
      text: block.statusLabel,
      shading: tone ? { type: ShadingType.CLEAR, color: "auto", fill: toneFills[tone] } : undefined,
    }),
  ];
  if (block.approval) {
    const approved = block.approval.state === "approved";
    children.push(
      new TextRun({ text: " · " }),
      new TextRun({
        text: block.approval.label,
        bold: !approved || undefined,
        color: approved ? undefined : "9C0006",
      }),
    );
  }
  return new Paragraph({ children, keepNext: true });
}

function requirementChildren(
  block: RequirementBlock,
  content: DocumentContent,
  state: RenderState,
): DocxChild[] {
  const children: DocxChild[] = [
    ...requirementTextChildren(block, state),
    statusParagraph(content.labels.status, block),
  ];
  if (block.answer) children.push(...markdownChildren(parseMarkdown(block.answer), state));
  else children.push(plainParagraph(content.labels.notAnswered, { italics: true }));
  if (block.jointReport) {
    children.push(plainParagraph(`${block.jointReport.label}:`, { bold: true }));
    children.push(...markdownChildren(parseMarkdown(block.jointReport.markdown), state));
  }
  if (block.unitAnswers.length > 0) {
    children.push(plainParagraph(content.labels.unitAnswers, { bold: true }));
    for (const answer of block.unitAnswers) {
      const approval = answer.approval ? ` – ${answer.approval.label}` : "";
      children.push(
        plainParagraph(`${answer.unitName} – ${answer.statusLabel}${approval}`, { italics: true }),
      );
      if (answer.answer) children.push(...markdownChildren(parseMarkdown(answer.answer), state));
      else children.push(plainParagraph(content.labels.notAnswered, { italics: true }));
    }
  }
  return children;
}

function blockChildren(block: Block, content: DocumentContent, state: RenderState): DocxChild[] {
  switch (block.kind) {
    case "paragraph":
      return markdownChildren(parseMarkdown(block.markdown), state);
    case "list":
      return listBlockChildren(block.items, block.style, state);
    case "table":
      return tableChildren(block);
    case "requirement":
      return requirementChildren(block, content, state);
  }
}

export function docxDocument(content: DocumentContent): Document {
  const state = new RenderState();
  const children: DocxChild[] = [...frontPageChildren(content), ...contentsChildren(content)];
  content.sections.forEach((section, index) => {
    children.push(bookmarkedHeading(section, index, index === 0 && hasOwnFrontPage(content)));
    for (const block of section.blocks) children.push(...blockChildren(block, content, state));
  });
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
      paragraphStyles: [
        {
          id: "FrontOrganisation",
          name: "Front Organisation",
          basedOn: "Normal",
          run: { size: 32, bold: true, color: "1F3864" },
        },
        {
          id: "ContentsHeading",
          name: "Contents Heading",
          basedOn: "Normal",
          run: { size: 32, bold: true, color: "1F3864" },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: "TOC1",
          name: "toc 1",
          basedOn: "Normal",
          run: { bold: true },
          paragraph: { spacing: { before: 120, after: 40 } },
        },
        {
          id: "TOC2",
          name: "toc 2",
          basedOn: "Normal",
          paragraph: { indent: { left: 440 }, spacing: { after: 40 } },
        },
      ],
    },
    numbering: listNumbering(),
    sections: [
      {
        properties: {
          titlePage: hasOwnFrontPage(content),
          page: { margin: { left: pageMargin, right: pageMargin, top: 1247, bottom: 1247 } },
        },
        footers: {
          // No footer on the front page.
          first: new Footer({ children: [] }),
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
    const data =
      name === "word/document.xml"
        ? renumberBookmarks(await entry.async("string"))
        : await entry.async("uint8array");
    target.file(name, data, { date: fixedEntryTime, createFolders: false });
  }
  return target.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}
