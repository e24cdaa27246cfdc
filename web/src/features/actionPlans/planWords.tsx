// Words and small marks shared by the action plan pages: a plan's status, a measure's standing and
// a key indicator's verdict, each in words beside its colour so that nothing is told by colour alone.

import type {
  ActionPlan,
  KeyIndicatorProgress,
  MeasureProgress,
  PlanMeasure,
} from "../../api/actionPlans.ts";
import { formatDate } from "../../components/dates.ts";
import { type Locale, type Translate, useLocale } from "../../i18n/i18n.tsx";

export function PlanStatus({ status }: { status: ActionPlan["status"] }) {
  const { t } = useLocale();
  return <span className={`plan-status plan-status--${status}`}>{t(`actionPlans.status.${status}`)}</span>;
}

export function responsibleWords(plan: ActionPlan, measure: PlanMeasure, t: Translate): string {
  if (measure.responsibility === "owner") return plan.owner.name;
  if (measure.responsibility === "all_trusts") return t("actionPlans.responsible.all_trusts");
  return measure.responsibleUnits.map((unit) => unit.name).join(", ");
}

export function standingWords(standing: Pick<MeasureProgress, "phase" | "status">, t: Translate): string {
  const phase = t(`measures.phase.${standing.phase}`);
  const open = standing.phase === "decided" || standing.phase === "in_progress";
  return open && standing.status
    ? `${phase}, ${t(`measures.status.${standing.status}`).toLowerCase()}`
    : phase;
}

type Verdict = { colour: "green" | "yellow" | "red" | "grey"; words: string };

export function keyIndicatorVerdict(progress: KeyIndicatorProgress, t: Translate): Verdict {
  if (progress.overdue) return { colour: "red", words: t("actionPlans.ki.overdue") };
  if (progress.indicator?.attainment.colour === "yellow")
    return { colour: "yellow", words: t("actionPlans.ki.notMet") };
  if (progress.met === true) return { colour: "green", words: t("actionPlans.ki.met") };
  if (progress.met === false) return { colour: "red", words: t("actionPlans.ki.notMet") };
  return { colour: "grey", words: t("actionPlans.ki.unknown") };
}

const signs = { gte: "≥", gt: ">", lte: "≤", lt: "<" } as const;

export function targetWords(progress: KeyIndicatorProgress, t: Translate, locale: Locale): string {
  if (progress.indicator) {
    const { attainment, unitLabel } = progress.indicator;
    if (attainment.targetValue === null || attainment.comparator === null)
      return t("actionPlans.ki.noTarget");
    return `${signs[attainment.comparator]} ${attainment.targetValue.toLocaleString(locale === "nb" ? "nb-NO" : "en-GB")} ${unitLabel}`;
  }
  if (progress.kind === "milestone_value") {
    return progress.milestoneTarget === null
      ? t("actionPlans.ki.noTarget")
      : `${progress.milestoneTarget} ${progress.milestoneUnit}`.trim();
  }
  return progress.dueOn
    ? t("actionPlans.ki.doneBy", { date: formatDate(progress.dueOn, locale) })
    : t("actionPlans.ki.done");
}

export function valueWords(progress: KeyIndicatorProgress, t: Translate): string {
  if (progress.indicator) {
    const shown = progress.indicator.attainment.displayedValue;
    return shown === null ? t("actionPlans.ki.noData") : `${shown} ${progress.indicator.unitLabel}`;
  }
  if (progress.kind === "milestone_value") {
    return progress.milestoneValue === null
      ? t("actionPlans.ki.noData")
      : `${progress.milestoneValue} ${progress.milestoneUnit}`.trim();
  }
  return progress.met ? t("actionPlans.ki.done") : t("actionPlans.ki.notDone");
}

export function VerdictMark({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`plan-verdict plan-verdict--${verdict.colour}`}>
      <span className="plan-verdict__mark" aria-hidden="true" />
      {verdict.words}
    </span>
  );
}
