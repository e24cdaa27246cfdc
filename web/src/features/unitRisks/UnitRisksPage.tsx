import "../risk/risk.css";
import "./unitRisks.css";
import { Alert, Details, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type UnitRiskList, useUnitRisks } from "../../api/unitRisks.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { AreaNames, areaNamer } from "./areaNames.ts";
import { UnitRiskCard } from "./UnitRiskCard.tsx";
import { NewUnitRiskForm } from "./UnitRiskForm.tsx";
import { UnitRiskOverview } from "./UnitRiskOverview.tsx";
import {
  formatRiskPeriod,
  periodOf,
  type RiskPeriodPart,
  riskPeriodParts,
  riskPeriodYears,
} from "./unitRiskPeriods.ts";
import { riskPeriodName } from "./unitRiskWords.ts";

const unitRisksRoute = getRouteApi("/app/units/$unitId/risks");

/** The lowest rank no open risk holds: where a new risk goes unless the person ranks it. */
function freeRank(list: UnitRiskList): number {
  const taken = new Set(list.risks.filter((risk) => risk.closedAt === null).map((risk) => risk.rank));
  let rank = 1;
  while (taken.has(rank)) rank += 1;
  return rank;
}

/**
 * A unit's own risks ("Topp 5"): the open ones by rank with their level in the period shown and the
 * period before, the closed ones folded away below. The unit's editors add, change, assess and
 * close risks; everyone else who may read the unit reads.
 */
export function UnitRisksPage() {
  const { t, locale } = useLocale();
  const { unitId } = unitRisksRoute.useParams();
  const search = unitRisksRoute.useSearch();
  const navigate = useNavigate({ from: "/units/$unitId/risks" });
  const shown = periodOf(search);
  const period = formatRiskPeriod(shown);
  const register = useUnitRisks(Number(unitId), period);
  const [message, setMessage] = useState<string | null>(null);
  const [addRound, setAddRound] = useState(0);

  const choose = (next: { year: number; part: RiskPeriodPart }) => {
    setMessage(null);
    void navigate({ search: next, replace: true });
  };
  const crumbs = (
    <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
      <RouterLink to="/units">{t("unitRisks.crumbs.units")}</RouterLink>
    </nav>
  );

  if (register.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (register.isError) {
    return (
      <div className="page">
        {crumbs}
        <PageTitle>{t("unitRisks.title")}</PageTitle>
        <ProblemAlert error={register.error} headingLevel={2} />
      </div>
    );
  }
  const data = register.data;
  const open = data.risks.filter((risk) => risk.closedAt === null);
  const closed = data.risks.filter((risk) => risk.closedAt !== null);
  const mayEdit = data.can.edit;
  const card = (risk: UnitRiskList["risks"][number]) => (
    <UnitRiskCard
      risk={risk}
      scale={data.scale}
      areas={data.areas}
      period={data.period}
      previousPeriod={data.previousPeriod}
      mayEdit={mayEdit}
      onDone={setMessage}
    />
  );

  return (
    <AreaNames.Provider value={areaNamer(data, t, locale)}>
      <div className="page unit-risks-page">
        {crumbs}
        <PageTitle>{t("unitRisks.title")}</PageTitle>
        <Paragraph className="page-intro">{t("unitRisks.intro", { unit: data.unit.name })}</Paragraph>
        {!mayEdit && (
          <Alert data-color="info" className="unit-risks-readonly">
            {t("unitRisks.readOnly")}
          </Alert>
        )}
        <fieldset className="unit-risks-period">
          <legend>{t("unitRisks.period.legend")}</legend>
          <SelectField
            label={t("unitRisks.period.year")}
            value={shown.year}
            onChange={(event) => choose({ ...shown, year: Number(event.target.value) })}
          >
            {riskPeriodYears(shown.year).map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("unitRisks.period.part")}
            value={shown.part}
            onChange={(event) => choose({ ...shown, part: event.target.value as RiskPeriodPart })}
          >
            {riskPeriodParts.map((part) => (
              <option key={part} value={part}>
                {t(part === "year" ? "unitRisks.period.year.part" : `unitRisks.period.${part}`)}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <LiveStatus message={message} />

        <section aria-labelledby="unit-risks-open">
          <Heading level={2} data-size="sm" id="unit-risks-open">
            {t("unitRisks.open.title", { period: riskPeriodName(data.period, t) })}
          </Heading>
          {open.length === 0 ? (
            <Paragraph>{t("unitRisks.open.none")}</Paragraph>
          ) : (
            <>
              {open.every((risk) => risk.assessment === null) && (
                <Paragraph>
                  {t("unitRisks.open.noneAssessed", { period: riskPeriodName(data.period, t) })}
                </Paragraph>
              )}
              <UnitRiskOverview
                risks={open}
                scale={data.scale}
                period={data.period}
                previousPeriod={data.previousPeriod}
              />
              <ol className="unit-risks-list">
                {open.map((risk) => (
                  <li key={risk.id}>{card(risk)}</li>
                ))}
              </ol>
            </>
          )}
        </section>

        {mayEdit && (
          <Details key={addRound} className="unit-risks-add">
            <Details.Summary>{t("unitRisks.add.title")}</Details.Summary>
            <Details.Content>
              <NewUnitRiskForm
                unitId={data.unit.id}
                areas={data.areas}
                freeRank={freeRank(data)}
                onDone={(title) => {
                  setAddRound((value) => value + 1);
                  setMessage(t("unitRisks.add.done", { title }));
                }}
              />
            </Details.Content>
          </Details>
        )}

        {closed.length > 0 && (
          <Details className="unit-risks-closed">
            <Details.Summary>{t("unitRisks.closed.title", { count: closed.length })}</Details.Summary>
            <Details.Content>
              <ul className="unit-risks-list">
                {closed.map((risk) => (
                  <li key={risk.id}>{card(risk)}</li>
                ))}
              </ul>
            </Details.Content>
          </Details>
        )}
      </div>
    </AreaNames.Provider>
  );
}
