import "../answers/reporting.css";
import "./risk.css";
import { Alert, Heading, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import {
  type RiskAssessment,
  type RoundRisk,
  useDocumentRounds,
  useRiskAssessment,
  useRound,
  useRoundRisk,
} from "../../api/risk.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { periodLabel, StateTag } from "../answers/labels.tsx";
import { RiskHistory } from "./RiskHistory.tsx";
import { CarriedForwardNote, ChangeText, LevelBadge } from "./RiskLabels.tsx";
import { RiskWorkflow } from "./RiskWorkflow.tsx";
import { keepTogether, levelByKey, previousPeriod, shortPeriod } from "./riskLevels.ts";

const assessmentRoute = getRouteApi("/app/risk-assessments/$id");

/** The units' levels of the same goal, beside which the issuing unit writes its overall assessment. */
function UnitLevels({ assessment, risk }: { assessment: RiskAssessment; risk: RoundRisk }) {
  const { t } = useLocale();
  const goal = risk.goals.find((each) => each.requirement.id === assessment.requirement.id);
  return (
    <section aria-labelledby="risk-units-heading" className="risk-unit-levels">
      <Heading level={2} data-size="sm" id="risk-units-heading">
        {t("risk.assessment.unitsHeading")}
      </Heading>
      <Paragraph data-size="sm">
        {t("risk.assessment.unitsIntro", { period: shortPeriod(assessment.period) })}
      </Paragraph>
      {!goal || goal.units.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("risk.round.noUnits")}
        </Paragraph>
      ) : (
        <ScrollRegion label={t("risk.assessment.unitsHeading")}>
          <Table data-size="sm" className="risk-units">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("risk.column.unit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.column.level")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.column.change")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.column.state")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {goal.units.map((each) => (
                <Table.Row key={each.id}>
                  <Table.HeaderCell scope="row" className="risk-units__unit">
                    <RouterLink to="/risk-assessments/$id" params={{ id: String(each.id) }}>
                      {each.unit.name}
                    </RouterLink>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <LevelBadge level={levelByKey(risk.scale, each.level)} />
                  </Table.Cell>
                  <Table.Cell>
                    <ChangeText change={each.change} />
                  </Table.Cell>
                  <Table.Cell>
                    <span className="risk-facts">
                      <StateTag state={each.state} />
                      {each.carriedForward && <CarriedForwardNote />}
                    </span>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** One unit's (or the issuer's overall) risk assessment of one goal: facts, the form, the history. */
export function RiskAssessmentPage() {
  const { t } = useLocale();
  const { id } = assessmentRoute.useParams();
  const assessment = useRiskAssessment(Number(id));
  const roundId = assessment.data?.roundId ?? 0;
  const risk = useRoundRisk(roundId, assessment.data !== undefined);
  const round = useRound(roundId, assessment.data !== undefined);
  const rounds = useDocumentRounds(assessment.data?.carriedForward ? round.data?.document.id : undefined);

  if (assessment.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (assessment.isError) {
    return (
      <div className="page">
        <PageTitle>{t("risk.assessment.titlePlain")}</PageTitle>
        <ProblemAlert error={assessment.error} headingLevel={2} />
      </div>
    );
  }
  const data = assessment.data;
  const overall = data.kind === "overall";
  const title = t(overall ? "risk.assessment.titleOverall" : "risk.assessment.titleUnit", {
    number: keepTogether(data.requirement.number),
    unit: data.unit.name,
  });
  const scale = risk.data?.scale;
  const area = risk.data?.goals.find((goal) => goal.requirement.id === data.requirement.id)?.area;
  const from = rounds.data
    ? previousPeriod(
        data.period,
        rounds.data.map((each) => each.period),
      )
    : null;

  return (
    // Keyed by the assessment, so that moving to another one starts its form afresh.
    <div className="page risk-page" key={data.id}>
      <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
        {round.data && (
          <>
            <RouterLink to="/steering/$documentId" params={{ documentId: String(round.data.document.id) }}>
              {round.data.document.title}
            </RouterLink>
            <span aria-hidden="true"> › </span>
            <RouterLink to="/rounds/$roundId" params={{ roundId: String(data.roundId) }}>
              {periodLabel(data.period, t)}
            </RouterLink>
            <span aria-hidden="true"> › </span>
          </>
        )}
        <RouterLink to="/rounds/$roundId/risk" params={{ roundId: String(data.roundId) }}>
          {t("risk.round.title", { period: shortPeriod(data.period) })}
        </RouterLink>
      </nav>
      <PageTitle>{title}</PageTitle>
      <dl className="facts facts--inline risk-assessment-facts">
        {area && (
          <>
            <dt>{t("risk.table.area")}</dt>
            <dd>{area}</dd>
          </>
        )}
        <dt>{t("risk.assessment.goal")}</dt>
        <dd>{data.requirement.text}</dd>
        <dt>{t("risk.assessment.unit")}</dt>
        <dd>{data.unit.name}</dd>
        <dt>{t("risk.assessment.period")}</dt>
        <dd>{periodLabel(data.period, t)}</dd>
        {scale && (
          <>
            <dt>{t("risk.assessment.previous")}</dt>
            <dd>
              <LevelBadge level={levelByKey(scale, data.previousLevel)} />
            </dd>
          </>
        )}
        <dt>{t("risk.assessment.change")}</dt>
        <dd>
          <ChangeText change={data.change} />
        </dd>
      </dl>

      {data.carriedForward && (
        <Alert data-color="info" className="risk-carried-notice">
          {from
            ? t("risk.assessment.carriedForward", { period: shortPeriod(from) })
            : t("risk.assessment.carriedForwardPlain")}
        </Alert>
      )}

      {risk.isError && <ProblemAlert error={risk.error} headingLevel={2} />}
      {overall && risk.data && <UnitLevels assessment={data} risk={risk.data} />}
      {scale ? (
        <RiskWorkflow assessment={data} scale={scale} />
      ) : (
        risk.isPending && <Spinner aria-label={t("common.loading")} />
      )}
      {scale && <RiskHistory assessmentId={data.id} scale={scale} />}
    </div>
  );
}
