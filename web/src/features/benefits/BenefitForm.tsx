import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, type ReactNode, useState } from "react";
import {
  type Benefit,
  type BenefitKind,
  type BenefitOwnerKind,
  benefitKinds,
  useCreateBenefit,
  useUpdateBenefit,
} from "../../api/benefits.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { hasMessage, useLocale } from "../../i18n/i18n.tsx";
import { numberOf, problemFor } from "./benefitWords.ts";
import { EditActions, useVersionedEdit } from "./versionedEdit.tsx";

const emptyDraft = {
  title: "",
  description: "",
  kind: "economic" as BenefitKind,
  ownerName: "",
  measureUnit: "NOK",
  baselineValue: "",
  baselineText: "",
  baselineDate: "",
  targetValue: "",
  targetText: "",
  targetDate: "",
};
type Draft = typeof emptyDraft;

/** A saved benefit as the form's text fields, to change it. */
function draftOf(benefit: Benefit): Draft {
  const figure = (value: number | null) => (value === null ? "" : String(value));
  return {
    title: benefit.title,
    description: benefit.description,
    kind: benefit.kind,
    ownerName: benefit.ownerName,
    measureUnit: benefit.measureUnit,
    baselineValue: figure(benefit.baselineValue),
    baselineText: benefit.baselineText,
    baselineDate: benefit.baselineDate,
    targetValue: figure(benefit.targetValue),
    targetText: benefit.targetText,
    targetDate: benefit.targetDate,
  };
}

/** The draft as the server takes it: a qualitative benefit sends no numbers and no unit. */
function valuesOf(draft: Draft) {
  const numbered = draft.kind !== "qualitative";
  return {
    title: draft.title,
    description: draft.description,
    kind: draft.kind,
    ownerName: draft.ownerName,
    measureUnit: numbered ? draft.measureUnit : "",
    baselineValue: numbered ? (numberOf(draft.baselineValue) as number | null) : null,
    baselineText: draft.baselineText,
    baselineDate: draft.baselineDate,
    targetValue: numbered ? (numberOf(draft.targetValue) as number | null) : null,
    targetText: draft.targetText,
    targetDate: draft.targetDate,
  };
}

/** A new benefit: what it is, its owner with line responsibility, its baseline and target. */
export function NewBenefitForm({
  kind,
  ownerId,
  onDone,
}: {
  kind: BenefitOwnerKind;
  ownerId: number;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const create = useCreateBenefit(kind, ownerId);
  const [draft, setDraft] = useState(emptyDraft);
  const submit = () =>
    create.mutate(valuesOf(draft), {
      onSuccess: (benefit) => {
        setDraft(emptyDraft);
        onDone(t("benefits.add.done", { title: benefit.title }));
      },
    });
  return (
    <BenefitForm
      draft={draft}
      onChange={setDraft}
      error={create.error}
      pending={create.isPending}
      submitLabel={t("benefits.add.submit")}
      onSubmit={submit}
    />
  );
}

/**
 * Changes a benefit. It sends the version the editor opened, so a save over someone else's
 * change is refused (409) rather than overwriting it; the editor may then take up their version.
 */
export function EditBenefitForm({
  benefit,
  onDone,
  onCancel,
}: {
  benefit: Benefit;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  const update = useUpdateBenefit(benefit.id);
  const { version, draft, setDraft, isStale, takeTheirs } = useVersionedEdit(benefit, draftOf, update);
  const submit = () =>
    update.mutate(
      { version, ...valuesOf(draft) },
      { onSuccess: (saved) => onDone(t("benefits.edit.done", { title: saved.title })) },
    );
  return (
    <BenefitForm
      draft={draft}
      onChange={setDraft}
      error={update.error}
      pending={update.isPending}
      submitLabel={t("benefits.edit.submit")}
      onSubmit={submit}
    >
      <EditActions isStale={isStale} onTakeTheirs={takeTheirs} onCancel={onCancel} />
    </BenefitForm>
  );
}

/** The fields of a benefit, with the server's problems beside them; new and changed alike. */
function BenefitForm({
  draft,
  onChange,
  error: failure,
  pending,
  submitLabel,
  onSubmit,
  children,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const { t } = useLocale();
  const set = (key: keyof Draft, value: string) => onChange({ ...draft, [key]: value });
  const error = (field: string) => problemFor(failure, field, t);
  const numbered = draft.kind !== "qualitative";
  const field = (
    key: keyof Draft,
    extra: { type?: "date"; inputMode?: "decimal"; description?: string } = {},
  ) => (
    <Textfield
      label={t(`benefits.field.${key}` as "benefits.field.title")}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={error(key)}
      type={extra.type ?? "text"}
      inputMode={extra.inputMode}
      description={extra.description}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="benefits-form" onSubmit={submit} noValidate>
      {field("title")}
      <div className="form-row">
        <SelectField
          label={t("benefits.field.kind")}
          value={draft.kind}
          onChange={(event) => set("kind", event.target.value)}
          error={error("kind")}
        >
          {benefitKinds.map((each) => (
            <option key={each} value={each}>
              {t(`benefits.kind.${each}`)}
            </option>
          ))}
        </SelectField>
        {field("ownerName")}
        {numbered && field("measureUnit", { description: t("benefits.field.measureUnitHelp") })}
      </div>
      <div className="form-row">
        {numbered ? field("baselineValue", { inputMode: "decimal" }) : field("baselineText")}
        {field("baselineDate", { type: "date" })}
      </div>
      <div className="form-row">
        {numbered ? field("targetValue", { inputMode: "decimal" }) : field("targetText")}
        {field("targetDate", { type: "date" })}
      </div>
      <Textfield
        label={t("benefits.field.description")}
        multiline
        rows={3}
        value={draft.description}
        onChange={(event) => set("description", event.target.value)}
        error={error("description")}
      />
      {failure !== null && (
        <ProblemAlert
          error={failure}
          headingLevel={3}
          labelFor={(field) => {
            const key = `benefits.field.${field}`;
            return hasMessage(key) ? t(key) : undefined;
          }}
        />
      )}
      <div className="form-actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {children}
      </div>
    </form>
  );
}
