// Markdown as users write it in answers and templates, reduced to the few shapes a board document
// needs: paragraphs of styled runs, lists, quotes, code and tables. Both renderers (Word and HTML)
// walk this, so they agree on what a text means. Raw HTML in Markdown is kept as visible text,
// never passed through: the HTML renderer escapes every run, so no markup from users survives.

import { Lexer, type Token, type Tokens } from "marked";

export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  strike: boolean;
}

export type MarkdownBlock =
  | { kind: "paragraph"; runs: InlineRun[] }
  /** A heading inside an answer: shown bold, never as a document heading, so the outline stays the template's. */
  | { kind: "heading"; runs: InlineRun[] }
  | { kind: "list"; ordered: boolean; items: MarkdownBlock[][] }
  | { kind: "quote"; blocks: MarkdownBlock[] }
  | { kind: "code"; text: string }
  | { kind: "table"; header: InlineRun[][]; rows: InlineRun[][][] };

type Style = Pick<InlineRun, "bold" | "italic" | "code" | "strike">;
const plain: Style = { bold: false, italic: false, code: false, strike: false };

const namedEntities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** The lexer leaves character references as written; documents show the characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

function run(text: string, style: Style): InlineRun {
  return { text, ...style };
}

function inlineRuns(tokens: readonly Token[] | undefined, style: Style): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const token of tokens ?? []) runs.push(...inlineToken(token, style));
  return mergeRuns(runs);
}

function inlineToken(token: Token, style: Style): InlineRun[] {
  switch (token.type) {
    case "strong":
      return inlineRuns((token as Tokens.Strong).tokens, { ...style, bold: true });
    case "em":
      return inlineRuns((token as Tokens.Em).tokens, { ...style, italic: true });
    case "del":
      return inlineRuns((token as Tokens.Del).tokens, { ...style, strike: true });
    case "codespan":
      return [run(decodeEntities((token as Tokens.Codespan).text), { ...style, code: true })];
    case "br":
      return [run("\n", style)];
    case "link": {
      // Links are printed as text: a board document goes on paper, so the address is shown too.
      const link = token as Tokens.Link;
      const label = inlineRuns(link.tokens, style);
      const labelText = label.map((each) => each.text).join("");
      const href = decodeEntities(link.href);
      if (link.autolink || href === labelText || href === `mailto:${labelText}`) return label;
      return [...label, run(` (${href})`, style)];
    }
    case "image": {
      const image = token as Tokens.Image;
      return [run(decodeEntities(image.text), style)];
    }
    case "text": {
      const text = token as Tokens.Text;
      if (text.tokens && text.tokens.length > 0) return inlineRuns(text.tokens, style);
      // A line break inside a paragraph is a space in Markdown; a hard break comes as "br".
      return [run(decodeEntities(text.text).replace(/ *\n */g, " "), style)];
    }
    case "escape":
      return [run(decodeEntities((token as Tokens.Escape).text), style)];
    case "html":
      return [run((token as Tokens.HTML).raw, style)];
    default:
      return [run(decodeEntities(token.raw), style)];
  }
}

function mergeRuns(runs: InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = [];
  for (const each of runs) {
    if (each.text === "") continue;
    const last = merged.at(-1);
    if (
      last &&
      last.bold === each.bold &&
      last.italic === each.italic &&
      last.code === each.code &&
      last.strike === each.strike
    ) {
      last.text += each.text;
    } else {
      merged.push({ ...each });
    }
  }
  return merged;
}

function blocksOf(tokens: readonly Token[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  for (const token of tokens) {
    const block = blockToken(token);
    if (block) blocks.push(block);
  }
  return blocks;
}

function blockToken(token: Token): MarkdownBlock | null {
  switch (token.type) {
    case "space":
    case "hr":
    case "def":
      return null;
    case "paragraph":
      return { kind: "paragraph", runs: inlineRuns((token as Tokens.Paragraph).tokens, plain) };
    case "text": {
      // Tight list items hold text tokens rather than paragraphs.
      const text = token as Tokens.Text;
      const runs = text.tokens ? inlineRuns(text.tokens, plain) : [run(decodeEntities(text.text), plain)];
      return { kind: "paragraph", runs };
    }
    case "heading":
      return { kind: "heading", runs: inlineRuns((token as Tokens.Heading).tokens, plain) };
    case "list": {
      const list = token as Tokens.List;
      return { kind: "list", ordered: list.ordered, items: list.items.map((item) => blocksOf(item.tokens)) };
    }
    case "blockquote":
      return { kind: "quote", blocks: blocksOf((token as Tokens.Blockquote).tokens) };
    case "code":
      return { kind: "code", text: (token as Tokens.Code).text };
    case "table": {
      const table = token as Tokens.Table;
      return {
        kind: "table",
        header: table.header.map((cell) => inlineRuns(cell.tokens, plain)),
        rows: table.rows.map((row) => row.map((cell) => inlineRuns(cell.tokens, plain))),
      };
    }
    case "html":
      return { kind: "paragraph", runs: [run((token as Tokens.HTML).raw.trim(), plain)] };
    default:
      return { kind: "paragraph", runs: [run(token.raw.trim(), plain)] };
  }
}

export function parseMarkdown(markdown: string): MarkdownBlock[] {
  return blocksOf(Lexer.lex(markdown, { gfm: true }));
}

/** One line of Markdown (a list item, a resolution point) as runs. */
export function parseInlineMarkdown(markdown: string): InlineRun[] {
  return inlineRuns(Lexer.lexInline(markdown, { gfm: true }), plain);
}

function blockText(block: MarkdownBlock): string {
  const runsText = (runs: InlineRun[]) => runs.map((each) => each.text).join("");
  switch (block.kind) {
    case "paragraph":
    case "heading":
      return runsText(block.runs);
    case "list":
      return block.items.map((item) => item.map(blockText).join(" ")).join("\n");
    case "quote":
      return block.blocks.map(blockText).join("\n");
    case "code":
      return block.text;
    case "table":
      return [block.header, ...block.rows].map((row) => row.map(runsText).join(" | ")).join("\n");
  }
}

/** The text without Markdown syntax: for headings made from Markdown, and for comparisons. */
export function markdownToPlainText(markdown: string): string {
  return parseMarkdown(markdown).map(blockText).join("\n");
}
