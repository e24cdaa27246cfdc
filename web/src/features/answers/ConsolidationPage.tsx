import "./reporting.css";
import { Card, Heading, Link, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useConsolidation, useRoundMatrix } from "../../api/reporting.ts";
import { formatDate } from "../../components/dates.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { RequirementFacts, RequirementTags } from "../steering/RequirementFacts.tsx";
import { AnswerHistory } from "./AnswerHistory.tsx";
import { AnswerWorkflow } from "./AnswerWorkflow.tsx";
import { JointTextCard } from "./JointTextCard.tsx";
import { AnswerBadges, periodLabel } from "./labels.tsx";

const consolidationRoute = getRouteApi("/app/rounds/$roundId/requirements/$requirementId");

/**
 * The issuing unit's view of one requirement in a round: every unit's answer side by side, the
 * joint text, and the consolidated answer with the same workflow as any answer.
 */
export function ConsolidationPage() {
  const { t, locale } = useLocale();
  const params = consolidationRoute.useParams();
  const roundId = Number(params.roundId);
  const requirementId = Number(params.requirementId);
  const view = useConsolidation(roundId, requirementId);
  // The round's requirements in order, for moving to the previous and next one.
  const matrix = useRoundMatrix(roundId);

  if (view.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (view.isError) {
    return (
      <div className="page">
        <PageTitle>{t("answers.consolidation.titlePlain")}</PageTitle>
        <ProblemAlert error={view.error} headingLevel={2} />
      </div>
    );
  }
  const { round, requirement, consolidated, joint, units } = view.data;
  const order = matrix.data?.rows.map((row) => row.requirement) ?? [];
  const index = order.findIndex((each) => each.id === requirementId);
  const previous = index > 0 ? order[index - 1] : undefined;
  const next = index >= 0 && index < order.length - 1 ? order[index + 1] : undefined;

  return (
    // Keyed by the requirement, so that the previous/next links start its page afresh (focus, editor).
    <div className="page" key={requirement.id}>
      <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
        <RouterLink to="/steering/$documentId" params={{ documentId: String(round.document.id) }}>
          {round.document.title}
        </RouterLink>
        <span aria-hidden="true"> › </span>
        <RouterLink to="/rounds/$roundId" params={{ roundId: String(round.id) }}>
          {periodLabel(round.period, t)}
        </RouterLink>
      </nav>
      <PageTitle>{t("answers.consolidation.title", { number: requirement.number })}</PageTitle>
      <Paragraph className="page-intro">
        {t("answers.consolidation.intro", {
          issuer: round.document.issuingUnit.name,
          period: periodLabel(round.period, t),
          deadline: formatDate(round.deadline, locale),
        })}
      </Paragraph>

      {(previous || next) && (
        <nav aria-label={t("answers.consolidation.otherRequirements")} className="pager">
          {previous && (
            <Link asChild>
              <RouterLink
                to="/rounds/$roundId/requirements/$requirementId"
                params={{ roundId: String(roundId), requirementId: String(previous.id) }}
              >
                <span aria-hidden="true">← </span>
                {t("answers.consolidation.previous", { number: previous.number })}
              </RouterLink>
            </Link>
          )}
          {next && (
            <Link asChild>
              <RouterLink
                to="/rounds/$roundId/requirements/$requirementId"
                params={{ roundId: String(roundId), requirementId: String(next.id) }}
              >
                {t("answers.consolidation.next", { number: next.number })}
                <span aria-hidden="true"> →</span>
              </RouterLink>
            </Link>
          )}
        </nav>
      )}

      <Card className="requirement-card">
        <Heading level={2} data-size="xs">
          {t("answers.requirementHeading", { number: requirement.number })}
        </Heading>
        <RequirementTags requirement={requirement} />
        <RequirementFacts requirement={requirement} />
      </Card>

      {joint && <JointTextCard joint={joint} headingLevel={2} />}

      <section aria-labelledby="unit-answers-heading">
        <Heading level={2} data-size="sm" id="unit-answers-heading">
          {t("answers.consolidation.unitAnswers", { count: units.length })}
        </Heading>
        {units.length === 0 ? (
          <Paragraph>{t("answers.consolidation.noUnitAnswers")}</Paragraph>
        ) : (
          <ul className="answer-cards">
            {units.map((answer) => (
              <li key={answer.id}>
                <Card className="answer-card">
                  <Heading level={3} data-size="2xs">
                    {answer.unit.name}
                  </Heading>
                  <AnswerBadges
                    status={answer.status}
                    state={answer.state}
                    returned={answer.state === "draft" && answer.returnComment !== null}
                    overdue={answer.overdue}
                  />
                  {answer.isJointLead && (
                    <Paragraph data-size="sm">
                      <strong>{t("answers.consolidation.jointLead")}</strong>
                    </Paragraph>
                  )}
                  <Markdown text={answer.text} empty={t("answers.noText")} />
                  <Paragraph data-size="sm">
                    <Link asChild>
                      <RouterLink to="/answers/$answerId" params={{ answerId: String(answer.id) }}>
                        {t("answers.consolidation.openAnswer", { unit: answer.unit.code })}
                      </RouterLink>
                    </Link>
                  </Paragraph>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Card className="consolidated-card">
        <AnswerWorkflow
          answer={consolidated}
          title={t("answers.consolidation.consolidatedHeading", { issuer: consolidated.unit.name })}
        />
      </Card>

      <AnswerHistory answerId={consolidated.id} />
    </div>
  );
}
