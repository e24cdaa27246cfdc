import "../answers/reporting.css";
import "./start.css";
import { Card, Heading, Link, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useUnits } from "../../api/hooks.ts";
import { type Round, useReportingProgress } from "../../api/reporting.ts";
import { useLatestPeriod, useScorecard } from "../../api/scorecards.ts";
import { formatDate } from "../../components/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";
import { useNumbers } from "../../i18n/numbers.ts";
import { overdueIcon, periodLabel } from "../answers/labels.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { OverdueTable } from "../rounds/OverdueTable.tsx";

/**
 * The start page of people with no answers to write or approve (readers, controllers,
 * administrators): their unit's scorecard for the latest period with data, the reporting rounds
 * in progress, and the answers that are late. Editors and approvers start at their inbox, and can
 * open this overview from there.
 */
export function StartPage() {
  const { t } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit } = useSelectedUnit(me, units.data);
  const works = me.roles.some((role) => role.role === "editor" || role.role === "approver");

  return (
    <div className="page start-page">
      <PageTitle>{t("start.title")}</PageTitle>
      {units.isPending && <Spinner aria-label={t("common.loading")} />}
      <ProblemAlert error={units.error} headingLevel={2} />
      {selectedUnit ? (
        <Paragraph className="page-intro">{t("start.intro", { unit: selectedUnit.name })}</Paragraph>
      ) : (
        units.data && <Paragraph>{t("start.noUnit")}</Paragraph>
      )}
      {works && (
        <Paragraph>
          <Link asChild>
            <RouterLink to="/inbox">{t("start.toInbox")}</RouterLink>
          </Link>
        </Paragraph>
      )}
      <div className="start-grid">
        {selectedUnit && <ScorecardSummary unitId={selectedUnit.id} unitName={selectedUnit.name} />}
        <RoundProgress />
      </div>
      <OverdueTable headingLevel={2} />
    </div>
  );
}

const colours = ["green", "yellow", "red", "grey"] as const;
const colourKey: Record<(typeof colours)[number], MessageKey> = {
  green: "scorecard.summary.attainment.green",
  yellow: "scorecard.summary.attainment.yellow",
  red: "scorecard.summary.attainment.red",
  grey: "scorecard.summary.attainment.grey",
};
const colourIcon: Record<(typeof colours)[number], string> = { green: "●", yellow: "◐", red: "✕", grey: "○" };

/** Indicators by colour in the unit's scorecard for the latest ended period with data. */
function ScorecardSummary({ unitId, unitName }: { unitId: number; unitName: string }) {
  const { t } = useLocale();
  const { formatCount } = useNumbers();
  const latest = useLatestPeriod(unitId);
  const period = latest.data?.period ?? null;
  const scorecard = useScorecard(period === null ? undefined : unitId, period ?? "");
  const summary = period !== null ? scorecard.data?.summary : undefined;

  return (
    <Card className="start-card" aria-labelledby="start-scorecard-heading">
      <Heading level={2} data-size="xs" id="start-scorecard-heading">
        {t("start.scorecard.heading")}
      </Heading>
      {(latest.isPending || (period !== null && scorecard.isPending)) && (
        <Spinner aria-label={t("common.loading")} data-size="sm" />
      )}
      <ProblemAlert error={latest.error ?? scorecard.error} headingLevel={3} />
      {latest.data && period === null && <Paragraph>{t("start.scorecard.none")}</Paragraph>}
      {period !== null && summary && (
        <>
          <Paragraph data-size="sm" className="muted">
            {t("start.scorecard.period", { unit: unitName, period: periodLabel(period, t) })} ·{" "}
            {t("start.scorecard.total", { count: formatCount(summary.total) })}
          </Paragraph>
          <ul className="colour-counts">
            {colours.map((colour) => (
              <li key={colour} className={`colour-counts__item colour-counts__item--${colour}`}>
                <span aria-hidden="true" className="colour-counts__icon">
                  {colourIcon[colour]}
                </span>
                <strong className="colour-counts__count">
                  {formatCount(summary.attainment[colour].count)}
                </strong>
                <span>{t(colourKey[colour])}</span>
              </li>
            ))}
          </ul>
          <Paragraph data-size="sm">
            <Link asChild>
              <RouterLink to="/scorecard" search={{ unit: unitId }}>
                {t("start.scorecard.open")}
              </RouterLink>
            </Link>
          </Paragraph>
        </>
      )}
    </Card>
  );
}

/** The open rounds with how far their answers have come, over the answers the person may read. */
function RoundProgress() {
  const { t } = useLocale();
  const progress = useReportingProgress();
  return (
    <Card className="start-card" aria-labelledby="start-rounds-heading">
      <Heading level={2} data-size="xs" id="start-rounds-heading">
        {t("start.rounds.heading")}
      </Heading>
      {progress.isPending && <Spinner aria-label={t("common.loading")} data-size="sm" />}
      <ProblemAlert error={progress.error} headingLevel={3} />
      {progress.data && progress.data.rounds.length === 0 && <Paragraph>{t("start.rounds.none")}</Paragraph>}
      {progress.data && progress.data.rounds.length > 0 && (
        <>
          <Paragraph data-size="sm">
            <span aria-hidden="true">{overdueIcon}</span> {t("start.overdue.summary")}:{" "}
            <strong>{progress.data.overdue.count}</strong>
          </Paragraph>
          <ul className="round-progress">
            {progress.data.rounds.map((round) => (
              <RoundLine key={round.id} round={round} />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function RoundLine({ round }: { round: Round }) {
  const { t, locale } = useLocale();
  const { formatCount } = useNumbers();
  const counts = round.counts;
  if (!counts) return null;
  const approved = counts.byState.approved;
  return (
    <li>
      <span>
        <Link asChild>
          <RouterLink to="/rounds/$roundId" params={{ roundId: String(round.id) }}>
            {round.document.title}, {periodLabel(round.period, t)}
          </RouterLink>
        </Link>
        <span className="muted">
          {" "}
          · {t("start.rounds.deadline", { date: formatDate(round.deadline, locale) })}
        </span>
      </span>
      <progress
        className="round-progress__bar"
        max={Math.max(counts.total, 1)}
        value={approved}
        aria-hidden="true"
      />
      <span className="round-progress__text">
        {t("start.rounds.progress", { approved: formatCount(approved), total: formatCount(counts.total) })}
      </span>
      <span className="round-progress__details muted">
        {t("start.rounds.details", {
          submitted: formatCount(counts.byState.submitted),
          draft: formatCount(counts.byState.draft),
          overdue: formatCount(counts.overdue),
        })}
      </span>
    </li>
  );
}
