// The printable HTML preview. Built from the parsed Markdown, never from Markdown's own HTML output:
// every text is escaped here and no attribute comes from user text, so a `<script>` or an
// `onerror=` in an answer shows as the characters typed and never runs.

import { requirementHeading } from "./build.ts";
import { type InlineRun, type MarkdownBlock, parseInlineMarkdown, parseMarkdown } from "./markdown.ts";
import type { Block, DocumentContent, HeadingLevel, RequirementBlock, TableBlock } from "./model.ts";

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

function tableHtml(header: string[], rows: string[][], caption: string | null): string {
  const head = `<thead><tr>${header.map((cell) => `<th scope="col">${cell}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("")}</tbody>`;
  const captionHtml = caption === null ? "" : `<caption>${escapeHtml(caption)}</caption>`;
  return `<table>${captionHtml}${head}${body}</table>`;
}

function tableBlockHtml(block: TableBlock): string {
  return tableHtml(
    block.header.map(escapeHtml),
    block.rows.map((row) => row.map(escapeHtml)),
    block.caption,
  );
}

function requirementHtml(block: RequirementBlock, level: HeadingLevel, content: DocumentContent): string {
  const { heading, shortened } = requirementHeading(block);
  const parts = [`<h${level + 1}>${escapeHtml(heading)}</h${level + 1}>`];
  if (shortened) parts.push(markdownHtml(parseMarkdown(block.text)));
  parts.push(
    `<p class="status"><strong>${escapeHtml(content.labels.status)}:</strong> ${escapeHtml(block.statusLabel)}</p>`,
  );
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
      parts.push(`<p><em>${escapeHtml(`${answer.unitName} – ${answer.statusLabel}`)}</em></p>`);
      parts.push(
        answer.answer
          ? markdownHtml(parseMarkdown(answer.answer))
          : `<p><em>${escapeHtml(content.labels.notAnswered)}</em></p>`,
      );
    }
  }
  return `<section class="requirement">${parts.join("\n")}</section>`;
}

function blockHtml(block: Block, sectionLevel: HeadingLevel, content: DocumentContent): string {
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
      return requirementHtml(block, Math.min(sectionLevel + 1, 3) as HeadingLevel, content);
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
@media print { body { margin: 0; max-width: none; } }
`;

export function renderHtml(content: DocumentContent): string {
  const body: string[] = [`<h1 class="title">${escapeHtml(content.title)}</h1>`];
  for (const section of content.sections) {
    body.push(
      `<section data-key="${escapeHtml(section.key)}"><h${section.level + 1}>${escapeHtml(section.heading)}</h${section.level + 1}>`,
    );
    for (const block of section.blocks) body.push(blockHtml(block, section.level, content));
    body.push("</section>");
  }
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
