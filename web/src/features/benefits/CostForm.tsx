import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, type ReactNode, useState } from "react";
import {
  type BenefitCost,
  type BenefitOwnerKind,
  type CostKind,
  costKinds,
  useCreateCost,
  useUpdateCost,
} from "../../api/benefits.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { numberOf, problemFor } from "./benefitWords.ts";
import { EditActions, useVersionedEdit } from "./versionedEdit.tsx";

type CostDraft = { kind: CostKind; year: string; planned: string; actual: string; text: string };

const draftOf = (cost: BenefitCost): CostDraft => ({
  kind: cost.kind,
  year: String(cost.year),
  planned: String(cost.plannedNok),
  actual: cost.actualNok === null ? "" : String(cost.actualNok),
  text: cost.text,
});

const valuesOf = (draft: CostDraft) => ({
  kind: draft.kind,
  year: numberOf(draft.year) as number,
  plannedNok: (numberOf(draft.planned) ?? 0) as number,
  actualNok: numberOf(draft.actual) as number | null,
  text: draft.text,
});

/** A new planned or actual investment or cost for a year. */
export function AddCostForm({
  kind,
  ownerId,
  onDone,
}: {
  kind: BenefitOwnerKind;
  ownerId: number;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const create = useCreateCost(kind, ownerId);
  const [draft, setDraft] = useState<CostDraft>({
    kind: "investment",
    year: String(new Date().getFullYear()),
    planned: "",
    actual: "",
    text: "",
  });
  const submit = () =>
    create.mutate(valuesOf(draft), {
      onSuccess: (cost) => {
        setDraft((current) => ({ ...current, planned: "", actual: "", text: "" }));
        onDone(t("benefits.costs.done", { kind: t(`benefits.cost.${cost.kind}`), year: cost.year }));
      },
    });
  return (
    <CostForm
      draft={draft}
      onChange={setDraft}
      error={create.error}
      pending={create.isPending}
      submitLabel={t("benefits.costs.submit")}
      onSubmit={submit}
    />
  );
}

/** Changes a cost with the version the editor opened; a save over someone else's change is refused. */
export function EditCostForm({
  cost,
  onDone,
  onCancel,
}: {
  cost: BenefitCost;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  const update = useUpdateCost(cost.id);
  const { version, draft, setDraft, isStale, takeTheirs } = useVersionedEdit(cost, draftOf, update);
  const submit = () =>
    update.mutate(
      { version, ...valuesOf(draft) },
      {
        onSuccess: (saved) =>
          onDone(t("benefits.costs.changed", { kind: t(`benefits.cost.${saved.kind}`), year: saved.year })),
      },
    );
  return (
    <CostForm
      draft={draft}
      onChange={setDraft}
      error={update.error}
      pending={update.isPending}
      submitLabel={t("benefits.costs.save")}
      onSubmit={submit}
    >
      <EditActions isStale={isStale} onTakeTheirs={takeTheirs} onCancel={onCancel} />
    </CostForm>
  );
}

function CostForm({
  draft,
  onChange,
  error: failure,
  pending,
  submitLabel,
  onSubmit,
  children,
}: {
  draft: CostDraft;
  onChange: (draft: CostDraft) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const { t } = useLocale();
  const set = (key: keyof CostDraft, value: string) => onChange({ ...draft, [key]: value });
  const error = (field: string) => problemFor(failure, field, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="benefits-form" onSubmit={submit} noValidate>
      <div className="form-row">
        <SelectField
          label={t("benefits.costs.kind")}
          value={draft.kind}
          onChange={(event) => set("kind", event.target.value)}
          error={error("kind")}
        >
          {costKinds.map((each) => (
            <option key={each} value={each}>
              {t(`benefits.cost.${each}`)}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t("benefits.costs.year")}
          inputMode="numeric"
          value={draft.year}
          onChange={(event) => set("year", event.target.value)}
          error={error("year")}
        />
        <Textfield
          label={t("benefits.costs.planned")}
          inputMode="decimal"
          value={draft.planned}
          onChange={(event) => set("planned", event.target.value)}
          error={error("plannedNok")}
        />
        <Textfield
          label={t("benefits.costs.actual")}
          inputMode="decimal"
          value={draft.actual}
          onChange={(event) => set("actual", event.target.value)}
          error={error("actualNok")}
        />
      </div>
      <Textfield
        label={t("benefits.costs.text")}
        value={draft.text}
        onChange={(event) => set("text", event.target.value)}
        error={error("text")}
      />
      {failure !== null && <ProblemAlert error={failure} headingLevel={4} />}
      <div className="form-actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {children}
      </div>
    </form>
  );
}
