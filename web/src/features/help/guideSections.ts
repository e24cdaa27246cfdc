import { Lexer } from "marked";

export type GuideSection = {
  /** 2 for "##", 3 for "###"; deeper headings stay in the text as bold paragraphs. */
  level: 2 | 3;
  title: string;
  /** The section's Markdown, without its heading, for the Markdown component. */
  text: string;
};

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
    if (current) current.text += token.raw;
    else intro += token.raw;
  }
  return { intro, sections };
}
