import "./actionPlans.css";
import { Alert, Button, Link as DsLink, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import {
  type ActionPlan,
  actionPlanExportUrl,
  useActionPlan,
  useActionPlanProgress,
  useAdoptActionPlan,
  useReviseActionPlan,
} from "../../api/actionPlans.ts";
import { formatDate } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { programmeDocumentUrls } from "../documents/ProgrammeDocumentDownloads.tsx";
import { ComparisonSection } from "./ComparisonSection.tsx";
import { PlanEditing } from "./PlanEditing.tsx";
import { currentTertial, planTertials } from "./planPeriods.ts";
import { PlanStatus } from "./planWords.tsx";
import { SubGoalSection } from "./SubGoalSection.tsx";

const planRoute = getRouteApi("/app/action-plans/$id");

function Facts({ plan }: { plan: ActionPlan }) {
  const { t } = useLocale();
  const rows: [string, string][] = [
    [t("actionPlans.field.owner"), plan.owner.name],
    [t("actionPlans.field.years"), `${plan.fromYear}–${plan.toYear}`],
    [t("actionPlans.field.purpose"), plan.purpose],
    [t("actionPlans.field.mainGoal"), plan.mainGoal],
  ];
  return (
    <dl className="action-plan-facts">
      {rows
        .filter(([, value]) => value !== "")
        .map(([label, value]) => (
          <div key={label} className="action-plan-facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      {plan.boardCases.length > 0 && (
        <div className="action-plan-facts__row">
          <dt>{t("actionPlans.field.boardCases")}</dt>
          <dd>
            <ul>
              {plan.boardCases.map((boardCase) => (
                <li key={boardCase}>{boardCase}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** Adopt, revise, export and the way to the plan's benefits: what the caller may do here. */
function Actions({
  plan,
  period,
  onDone,
}: {
  plan: ActionPlan;
  period: string;
  onDone: (planId: number, message: string) => void;
}) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const adopt = useAdoptActionPlan(plan.id);
  const revise = useReviseActionPlan(plan.id);
  // This year while the plan runs; otherwise the year after the last revision (the yearly one).
  const thisYear = new Date().getFullYear();
  const nextRevision = Math.min((plan.revisedInYear ?? plan.fromYear) + 1, plan.toYear);
  const [year, setYear] = useState(
    String(thisYear >= plan.fromYear && thisYear <= plan.toYear ? thisYear : nextRevision),
  );
  const years = Array.from({ length: plan.toYear - plan.fromYear + 1 }, (_, index) => plan.fromYear + index);

  return (
    <section aria-labelledby="action-plan-actions" className="action-plan-actions">
      <Heading level={2} data-size="xs" id="action-plan-actions" className="action-plan-sr-only">
        {t("actionPlans.actions")}
      </Heading>
      <div className="action-plan-actions__row">
        {plan.can.adopt && (
          <Button
            type="button"
            loading={adopt.isPending}
            onClick={() =>
              adopt.mutate(
                { version: plan.version },
                { onSuccess: () => onDone(plan.id, t("actionPlans.adopted")) },
              )
            }
          >
            {t("actionPlans.adopt")}
          </Button>
        )}
        <DsLink href={actionPlanExportUrl(plan.id, period)} download>
          {t("actionPlans.export")}
        </DsLink>
        <DsLink href={programmeDocumentUrls.actionPlan(plan.id, period)} download>
          {t("documents.actionPlan.download")}
        </DsLink>
        <DsLink href={`/action-plans/${plan.id}/benefits`}>{t("actionPlans.benefits")}</DsLink>
      </div>
      {plan.can.revise && (
        <form
          className="action-plan-revise"
          onSubmit={(event) => {
            event.preventDefault();
            revise.mutate(
              { year: Number(year) },
              {
                onSuccess: (revision) => {
                  onDone(revision.id, t("actionPlans.revised", { number: revision.versionNumber }));
                  navigate({ to: "/action-plans/$id", params: { id: String(revision.id) } });
                },
              },
            );
          }}
        >
          <SelectField
            label={t("actionPlans.revise.year")}
            description={t("actionPlans.revise.help")}
            value={year}
            onChange={(event) => setYear(event.target.value)}
          >
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" loading={revise.isPending}>
            {t("actionPlans.revise")}
          </Button>
        </form>
      )}
      <ProblemAlert error={adopt.error ?? revise.error} headingLevel={3} />
    </section>
  );
}

export function ActionPlanPage() {
  const { t, locale } = useLocale();
  const { id } = planRoute.useParams();
  const search = planRoute.useSearch();
  const navigate = useNavigate();
  const planId = Number(id);
  const plan = useActionPlan(planId);
  // A message belongs to the version it was made on: it does not follow the reader to another one.
  const [message, setMessage] = useState<{ planId: number; text: string } | null>(null);
  const data = plan.data;
  const periods = data ? planTertials(data) : [];
  const period =
    search.period && periods.includes(search.period) ? search.period : data ? currentTertial(data) : "";
  const progress = useActionPlanProgress(planId, period);
  const newest = data?.versions.at(-1);

  return (
    <div className="page action-plan-page">
      <PageTitle>{data ? data.title : t("actionPlans.title")}</PageTitle>
      <ProblemAlert error={plan.error} headingLevel={2} />
      {plan.isPending && <Spinner aria-label={t("common.loading")} />}
      {data && (
        <>
          <Paragraph className="action-plan-version">
            {data.revisedInYear === null
              ? t("actionPlans.version", { number: data.versionNumber })
              : t("actionPlans.versionRevisedIn", { number: data.versionNumber, year: data.revisedInYear })}
            {" · "}
            <PlanStatus status={data.status} />
            {data.adoptedOn && data.status !== "draft" && (
              <> · {t("actionPlans.status.adoptedOn", { date: formatDate(data.adoptedOn, locale) })}</>
            )}
          </Paragraph>
          {!data.latest && newest && (
            <Alert data-color="info">
              {t("actionPlans.notLatest")}{" "}
              <RouterLink to="/action-plans/$id" params={{ id: String(newest.id) }}>
                {t("actionPlans.goLatest", { number: newest.versionNumber })}
              </RouterLink>
            </Alert>
          )}
          <LiveStatus message={message?.planId === planId ? message.text : null} />
          <Facts plan={data} />
          <Actions plan={data} period={period} onDone={(id, text) => setMessage({ planId: id, text })} />
          <PlanEditing key={data.id} plan={data} />
          <div className="action-plan-period">
            <SelectField
              label={t("actionPlans.period.label")}
              description={t("actionPlans.period.help")}
              value={period}
              onChange={(event) =>
                navigate({
                  to: "/action-plans/$id",
                  params: { id },
                  search: { period: event.target.value },
                  replace: true,
                })
              }
            >
              {periods.map((option) => (
                <option key={option} value={option}>
                  {t("actionPlans.period.option", { year: option.slice(0, 4), tertial: option.slice(6) })}
                </option>
              ))}
            </SelectField>
          </div>
          <ProblemAlert error={progress.error} headingLevel={2} />
          {data.subGoals.map((subGoal) => (
            <SubGoalSection
              key={subGoal.id}
              plan={data}
              subGoal={subGoal}
              progress={progress.data}
              period={period}
              onSubGoalRemoved={(text) => setMessage({ planId: data.id, text })}
            />
          ))}
          {(data.can.edit ||
            data.measures.some((measure) => measure.subGoalId === null) ||
            data.subGoals.length === 0) && (
            <SubGoalSection
              plan={data}
              subGoal={null}
              progress={progress.data}
              period={period}
              onSubGoalRemoved={(text) => setMessage({ planId: data.id, text })}
            />
          )}
          <ComparisonSection plan={data} />
        </>
      )}
    </div>
  );
}
