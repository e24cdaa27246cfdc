import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useId } from "react";
import type { ActionPlan, ActionPlanProgress, SubGoal } from "../../api/actionPlans.ts";
import { formatDate } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { SubGoalEditing } from "./PlanEditing.tsx";
import {
  keyIndicatorVerdict,
  responsibleWords,
  standingWords,
  targetWords,
  VerdictMark,
  valueWords,
} from "./planWords.tsx";

type Props = {
  plan: ActionPlan;
  /** null: the measures under no sub-goal ("Andre tiltak"). */
  subGoal: SubGoal | null;
  progress: ActionPlanProgress | undefined;
  period: string;
  /** Told once an editor deletes the sub-goal, with the message to show. */
  onSubGoalRemoved: (message: string) => void;
};

/**
 * One sub-goal in the seed's form: its key indicators against the year's target in the tertial,
 * then its measures with priority, years, resource, responsible and where each stood at the
 * tertial's end.
 */
export function SubGoalSection({ plan, subGoal, progress, period, onSubGoalRemoved }: Props) {
  const { t, locale } = useLocale();
  const headingId = useId();
  const measures = plan.measures.filter((measure) => measure.subGoalId === (subGoal?.id ?? null));
  const standing = new Map((progress?.measures ?? []).map((entry) => [entry.planMeasureId, entry]));
  const keyProgress = new Map((progress?.keyIndicators ?? []).map((entry) => [entry.keyIndicatorId, entry]));
  const year = period.slice(0, 4);
  const heading = subGoal
    ? `${t("actionPlans.subGoal", { number: subGoal.number })}: ${subGoal.text}`
    : t("actionPlans.otherMeasures");

  return (
    <section className="sub-goal" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {heading}
      </Heading>
      {subGoal && (
        <>
          <Heading level={3} data-size="2xs">
            {t("actionPlans.keyIndicators")}
          </Heading>
          {subGoal.keyIndicators.length === 0 ? (
            <Paragraph data-size="sm">{t("actionPlans.noKeyIndicators")}</Paragraph>
          ) : (
            <ScrollRegion label={`${heading}: ${t("actionPlans.keyIndicators")}`}>
              <Table data-size="sm" className="plan-table">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t("actionPlans.keyIndicator")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("actionPlans.col.target", { year })}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("actionPlans.col.value")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("actionPlans.col.assessment")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {subGoal.keyIndicators.map((keyIndicator) => {
                    const entry = keyProgress.get(keyIndicator.id);
                    return (
                      <Table.Row key={keyIndicator.id}>
                        <Table.HeaderCell scope="row">{keyIndicator.text}</Table.HeaderCell>
                        <Table.Cell>{entry ? targetWords(entry, t, locale) : "…"}</Table.Cell>
                        <Table.Cell>{entry ? valueWords(entry, t) : "…"}</Table.Cell>
                        <Table.Cell>
                          {entry && <VerdictMark verdict={keyIndicatorVerdict(entry, t)} />}
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )}
          <Heading level={3} data-size="2xs">
            {t("actionPlans.measures")}
          </Heading>
        </>
      )}
      {measures.length === 0 ? (
        <Paragraph data-size="sm">{t("actionPlans.noMeasures")}</Paragraph>
      ) : (
        <ScrollRegion label={`${heading}: ${t("actionPlans.measures")}`}>
          <Table data-size="sm" className="plan-table plan-measures">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("actionPlans.col.label")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.col.measure")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.col.priority")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.col.years")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.col.resource")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.col.responsible")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("actionPlans.col.standing", { period })}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {measures.map((measure) => {
                const now = standing.get(measure.id);
                return (
                  <Table.Row key={measure.id}>
                    <Table.Cell>{measure.label}</Table.Cell>
                    <Table.HeaderCell scope="row">
                      {measure.title}
                      {measure.carriedOver && (
                        <>
                          {" "}
                          <Tag data-size="sm" data-color="info">
                            {t("actionPlans.carriedOver")}
                          </Tag>
                        </>
                      )}
                    </Table.HeaderCell>
                    <Table.Cell>{measure.priority}</Table.Cell>
                    <Table.Cell>{measure.years.join(", ")}</Table.Cell>
                    <Table.Cell>{measure.resource}</Table.Cell>
                    <Table.Cell>{responsibleWords(plan, measure, t)}</Table.Cell>
                    <Table.Cell>
                      {now ? standingWords(now, t) : standingWords(measure, t)}
                      {now && (
                        <span className="action-plan-muted">
                          <br />
                          {now.reportedOn
                            ? t("actionPlans.reportedOn", { date: formatDate(now.reportedOn, locale) })
                            : t("actionPlans.notReported")}
                        </span>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      <SubGoalEditing plan={plan} subGoal={subGoal} onSubGoalRemoved={onSubGoalRemoved} />
    </section>
  );
}
