import {
  Button,
  Checkbox,
  Fieldset,
  Radio,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { ActionPlan, PlanMeasure } from "../../api/actionPlans.ts";
import { useUnits } from "../../api/hooks.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { problemAt, yearsOf } from "./editWords.ts";
import { useAddPlanMeasure, useChangePlanMeasure, useRemovePlanMeasure } from "./planEditing.ts";
import { RemovePlanPart } from "./RemovePlanPart.tsx";

type Responsibility = PlanMeasure["responsibility"];
const responsibilities: Responsibility[] = ["owner", "all_trusts", "named_units"];
const fieldNames = [
  "title",
  "description",
  "label",
  "subGoalId",
  "priority",
  "years",
  "resource",
  "responsibility",
  "responsibleUnitIds",
  "deadline",
];

type Props = {
  plan: ActionPlan;
  /** The sub-goal a new measure goes under; null: "Andre tiltak". */
  subGoalId: number | null;
  /** null: a new measure, made on the plan's owner unit. */
  measure: PlanMeasure | null;
  onDone: (message: string) => void;
};

/**
 * A measure in the plan: its title (when it is made), number, sub-goal, priority, the years it runs
 * (the server refuses years outside the plan's, and says which), resource and responsibility.
 */
export function PlanMeasureForm({ plan, subGoalId, measure, onDone }: Props) {
  const { t } = useLocale();
  const units = useUnits();
  const add = useAddPlanMeasure(plan.id);
  const change = useChangePlanMeasure(plan.id, measure?.id ?? 0);
  const mutation = measure ? change : add;
  // The version the form was opened on: a change saved by someone else since then is refused.
  const [version, setVersion] = useState(measure?.version ?? 0);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [deadline, setDeadline] = useState("");
  const [label, setLabel] = useState(measure?.label ?? "");
  const [subGoal, setSubGoal] = useState(String(measure ? (measure.subGoalId ?? "") : (subGoalId ?? "")));
  const [priority, setPriority] = useState(String(measure?.priority ?? 1));
  const [years, setYears] = useState((measure?.years ?? [plan.fromYear]).join(", "));
  const [resource, setResource] = useState(measure?.resource ?? "");
  const [responsibility, setResponsibility] = useState<Responsibility>(measure?.responsibility ?? "owner");
  const [named, setNamed] = useState<number[]>(measure?.responsibleUnits.map((unit) => unit.id) ?? []);
  const error = (field: string) => problemAt(mutation.error, field, t);
  const labelFor = (field: string) => {
    const name = fieldNames.find((each) => field === each || field.startsWith(`${each}.`));
    return name ? t(`planEdit.measure.${name}` as "planEdit.measure.title") : undefined;
  };
  const trusts = (units.data ?? []).filter((unit) => unit.active && unit.kind === "health_trust");
  const idPrefix = `plan-measure-${measure?.id ?? `new-${subGoalId ?? "other"}`}`;

  const placement = () => ({
    subGoalId: subGoal ? Number(subGoal) : null,
    label: label.trim(),
    priority: Number(priority) as 1 | 2,
    years: yearsOf(years),
    resource: resource.trim(),
    responsibility,
    responsibleUnitIds: responsibility === "named_units" ? named : [],
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (measure) {
      change.mutate(
        { version, ...placement() },
        {
          onSuccess: (saved) => {
            setVersion(saved.version);
            onDone(t("planEdit.measure.saved", { title: saved.title }));
          },
        },
      );
    } else {
      add.mutate(
        { title: title.trim(), description, deadline: deadline || null, ...placement() },
        {
          onSuccess: (saved) => {
            setTitle("");
            setDescription("");
            setLabel("");
            onDone(t("planEdit.measure.added", { title: saved.title }));
          },
        },
      );
    }
  };

  return (
    <form className="plan-form" onSubmit={submit} noValidate>
      {!measure && (
        <>
          <Textfield
            label={t("planEdit.measure.title")}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={error("title")}
          />
          <Textfield
            label={t("planEdit.measure.description")}
            multiline
            rows={2}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            error={error("description")}
          />
        </>
      )}
      <div className="form-row">
        <Textfield
          label={t("planEdit.measure.label")}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          error={error("label")}
        />
        <SelectField
          label={t("planEdit.measure.subGoalId")}
          value={subGoal}
          onChange={(event) => setSubGoal(event.target.value)}
          error={error("subGoalId")}
        >
          {plan.subGoals.map((each) => (
            <option key={each.id} value={each.id}>
              {t("actionPlans.subGoal", { number: each.number })}
            </option>
          ))}
          <option value="">{t("actionPlans.otherMeasures")}</option>
        </SelectField>
      </div>
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t("planEdit.measure.priority")}</Fieldset.Legend>
        <div className="plan-form__inline">
          {["1", "2"].map((each) => (
            <Radio
              key={each}
              name={`${idPrefix}-priority`}
              label={t(`planEdit.measure.priority.${each}` as "planEdit.measure.priority.1")}
              value={each}
              checked={priority === each}
              onChange={() => setPriority(each)}
            />
          ))}
        </div>
      </Fieldset>
      <div className="form-row">
        <Textfield
          label={t("planEdit.measure.years")}
          description={t("planEdit.measure.yearsHelp", { from: plan.fromYear, to: plan.toYear })}
          value={years}
          onChange={(event) => setYears(event.target.value)}
          error={error("years")}
        />
        <Textfield
          label={t("planEdit.measure.resource")}
          value={resource}
          onChange={(event) => setResource(event.target.value)}
          error={error("resource")}
        />
        {!measure && (
          <Textfield
            type="date"
            label={t("planEdit.measure.deadline")}
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
            error={error("deadline")}
          />
        )}
      </div>
      <SelectField
        label={t("planEdit.measure.responsibility")}
        value={responsibility}
        onChange={(event) => setResponsibility(event.target.value as Responsibility)}
        error={error("responsibility")}
      >
        {responsibilities.map((each) => (
          <option key={each} value={each}>
            {each === "owner"
              ? t("planEdit.measure.responsibility.owner", { unit: plan.owner.name })
              : t(`planEdit.measure.responsibility.${each}`)}
          </option>
        ))}
      </SelectField>
      {responsibility === "named_units" && (
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t("planEdit.measure.responsibleUnitIds")}</Fieldset.Legend>
          <div className="plan-form__units">
            {trusts.map((unit) => (
              <Checkbox
                key={unit.id}
                label={unit.name}
                value={String(unit.id)}
                checked={named.includes(unit.id)}
                onChange={(event) =>
                  setNamed((current) =>
                    event.target.checked ? [...current, unit.id] : current.filter((id) => id !== unit.id),
                  )
                }
              />
            ))}
          </div>
          {error("responsibleUnitIds") && (
            <ValidationMessage>{error("responsibleUnitIds")}</ValidationMessage>
          )}
        </Fieldset>
      )}
      <ProblemAlert error={mutation.error} headingLevel={4} labelFor={labelFor} />
      <div className="form-actions">
        <Button type="submit" loading={mutation.isPending}>
          {measure ? t("planEdit.save") : t("planEdit.measure.add")}
        </Button>
      </div>
    </form>
  );
}

/** Takes the measure out of this version of the plan; the measure itself and its log stay. */
export function RemovePlanMeasure({
  plan,
  measure,
  onDone,
}: {
  plan: ActionPlan;
  measure: PlanMeasure;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const remove = useRemovePlanMeasure(plan.id, measure.id);
  return (
    <RemovePlanPart
      label={t("planEdit.measure.remove")}
      question={t("planEdit.measure.removeConfirm", { title: measure.title })}
      yes={t("planEdit.measure.removeYes")}
      remove={remove}
      version={measure.version}
      done={t("planEdit.measure.removed", { title: measure.title })}
      onDone={onDone}
    />
  );
}
