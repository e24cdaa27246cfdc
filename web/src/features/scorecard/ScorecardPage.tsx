import { Alert, Button, Card, Details, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { scorecardHasData } from "../../../../src/domain/scorecard.ts";
import { scorecardXlsxUrl, useLatestPeriod, useScorecard, useSummaryTables } from "../../api/scorecards.ts";
import { formatDateTime } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { periodName } from "./format.ts";
import { PeriodPicker } from "./PeriodPicker.tsx";
import { PublishButton } from "./PublishButton.tsx";
import { PublishedScorecards } from "./PublishedScorecards.tsx";
import { latestFinishedPeriod, parsePeriodChoice, periodFromSearch, periodSearch } from "./periods.ts";
import { IndicatorHeading, ScorecardTable } from "./ScorecardTable.tsx";
import { SummaryTables } from "./SummaryTables.tsx";
import "./scorecard.css";
import { useUnitInUrl } from "./useUnitInUrl.ts";

const route = getRouteApi("/app/scorecard");

export function ScorecardPage() {
  const { t, locale } = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { unit, units } = useUnitInUrl(search.unit, (unitId) =>
    navigate({ search: (previous) => ({ ...previous, unit: unitId }), replace: true }),
  );
  // Without a period in the address the page opens on the latest ended period with data, not on
  // an empty one; the server knows which.
  const latest = useLatestPeriod(unit?.id);
  const latestPeriod = latest.data?.period ?? null;
  const chosen = search.year !== undefined;
  const waitingForOpening = !chosen && unit !== undefined && latest.isPending;
  const period = periodFromSearch(search, latestPeriod ?? latestFinishedPeriod());
  const year = parsePeriodChoice(period).year;
  const scorecard = useScorecard(waitingForOpening ? undefined : unit?.id, period);
  const summary = useSummaryTables(waitingForOpening ? undefined : unit?.id, year);
  const [status, setStatus] = useState<string | null>(null);

  const setPeriod = (next: string) => {
    setStatus(null);
    navigate({ search: (previous) => ({ ...previous, ...periodSearch(next) }) });
  };

  const periodText = periodName(period, locale, t);
  const card = scorecard.data;
  const hasData = card !== undefined && scorecardHasData(card.rows);
  const hasNoFigures = card !== undefined && card.rows.length > 0 && !hasData;
  const openingNote =
    chosen || !latest.data
      ? null
      : latestPeriod === null
        ? t("scorecard.opening.none", { period: periodText })
        : t("scorecard.opening.latest", { period: periodText });

  return (
    <div className="page scorecard-page">
      <PageTitle>{t("scorecard.title")}</PageTitle>
      <Paragraph className="page-intro">{t("scorecard.intro")}</Paragraph>
      <LiveStatus message={status} />

      <Card className="scorecard-filter">
        <div className="scorecard-filter__unit">
          <span className="scorecard-filter__label">{t("scorecard.unitLabel")}</span>
          <strong>{unit ? `${unit.code} – ${unit.name}` : t("header.unitPickerNone")}</strong>
          <span className="cell-note">{t("scorecard.unitHelp")}</span>
        </div>
        <PeriodPicker period={period} onChange={setPeriod} />
      </Card>

      {units.isError && <ProblemAlert error={units.error} headingLevel={2} />}
      {scorecard.isError && <ProblemAlert error={scorecard.error} headingLevel={2} />}
      {unit && latest.isError && <ProblemAlert error={latest.error} headingLevel={2} />}
      {(units.isPending || waitingForOpening || (unit && scorecard.isPending)) && (
        <Spinner aria-label={t("common.loading")} />
      )}

      {unit && card && (
        <section aria-labelledby="scorecard-heading" className="scorecard-section">
          <div className="scorecard-heading">
            <div>
              <Heading level={2} data-size="md" id="scorecard-heading">
                {t("scorecard.heading", { unit: card.unit.name, period: periodName(card.period, locale, t) })}
              </Heading>
              {openingNote && (
                <Paragraph data-size="sm" className="opening-note" data-testid="opening-note">
                  {openingNote}
                </Paragraph>
              )}
              <Paragraph data-size="sm" className="muted">
                {t("scorecard.extractedAt", { at: formatDateTime(card.extractedAt, locale) })}{" "}
                {t("scorecard.indicatorCount", { count: card.rows.length })}
              </Paragraph>
            </div>
            <div className="scorecard-actions">
              <Button asChild variant="primary">
                <a href={scorecardXlsxUrl(card.unit.id, card.period)} download>
                  <span aria-hidden="true">⤓</span>
                  {t("scorecard.export")}
                </a>
              </Button>
              {unit.can.publishScorecard && hasData && (
                <PublishButton
                  unit={card.unit}
                  period={card.period}
                  periodText={periodName(card.period, locale, t)}
                  onDone={setStatus}
                />
              )}
            </div>
          </div>
          {hasNoFigures && (
            <Alert data-color="info">
              <Paragraph data-size="sm">{t("scorecard.noFiguresYet")}</Paragraph>
              {unit.can.publishScorecard && (
                <Paragraph data-size="sm">{t("scorecard.publish.noData", { period: periodText })}</Paragraph>
              )}
              {latestPeriod !== null && latestPeriod !== card.period && (
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  onClick={() => setPeriod(latestPeriod)}
                >
                  {t("scorecard.opening.showLatest", { period: periodName(latestPeriod, locale, t) })}
                </Button>
              )}
            </Alert>
          )}
          {card.rows.length === 0 ? (
            <Paragraph>{t("scorecard.empty")}</Paragraph>
          ) : (
            <ScorecardTable
              rows={card.rows}
              caption={t("scorecard.tableCaption", { unit: card.unit.name, period: periodText })}
              firstColumnLabel={t("scorecard.column.indicator")}
              rowKey={(row) => `indicator-${row.indicator.id}`}
              rowHeading={(row) => (
                <IndicatorHeading row={row} to={{ unitId: card.unit.id, period: card.period }} />
              )}
            />
          )}
          <Details>
            <Details.Summary>{t("scorecard.guide.title")}</Details.Summary>
            <Details.Content>
              <ul className="guide-list">
                <li>{t("scorecard.guide.windows")}</li>
                <li>{t("scorecard.guide.sums")}</li>
                <li>{t("scorecard.guide.attainment")}</li>
                <li>{t("scorecard.guide.trend")}</li>
                <li>{t("scorecard.guide.tooFew")}</li>
              </ul>
            </Details.Content>
          </Details>
        </section>
      )}

      {unit && summary.isError && <ProblemAlert error={summary.error} headingLevel={2} />}
      {unit && summary.data && <SummaryTables tables={summary.data} />}
      {unit && <PublishedScorecards unitId={unit.id} />}
    </div>
  );
}
