import { Alert, Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { ActionPlan } from "../../api/actionPlans.ts";
import { useUnits } from "../../api/hooks.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { editableUnits, isStale, numberOf, problemAt } from "./editWords.ts";
import { useCreateActionPlan, useUpdateActionPlan } from "./planEditing.ts";

type Draft = {
  title: string;
  fromYear: string;
  toYear: string;
  purpose: string;
  mainGoal: string;
  boardCases: string;
};

const draftOf = (plan: ActionPlan): Draft => ({
  title: plan.title,
  fromYear: String(plan.fromYear),
  toYear: String(plan.toYear),
  purpose: plan.purpose,
  mainGoal: plan.mainGoal,
  boardCases: plan.boardCases.join("\n"),
});

/** The plan's fields as the server takes them; board cases one a line. */
const fieldsOf = (draft: Draft) => ({
  title: draft.title.trim(),
  fromYear: numberOf(draft.fromYear) as number,
  toYear: numberOf(draft.toYear) as number,
  purpose: draft.purpose,
  mainGoal: draft.mainGoal,
  boardCases: draft.boardCases
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== ""),
});

function PlanFields({
  draft,
  set,
  error,
}: {
  draft: Draft;
  set: (key: keyof Draft, value: string) => void;
  error: unknown;
}) {
  const { t } = useLocale();
  const text = (key: keyof Draft, description?: string) => (
    <Textfield
      label={t(`planEdit.plan.${key}` as "planEdit.plan.title")}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={problemAt(error, key, t)}
      description={description}
    />
  );
  const longText = (key: keyof Draft, description?: string) => (
    <Textfield
      label={t(`planEdit.plan.${key}` as "planEdit.plan.title")}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={problemAt(error, key, t)}
      description={description}
      multiline
      rows={3}
    />
  );
  return (
    <>
      {text("title")}
      <div className="form-row">
        <Textfield
          label={t("planEdit.plan.fromYear")}
          inputMode="numeric"
          value={draft.fromYear}
          onChange={(event) => set("fromYear", event.target.value)}
          error={problemAt(error, "fromYear", t)}
        />
        <Textfield
          label={t("planEdit.plan.toYear")}
          inputMode="numeric"
          value={draft.toYear}
          onChange={(event) => set("toYear", event.target.value)}
          error={problemAt(error, "toYear", t)}
        />
      </div>
      {longText("purpose")}
      {longText("mainGoal")}
      {longText("boardCases", t("planEdit.plan.boardCasesHelp"))}
    </>
  );
}

const labelFor =
  (t: ReturnType<typeof useLocale>["t"]) =>
  (field: string): string | undefined => {
    const known = ["title", "fromYear", "toYear", "purpose", "mainGoal", "boardCases", "ownerUnitId"];
    const key = known.find((each) => field === each || field.startsWith(`${each}.`));
    return key ? t(`planEdit.plan.${key}` as "planEdit.plan.title") : undefined;
  };

/** A new plan (a draft) for a unit where the user is an editor; then the plan's page. */
export function NewPlanForm() {
  const { t } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const navigate = useNavigate();
  const create = useCreateActionPlan();
  const thisYear = new Date().getFullYear();
  const [ownerUnitId, setOwnerUnitId] = useState("");
  const [draft, setDraft] = useState<Draft>({
    title: "",
    fromYear: String(thisYear),
    toYear: String(thisYear + 3),
    purpose: "",
    mainGoal: "",
    boardCases: "",
  });
  const owners = editableUnits(me, units.data ?? []);
  const chosenOwner = ownerUnitId || (owners[0] ? String(owners[0].id) : "");
  const set = (key: keyof Draft, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ownerUnitId: Number(chosenOwner), ...fieldsOf(draft) },
      {
        onSuccess: (plan) => navigate({ to: "/action-plans/$id", params: { id: String(plan.id) } }),
      },
    );
  };
  return (
    <form className="plan-form" onSubmit={submit} noValidate>
      <SelectField
        label={t("planEdit.plan.ownerUnitId")}
        value={chosenOwner}
        onChange={(event) => setOwnerUnitId(event.target.value)}
        error={problemAt(create.error, "ownerUnitId", t)}
      >
        {owners.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </SelectField>
      <PlanFields draft={draft} set={set} error={create.error} />
      <ProblemAlert error={create.error} headingLevel={3} labelFor={labelFor(t)} />
      <div className="form-actions">
        <Button type="submit" loading={create.isPending}>
          {t("planEdit.plan.create")}
        </Button>
      </div>
    </form>
  );
}

/**
 * The plan's own fields. Saving sends the version the form started from: if someone else saved
 * in between, the server refuses (409) and the form says so and offers the version now stored.
 */
export function EditPlanForm({ plan, onDone }: { plan: ActionPlan; onDone: (message: string) => void }) {
  const { t } = useLocale();
  const update = useUpdateActionPlan(plan.id);
  const [base, setBase] = useState(plan);
  const [draft, setDraft] = useState(() => draftOf(plan));
  const set = (key: keyof Draft, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const restart = () => {
    setBase(plan);
    setDraft(draftOf(plan));
    update.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { version: base.version, ...fieldsOf(draft) },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setDraft(draftOf(saved));
          onDone(t("planEdit.plan.saved"));
        },
      },
    );
  };
  return (
    <form className="plan-form" onSubmit={submit} noValidate>
      <PlanFields draft={draft} set={set} error={update.error} />
      {isStale(update.error) ? (
        <Alert data-color="warning" role="alert">
          <Paragraph data-size="sm">{t("planEdit.stale")}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={restart}>
            {t("planEdit.stale.reload")}
          </Button>
        </Alert>
      ) : (
        <ProblemAlert error={update.error} headingLevel={3} labelFor={labelFor(t)} />
      )}
      <div className="form-actions">
        <Button type="submit" loading={update.isPending}>
          {t("planEdit.save")}
        </Button>
      </div>
    </form>
  );
}
