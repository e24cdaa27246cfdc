import "../answers/reporting.css";
import "./risk.css";
import { Link as DsLink, Paragraph, Spinner, ToggleGroup } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useRound, useRoundRisk } from "../../api/risk.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { periodLabel } from "../answers/labels.tsx";
import { RiskGoalList } from "./RiskGoalList.tsx";
import { RiskGrid } from "./RiskGrid.tsx";
import { RiskHeatMap } from "./RiskHeatMap.tsx";
import { shortPeriod } from "./riskLevels.ts";

const riskRoute = getRouteApi("/app/rounds/$roundId/risk");

/** "Risikovurdering T2-2024": a round's assessed goals, as a list by goal, a goals × units grid or a heat map. */
export function RoundRiskPage() {
  const { t } = useLocale();
  const { roundId } = riskRoute.useParams();
  const { view } = riskRoute.useSearch();
  const navigate = riskRoute.useNavigate();
  const risk = useRoundRisk(Number(roundId));
  const round = useRound(Number(roundId));

  if (risk.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (risk.isError) {
    return (
      <div className="page">
        <PageTitle>{t("risk.round.titlePlain")}</PageTitle>
        <ProblemAlert error={risk.error} headingLevel={2} />
      </div>
    );
  }
  const data = risk.data;
  const shown = view ?? "list";

  return (
    <div className="page risk-page" key={data.roundId}>
      {round.data && (
        <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
          <RouterLink to="/steering/$documentId" params={{ documentId: String(round.data.document.id) }}>
            {round.data.document.title}
          </RouterLink>
          <span aria-hidden="true"> › </span>
          <RouterLink to="/rounds/$roundId" params={{ roundId: String(data.roundId) }}>
            {periodLabel(data.period, t)}
          </RouterLink>
        </nav>
      )}
      <PageTitle>{t("risk.round.title", { period: shortPeriod(data.period) })}</PageTitle>
      <Paragraph className="page-intro">{t("risk.round.intro", { issuer: data.issuer.name })}</Paragraph>

      {data.goals.length === 0 ? (
        <Paragraph>{t("risk.round.none")}</Paragraph>
      ) : (
        <>
          <div className="risk-toolbar">
            <ToggleGroup
              aria-label={t("risk.round.view")}
              value={shown}
              data-size="sm"
              onChange={(value) =>
                void navigate({
                  search: value === "grid" || value === "heatmap" ? { view: value } : {},
                  replace: true,
                })
              }
            >
              <ToggleGroup.Item value="list">{t("risk.round.viewList")}</ToggleGroup.Item>
              <ToggleGroup.Item value="grid">{t("risk.round.viewGrid")}</ToggleGroup.Item>
              <ToggleGroup.Item value="heatmap">{t("risk.round.viewHeat")}</ToggleGroup.Item>
            </ToggleGroup>
            <DsLink href={`/api/rounds/${data.roundId}/risk.xlsx`} download>
              <span aria-hidden="true">⤓</span> {t("risk.round.download")}
            </DsLink>
          </div>
          {shown === "grid" && <RiskGrid data={data} />}
          {shown === "heatmap" && <RiskHeatMap data={data} />}
          {shown === "list" && <RiskGoalList data={data} />}
        </>
      )}
    </div>
  );
}
