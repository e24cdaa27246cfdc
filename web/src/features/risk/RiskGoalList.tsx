import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import type { RiskAssessment, RiskGoal, RoundRisk } from "../../api/risk.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { StateTag } from "../answers/labels.tsx";
import { CarriedForwardNote, ChangeText, LevelBadge } from "./RiskLabels.tsx";
import { byArea, levelByKey } from "./riskLevels.ts";

function AssessmentLink({ assessment, children }: { assessment: RiskAssessment; children: string }) {
  return (
    <RouterLink to="/risk-assessments/$id" params={{ id: String(assessment.id) }}>
      {children}
    </RouterLink>
  );
}

/** Level, change, state and whether it is still carried forward: one assessment in a line. */
function AssessmentFacts({ assessment, data }: { assessment: RiskAssessment; data: RoundRisk }) {
  return (
    <span className="risk-facts">
      <LevelBadge level={levelByKey(data.scale, assessment.level)} />
      <ChangeText change={assessment.change} />
      <StateTag state={assessment.state} />
      {assessment.carriedForward && <CarriedForwardNote />}
    </span>
  );
}

function GoalSection({ goal, data }: { goal: RiskGoal; data: RoundRisk }) {
  const { t } = useLocale();
  const headingId = `risk-goal-${goal.requirement.id}`;
  return (
    <section className="risk-goal" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        <span className="risk-goal__number">{goal.requirement.number}</span> {goal.requirement.text}
      </Heading>
      <div className="risk-goal__overall">
        {goal.overall ? (
          <>
            <AssessmentLink assessment={goal.overall}>
              {t("risk.round.overall", { unit: goal.overall.unit.name })}
            </AssessmentLink>
            <AssessmentFacts assessment={goal.overall} data={data} />
          </>
        ) : (
          <Paragraph data-size="sm" className="muted">
            {t("risk.round.noOverall")}
          </Paragraph>
        )}
      </div>
      {goal.units.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t("risk.round.noUnits")}
        </Paragraph>
      ) : (
        <ScrollRegion label={t("risk.round.unitsCaption", { number: goal.requirement.number })}>
          <Table data-size="sm" className="risk-units">
            <caption className="visually-hidden">
              {t("risk.round.unitsCaption", { number: goal.requirement.number })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("risk.column.unit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.column.level")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.column.change")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.column.state")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {goal.units.map((assessment) => (
                <Table.Row key={assessment.id}>
                  <Table.HeaderCell scope="row" className="risk-units__unit">
                    <AssessmentLink assessment={assessment}>{assessment.unit.name}</AssessmentLink>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <LevelBadge level={levelByKey(data.scale, assessment.level)} />
                  </Table.Cell>
                  <Table.Cell>
                    <ChangeText change={assessment.change} />
                  </Table.Cell>
                  <Table.Cell>
                    <span className="risk-facts">
                      <StateTag state={assessment.state} />
                      {assessment.carriedForward && <CarriedForwardNote />}
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

/** Each assessed goal under its area: the overall assessment, then a row per unit. */
export function RiskGoalList({ data }: { data: RoundRisk }) {
  const { t } = useLocale();
  return (
    <div className="risk-areas">
      {byArea(data.goals).map(({ area, goals }) => (
        <section key={area ?? ""} className="risk-area" aria-label={area ?? t("risk.noArea")}>
          <Heading level={2} data-size="sm">
            {area ?? t("risk.noArea")}
          </Heading>
          {goals.map((goal) => (
            <GoalSection key={goal.requirement.id} goal={goal} data={data} />
          ))}
        </section>
      ))}
    </div>
  );
}
