import { Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import {
  type ActionPlan,
  type ActionPlanComparison,
  useActionPlanComparison,
} from "../../api/actionPlans.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { PlanStatus } from "./planWords.tsx";

const groups = ["kept", "changed", "added", "finished", "dropped"] as const;

/**
 * The plan's versions, and this version compared with another (the one before it, unless another
 * is chosen): measures carried over, changed, new, finished and dropped.
 */
export function ComparisonSection({ plan }: { plan: ActionPlan }) {
  const { t } = useLocale();
  const others = plan.versions.filter((version) => version.id !== plan.id);
  const fallback = plan.previousVersionId ?? others.at(-1)?.id ?? null;
  const [chosen, setChosen] = useState<number | null>(null);
  const other = chosen !== null && others.some((version) => version.id === chosen) ? chosen : fallback;
  const comparison = useActionPlanComparison(plan.id, other);

  return (
    <section aria-labelledby="action-plan-versions" className="action-plan-versions">
      <Heading level={2} data-size="sm" id="action-plan-versions">
        {t("actionPlans.versions")}
      </Heading>
      <ol className="action-plan-version-list">
        {plan.versions.map((version) => (
          <li key={version.id}>
            {version.id === plan.id ? (
              <strong aria-current="page">
                {t("actionPlans.version", { number: version.versionNumber })}
              </strong>
            ) : (
              <RouterLink to="/action-plans/$id" params={{ id: String(version.id) }}>
                {t("actionPlans.version", { number: version.versionNumber })}
              </RouterLink>
            )}{" "}
            <PlanStatus status={version.status} />
            {version.revisedInYear !== null && ` (${version.revisedInYear})`}
          </li>
        ))}
      </ol>
      <Heading level={3} data-size="xs">
        {t("actionPlans.compare.heading")}
      </Heading>
      {other === null ? (
        <Paragraph data-size="sm">{t("actionPlans.compare.none")}</Paragraph>
      ) : (
        <>
          {others.length > 1 && (
            <SelectField
              label={t("actionPlans.compare.with")}
              value={String(other)}
              onChange={(event) => setChosen(Number(event.target.value))}
            >
              {others.map((version) => (
                <option key={version.id} value={version.id}>
                  {t("actionPlans.version", { number: version.versionNumber })}
                </option>
              ))}
            </SelectField>
          )}
          <ProblemAlert error={comparison.error} headingLevel={4} />
          {comparison.isPending && <Spinner aria-label={t("common.loading")} />}
          {comparison.data && <ComparisonLists comparison={comparison.data} />}
        </>
      )}
    </section>
  );
}

function ComparisonLists({ comparison }: { comparison: ActionPlanComparison }) {
  const { t } = useLocale();
  return (
    <>
      <Paragraph data-size="sm">
        {t("actionPlans.compare.summary", {
          later: comparison.later.versionNumber,
          earlier: comparison.earlier.versionNumber,
        })}
      </Paragraph>
      <div className="comparison-groups">
        {groups.map((group) => (
          <section
            key={group}
            className={`comparison-group comparison-group--${group}`}
            aria-label={t(`actionPlans.compare.${group}`)}
          >
            <Heading level={4} data-size="2xs">
              {t(`actionPlans.compare.${group}`)} ({comparison[group].length})
            </Heading>
            {comparison[group].length === 0 ? (
              <Paragraph data-size="sm">{t("actionPlans.compare.empty")}</Paragraph>
            ) : (
              <ul>
                {comparison[group].map((measure) => (
                  <li key={measure.measureId}>
                    {measure.label && `${measure.label} `}
                    {measure.title}
                    {group === "changed" && (
                      <span className="action-plan-muted">
                        {" — "}
                        {measure.priorityBefore !== measure.priorityAfter
                          ? t("actionPlans.compare.priority", {
                              before: measure.priorityBefore ?? "–",
                              after: measure.priorityAfter ?? "–",
                            })
                          : t("actionPlans.compare.years", {
                              before: (measure.yearsBefore ?? []).join(", "),
                              after: (measure.yearsAfter ?? []).join(", "),
                            })}
                      </span>
                    )}
                    {group === "kept" && measure.yearsAfter && (
                      <span className="action-plan-muted"> ({measure.yearsAfter.join(", ")})</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
