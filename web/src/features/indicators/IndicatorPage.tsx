import { Card, Spinner, Tag } from "@digdir/designsystemet-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { indicatorName, useIndicator } from "../../api/indicators.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { PeriodPicker } from "../scorecard/PeriodPicker.tsx";
import { latestFinishedPeriod, periodFromSearch, periodSearch } from "../scorecard/periods.ts";
import "../scorecard/scorecard.css";
import { useUnitInUrl } from "../scorecard/useUnitInUrl.ts";
import { BreakdownSection } from "./BreakdownSection.tsx";
import { IndicatorFacts } from "./IndicatorFacts.tsx";
import { ManageSection } from "./ManageSection.tsx";
import { MonthlySection } from "./MonthlySection.tsx";
import { TargetsSection } from "./TargetsSection.tsx";

const route = getRouteApi("/app/indicators/$id");

export function IndicatorPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const indicatorId = Number(id);
  const period = periodFromSearch(search, latestFinishedPeriod());
  const indicator = useIndicator(indicatorId);
  const { unit, units } = useUnitInUrl(search.unit, (unitId) =>
    navigate({ search: (previous) => ({ ...previous, unit: unitId }), replace: true }),
  );
  const [status, setStatus] = useState<string | null>(null);

  if (indicator.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (indicator.isError) {
    return (
      <div className="page">
        <PageTitle>{t("indicators.notFoundTitle")}</PageTitle>
        <ProblemAlert error={indicator.error} headingLevel={2} />
        <Link to="/indicators">{t("indicators.backToCatalogue")}</Link>
      </div>
    );
  }
  const data = indicator.data;
  const mayManage = data.can.edit;
  const mayEditTargets = data.can.manageTargets;

  return (
    <div className="page indicator-page">
      <nav aria-label={t("indicators.breadcrumbs")} className="crumbs">
        <Link to="/indicators">{t("indicators.title")}</Link>
        <span aria-hidden="true"> / </span>
        <Link to="/scorecard" search={{ unit: unit?.id, ...periodSearch(period) }}>
          {t("indicators.backToScorecard")}
        </Link>
      </nav>
      <PageTitle>{indicatorName(data, locale)}</PageTitle>
      <div className="indicator-subtitle">
        <span className="code">{data.code}</span>
        {data.retired && (
          <Tag data-color="warning" data-size="sm">
            {t("indicators.retired")}
          </Tag>
        )}
      </div>
      <LiveStatus message={status} />

      <IndicatorFacts indicator={data} units={units.data ?? []} />
      <TargetsSection indicator={data} units={units.data ?? []} mayEdit={mayEditTargets} onDone={setStatus} />

      <Card className="scorecard-filter">
        <div className="scorecard-filter__unit">
          <span className="scorecard-filter__label">{t("scorecard.unitLabel")}</span>
          <strong>{unit ? `${unit.code} – ${unit.name}` : t("header.unitPickerNone")}</strong>
          <span className="cell-note">{t("scorecard.unitHelp")}</span>
        </div>
        <PeriodPicker
          period={period}
          onChange={(next) => navigate({ search: (previous) => ({ ...previous, ...periodSearch(next) }) })}
        />
      </Card>

      {unit && <MonthlySection indicatorId={indicatorId} unit={unit} period={period} />}
      {unit && (
        <BreakdownSection
          indicatorId={indicatorId}
          unit={unit}
          period={period}
          onDrill={(child) =>
            // The link clicked is gone once the table shows the unit below, so focus moves to
            // the new unit's figures.
            navigate({ search: (previous) => ({ ...previous, unit: child }) }).then(() =>
              document.getElementById("monthly-heading")?.focus(),
            )
          }
        />
      )}
      {mayManage && units.data && (
        <ManageSection indicator={data} me={me} units={units.data} onDone={setStatus} />
      )}
    </div>
  );
}
