import { Alert, Button, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { publishedXlsxUrl, usePublishedScorecard } from "../../api/scorecards.ts";
import { formatDateTime } from "../../components/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { periodName } from "./format.ts";
import { periodSearch } from "./periods.ts";
import { IndicatorHeading, ScorecardTable } from "./ScorecardTable.tsx";
import "./scorecard.css";

const route = getRouteApi("/app/scorecard/published/$id");

/** A published scorecard in the browser: the snapshot as it was published, never recomputed. */
export function PublishedScorecardPage() {
  const { t, locale } = useLocale();
  const { id } = route.useParams();
  const publishedId = Number(id);
  const published = usePublishedScorecard(publishedId, Number.isInteger(publishedId) && publishedId > 0);
  const data = published.data;
  const card = data?.scorecard;
  const periodText = card ? periodName(card.period, locale, t) : "";
  return (
    <div className="page scorecard-page">
      <nav aria-label={t("indicators.breadcrumbs")} className="crumbs">
        <Link to="/scorecard" search={card ? { unit: card.unit.id, ...periodSearch(card.period) } : {}}>
          {t("scorecard.publishedPage.back")}
        </Link>
      </nav>
      <PageTitle>{t("scorecard.publishedPage.title")}</PageTitle>
      {published.isPending && <Spinner aria-label={t("common.loading")} />}
      {published.isError && <ProblemAlert error={published.error} headingLevel={2} />}
      {data && card && (
        <section aria-labelledby="published-scorecard-heading" className="scorecard-section">
          <div className="scorecard-heading">
            <div>
              <Heading level={2} data-size="md" id="published-scorecard-heading">
                {t("scorecard.publishedPage.heading", { unit: card.unit.name, period: periodText })}
              </Heading>
              <Paragraph data-size="sm" className="muted">
                {t("scorecard.publishedPage.meta", {
                  by: data.publishedByName,
                  at: formatDateTime(card.extractedAt, locale),
                })}{" "}
                {t("scorecard.indicatorCount", { count: card.rows.length })}
              </Paragraph>
            </div>
            <div className="scorecard-actions">
              <Button asChild variant="secondary">
                <a href={publishedXlsxUrl(data.id)} download>
                  <span aria-hidden="true">⤓</span>
                  {t("scorecard.export")}
                </a>
              </Button>
            </div>
          </div>
          <Alert data-color={data.changesSincePublished.changed === 0 ? "success" : "info"}>
            {data.changesSincePublished.changed === 0
              ? t("scorecard.publishedPage.unchanged")
              : t("scorecard.publishedPage.changed", { count: data.changesSincePublished.changed })}
          </Alert>
          <ScorecardTable
            rows={card.rows}
            caption={t("scorecard.tableCaption", { unit: card.unit.name, period: periodText })}
            firstColumnLabel={t("scorecard.column.indicator")}
            rowKey={(row) => `published-${row.indicator.id}`}
            rowHeading={(row) => (
              <IndicatorHeading row={row} to={{ unitId: card.unit.id, period: card.period }} />
            )}
          />
        </section>
      )}
    </div>
  );
}
