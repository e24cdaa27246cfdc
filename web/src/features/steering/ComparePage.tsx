import "../answers/reporting.css";
import { Card, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import type { FieldChange, RequirementSnapshot } from "../../api/steering.ts";
import { useCompareVersions } from "../../api/steering.ts";
import { DiffLegend, DiffText } from "../../components/DiffText.tsx";
import { Markdown } from "../../components/Markdown.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";

const compareRoute = getRouteApi("/app/steering/$documentId/compare");

function fieldName(field: string, t: Translate): string {
  const key = `steering.compare.field.${field}`;
  return hasMessage(key) ? t(key) : field;
}

/** A field's value as text: lists joined, "all" and booleans in words, nothing as a dash. */
function valueText(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === "") return t("common.none");
  if (value === "all") return t("steering.appliesToAll");
  if (typeof value === "boolean") return value ? t("steering.yes") : t("steering.no");
  if (Array.isArray(value)) {
    return field === "frequency"
      ? value
          .map((point) => {
            const key = `steering.frequency.${String(point)}`;
            return hasMessage(key) ? t(key) : String(point);
          })
          .join(", ")
      : value.join(", ");
  }
  if (field === "kind" && typeof value === "string") {
    const key = hasMessage(`steering.kind.${value}`)
      ? `steering.kind.${value}`
      : `steering.documentKind.${value}`;
    return hasMessage(key) ? t(key) : value;
  }
  return String(value);
}

function Changes({ changes }: { changes: FieldChange[] }) {
  const { t } = useLocale();
  return (
    <dl className="changes">
      {changes.map((change) => (
        <div key={change.field} className="changes__item">
          <dt>{fieldName(change.field, t)}</dt>
          <dd>
            {change.words ? (
              <div className="diff-box">
                <DiffText parts={change.words} />
              </div>
            ) : (
              <span className="before-after-inline">
                <del>
                  <span className="visually-hidden">{t("steering.compare.before")} </span>
                  {valueText(change.field, change.before, t)}
                </del>
                <span aria-hidden="true"> → </span>
                <ins>
                  <span className="visually-hidden">{t("steering.compare.after")} </span>
                  {valueText(change.field, change.after, t)}
                </ins>
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SnapshotCard({
  requirement,
  kind,
}: {
  requirement: RequirementSnapshot;
  kind: "added" | "removed";
}) {
  const { t } = useLocale();
  return (
    <Card className={`compare-card compare-card--${kind}`}>
      <Heading level={3} data-size="2xs">
        <span aria-hidden="true">{kind === "added" ? "+ " : "− "}</span>
        {t("steering.requirementHeading", { number: requirement.number })}
      </Heading>
      <Markdown text={requirement.text} />
      <dl className="facts facts--inline">
        <dt>{t("steering.field.chapter")}</dt>
        <dd>{requirement.chapter ?? t("steering.noChapter")}</dd>
        <dt>{t("steering.field.kind")}</dt>
        <dd>{valueText("kind", requirement.kind, t)}</dd>
        <dt>{t("steering.field.appliesTo")}</dt>
        <dd>{valueText("appliesTo", requirement.appliesTo, t)}</dd>
        <dt>{t("steering.field.frequency")}</dt>
        <dd>{valueText("frequency", requirement.frequency, t)}</dd>
      </dl>
    </Card>
  );
}

/** The requirements only one of the two versions has, as cards; nothing when there are none. */
function SnapshotSection({
  requirements,
  kind,
}: {
  requirements: RequirementSnapshot[];
  kind: "added" | "removed";
}) {
  const { t } = useLocale();
  if (requirements.length === 0) return null;
  return (
    <section aria-labelledby={`compare-${kind}`}>
      <Heading level={2} data-size="sm" id={`compare-${kind}`}>
        {t(kind === "added" ? "steering.compare.addedHeading" : "steering.compare.removedHeading", {
          count: requirements.length,
        })}
      </Heading>
      <div className="compare-cards">
        {requirements.map((requirement) => (
          <SnapshotCard key={requirement.key} requirement={requirement} kind={kind} />
        ))}
      </div>
    </section>
  );
}

/** What changed from one version of a document to another: chapters and requirements added, removed and changed. */
export function ComparePage() {
  const { t } = useLocale();
  const { documentId } = compareRoute.useParams();
  const search = compareRoute.useSearch();
  const comparison = useCompareVersions(Number(documentId), search.with);

  if (search.with === undefined) {
    return (
      <div className="page">
        <PageTitle>{t("steering.compare.titlePlain")}</PageTitle>
        <Paragraph>{t("steering.compare.pick")}</Paragraph>
      </div>
    );
  }
  if (comparison.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (comparison.isError) {
    return (
      <div className="page">
        <PageTitle>{t("steering.compare.titlePlain")}</PageTitle>
        <ProblemAlert error={comparison.error} headingLevel={2} />
      </div>
    );
  }
  const data = comparison.data;
  const { chapters, requirements } = data;
  const nothing =
    data.document.length === 0 &&
    chapters.added.length + chapters.removed.length + chapters.changed.length === 0 &&
    requirements.added.length + requirements.removed.length + requirements.changed.length === 0;

  return (
    <div className="page">
      <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
        <RouterLink to="/steering">{t("steering.title")}</RouterLink>
        <span aria-hidden="true"> › </span>
        <RouterLink to="/steering/$documentId" params={{ documentId: String(data.to.id) }}>
          {data.to.title}
        </RouterLink>
      </nav>
      <PageTitle>
        {t("steering.compare.title", { from: data.from.versionNumber, to: data.to.versionNumber })}
      </PageTitle>
      <Paragraph className="page-intro">
        {t("steering.compare.summary", {
          added: requirements.added.length,
          removed: requirements.removed.length,
          changed: requirements.changed.length,
          unchanged: data.unchanged.requirements,
        })}
      </Paragraph>
      <DiffLegend />
      {nothing && <Paragraph>{t("steering.compare.nothing")}</Paragraph>}

      {data.document.length > 0 && (
        <section aria-labelledby="compare-document">
          <Heading level={2} data-size="sm" id="compare-document">
            {t("steering.compare.documentHeading")}
          </Heading>
          <Changes changes={data.document} />
        </section>
      )}

      {chapters.added.length + chapters.removed.length + chapters.changed.length > 0 && (
        <section aria-labelledby="compare-chapters">
          <Heading level={2} data-size="sm" id="compare-chapters">
            {t("steering.compare.chaptersHeading")}
          </Heading>
          <ul className="compare-list">
            {chapters.added.map((chapter) => (
              <li key={chapter.key}>
                <ins>
                  <span className="visually-hidden">{t("steering.compare.addedLabel")} </span>
                  {chapter.title}
                </ins>{" "}
                ({t("steering.compare.added")})
              </li>
            ))}
            {chapters.removed.map((chapter) => (
              <li key={chapter.key}>
                <del>
                  <span className="visually-hidden">{t("steering.compare.removedLabel")} </span>
                  {chapter.title}
                </del>{" "}
                ({t("steering.compare.removed")})
              </li>
            ))}
            {chapters.changed.map((chapter) => (
              <li key={chapter.key}>
                {chapter.title} ({t("steering.compare.changed")})
                <Changes changes={chapter.changes} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <SnapshotSection requirements={requirements.added} kind="added" />
      <SnapshotSection requirements={requirements.removed} kind="removed" />
      {requirements.changed.length > 0 && (
        <section aria-labelledby="compare-changed">
          <Heading level={2} data-size="sm" id="compare-changed">
            {t("steering.compare.changedHeading", { count: requirements.changed.length })}
          </Heading>
          <div className="compare-cards">
            {requirements.changed.map((requirement) => (
              <Card key={requirement.key} className="compare-card compare-card--changed">
                <Heading level={3} data-size="2xs">
                  {t("steering.requirementHeading", { number: requirement.number })}
                </Heading>
                <Changes changes={requirement.changes} />
              </Card>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
