import { Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Markdown } from "../../components/Markdown.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { type Locale, useLocale } from "../../i18n/i18n.tsx";
import { guideSections } from "./guideSections.ts";
import "./help.css";

// The user guide in the user's language, from docs/ (the same text as in the repository). Each
// language is a chunk of its own, fetched when the page is first opened in that language.
const guides: Record<Locale, () => Promise<string>> = {
  nb: () => import("../../../../docs/user-guide.nb.md?raw").then((module) => module.default),
  en: () => import("../../../../docs/user-guide.md?raw").then((module) => module.default),
};

/** Strips Markdown emphasis from a heading's text (headings are plain text on the page). */
function plainTitle(title: string): string {
  return title.replace(/[*_`]/g, "");
}

export function HelpPage() {
  const { t, locale } = useLocale();
  const guide = useQuery({
    queryKey: ["help", locale],
    queryFn: guides[locale],
    staleTime: Number.POSITIVE_INFINITY,
  });
  const parts = useMemo(() => (guide.data ? guideSections(guide.data) : null), [guide.data]);

  return (
    <div className="page help-page">
      <PageTitle>{t("help.title")}</PageTitle>
      {guide.isError ? (
        <Paragraph>{t("help.failed")}</Paragraph>
      ) : !parts ? (
        <Spinner aria-label={t("help.loading")} />
      ) : (
        <article className="help-guide">
          <Markdown text={parts.intro} />
          {parts.sections.map((section, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the guide's sections have a fixed order.
            <section key={index} className={`help-guide__section help-guide__section--h${section.level}`}>
              <Heading level={section.level} data-size={section.level === 2 ? "md" : "sm"}>
                {plainTitle(section.title)}
              </Heading>
              <Markdown text={section.text} />
            </section>
          ))}
        </article>
      )}
    </div>
  );
}
