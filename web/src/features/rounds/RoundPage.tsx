import "../answers/reporting.css";
import "./rounds.css";
import { Button, Link, Paragraph, Spinner, Tag } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import { useRoundMatrix, useRoundState } from "../../api/reporting.ts";
import { formatDate } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { periodLabel } from "../answers/labels.tsx";
import { CountsSummary } from "./CountsSummary.tsx";
import { Matrix } from "./Matrix.tsx";
import { OverdueTable } from "./OverdueTable.tsx";
import { UnitCounts } from "./UnitCounts.tsx";

const roundRoute = getRouteApi("/app/rounds/$roundId");

/** A reporting round: its answers as requirements x units, counts, and who is late. */
export function RoundPage() {
  const { t, locale } = useLocale();
  const { roundId } = roundRoute.useParams();
  const matrix = useRoundMatrix(Number(roundId));
  const changeState = useRoundState();
  const [message, setMessage] = useState<string | null>(null);

  if (matrix.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (matrix.isError) {
    return (
      <div className="page">
        <PageTitle>{t("rounds.titlePlain")}</PageTitle>
        <ProblemAlert error={matrix.error} headingLevel={2} />
      </div>
    );
  }
  const { round } = matrix.data;

  const toggleState = (action: "close" | "reopen") => {
    setMessage(null);
    changeState.mutate(
      { id: round.id, version: round.version, action },
      { onSuccess: () => setMessage(t(action === "close" ? "rounds.closed" : "rounds.reopened")) },
    );
  };

  return (
    <div className="page" key={round.id}>
      <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
        <RouterLink to="/steering/$documentId" params={{ documentId: String(round.document.id) }}>
          {round.document.title}
        </RouterLink>
      </nav>
      <PageTitle>
        {t("rounds.title", { document: round.document.title, period: periodLabel(round.period, t) })}
      </PageTitle>
      <dl className="facts facts--inline round-facts">
        <dt>{t("rounds.deadline")}</dt>
        <dd>{formatDate(round.deadline, locale)}</dd>
        <dt>{t("rounds.state")}</dt>
        <dd>
          <Tag data-color={round.state === "open" ? "success" : "neutral"} data-size="sm">
            <span aria-hidden="true">{round.state === "open" ? "○" : "🔒"}</span>{" "}
            {t(`rounds.state.${round.state}`)}
          </Tag>
        </dd>
        <dt>{t("rounds.issuer")}</dt>
        <dd>{round.document.issuingUnit.name}</dd>
        <dt>{t("rounds.asOf")}</dt>
        <dd>{formatDate(matrix.data.asOf, locale)}</dd>
      </dl>
      {round.state === "closed" && <Paragraph>{t("rounds.closedExplained")}</Paragraph>}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/rounds/$roundId/risk" params={{ roundId: String(round.id) }}>
            {t("risk.round.link")}
          </RouterLink>
        </Link>
      </Paragraph>
      <LiveStatus message={message} />
      {(round.can.close || round.can.reopen) && (
        <div className="button-row">
          {round.can.close && (
            <Button
              type="button"
              variant="secondary"
              onClick={() => toggleState("close")}
              loading={changeState.isPending}
            >
              {t("rounds.close")}
            </Button>
          )}
          {round.can.reopen && (
            <Button
              type="button"
              variant="secondary"
              onClick={() => toggleState("reopen")}
              loading={changeState.isPending}
            >
              {t("rounds.reopen")}
            </Button>
          )}
        </div>
      )}
      <ProblemAlert error={changeState.error} headingLevel={2} />

      {round.counts && <CountsSummary counts={round.counts} />}
      <Matrix data={matrix.data} />

      <UnitCounts data={matrix.data} />
      <OverdueTable roundId={round.id} headingLevel={2} />
    </div>
  );
}
