import { describe, expect, it } from "vitest";
import { buildDocument } from "./build.ts";
import { renderHtml } from "./html.ts";
import { markdownToPlainText, parseInlineMarkdown, parseMarkdown } from "./markdown.ts";
import { sampleAnnualReportData } from "./samples.ts";
import { defaultTemplate } from "./template.ts";

function previewWithAnswer(answer: string, introduction = "Innledning.") {
  const data = sampleAnnualReportData({ introduction });
  const first = data.chapters[0]?.requirements[0];
  if (first) first.answer = answer;
  return renderHtml(buildDocument("annual_report", data, defaultTemplate("annual_report"), "nb"));
}

/** Every attribute in the page that the renderer did not write itself: there must be none. */
function attributesOutsideOurOwn(html: string): string[] {
  const ours =
    /^(class="[a-z -]+"|data-key="[^"<>]*"|lang="(nb|en)"|charset="utf-8"|scope="col"|href="#section-\d+"|id="section-\d+"|id="contents-heading"|aria-labelledby="contents-heading"|role="note"|style="width:\d+(\.\d)?%")$/;
  const found: string[] = [];
  for (const tag of html.matchAll(/<[a-z][a-z0-9]*((?:\s+[^\s>]+)*)\s*\/?>/gi)) {
    for (const attribute of (tag[1] ?? "").trim().split(/\s+/).filter(Boolean)) {
      if (!ours.test(attribute)) found.push(attribute);
    }
  }
  return found;
}

describe("the HTML preview", () => {
  it("shows headings, requirements with status, the joint report and both summary tables", () => {
    const html = renderHtml(
      buildDocument("annual_report", sampleAnnualReportData(), defaultTemplate("annual_report"), "nb"),
    );
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<p class="organisation">Helse Nord RHF</p>');
    expect(html).toContain('<h1 class="title">Årlig melding 2024 for Helse Nord RHF</h1>');
    expect(html).toContain("<dt>Periode</dt><dd>2024</dd>");
    expect(html).toContain('<h2 id="contents-heading">Innhold</h2>');
    expect(html).toContain(
      '<a href="#section-4">2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling</a>',
    );
    expect(html).toContain('<h2 id="section-3">2 Rapportering på mål og oppdrag</h2>');
    expect(html).toContain(
      '<h3 id="section-4">2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling</h3>',
    );
    // The requirement's text once, then its status (coloured and in words) and approval.
    expect(html.match(/Styrke psykisk helsevern og TSB slik at/g)).toHaveLength(1);
    expect(html).toContain(
      '<strong>Status:</strong> <span class="tone-yellow">Delvis innfridd</span> · <span class="approved">Godkjent</span>',
    );
    expect(html).toContain('<span class="not-approved">Utkast – ikke godkjent</span>');
    expect(html).toContain(
      '<div class="notice" role="note"><strong>Merk:</strong> 2 av 5 svar i dokumentet er ikke godkjent.',
    );
    expect(html).toContain('<td class="tone-green">Grønn (mål nådd)</td>');
    expect(html).toContain("<strong>Fellesrapport Helse Sør-Øst RHF:</strong>");
    expect(html).toContain("<caption>Tabell 1 Måloppnåelse 2024 ved T1, T2 og årets slutt</caption>");
    // A figure and its unit do not part at a line end.
    expect(html).toContain("<td>16/33 (48,5\u00a0%)</td>");
    expect(html).toContain("<caption>Tabell 2 Trend 2024 ved T1, T2 og årets slutt</caption>");
    expect(html).toContain("<li><strong>Helgelandssykehuset</strong> har videreført døgnkapasiteten.</li>");
    expect(html).toContain("Se Helse Nord (https://helse-nord.no) for mer.");
  });

  it("escapes script tags in user Markdown, so they show as text and never run", () => {
    const html = previewWithAnswer("Før <script>alert('x')</script> etter", "<script>steal()</script>");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(html).toContain("&lt;script&gt;steal()&lt;/script&gt;");
  });

  it("passes no user attributes or links through: event handlers and javascript: stay text", () => {
    const html = previewWithAnswer(
      '<img src=x onerror="alert(1)"> [klikk](javascript:alert(1)) ![bilde](x" onerror="alert(2))\n\n<div onclick="x()">blokk</div>',
    );
    // The only links are the contents' own, to the sections.
    expect(html).not.toMatch(/<img|href="(?!#section-\d+")|<div onclick/);
    expect(attributesOutsideOurOwn(html)).toEqual([]);
    // The check itself would notice an attribute that got through.
    expect(attributesOutsideOurOwn('<p><img src=x onerror="a()"></p>')).toEqual(["src=x", 'onerror="a()"']);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("klikk (javascript:alert(1))");
  });

  it("escapes headings and captions from the data too", () => {
    const data = sampleAnnualReportData();
    const chapter = data.chapters[0];
    if (chapter) chapter.title = "<b>Fet</b> & farlig";
    const html = renderHtml(buildDocument("annual_report", data, defaultTemplate("annual_report"), "nb"));
    expect(html).toContain('<h3 id="section-4">2.1 &lt;b&gt;Fet&lt;/b&gt; &amp; farlig</h3>');
  });
});

describe("Markdown", () => {
  it("reads bold, italic, code, strike and hard breaks as runs", () => {
    expect(parseInlineMarkdown("a **b** *c* `d` ~~e~~")).toEqual([
      { text: "a ", bold: false, italic: false, code: false, strike: false },
      { text: "b", bold: true, italic: false, code: false, strike: false },
      { text: " ", bold: false, italic: false, code: false, strike: false },
      { text: "c", bold: false, italic: true, code: false, strike: false },
      { text: " ", bold: false, italic: false, code: false, strike: false },
      { text: "d", bold: false, italic: false, code: true, strike: false },
      { text: " ", bold: false, italic: false, code: false, strike: false },
      { text: "e", bold: false, italic: false, code: false, strike: true },
    ]);
  });

  it("reads bullet and numbered lists, nested ones too", () => {
    const [bullets, numbers] = parseMarkdown("- en\n  - under\n- to\n\n1. første\n2. andre");
    expect(bullets).toMatchObject({ kind: "list", ordered: false });
    expect(bullets?.kind === "list" && bullets.items[0]?.[1]).toMatchObject({ kind: "list", ordered: false });
    expect(numbers).toMatchObject({ kind: "list", ordered: true });
  });

  it("joins soft line breaks with a space and decodes character references", () => {
    expect(markdownToPlainText("første linje\nandre &amp; tredje")).toBe("første linje andre & tredje");
  });
});
