import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import {
  type BenefitKind,
  type BenefitOwnerKind,
  benefitKinds,
  useCreateBenefit,
} from "../../api/benefits.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { hasMessage, useLocale } from "../../i18n/i18n.tsx";
import { numberOf, problemFor } from "./benefitWords.ts";

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
  const set = (key: keyof Draft, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const error = (field: string) => problemFor(create.error, field, t);
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
    create.mutate(
      {
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
      },
      {
        onSuccess: (benefit) => {
          setDraft(emptyDraft);
          onDone(t("benefits.add.done", { title: benefit.title }));
        },
      },
    );
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
      {create.error !== null && (
        <ProblemAlert
          error={create.error}
          headingLevel={3}
          labelFor={(field) => {
            const key = `benefits.field.${field}`;
            return hasMessage(key) ? t(key) : undefined;
          }}
        />
      )}
      <div className="form-actions">
        <Button type="submit" disabled={create.isPending}>
          {t("benefits.add.submit")}
        </Button>
      </div>
    </form>
  );
}
