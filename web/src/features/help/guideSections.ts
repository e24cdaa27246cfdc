import { Lexer, type Token } from "marked";

export type GuideSection = {
  /** 2 for "##", 3 for "###"; deeper headings stay in the text as bold paragraphs. */
  level: 2 | 3;
  title: string;
  /** The section's Markdown, without its heading, for the Markdown component. */
  text: string;
};

/**
 * The guide is written with hard-wrapped lines, and the Markdown component (made for users'
 * texts) shows every line break. Paragraphs and list items become one line each again; tables,
 * code and blank lines stay as they are.
 */
function unwrap(token: Token): string {
  if (token.type === "paragraph") return token.raw.replace(/\n(?=.)/g, " ");
  // A continuation line of a list item is indented; a new item or a nested list is not joined.
  if (token.type === "list") return token.raw.replace(/\n[ \t]+(?![-*+] |\d+[.)] )(?=\S)/g, " ");
  return token.raw;
}

/**
 * Splits a guide into its sections at "##" and "###" headings, so that the help page can give
 * them real headings (the Markdown component shows headings in users' texts as bold paragraphs,
 * to keep a page's outline intact). The guide's own "#" title is left out: the page has its title.
 * Text before the first section is returned as `intro`.
 */
export function guideSections(markdown: string): { intro: string; sections: GuideSection[] } {
  let intro = "";
  const sections: GuideSection[] = [];
  for (const token of Lexer.lex(markdown, { gfm: true })) {
    if (token.type === "heading" && token.depth === 1) continue;
    if (token.type === "heading" && (token.depth === 2 || token.depth === 3)) {
      sections.push({ level: token.depth, title: token.text, text: "" });
      continue;
    }
    const current = sections.at(-1);
    if (current) current.text += unwrap(token);
    else intro += unwrap(token);
  }
  return { intro, sections };
}
