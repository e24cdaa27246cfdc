import "./reporting.css";
import { Alert, Card, Heading, Link, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useAnswer } from "../../api/reporting.ts";
import { formatDate } from "../../components/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { RequirementFacts, RequirementTags } from "../steering/RequirementFacts.tsx";
import { AnswerHistory } from "./AnswerHistory.tsx";
import { AnswerWorkflow } from "./AnswerWorkflow.tsx";
import { JointTextCard } from "./JointTextCard.tsx";
import { periodLabel } from "./labels.tsx";
import { NextAnswer } from "./NextAnswer.tsx";
import { PreviousAnswerPanel } from "./PreviousAnswer.tsx";

const answerRoute = getRouteApi("/app/answers/$answerId");

/**
 * One unit's answer to one requirement in a round: the requirement, the joint text, the answer
 * beside the unit's answer from the period before, its history, and the next answer waiting for
 * the person in the round.
 */
export function AnswerPage() {
  const { t, locale } = useLocale();
  const { answerId } = answerRoute.useParams();
  const answer = useAnswer(Number(answerId));

  if (answer.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (answer.isError) {
    return (
      <div className="page">
        <PageTitle>{t("answers.title")}</PageTitle>
        <ProblemAlert error={answer.error} headingLevel={2} />
      </div>
    );
  }
  const data = answer.data;
  const consolidated = data.kind === "consolidated";
  const title = consolidated
    ? t("answers.titleConsolidated", { number: data.requirement.number, unit: data.unit.name })
    : t("answers.titleUnit", { number: data.requirement.number, unit: data.unit.name });

  return (
    // Keyed by the answer, so that moving to another answer starts its page afresh (focus, editor).
    <div className="page" key={data.id}>
      <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
        <RouterLink to="/steering/$documentId" params={{ documentId: String(data.document.id) }}>
          {data.document.title}
        </RouterLink>
        <span aria-hidden="true"> › </span>
        <RouterLink to="/rounds/$roundId" params={{ roundId: String(data.round.id) }}>
          {periodLabel(data.round.period, t)}
        </RouterLink>
      </nav>
      <PageTitle>{title}</PageTitle>
      {data.next && <NextAnswer next={data.next} />}
      <Paragraph className="page-intro">
        {t("answers.roundInfo", {
          period: periodLabel(data.round.period, t),
          deadline: formatDate(data.round.deadline, locale),
        })}{" "}
        {data.round.state === "closed" && <strong>{t("answers.roundClosed")}</strong>}
      </Paragraph>
      {consolidated && (
        <Paragraph>
          <Link asChild>
            <RouterLink
              to="/rounds/$roundId/requirements/$requirementId"
              params={{ roundId: String(data.round.id), requirementId: String(data.requirement.id) }}
            >
              {t("answers.openConsolidation")}
            </RouterLink>
          </Link>
        </Paragraph>
      )}

      <Card className="requirement-card">
        <Heading level={2} data-size="xs">
          {t("answers.requirementHeading", { number: data.requirement.number })}
        </Heading>
        <RequirementTags requirement={data.requirement} />
        <RequirementFacts requirement={data.requirement} />
      </Card>

      {data.isJointLead && (
        <Alert data-color="info">{t("answers.joint.youAreLead", { unit: data.unit.name })}</Alert>
      )}
      {data.joint && <JointTextCard joint={data.joint} headingLevel={2} />}

      <div className={data.previous ? "answer-with-previous" : undefined}>
        {data.previous && <PreviousAnswerPanel previous={data.previous} />}
        <AnswerWorkflow
          answer={data}
          approval={data.approval}
          next={<NextAnswer next={data.next} withCount />}
          title={
            consolidated
              ? t("answers.consolidatedHeading")
              : t("answers.answerHeading", { unit: data.unit.name })
          }
        />
      </div>

      <AnswerHistory answerId={data.id} />
    </div>
  );
}
