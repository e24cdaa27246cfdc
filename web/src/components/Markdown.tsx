import { Lexer, type Token, type Tokens } from "marked";
import { Fragment, type ReactNode, useMemo } from "react";

// Markdown as users write it in requirements and answers, rendered as React elements from
// marked's tokens. Nothing is ever passed as HTML: raw HTML in the text is shown as the text it
// is, links keep only http(s) and mailto addresses, and images show their description (no
// request to another site). Headings inside a text are shown as bold paragraphs, so the page's
// own heading outline stays intact.

const namedEntities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** The lexer leaves character references as written; the page shows the characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

/** Only addresses that cannot run code in the page: http, https and mailto. */
export function safeHref(href: string): string | null {
  const decoded = decodeEntities(href).trim();
  return /^(https?:|mailto:)/i.test(decoded) ? decoded : null;
}

function inline(tokens: readonly Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity; their order is fixed.
    <Fragment key={index}>{inlineToken(token)}</Fragment>
  ));
}

function inlineToken(token: Token): ReactNode {
  switch (token.type) {
    case "strong":
      return <strong>{inline((token as Tokens.Strong).tokens)}</strong>;
    case "em":
      return <em>{inline((token as Tokens.Em).tokens)}</em>;
    case "del":
      return <s>{inline((token as Tokens.Del).tokens)}</s>;
    case "codespan":
      return <code>{decodeEntities((token as Tokens.Codespan).text)}</code>;
    case "br":
      return <br />;
    case "link": {
      const link = token as Tokens.Link;
      const href = safeHref(link.href);
      if (!href) return inline(link.tokens);
      return (
        <a href={href} rel="noopener noreferrer">
          {inline(link.tokens)}
        </a>
      );
    }
    case "image":
      return decodeEntities((token as Tokens.Image).text);
    case "text": {
      const text = token as Tokens.Text;
      if (text.tokens && text.tokens.length > 0) return inline(text.tokens);
      return decodeEntities(text.text);
    }
    case "escape":
      return decodeEntities((token as Tokens.Escape).text);
    case "html":
      return (token as Tokens.HTML).raw;
    default:
      return decodeEntities(token.raw);
  }
}

function blocks(tokens: readonly Token[]): ReactNode[] {
  return tokens.map((token, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity; their order is fixed.
    <Fragment key={index}>{block(token)}</Fragment>
  ));
}

function block(token: Token): ReactNode {
  switch (token.type) {
    case "space":
    case "def":
      return null;
    case "hr":
      return <hr />;
    case "paragraph":
      return <p>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case "text": {
      // Tight list items hold text tokens rather than paragraphs.
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : decodeEntities(text.text);
    }
    case "heading":
      return (
        <p>
          <strong>{inline((token as Tokens.Heading).tokens)}</strong>
        </p>
      );
    case "list": {
      const list = token as Tokens.List;
      const items = list.items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity; their order is fixed.
        <li key={index}>{blocks(item.tokens)}</li>
      ));
      return list.ordered ? (
        <ol start={typeof list.start === "number" ? list.start : undefined}>{items}</ol>
      ) : (
        <ul>{items}</ul>
      );
    }
    case "blockquote":
      return <blockquote>{blocks((token as Tokens.Blockquote).tokens)}</blockquote>;
    case "code":
      return (
        <pre>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case "table": {
      const table = token as Tokens.Table;
      return (
        <table>
          <thead>
            <tr>
              {table.header.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns have no identity; their order is fixed.
                <th key={index} scope="col">
                  {inline(cell.tokens)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity; their order is fixed.
              <tr key={rowIndex}>
                {row.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity; their order is fixed.
                  <td key={index}>{inline(cell.tokens)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case "html":
      return <p>{(token as Tokens.HTML).raw.trim()}</p>;
    default:
      return <p>{token.raw.trim()}</p>;
  }
}

/** A user's Markdown text, rendered safely. An empty text shows `empty` instead. */
export function Markdown({ text, empty }: { text: string; empty?: ReactNode }) {
  const content = useMemo(() => blocks(Lexer.lex(text, { gfm: true, breaks: true })), [text]);
  if (text.trim() === "") return empty ? <p className="markdown__empty">{empty}</p> : null;
  return <div className="markdown">{content}</div>;
}
