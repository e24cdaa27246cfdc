import { Button, Checkbox, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { ActionPlan, KeyIndicator } from "../../api/actionPlans.ts";
import { indicatorName, type Target, useIndicators, useTargets } from "../../api/indicators.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { type Translate, useLocale } from "../../i18n/i18n.tsx";
import { numberOf, planYears, problemAt } from "./editWords.ts";
import {
  type KeyIndicatorInput,
  useAddKeyIndicator,
  useChangeKeyIndicator,
  useRemoveKeyIndicator,
} from "./planEditing.ts";
import { RemovePlanPart } from "./RemovePlanPart.tsx";

type Kind = KeyIndicator["kind"];
const kinds: Kind[] = ["indicator", "milestone_done", "milestone_value"];
const signs = { gte: "≥", gt: ">", lte: "≤", lt: "<" } as const;

/** The catalogue's general target for each of the plan's years, in words: "2009: ≥ 50 %". */
function yearlyTargetWords(targets: Target[], plan: ActionPlan, unitLabel: string, t: Translate): string[] {
  const general = targets.filter((target) => target.unitId === null);
  return planYears(plan).map((year) => {
    const target = general.find((each) => each.year === year) ?? general.find((each) => each.year === null);
    const rule = target?.rule;
    let words = t("planEdit.ki.targetNone");
    if (rule?.kind === "yearly_steps") {
      const step = rule.steps[String(year)];
      if (step) words = `${signs[step.comparator]} ${step.value} ${unitLabel}`.trim();
    } else if (rule?.kind === "threshold") {
      words = `${signs[rule.comparator]} ${rule.value} ${unitLabel}`.trim();
    } else if (rule) {
      words = t("planEdit.ki.targetRule");
    }
    return `${year}: ${words}`;
  });
}

function YearlyTargets({ plan, indicatorId }: { plan: ActionPlan; indicatorId: number }) {
  const { t } = useLocale();
  const targets = useTargets(indicatorId);
  const indicators = useIndicators();
  const unitLabel = indicators.data?.find((each) => each.id === indicatorId)?.unitLabel ?? "";
  if (!targets.data) return null;
  return (
    <div className="plan-form__targets">
      <Paragraph data-size="sm">{t("planEdit.ki.targets")}</Paragraph>
      <ul>
        {yearlyTargetWords(targets.data, plan, unitLabel, t).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

type Props = {
  plan: ActionPlan;
  subGoalId: number;
  /** null: a new key indicator under the sub-goal. */
  keyIndicator: KeyIndicator | null;
  onDone: (message: string) => void;
};

/**
 * A key indicator: an indicator in the catalogue (its yearly targets and values come from there,
 * shown here for the plan's years) or a milestone, done by a date or a value reached. Its kind is
 * chosen when it is made.
 */
export function KeyIndicatorForm({ plan, subGoalId, keyIndicator, onDone }: Props) {
  const { t, locale } = useLocale();
  const add = useAddKeyIndicator(plan.id, subGoalId);
  const change = useChangeKeyIndicator(plan.id, keyIndicator?.id ?? 0);
  const mutation = keyIndicator ? change : add;
  // The version the form was opened on: a change saved by someone else since then is refused.
  const [version, setVersion] = useState(keyIndicator?.version ?? 0);
  const indicators = useIndicators();
  const [kind, setKind] = useState<Kind>(keyIndicator?.kind ?? "indicator");
  const [text, setText] = useState(keyIndicator?.text ?? "");
  const [indicatorId, setIndicatorId] = useState(String(keyIndicator?.indicator?.id ?? ""));
  const [dueOn, setDueOn] = useState(keyIndicator?.dueOn ?? "");
  const [done, setDone] = useState(keyIndicator?.milestoneDone ?? false);
  const [value, setValue] = useState(String(keyIndicator?.milestoneValue ?? ""));
  const [target, setTarget] = useState(String(keyIndicator?.milestoneTarget ?? ""));
  const [unit, setUnit] = useState(keyIndicator?.milestoneUnit ?? "");
  const [measuredOn, setMeasuredOn] = useState(keyIndicator?.milestoneOn ?? "");
  const error = (field: string) => problemAt(mutation.error, field, t);
  const labelFor = (field: string) => {
    const known = ["text", "indicatorId", "dueOn", "milestoneDone", "milestoneValue", "milestoneTarget"];
    const more = ["milestoneUnit", "milestoneOn", "kind"];
    return [...known, ...more].includes(field) ? t(`planEdit.ki.${field}` as "planEdit.ki.text") : undefined;
  };

  /** Only the fields of the kind: the server refuses a milestone's fields on an indicator. */
  const fields = (): Omit<KeyIndicatorInput, "kind"> => {
    const common = { text: text.trim(), dueOn: dueOn || null };
    if (kind === "indicator") return { ...common, indicatorId: indicatorId ? Number(indicatorId) : null };
    if (kind === "milestone_done") return { ...common, milestoneDone: done };
    return {
      ...common,
      milestoneValue: numberOf(value),
      milestoneTarget: numberOf(target),
      milestoneUnit: unit.trim(),
      milestoneOn: measuredOn || null,
    };
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (keyIndicator) {
      change.mutate(
        { version, ...fields() },
        {
          onSuccess: (saved) => {
            setVersion(saved.version);
            onDone(t("planEdit.ki.saved"));
          },
        },
      );
    } else {
      add.mutate(
        { kind, ...fields() },
        {
          onSuccess: () => {
            for (const clear of [setText, setDueOn, setValue, setTarget, setUnit, setMeasuredOn]) clear("");
            setDone(false);
            onDone(t("planEdit.ki.added"));
          },
        },
      );
    }
  };

  return (
    <form className="plan-form" onSubmit={submit} noValidate>
      {!keyIndicator && (
        <SelectField
          label={t("planEdit.ki.kind")}
          value={kind}
          onChange={(event) => setKind(event.target.value as Kind)}
          error={error("kind")}
        >
          {kinds.map((each) => (
            <option key={each} value={each}>
              {t(`planEdit.ki.kind.${each}`)}
            </option>
          ))}
        </SelectField>
      )}
      <Textfield
        label={t("planEdit.ki.text")}
        multiline
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={error("text")}
      />
      {kind === "indicator" && (
        <>
          <SelectField
            label={t("planEdit.ki.indicatorId")}
            description={t("planEdit.ki.indicatorHelp")}
            value={indicatorId}
            onChange={(event) => setIndicatorId(event.target.value)}
            error={error("indicatorId")}
          >
            <option value="">{t("planEdit.ki.chooseIndicator")}</option>
            {(indicators.data ?? []).map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.code} {indicatorName(indicator, locale)}
              </option>
            ))}
          </SelectField>
          {indicatorId && <YearlyTargets plan={plan} indicatorId={Number(indicatorId)} />}
        </>
      )}
      <Textfield
        type="date"
        label={t("planEdit.ki.dueOn")}
        value={dueOn}
        onChange={(event) => setDueOn(event.target.value)}
        error={error("dueOn")}
      />
      {kind === "milestone_done" && (
        <Checkbox
          label={t("planEdit.ki.milestoneDone")}
          checked={done}
          onChange={(event) => setDone(event.target.checked)}
        />
      )}
      {kind === "milestone_value" && (
        <div className="form-row">
          <Textfield
            label={t("planEdit.ki.milestoneValue")}
            inputMode="decimal"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={error("milestoneValue")}
          />
          <Textfield
            label={t("planEdit.ki.milestoneTarget")}
            inputMode="decimal"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            error={error("milestoneTarget")}
          />
          <Textfield
            label={t("planEdit.ki.milestoneUnit")}
            value={unit}
            onChange={(event) => setUnit(event.target.value)}
            error={error("milestoneUnit")}
          />
          <Textfield
            type="date"
            label={t("planEdit.ki.milestoneOn")}
            value={measuredOn}
            onChange={(event) => setMeasuredOn(event.target.value)}
            error={error("milestoneOn")}
          />
        </div>
      )}
      <ProblemAlert error={mutation.error} headingLevel={4} labelFor={labelFor} />
      <div className="form-actions">
        <Button type="submit" loading={mutation.isPending}>
          {keyIndicator ? t("planEdit.save") : t("planEdit.ki.add")}
        </Button>
      </div>
    </form>
  );
}

/** Deletes the key indicator from this version of the plan. */
export function RemoveKeyIndicator({
  plan,
  keyIndicator,
  onDone,
}: {
  plan: ActionPlan;
  keyIndicator: KeyIndicator;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const remove = useRemoveKeyIndicator(plan.id, keyIndicator.id);
  return (
    <RemovePlanPart
      label={t("planEdit.ki.remove")}
      question={t("planEdit.ki.removeConfirm", { text: keyIndicator.text })}
      remove={remove}
      version={keyIndicator.version}
      done={t("planEdit.ki.removed", { text: keyIndicator.text })}
      onDone={onDone}
    />
  );
}
