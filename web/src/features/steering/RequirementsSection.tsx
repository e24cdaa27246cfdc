import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { SteeringDocument } from "../../api/steering.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { ChapterControls } from "./ChapterControls.tsx";
import { RequirementCard } from "./RequirementCard.tsx";

/** The requirements, chapter by chapter, with a chapter list to jump to. */
export function RequirementsSection({
  document,
  onDone,
}: {
  document: SteeringDocument;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const sections = [
    ...document.chapters.map((chapter) => ({
      chapter,
      requirements: document.requirements.filter((requirement) => requirement.chapterId === chapter.id),
    })),
    {
      chapter: null,
      requirements: document.requirements.filter((requirement) => requirement.chapterId === null),
    },
  ].filter((section) => section.chapter !== null || section.requirements.length > 0);

  return (
    <section aria-labelledby="requirements-heading" className="requirements">
      <Heading level={2} data-size="sm" id="requirements-heading">
        {t("steering.requirementsTitle", { count: document.requirements.length })}
      </Heading>
      {document.requirements.length === 0 && document.chapters.length === 0 && (
        <Paragraph>{t("steering.noRequirements")}</Paragraph>
      )}
      {sections.length > 1 && (
        <nav aria-label={t("steering.chapterNav")} className="chapter-nav">
          <ol>
            {sections.map(({ chapter }) => (
              <li key={chapter?.id ?? "none"}>
                <a href={`#chapter-${chapter?.id ?? "none"}`}>{chapter?.title ?? t("steering.noChapter")}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {sections.map(({ chapter, requirements }) => (
        <section
          key={chapter?.id ?? "none"}
          id={`chapter-${chapter?.id ?? "none"}`}
          aria-labelledby={`chapter-${chapter?.id ?? "none"}-heading`}
          className="chapter"
        >
          <Heading level={3} data-size="xs" id={`chapter-${chapter?.id ?? "none"}-heading`}>
            {chapter?.title ?? t("steering.noChapter")}
          </Heading>
          {chapter && document.can.edit && (
            <ChapterControls chapter={chapter} empty={requirements.length === 0} onDone={onDone} />
          )}
          {requirements.length === 0 && <Paragraph data-size="sm">{t("steering.chapter.empty")}</Paragraph>}
          <ol className="requirement-list">
            {requirements.map((requirement) => (
              <li key={requirement.id}>
                <RequirementCard requirement={requirement} document={document} onDone={onDone} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
