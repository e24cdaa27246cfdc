import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Spinner,
  Textfield,
} from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { isApiProblem } from "../../api/client.ts";
import {
  type DocumentTemplate,
  type DocumentType,
  documentKeys,
  documentTypes,
  type SectionKey,
  sectionKeys,
  type TemplateView,
  useDocumentTemplate,
  useSaveDocumentTemplate,
} from "../../api/documents.ts";
import { useUnits } from "../../api/hooks.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { type Translate, useLocale, useT } from "../../i18n/i18n.tsx";
import { isAnyAdmin } from "../auth/permissions.ts";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { childrenByParent, flattenTree, indentLabel } from "../units/unitTree.ts";
import { canEditTemplates } from "./permissions.ts";
import "./documents.css";

const generalScope = "general";

/** The form's copy of a template: texts as typed, so that an emptied field stays empty while editing. */
type Draft = {
  title: string;
  includeUnitAnswers: boolean;
  sections: { key: SectionKey; visible: boolean; heading: string; introduction: string }[];
};

function draftOf(template: DocumentTemplate): Draft {
  return {
    title: template.title ?? "",
    includeUnitAnswers: template.includeUnitAnswers,
    sections: template.sections.map((section) => ({
      key: section.key,
      visible: section.visible,
      heading: section.heading ?? "",
      introduction: section.introduction ?? "",
    })),
  };
}

/** Empty texts are sent as null: the default title and the heading in the document's language. */
function templateOf(draft: Draft): DocumentTemplate {
  return {
    title: draft.title.trim() || null,
    includeUnitAnswers: draft.includeUnitAnswers,
    sections: draft.sections.map((section) => ({
      key: section.key,
      visible: section.visible,
      heading: section.heading.trim() || null,
      introduction: section.introduction.trim() === "" ? null : section.introduction,
    })),
  };
}

function isTemplateView(value: unknown): value is TemplateView {
  return (
    typeof value === "object" &&
    value !== null &&
    "template" in value &&
    "version" in value &&
    typeof (value as { version: unknown }).version === "number"
  );
}

/**
 * What the editor edits: one template (a type, for a unit or the organisation) at a version. Where
 * it comes from counts as part of the version: while a unit has no template of its own (version 0)
 * it shows the organisation's or the built-in one, whichever is in use.
 */
type Edited = { id: string; version: string; view: TemplateView };
const editedOf = (view: TemplateView): Edited => ({
  id: `${view.documentType}:${view.unitId}`,
  version: `${view.version}:${view.source}`,
  view,
});

const sectionName = (key: SectionKey, t: Translate) => t(`templates.section.${key}`);

function SectionEditor({
  section,
  index,
  count,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  section: Draft["sections"][number];
  index: number;
  count: number;
  error: unknown;
  onChange: (change: Partial<Draft["sections"][number]>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const name = sectionName(section.key, t);
  return (
    <li className="template-section">
      <Fieldset>
        <Fieldset.Legend>
          {index + 1}. {name}
        </Fieldset.Legend>
        <Checkbox
          label={t("templates.visible")}
          checked={section.visible}
          onChange={(event) => onChange({ visible: event.target.checked })}
        />
        <Textfield
          label={t("templates.heading")}
          description={t("templates.headingHelp")}
          value={section.heading}
          onChange={(event) => onChange({ heading: event.target.value })}
          error={fieldError(error, `template.sections.${index}.heading`)}
        />
        <Textfield
          multiline
          rows={3}
          label={t("templates.introduction")}
          description={t("templates.introductionHelp")}
          value={section.introduction}
          onChange={(event) => onChange({ introduction: event.target.value })}
          error={fieldError(error, `template.sections.${index}.introduction`)}
        />
        <div className="button-row">
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t("templates.moveUpLabel", { name })}
          >
            {t("templates.moveUp")}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t("templates.moveDownLabel", { name })}
          >
            {t("templates.moveDown")}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            onClick={onRemove}
            aria-label={t("templates.removeLabel", { name })}
          >
            {t("templates.remove")}
          </Button>
        </div>
      </Fieldset>
    </li>
  );
}

/** Edits one template (a type, for a unit or the organisation), saving with its version. */
function TemplateEditor({
  view,
  type,
  unitId,
  onSaved,
}: {
  view: TemplateView;
  type: DocumentType;
  unitId: number | null;
  onSaved: (message: string) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const save = useSaveDocumentTemplate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view.template));
  const [toAdd, setToAdd] = useState<SectionKey | "">("");

  // The form edits the version it was filled from, and starts again from another template, a save,
  // or someone else's version when the user loads it. A background refetch with a newer version
  // refills it only while nothing is changed; changes stay, and saving them meets the stale check.
  const edited = useMemo(() => editedOf(view), [view]);
  const { base, restart } = useFormBase(
    edited,
    (from) => JSON.stringify(draft) !== JSON.stringify(draftOf(from.view.template)),
    (from) => {
      setDraft(draftOf(from.view.template));
      save.reset();
    },
  );

  const missing = sectionKeys.filter((key) => !draft.sections.some((section) => section.key === key));
  const updateSection = (index: number, change: Partial<Draft["sections"][number]>) =>
    setDraft((current) => ({
      ...current,
      sections: current.sections.map((section, at) => (at === index ? { ...section, ...change } : section)),
    }));
  const moveSection = (index: number, by: -1 | 1) =>
    setDraft((current) => {
      const sections = [...current.sections];
      const [moved] = sections.splice(index, 1);
      if (moved) sections.splice(index + by, 0, moved);
      return { ...current, sections };
    });
  const removeSection = (index: number) =>
    setDraft((current) => ({ ...current, sections: current.sections.filter((_, at) => at !== index) }));
  const addSection = () => {
    const key = toAdd || missing[0];
    if (!key) return;
    setDraft((current) => ({
      ...current,
      sections: [...current.sections, { key, visible: true, heading: "", introduction: "" }],
    }));
    setToAdd("");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // mutateAsync rather than mutate's callbacks: starting again from the saved version resets
    // the mutation, which would drop those callbacks.
    save
      .mutateAsync({ type, unitId, version: base.view.version, template: templateOf(draft) })
      .then((saved) => {
        restart(editedOf(saved));
        onSaved(t("templates.saved", { version: saved.version }));
      })
      .catch(() => {
        // Shown from save.error.
      });
  };

  const reloadCurrent = () => {
    const current = isApiProblem(save.error) ? save.error.body.current : null;
    if (isTemplateView(current)) {
      queryClient.setQueryData(documentKeys.template(type, unitId), current);
      restart(editedOf(current));
    } else {
      // No version came along: read the template again and start from that.
      const key = documentKeys.template(type, unitId);
      save.reset();
      void queryClient.invalidateQueries({ queryKey: key }).then(() => {
        const fresh = queryClient.getQueryData<TemplateView>(key);
        if (fresh) restart(editedOf(fresh));
      });
    }
  };

  const stale = isApiProblem(save.error) && save.error.code === "stale_version";
  return (
    <form onSubmit={submit} className="form-stack" aria-labelledby="template-heading" noValidate>
      <Textfield
        label={t("templates.title")}
        description={t("templates.titleHelp")}
        value={draft.title}
        onChange={(event) => setDraft((current) => ({ ...current, title: event.target.value }))}
        error={fieldError(save.error, "template.title")}
      />
      <Checkbox
        label={t("templates.includeUnitAnswers")}
        description={t("templates.includeUnitAnswersHelp")}
        checked={draft.includeUnitAnswers}
        onChange={(event) =>
          setDraft((current) => ({ ...current, includeUnitAnswers: event.target.checked }))
        }
      />

      <Heading level={3} data-size="xs">
        {t("templates.sectionsHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("templates.sectionsHelp")}</Paragraph>
      {draft.sections.length === 0 ? (
        <Paragraph>{t("templates.noSections")}</Paragraph>
      ) : (
        <ol className="template-sections">
          {draft.sections.map((section, index) => (
            <SectionEditor
              key={section.key}
              section={section}
              index={index}
              count={draft.sections.length}
              error={save.error}
              onChange={(change) => updateSection(index, change)}
              onMove={(by) => moveSection(index, by)}
              onRemove={() => removeSection(index)}
            />
          ))}
        </ol>
      )}
      {missing.length > 0 && (
        <div className="template-add">
          <SelectField
            label={t("templates.addSection")}
            value={toAdd || missing[0]}
            onChange={(event) => setToAdd(event.target.value as SectionKey)}
          >
            {missing.map((key) => (
              <option key={key} value={key}>
                {sectionName(key, t)}
              </option>
            ))}
          </SelectField>
          <Button type="button" variant="secondary" onClick={addSection}>
            {t("templates.add")}
          </Button>
        </div>
      )}

      {stale ? (
        <Alert data-color="warning" role="alert">
          <Heading level={3} data-size="xs">
            {t("templates.stale.title")}
          </Heading>
          <Paragraph data-size="sm">{t("templates.stale.body")}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={reloadCurrent}>
            {t("templates.stale.reload")}
          </Button>
        </Alert>
      ) : (
        <ProblemAlert error={save.error} headingLevel={3} />
      )}
      <div className="button-row">
        <Button type="submit" loading={save.isPending}>
          {t("templates.save")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => setDraft(draftOf(base.view.defaultTemplate))}
        >
          {t("templates.useDefault")}
        </Button>
      </div>
    </form>
  );
}

/**
 * Document templates, for administrators: per document type, which sections a document has, in
 * which order, with which headings and introductions. For a unit, or (system administrators) for
 * the whole organisation, which units without their own template use.
 */
export function TemplatesPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit } = useSelectedUnit(me, units.data);
  const [status, setStatus] = useState<string | null>(null);
  const [type, setType] = useState<DocumentType>("annual_report");
  const [scope, setScope] = useState<string | null>(null);

  const editable = units.data
    ? flattenTree(childrenByParent(units.data, locale)).filter(({ unit }) => canEditTemplates(me, unit.path))
    : [];
  const defaultScope =
    editable.find(({ unit }) => unit.id === selectedUnit?.id)?.unit.id ??
    (me.isSystemAdmin ? generalScope : editable[0]?.unit.id);
  const chosen = scope ?? (defaultScope === undefined ? "" : String(defaultScope));
  const unitId = chosen === generalScope || chosen === "" ? null : Number(chosen);
  const template = useDocumentTemplate(type, unitId, chosen !== "");

  if (!isAnyAdmin(me)) {
    return (
      <div className="page">
        <PageTitle>{t("templates.pageTitle")}</PageTitle>
        <Alert data-color="info">{t("templates.forbidden")}</Alert>
      </div>
    );
  }

  const sourceText = template.data ? t(`templates.source.${template.data.source}`) : "";
  return (
    <div className="page documents-page">
      <PageTitle>{t("templates.pageTitle")}</PageTitle>
      <Paragraph className="page-intro">{t("templates.intro")}</Paragraph>
      <LiveStatus message={status} />
      {units.isPending && <Spinner aria-label={t("common.loading")} />}
      {units.isError && <ProblemAlert error={units.error} headingLevel={2} />}
      {units.data && (
        <Card className="documents-card">
          <Heading level={2} data-size="sm" id="template-choice-heading">
            {t("templates.choose")}
          </Heading>
          <div className="documents-grid">
            <SelectField
              label={t("templates.type")}
              value={type}
              onChange={(event) => {
                setType(event.target.value as DocumentType);
                setStatus(null);
              }}
            >
              {documentTypes.map((each) => (
                <option key={each} value={each}>
                  {t(`documents.type.${each}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("templates.scope")}
              value={chosen}
              onChange={(event) => {
                setScope(event.target.value);
                setStatus(null);
              }}
            >
              {me.isSystemAdmin && <option value={generalScope}>{t("templates.general")}</option>}
              {editable.map(({ unit, depth }) => (
                <option key={unit.id} value={String(unit.id)}>
                  {indentLabel(`${unit.code} – ${unit.name}`, depth)}
                </option>
              ))}
            </SelectField>
          </div>
        </Card>
      )}

      {template.isError && <ProblemAlert error={template.error} headingLevel={2} />}
      {chosen !== "" && template.isPending && <Spinner aria-label={t("common.loading")} />}
      {template.data && (
        <Card className="documents-card">
          <Heading level={2} data-size="sm" id="template-heading">
            {t("templates.editHeading", { type: t(`documents.type.${type}`) })}
          </Heading>
          <Paragraph data-size="sm">
            {sourceText}{" "}
            {template.data.version > 0 && t("templates.version", { version: template.data.version })}
          </Paragraph>
          <TemplateEditor
            key={`${type}:${unitId}`}
            view={template.data}
            type={type}
            unitId={unitId}
            onSaved={setStatus}
          />
        </Card>
      )}
    </div>
  );
}
