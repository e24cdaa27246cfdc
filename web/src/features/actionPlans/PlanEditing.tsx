import { Card, Details, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import type { ActionPlan, SubGoal } from "../../api/actionPlans.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { KeyIndicatorForm, RemoveKeyIndicator } from "./KeyIndicatorForm.tsx";
import { EditPlanForm } from "./PlanForm.tsx";
import { PlanMeasureForm, RemovePlanMeasure } from "./PlanMeasureForm.tsx";
import { RemoveSubGoal, SubGoalForm } from "./SubGoalForm.tsx";

/**
 * For the plan's editors, while its version may change (the newest one, draft or adopted, as the
 * server allows): the plan's own fields and a new sub-goal. The server checks it all again.
 */
export function PlanEditing({ plan }: { plan: ActionPlan }) {
  const { t } = useLocale();
  const headingId = useId();
  const [message, setMessage] = useState<string | null>(null);
  if (!plan.can.edit) return null;
  return (
    <section className="plan-editing" aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t("planEdit.heading")}
      </Heading>
      {plan.status !== "draft" && <Paragraph data-size="sm">{t("planEdit.adoptedNote")}</Paragraph>}
      <LiveStatus message={message} />
      <Card className="plan-editing__card">
        <Details>
          <Details.Summary>{t("planEdit.plan.edit")}</Details.Summary>
          <Details.Content>
            <EditPlanForm plan={plan} onDone={setMessage} />
          </Details.Content>
        </Details>
        <Details>
          <Details.Summary>{t("planEdit.subGoal.new")}</Details.Summary>
          <Details.Content>
            <SubGoalForm plan={plan} subGoal={null} onDone={setMessage} />
          </Details.Content>
        </Details>
      </Card>
    </section>
  );
}

type SubGoalEditingProps = {
  plan: ActionPlan;
  subGoal: SubGoal | null;
  /** Told once the sub-goal is deleted: its own status region goes with it, so the page says it. */
  onSubGoalRemoved: (message: string) => void;
};

/**
 * Under a sub-goal (or "Andre tiltak"), for the plan's editors: change or delete the sub-goal and
 * its key indicators, change its measures, add new ones, and take a measure out of the plan.
 */
export function SubGoalEditing({ plan, subGoal, onSubGoalRemoved }: SubGoalEditingProps) {
  const { t } = useLocale();
  const [message, setMessage] = useState<string | null>(null);
  if (!plan.can.edit) return null;
  const measures = plan.measures.filter((measure) => measure.subGoalId === (subGoal?.id ?? null));
  const name = subGoal
    ? t("actionPlans.subGoal", { number: subGoal.number })
    : t("actionPlans.otherMeasures");
  return (
    <div className="plan-editing__parts">
      <LiveStatus message={message} />
      <Card className="plan-editing__card">
        {subGoal && (
          <Details>
            <Details.Summary>{t("planEdit.subGoal.edit", { name })}</Details.Summary>
            <Details.Content>
              <SubGoalForm plan={plan} subGoal={subGoal} onDone={setMessage} />
              <RemoveSubGoal plan={plan} subGoal={subGoal} onDone={onSubGoalRemoved} />
            </Details.Content>
          </Details>
        )}
        {subGoal?.keyIndicators.map((keyIndicator) => (
          <Details key={keyIndicator.id}>
            <Details.Summary>{t("planEdit.ki.edit", { text: keyIndicator.text })}</Details.Summary>
            <Details.Content>
              <KeyIndicatorForm
                plan={plan}
                subGoalId={subGoal.id}
                keyIndicator={keyIndicator}
                onDone={setMessage}
              />
              <RemoveKeyIndicator plan={plan} keyIndicator={keyIndicator} onDone={setMessage} />
            </Details.Content>
          </Details>
        ))}
        {subGoal && (
          <Details>
            <Details.Summary>{t("planEdit.ki.new", { name })}</Details.Summary>
            <Details.Content>
              <KeyIndicatorForm plan={plan} subGoalId={subGoal.id} keyIndicator={null} onDone={setMessage} />
            </Details.Content>
          </Details>
        )}
        {measures.map((measure) => (
          <Details key={measure.id}>
            <Details.Summary>{t("planEdit.measure.edit", { title: measure.title })}</Details.Summary>
            <Details.Content>
              <PlanMeasureForm
                plan={plan}
                subGoalId={subGoal?.id ?? null}
                measure={measure}
                onDone={setMessage}
              />
              <RemovePlanMeasure plan={plan} measure={measure} onDone={setMessage} />
            </Details.Content>
          </Details>
        ))}
        <Details>
          <Details.Summary>{t("planEdit.measure.new", { name })}</Details.Summary>
          <Details.Content>
            <PlanMeasureForm plan={plan} subGoalId={subGoal?.id ?? null} measure={null} onDone={setMessage} />
          </Details.Content>
        </Details>
      </Card>
    </div>
  );
}
