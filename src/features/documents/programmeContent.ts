// The parts every generated programme and action plan document is made of: the content model with
// its front page and numbered sections, paragraphs and numbered tables with fitted column widths.

import { numberSections } from "./build.ts";
import type { TableNumbers } from "./buildTables.ts";
import { labelsFor } from "./labels.ts";
import type { Block, CellTone, DocumentContent, Section, TableBlock } from "./model.ts";
import { fittedLayout } from "./tableWidths.ts";

export type Unnumbered = Omit<Section, "number">;

/** A document of this kind: the front page lines given, the sections numbered 1, 2, 3 ... */
export function assembleContent(input: {
  type: DocumentContent["type"];
  title: string;
  organisation: { name: string; code: string };
  period: string;
  periodLabel: string;
  caseNumber: string | null;
  date: string | null;
  takenAt: string;
  lines: { label: string; value: string }[];
  sections: Unnumbered[];
}): DocumentContent {
  const labels = labelsFor("nb");
  return {
    type: input.type,
    locale: "nb",
    title: input.title,
    metadata: {
      unitName: input.organisation.name,
      unitCode: input.organisation.code,
      period: input.period,
      periodLabel: input.periodLabel,
      caseNumber: input.caseNumber,
      date: input.date,
      takenAt: input.takenAt,
    },
    labels: {
      status: labels.status,
      notAnswered: labels.notAnswered,
      unitAnswers: labels.unitAnswers,
      contents: labels.contents,
      requirement: labels.requirement,
      note: labels.note,
      page: labels.page,
    },
    frontPage: { organisation: input.organisation.name, title: input.title, lines: input.lines },
    notice: null,
    sections: numberSections(input.sections),
  };
}

export const paragraph = (markdown: string): Block => ({ kind: "paragraph", markdown });
/** A line of the organisation's own text as Markdown, or nothing when it is empty. */
export const ownText = (markdown: string): Block[] => (markdown.trim() ? [paragraph(markdown.trim())] : []);

export function table(
  tables: TableNumbers,
  caption: string,
  header: string[],
  rows: string[][],
  tones?: (CellTone | null)[][],
  /** Rows of long texts may break across pages; short rows stay whole. */
  splitRows = false,
): TableBlock {
  return {
    kind: "table",
    caption: tables.caption(caption),
    header,
    rows,
    ...(tones ? { tones } : {}),
    ...fittedLayout(header, rows),
    ...(splitRows ? { splitRows: true } : {}),
  };
}
