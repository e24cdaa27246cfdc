import { Button, Textfield } from "@digdir/designsystemet-react";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { programmeKinds } from "../../../../src/domain/programmeKinds.ts";
import type { ProgrammeDetail } from "../../api/programmes.ts";
import type { Unit } from "../../api/types.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";
import { type Programme, useCreateProgramme, useUpdateProgramme } from "./programmeEditApi.ts";
import { FormProblems } from "./StaleNotice.tsx";

type Kind = (typeof programmeKinds)[number];

/** What both the new-programme and the edit form hold. */
type Facts = {
  kind: Kind;
  code: string;
  title: string;
  sponsorName: string;
  managerName: string;
  approverTitle: string;
  purpose: string;
  scope: string;
};

const emptyFacts: Facts = {
  kind: "programme",
  code: "",
  title: "",
  sponsorName: "",
  managerName: "",
  approverTitle: "",
  purpose: "",
  scope: "",
};

function factsOf(programme: Programme): Facts {
  const { kind, code, title, sponsorName, managerName, approverTitle, purpose, scope } = programme;
  return { kind, code, title, sponsorName, managerName, approverTitle, purpose, scope };
}

/** The server's field names in the words of these forms, for the list of refused fields. */
function labelOf(field: string, t: Translate): string | undefined {
  const labels: Record<string, string> = {
    ownerUnitId: "programmeEdit.field.owner",
    kind: "programmeEdit.field.kind",
    code: "programmeEdit.field.code",
    title: "programmeEdit.field.title",
    sponsorName: "programmeEdit.field.sponsor",
    managerName: "programmeEdit.field.manager",
    approverTitle: "programmeEdit.field.approverTitle",
    purpose: "programmeEdit.field.purpose",
    scope: "programmeEdit.field.scope",
  };
  const key = labels[field];
  return key && hasMessage(key) ? t(key) : undefined;
}

function FactFields({
  facts,
  onChange,
  error,
}: {
  facts: Facts;
  onChange: (next: Facts) => void;
  error: unknown;
}) {
  const { t } = useLocale();
  const text = (field: keyof Omit<Facts, "kind">, label: MessageKey, extra: { required?: boolean } = {}) => (
    <Textfield
      label={t(label)}
      value={facts[field]}
      onChange={(event) => onChange({ ...facts, [field]: event.target.value })}
      error={fieldError(error, field)}
      {...extra}
    />
  );
  return (
    <>
      <SelectField
        label={t("programmeEdit.field.kind")}
        value={facts.kind}
        onChange={(event) => onChange({ ...facts, kind: event.target.value as Kind })}
        error={fieldError(error, "kind")}
      >
        {programmeKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`programmes.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <Textfield
        label={t("programmeEdit.field.code")}
        description={t("programmeEdit.field.codeHelp")}
        required
        value={facts.code}
        onChange={(event) => onChange({ ...facts, code: event.target.value })}
        error={fieldError(error, "code")}
      />
      {text("title", "programmeEdit.field.title", { required: true })}
      {text("sponsorName", "programmeEdit.field.sponsor")}
      {text("managerName", "programmeEdit.field.manager")}
      <Textfield
        label={t("programmeEdit.field.approverTitle")}
        description={t("programmeEdit.field.approverTitleHelp")}
        value={facts.approverTitle}
        onChange={(event) => onChange({ ...facts, approverTitle: event.target.value })}
        error={fieldError(error, "approverTitle")}
      />
      {(["purpose", "scope"] as const).map((field) => (
        <Textfield
          key={field}
          label={t(`programmeEdit.field.${field}`)}
          multiline
          rows={3}
          value={facts[field]}
          onChange={(event) => onChange({ ...facts, [field]: event.target.value })}
          error={fieldError(error, field)}
        />
      ))}
    </>
  );
}

/**
 * A new programme or project for one of the units the user edits for; the programme's page
 * opens once it is made. The server decides the right again.
 */
export function NewProgrammeForm({ units, defaultUnitId }: { units: Unit[]; defaultUnitId?: number }) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const create = useCreateProgramme();
  const [ownerUnitId, setOwnerUnitId] = useState(defaultUnitId ?? units[0]?.id ?? 0);
  const [facts, setFacts] = useState(emptyFacts);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ownerUnitId, ...facts },
      {
        onSuccess: (programme) =>
          void navigate({ to: "/programmes/$id", params: { id: String(programme.id) } }),
      },
    );
  };
  return (
    <form className="programme-form" noValidate onSubmit={submit} aria-label={t("programmeEdit.new.title")}>
      <SelectField
        label={t("programmeEdit.field.owner")}
        value={String(ownerUnitId)}
        onChange={(event) => setOwnerUnitId(Number(event.target.value))}
        error={fieldError(create.error, "ownerUnitId")}
      >
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </SelectField>
      <FactFields facts={facts} onChange={setFacts} error={create.error} />
      <FormProblems
        error={create.error}
        what="programme"
        onReload={() => create.reset()}
        labelFor={(field) => labelOf(field, t)}
      />
      <div className="programme-actions">
        <Button type="submit" loading={create.isPending}>
          {t("programmeEdit.new.submit")}
        </Button>
      </div>
    </form>
  );
}

/**
 * The programme's facts, sent with the version they were read at: if someone else saved in
 * between, the server refuses (409) and the form says so rather than overwrite their change.
 */
export function EditProgrammeForm({
  programme,
  onDone,
}: {
  programme: ProgrammeDetail;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const update = useUpdateProgramme(programme.id);
  const [facts, setFacts] = useState(() => factsOf(programme));
  // The form edits the version it was filled from; a newer one refills it only while untouched,
  // so typed changes meet the server's stale check instead of being lost (see useFormBase).
  const { base, restart } = useFormBase(
    programme as Programme,
    (from) => JSON.stringify(facts) !== JSON.stringify(factsOf(from)),
    (from) => {
      setFacts(factsOf(from));
      update.reset();
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { version: base.version, ...facts },
      {
        onSuccess: (saved) => {
          restart(saved);
          onDone(t("programmeEdit.edit.done"));
        },
      },
    );
  };
  const reload = () => restart(programme);
  return (
    <form className="programme-form" noValidate onSubmit={submit} aria-label={t("programmeEdit.edit.title")}>
      <FactFields facts={facts} onChange={setFacts} error={update.error} />
      <FormProblems
        error={update.error}
        what="programme"
        onReload={reload}
        labelFor={(field) => labelOf(field, t)}
      />
      <div className="programme-actions">
        <Button type="submit" loading={update.isPending}>
          {t("programmeEdit.edit.submit")}
        </Button>
      </div>
    </form>
  );
}
