// The Word file's first pages: the front page (organisation, title, period, date, case number and
// meeting, and the note on answers not yet approved) and the contents. The contents are written out
// as a list of the numbered headings with page references to bookmarks on the headings, not left
// to a table-of-contents field: a field is empty until a word processor updates it, and LibreOffice
// does not update fields when it converts to PDF.

import {
  Bookmark,
  BorderStyle,
  InternalHyperlink,
  LeaderType,
  PageBreak,
  PageReference,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  TextRun,
} from "docx";
import { textWidth } from "./docxTables.ts";
import type { DocumentContent, Section } from "./model.ts";

/** The bookmark of a section's heading, for the contents' page references. */
export function bookmarkOf(index: number): string {
  return `_Toc_tertial_${index + 1}`;
}

/** "2.1 Styrke psykisk helsevern ..." */
export function numberedHeading(section: Pick<Section, "number" | "heading">): string {
  return `${section.number} ${section.heading}`;
}

/** A heading with its bookmark, so that the contents can give its page. */
export function bookmarkedHeading(section: Section, index: number, first: boolean): Paragraph {
  return new Paragraph({
    style: `Heading${section.level}`,
    keepNext: true,
    pageBreakBefore: first || undefined,
    children: [new Bookmark({ id: bookmarkOf(index), children: [new TextRun(numberedHeading(section))] })],
  });
}

const noticeBorder = { style: BorderStyle.SINGLE, size: 12, color: "BF8F00", space: 6 };

/** A boxed note, for answers that are not approved. */
export function noticeParagraph(label: string, text: string): Paragraph {
  return new Paragraph({
    shading: { type: ShadingType.CLEAR, color: "auto", fill: "FFF2CC" },
    border: { top: noticeBorder, bottom: noticeBorder, left: noticeBorder, right: noticeBorder },
    spacing: { before: 240, after: 240 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)],
  });
}

/**
 * A board case is a few pages: its front matter heads the first page and the case follows on it,
 * without a contents page. Reports get a front page and the contents on a page of their own.
 */
export function hasOwnFrontPage(content: Pick<DocumentContent, "type">): boolean {
  return content.type !== "board_case";
}

export function frontPageChildren(content: DocumentContent): Paragraph[] {
  const { frontPage } = content;
  const own = hasOwnFrontPage(content);
  const children = [
    new Paragraph({
      style: "FrontOrganisation",
      spacing: own ? { before: 1440, after: 960 } : { after: 240 },
      children: [new TextRun(frontPage.organisation)],
    }),
    new Paragraph({ style: "Title", children: [new TextRun(content.title)] }),
    ...frontPage.lines.map(
      (line, index) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.LEFT, position: 2000 }],
          spacing: { before: index === 0 ? 480 : 0, after: 80 },
          children: [
            new TextRun({ text: line.label, bold: true }),
            new TextRun({ children: [new Tab(), line.value] }),
          ],
        }),
    ),
  ];
  if (content.notice) children.push(noticeParagraph(content.labels.note, content.notice));
  return children;
}

/** The contents on their own page: every numbered heading with the page it is on. */
export function contentsChildren(content: DocumentContent): Paragraph[] {
  if (!hasOwnFrontPage(content)) return [];
  const entries = content.sections.map(
    (section, index) =>
      new Paragraph({
        style: `TOC${section.level}`,
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT }],
        children: [
          new InternalHyperlink({
            anchor: bookmarkOf(index),
            children: [new TextRun(numberedHeading(section))],
          }),
          new TextRun({ children: [new Tab(), new PageReference(bookmarkOf(index))] }),
        ],
      }),
  );
  return [
    new Paragraph({ children: [new PageBreak()], spacing: { after: 0 } }),
    new Paragraph({ style: "ContentsHeading", children: [new TextRun(content.labels.contents)] }),
    ...entries,
  ];
}
