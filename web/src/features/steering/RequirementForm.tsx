import { Button, Checkbox, Fieldset, Heading, Radio, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import {
  type Chapter,
  type ReportingPoint,
  type Requirement,
  type RequirementInput,
  type RequirementKind,
  reportingPoints,
  requirementKinds,
  type UnitRef,
  useAddRequirement,
  useUpdateRequirement,
} from "../../api/steering.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";

type Values = {
  number: string;
  chapterId: string;
  kind: RequirementKind;
  text: string;
  source: string;
  appliesToAll: boolean;
  appliesTo: ReadonlySet<number>;
  frequency: ReadonlySet<ReportingPoint>;
  deadline: string;
  risk: boolean;
  leadUnitId: string;
};

function valuesOf(requirement: Requirement | null, chapterId: number | null): Values {
  if (!requirement) {
    return {
      number: "",
      chapterId: chapterId === null ? "" : String(chapterId),
      kind: "assignment",
      text: "",
      source: "",
      appliesToAll: true,
      appliesTo: new Set(),
      frequency: new Set(["annual"]),
      deadline: "",
      risk: false,
      leadUnitId: "",
    };
  }
  return {
    number: requirement.number,
    chapterId: requirement.chapterId === null ? "" : String(requirement.chapterId),
    kind: requirement.kind,
    text: requirement.text,
    source: requirement.source ?? "",
    appliesToAll: requirement.appliesTo === "all",
    appliesTo: new Set(requirement.appliesTo === "all" ? [] : requirement.appliesTo),
    frequency: new Set(requirement.frequency),
    deadline: requirement.deadline ?? "",
    risk: requirement.selectedForRiskAssessment,
    leadUnitId: requirement.leadUnitId === null ? "" : String(requirement.leadUnitId),
  };
}

function inputOf(values: Values): RequirementInput {
  return {
    number: values.number.trim(),
    chapterId: values.chapterId ? Number(values.chapterId) : null,
    kind: values.kind,
    text: values.text,
    source: values.source.trim() || null,
    appliesTo: values.appliesToAll ? "all" : [...values.appliesTo],
    frequency: reportingPoints.filter((point) => values.frequency.has(point)),
    deadline: values.deadline || null,
    selectedForRiskAssessment: values.risk,
    leadUnitId: values.leadUnitId ? Number(values.leadUnitId) : null,
  };
}

type RequirementFormProps = {
  documentId: number;
  chapters: Chapter[];
  recipients: UnitRef[];
  /** The requirement to change, or null for a new one. */
  requirement: Requirement | null;
  /** For a new requirement: the chapter it goes in. */
  chapterId?: number | null;
  headingLevel: 3 | 4 | 5;
  onDone: (message: string) => void;
  onCancel?: () => void;
};

/**
 * Adds a requirement to a draft, or changes one. A change sends the version the form was opened
 * from, so someone else's later change is refused rather than overwritten.
 */
export function RequirementForm({
  documentId,
  chapters,
  recipients,
  requirement,
  chapterId = null,
  headingLevel,
  onDone,
  onCancel,
}: RequirementFormProps) {
  const { t } = useLocale();
  const add = useAddRequirement(documentId);
  const update = useUpdateRequirement();
  const mutation = requirement ? update : add;
  const [values, setValues] = useState<Values>(() => valuesOf(requirement, chapterId));
  // The version this form started from; kept even if the page refreshes underneath.
  const [baseVersion] = useState(requirement?.version ?? 0);
  const id = useId();
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const answering = values.appliesToAll
    ? recipients
    : recipients.filter((unit) => values.appliesTo.has(unit.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf(values);
    const done = (saved: Requirement) => {
      if (!requirement) setValues(valuesOf(null, chapterId));
      onDone(
        requirement
          ? t("steering.requirement.saved", { number: saved.number })
          : t("steering.requirement.added", { number: saved.number }),
      );
    };
    if (requirement)
      update.mutate({ id: requirement.id, version: baseVersion, ...input }, { onSuccess: done });
    else add.mutate(input, { onSuccess: done });
  };

  // A problem goes from the screen once its field is changed.
  const error = useLiveError(mutation.error, mutation.variables, inputOf(values));
  const toggleIn = <T,>(set: ReadonlySet<T>, item: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };

  return (
    <form
      onSubmit={submit}
      className="form-stack form-stack--wide"
      noValidate
      aria-labelledby={requirement ? `${id}-heading` : undefined}
    >
      {/* A new requirement's form opens under a "New requirement" summary, which names it. */}
      {requirement && (
        <Heading level={headingLevel} data-size="xs" id={`${id}-heading`}>
          {t("steering.requirement.editTitle", { number: requirement.number })}
        </Heading>
      )}
      <div className="form-grid">
        <Textfield
          label={t("steering.field.number")}
          description={t("steering.field.numberHelp")}
          value={values.number}
          onChange={(event) => set("number", event.target.value)}
          error={fieldError(error, "number")}
          required
        />
        <SelectField
          label={t("steering.field.kind")}
          value={values.kind}
          onChange={(event) => set("kind", event.target.value as RequirementKind)}
          error={fieldError(error, "kind")}
        >
          {requirementKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`steering.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("steering.field.chapter")}
          value={values.chapterId}
          onChange={(event) => set("chapterId", event.target.value)}
          error={fieldError(error, "chapterId")}
        >
          <option value="">{t("steering.noChapter")}</option>
          {chapters.map((chapter) => (
            <option key={chapter.id} value={chapter.id}>
              {chapter.title}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t("steering.field.source")}
          description={t("steering.field.sourceHelp")}
          value={values.source}
          onChange={(event) => set("source", event.target.value)}
          error={fieldError(error, "source")}
        />
      </div>
      <div className="editor-with-preview">
        <Textfield
          multiline
          rows={6}
          label={t("steering.field.text")}
          description={t("steering.field.textHelp")}
          value={values.text}
          onChange={(event) => set("text", event.target.value)}
          error={fieldError(error, "text")}
          required
        />
        <div className="markdown-preview">
          <p className="markdown-preview__label" id={`${id}-preview`}>
            {t("answers.preview")}
          </p>
          <section aria-labelledby={`${id}-preview`}>
            <Markdown text={values.text} empty={t("answers.previewEmpty")} />
          </section>
        </div>
      </div>
      <Fieldset>
        <Fieldset.Legend>{t("steering.field.appliesTo")}</Fieldset.Legend>
        <Radio
          name={`${id}-applies`}
          label={t("steering.appliesToAllRecipients")}
          value="all"
          checked={values.appliesToAll}
          onChange={() => set("appliesToAll", true)}
        />
        <Radio
          name={`${id}-applies`}
          label={t("steering.appliesToSome")}
          value="some"
          checked={!values.appliesToAll}
          onChange={() => set("appliesToAll", false)}
        />
        {!values.appliesToAll && (
          <div className="checkbox-columns">
            {recipients.map((unit) => (
              <Checkbox
                key={unit.id}
                label={`${unit.code} – ${unit.name}`}
                checked={values.appliesTo.has(unit.id)}
                onChange={(event) =>
                  set("appliesTo", toggleIn(values.appliesTo, unit.id, event.target.checked))
                }
              />
            ))}
          </div>
        )}
        {fieldError(error, "appliesTo") && <p className="field-error">{fieldError(error, "appliesTo")}</p>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t("steering.field.frequency")}</Fieldset.Legend>
        <Fieldset.Description>{t("steering.field.frequencyHelp")}</Fieldset.Description>
        <div className="checkbox-row">
          {reportingPoints.map((point) => (
            <Checkbox
              key={point}
              label={t(`steering.frequency.${point}`)}
              checked={values.frequency.has(point)}
              onChange={(event) => set("frequency", toggleIn(values.frequency, point, event.target.checked))}
            />
          ))}
        </div>
        {fieldError(error, "frequency") && <p className="field-error">{fieldError(error, "frequency")}</p>}
      </Fieldset>
      <div className="form-grid">
        <Textfield
          label={t("steering.field.deadline")}
          type="date"
          value={values.deadline}
          onChange={(event) => set("deadline", event.target.value)}
          error={fieldError(error, "deadline")}
        />
        <SelectField
          label={t("steering.field.lead")}
          description={t("steering.field.leadHelp")}
          value={values.leadUnitId}
          onChange={(event) => set("leadUnitId", event.target.value)}
          error={fieldError(error, "leadUnitId")}
        >
          <option value="">{t("steering.noLead")}</option>
          {answering.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {`${unit.code} – ${unit.name}`}
            </option>
          ))}
        </SelectField>
      </div>
      <Checkbox
        label={t("steering.field.riskLabel")}
        checked={values.risk}
        onChange={(event) => set("risk", event.target.checked)}
      />
      <ProblemAlert error={error} headingLevel={4} />
      <div className="button-row">
        <Button type="submit" loading={mutation.isPending}>
          {requirement ? t("steering.requirement.save") : t("steering.requirement.add")}
        </Button>
        {onCancel && (
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {t("answers.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
