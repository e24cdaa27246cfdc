import { Button, Checkbox, Fieldset, Textfield } from "@digdir/designsystemet-react";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useMemo, useState } from "react";
import { useUnits } from "../../api/hooks.ts";
import { type DocumentKind, documentKinds, useCreateDocument } from "../../api/steering.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { childrenByParent, flattenTree, indentLabel } from "../units/unitTree.ts";

/** Starts a steering document as a draft: issuer, recipients below it, year, kind and title. */
export function CreateDocumentForm() {
  const { t, locale } = useLocale();
  const units = useUnits();
  const create = useCreateDocument();
  const navigate = useNavigate();

  const tree = useMemo(() => flattenTree(childrenByParent(units.data ?? [], locale)), [units.data, locale]);
  const issuers = tree.filter(
    ({ unit }) =>
      unit.active && unit.can.draftSteering && tree.some(({ unit: other }) => other.parentId === unit.id),
  );

  const [issuerId, setIssuerId] = useState("");
  const [recipientIds, setRecipientIds] = useState<ReadonlySet<number>>(new Set());
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [kind, setKind] = useState<DocumentKind>("steering_document");
  const [title, setTitle] = useState("");

  const issuer = tree.find(({ unit }) => String(unit.id) === issuerId)?.unit;
  const below = issuer
    ? tree.filter(({ unit }) => unit.active && unit.id !== issuer.id && unit.path.startsWith(issuer.path))
    : [];

  const chooseIssuer = (value: string) => {
    setIssuerId(value);
    // The units directly below are the usual recipients.
    setRecipientIds(
      new Set(tree.filter(({ unit }) => String(unit.parentId) === value).map(({ unit }) => unit.id)),
    );
  };

  const toggle = (id: number, checked: boolean) =>
    setRecipientIds((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const payload = {
    year: Number(year),
    issuingUnitId: Number(issuerId),
    recipientUnitIds: [...recipientIds],
    kind,
    title: title.trim(),
  };
  // A problem goes from the screen once its field is changed.
  const error = useLiveError(create.error, create.variables, payload);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(payload, {
      onSuccess: (created) =>
        navigate({ to: "/steering/$documentId", params: { documentId: String(created.id) } }),
    });
  };

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <SelectField
        label={t("steering.create.issuer")}
        value={issuerId}
        onChange={(event) => chooseIssuer(event.target.value)}
        error={fieldError(error, "issuingUnitId")}
      >
        <option value="">{t("steering.create.chooseIssuer")}</option>
        {issuers.map(({ unit, depth }) => (
          <option key={unit.id} value={unit.id}>
            {indentLabel(`${unit.code} – ${unit.name}`, depth)}
          </option>
        ))}
      </SelectField>
      {issuer && (
        <Fieldset>
          <Fieldset.Legend>{t("steering.create.recipients")}</Fieldset.Legend>
          <Fieldset.Description>{t("steering.create.recipientsHelp")}</Fieldset.Description>
          <div className="checkbox-columns">
            {below.map(({ unit }) => (
              <Checkbox
                key={unit.id}
                label={`${unit.code} – ${unit.name}`}
                checked={recipientIds.has(unit.id)}
                onChange={(event) => toggle(unit.id, event.target.checked)}
              />
            ))}
          </div>
          {fieldError(error, "recipientUnitIds") && (
            <p className="field-error">{fieldError(error, "recipientUnitIds")}</p>
          )}
        </Fieldset>
      )}
      <Textfield
        label={t("steering.field.title")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError(error, "title")}
        required
      />
      <Textfield
        label={t("steering.field.year")}
        type="number"
        inputMode="numeric"
        value={year}
        onChange={(event) => setYear(event.target.value)}
        error={fieldError(error, "year")}
        required
      />
      <SelectField
        label={t("steering.field.kind")}
        value={kind}
        onChange={(event) => setKind(event.target.value as DocumentKind)}
      >
        {documentKinds.map((each) => (
          <option key={each} value={each}>
            {t(`steering.documentKind.${each}`)}
          </option>
        ))}
      </SelectField>
      <ProblemAlert error={error} headingLevel={3} />
      <div>
        <Button type="submit" loading={create.isPending} disabled={!issuerId}>
          {t("steering.create.submit")}
        </Button>
      </div>
    </form>
  );
}
