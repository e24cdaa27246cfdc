// The printable HTML preview. Built from the parsed Markdown, never from Markdown's own HTML output:
// every text is escaped here and no attribute comes from user text, so a `<script>` or an
// `onerror=` in an answer shows as the characters typed and never runs.

import { statusTone } from "./build.ts";
import { keepTogether } from "./docxTables.ts";
import { type InlineRun, type MarkdownBlock, parseInlineMarkdown, parseMarkdown } from "./markdown.ts";
import type { Block, CellTone, DocumentContent, RequirementBlock, TableBlock } from "./model.ts";

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

function runsHtml(runs: readonly InlineRun[]): string {
  return runs
    .map((each) => {
      let html = escapeHtml(each.text).replaceAll("\n", "<br>");
      if (each.code) html = `<code>${html}</code>`;
      if (each.strike) html = `<s>${html}</s>`;
      if (each.italic) html = `<em>${html}</em>`;
      if (each.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join("");
}

function markdownBlockHtml(block: MarkdownBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${runsHtml(block.runs)}</p>`;
    case "heading":
      return `<p><strong>${runsHtml(block.runs)}</strong></p>`;
    case "code":
      return `<pre>${escapeHtml(block.text)}</pre>`;
    case "quote":
      return `<blockquote>${markdownHtml(block.blocks)}</blockquote>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((item) => `<li>${listItemHtml(item)}</li>`).join("")}</${tag}>`;
    }
    case "table":
      return tableHtml(
        block.header.map((cell) => runsHtml(cell)),
        block.rows.map((row) => row.map((cell) => runsHtml(cell))),
        null,
      );
  }
}

/** A tight item (one line of text) is written without a paragraph around it, as Word shows it. */
function listItemHtml(item: readonly MarkdownBlock[]): string {
  const [only] = item;
  if (item.length === 1 && only?.kind === "paragraph") return runsHtml(only.runs);
  return markdownHtml(item);
}

function markdownHtml(blocks: readonly MarkdownBlock[]): string {
  return blocks.map(markdownBlockHtml).join("\n");
}

function toneClass(tone: CellTone | null | undefined): string {
  return tone ? ` class="tone-${tone}"` : "";
}

function tableHtml(
  header: string[],
  rows: string[][],
  caption: string | null,
  layout: Pick<TableBlock, "tones" | "widths"> = {},
): string {
  const total = layout.widths?.reduce((sum, each) => sum + each, 0) ?? 0;
  const columns =
    layout.widths && total > 0
      ? `<colgroup>${layout.widths.map((each) => `<col style="width:${((each / total) * 100).toFixed(1)}%">`).join("")}</colgroup>`
      : "";
  const head = `<thead><tr>${header.map((cell) => `<th scope="col">${cell}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows
    .map(
      (row, index) =>
        `<tr>${row.map((cell, column) => `<td${toneClass(layout.tones?.[index]?.[column])}>${cell}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody>`;
  const captionHtml = caption === null ? "" : `<caption>${escapeHtml(caption)}</caption>`;
  return `<table${columns ? ' class="fixed"' : ""}>${captionHtml}${columns}${head}${body}</table>`;
}

function tableBlockHtml(block: TableBlock): string {
  const cell = (text: string) => escapeHtml(keepTogether(text));
  return tableHtml(
    block.header.map(cell),
    block.rows.map((row) => row.map(cell)),
    block.caption,
    block,
  );
}

function statusHtml(
  label: string,
  block: Pick<RequirementBlock, "status" | "statusLabel" | "approval">,
): string {
  const approval = block.approval
    ? ` · <span class="${block.approval.state === "approved" ? "approved" : "not-approved"}">${escapeHtml(block.approval.label)}</span>`
    : "";
  return `<p class="status"><strong>${escapeHtml(label)}:</strong> <span${toneClass(statusTone(block.status))}>${escapeHtml(block.statusLabel)}</span>${approval}</p>`;
}

function requirementHtml(block: RequirementBlock, content: DocumentContent): string {
  const [first, ...rest] = parseMarkdown(block.text);
  const number = `<strong>${escapeHtml(block.number)}</strong>`;
  const text =
    first?.kind === "paragraph"
      ? `<p>${number} ${runsHtml(first.runs)}</p>${markdownHtml(rest)}`
      : `<p>${number}</p>${markdownHtml(first ? [first, ...rest] : [])}`;
  const parts = [`<div class="requirement-text">${text}</div>`, statusHtml(content.labels.status, block)];
  parts.push(
    block.answer
      ? markdownHtml(parseMarkdown(block.answer))
      : `<p><em>${escapeHtml(content.labels.notAnswered)}</em></p>`,
  );
  if (block.jointReport) {
    parts.push(
      `<div class="joint"><p><strong>${escapeHtml(block.jointReport.label)}:</strong></p>${markdownHtml(parseMarkdown(block.jointReport.markdown))}</div>`,
    );
  }
  if (block.unitAnswers.length > 0) {
    parts.push(`<p><strong>${escapeHtml(content.labels.unitAnswers)}</strong></p>`);
    for (const answer of block.unitAnswers) {
      const approval = answer.approval ? ` – ${answer.approval.label}` : "";
      parts.push(`<p><em>${escapeHtml(`${answer.unitName} – ${answer.statusLabel}${approval}`)}</em></p>`);
      parts.push(
        answer.answer
          ? markdownHtml(parseMarkdown(answer.answer))
          : `<p><em>${escapeHtml(content.labels.notAnswered)}</em></p>`,
      );
    }
  }
  return `<section class="requirement">${parts.join("\n")}</section>`;
}

function blockHtml(block: Block, content: DocumentContent): string {
  switch (block.kind) {
    case "paragraph":
      return markdownHtml(parseMarkdown(block.markdown));
    case "list": {
      const tag = block.style === "numbered" ? "ol" : "ul";
      const items = block.items.map((item) => `<li>${runsHtml(parseInlineMarkdown(item))}</li>`).join("");
      return `<${tag}>${items}</${tag}>`;
    }
    case "table":
      return tableBlockHtml(block);
    case "requirement":
      return requirementHtml(block, content);
  }
}

const styles = `
body { font-family: Calibri, "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1.title { font-size: 20pt; color: #1f3864; }
h1, h2, h3, h4 { color: #1f3864; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; caption-side: bottom; }
caption { font-style: italic; font-size: 9pt; text-align: left; padding-top: 0.25rem; }
th, td { border: 1px solid #808080; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #d9e2f3; }
thead { display: table-header-group; }
.joint { border-left: 3px solid #d9e2f3; padding-left: 0.75rem; }
.meta { color: #555; font-size: 9pt; }
table.fixed { table-layout: fixed; }
table { font-size: 9pt; }
.tone-green { background: #c6efce; }
.tone-yellow { background: #ffeb9c; }
.tone-red { background: #ffc7ce; }
.tone-grey { background: #e7e6e6; }
.status span[class^="tone-"] { padding: 0 0.25rem; }
.not-approved { color: #9c0006; font-weight: bold; }
.requirement-text { background: #eef2f8; border-left: 4px solid #8ea9db; padding: 0.1rem 0.6rem; margin-top: 1.2rem; }
.requirement-text p { margin: 0.3rem 0; }
.front { border-bottom: 1px solid #808080; margin-bottom: 1.5rem; }
.front .organisation { font-size: 16pt; font-weight: bold; color: #1f3864; margin: 0; }
.front dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.5rem; }
.front dt { font-weight: bold; }
.front dd { margin: 0; }
.notice { background: #fff2cc; border: 2px solid #bf8f00; padding: 0.5rem 0.75rem; margin: 1rem 0; }
nav.contents ol { list-style: none; padding-left: 0; }
nav.contents ol ol { padding-left: 1.5rem; }
@media print { body { margin: 0; max-width: none; } }
`;

function frontHtml(content: DocumentContent): string {
  const { frontPage } = content;
  const lines = frontPage.lines
    .map((line) => `<dt>${escapeHtml(line.label)}</dt><dd>${escapeHtml(line.value)}</dd>`)
    .join("");
  const notice = content.notice
    ? `<div class="notice" role="note"><strong>${escapeHtml(content.labels.note)}:</strong> ${escapeHtml(content.notice)}</div>`
    : "";
  return (
    `<header class="front"><p class="organisation">${escapeHtml(frontPage.organisation)}</p>` +
    `<h1 class="title">${escapeHtml(content.title)}</h1><dl>${lines}</dl></header>${notice}`
  );
}

/** The contents: the numbered headings as links, level 2 nested under level 1. */
function contentsHtml(content: DocumentContent): string {
  const items: string[] = [];
  let open = false;
  content.sections.forEach((section, index) => {
    const link = `<a href="#section-${index + 1}">${escapeHtml(`${section.number} ${section.heading}`)}</a>`;
    if (section.level === 1) {
      if (open) items.push("</ol></li>");
      else if (items.length > 0) items.push("</li>");
      open = false;
      items.push(`<li>${link}`);
    } else {
      if (!open) items.push("<ol>");
      open = true;
      items.push(`<li>${link}</li>`);
    }
  });
  if (open) items.push("</ol>");
  if (items.length > 0) items.push("</li>");
  return `<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">${escapeHtml(content.labels.contents)}</h2><ol>${items.join("")}</ol></nav>`;
}

export function renderHtml(content: DocumentContent): string {
  // A board case is short: no contents, as in the Word file.
  const body: string[] = [
    frontHtml(content),
    ...(content.type === "board_case" ? [] : [contentsHtml(content)]),
  ];
  content.sections.forEach((section, index) => {
    const tag = `h${section.level + 1}`;
    body.push(
      `<section data-key="${escapeHtml(section.key)}"><${tag} id="section-${index + 1}">${escapeHtml(`${section.number} ${section.heading}`)}</${tag}>`,
    );
    for (const block of section.blocks) body.push(blockHtml(block, content));
    body.push("</section>");
  });
  return [
    "<!doctype html>",
    `<html lang="${content.locale === "nb" ? "nb" : "en"}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(content.title)}</title>`,
    `<style>${styles}</style>`,
    "</head>",
    "<body>",
    body.join("\n"),
    "</body>",
    "</html>",
  ].join("\n");
}
