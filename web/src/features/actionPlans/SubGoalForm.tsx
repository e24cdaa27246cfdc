import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { ActionPlan, SubGoal } from "../../api/actionPlans.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { numberOf, problemAt } from "./editWords.ts";
import { useAddSubGoal, useChangeSubGoal, useRemoveSubGoal } from "./planEditing.ts";
import { RemovePlanPart } from "./RemovePlanPart.tsx";

type Props = {
  plan: ActionPlan;
  /** null: a new sub-goal, numbered after the last. */
  subGoal: SubGoal | null;
  onDone: (message: string) => void;
};

/** A sub-goal's number and text: a new one, or a change to one (sent with the version read). */
export function SubGoalForm({ plan, subGoal, onDone }: Props) {
  const { t } = useLocale();
  const add = useAddSubGoal(plan.id);
  const change = useChangeSubGoal(plan.id, subGoal?.id ?? 0);
  const mutation = subGoal ? change : add;
  // The version the form was opened on: a change saved by someone else since then is refused.
  const [version, setVersion] = useState(subGoal?.version ?? 0);
  const nextNumber = Math.max(0, ...plan.subGoals.map((each) => each.number)) + 1;
  // A new sub-goal's number follows the plan (after an add or a delete) until the user types one.
  const [typedNumber, setNumber] = useState<string | null>(null);
  const number = typedNumber ?? String(subGoal?.number ?? nextNumber);
  const [text, setText] = useState(subGoal?.text ?? "");
  const labelFor = (field: string) =>
    field === "number" || field === "text" ? t(`planEdit.subGoal.${field}`) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { number: numberOf(number) as number, text: text.trim() };
    if (subGoal) {
      change.mutate(
        { version, ...fields },
        {
          onSuccess: (saved) => {
            setVersion(saved.version);
            onDone(t("planEdit.subGoal.saved", { number: saved.number }));
          },
        },
      );
    } else {
      add.mutate(fields, {
        onSuccess: (saved) => {
          setNumber(null);
          setText("");
          onDone(t("planEdit.subGoal.added", { number: saved.number }));
        },
      });
    }
  };

  return (
    <form className="plan-form" onSubmit={submit} noValidate>
      <div className="form-row">
        <Textfield
          className="plan-form__narrow"
          label={t("planEdit.subGoal.number")}
          inputMode="numeric"
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          error={problemAt(mutation.error, "number", t)}
        />
      </div>
      <Textfield
        label={t("planEdit.subGoal.text")}
        multiline
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={problemAt(mutation.error, "text", t)}
      />
      <ProblemAlert error={mutation.error} headingLevel={4} labelFor={labelFor} />
      <div className="form-actions">
        <Button type="submit" loading={mutation.isPending}>
          {subGoal ? t("planEdit.save") : t("planEdit.subGoal.add")}
        </Button>
      </div>
    </form>
  );
}

/** Deletes the sub-goal; the server refuses while it holds key indicators or measures, and says so. */
export function RemoveSubGoal({
  plan,
  subGoal,
  onDone,
}: {
  plan: ActionPlan;
  subGoal: SubGoal;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const remove = useRemoveSubGoal(plan.id, subGoal.id);
  return (
    <RemovePlanPart
      label={t("planEdit.subGoal.remove")}
      question={t("planEdit.subGoal.removeConfirm", { number: subGoal.number })}
      remove={remove}
      version={subGoal.version}
      done={t("planEdit.subGoal.removed", { number: subGoal.number })}
      onDone={onDone}
    />
  );
}
