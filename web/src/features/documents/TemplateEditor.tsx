import { Alert, Button, Checkbox, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { isApiProblem, staleCurrent } from "../../api/client.ts";
import {
  type DocumentType,
  documentKeys,
  type SectionKey,
  sectionKeys,
  type TemplateView,
  useSaveDocumentTemplate,
} from "../../api/documents.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { useT } from "../../i18n/i18n.tsx";
import { SectionEditor } from "./SectionEditor.tsx";
import { type Draft, draftOf, editedOf, sectionName, templateOf } from "./templateDraft.ts";

/** Edits one template (a type, for a unit or the organisation), saving with its version. */
export function TemplateEditor({
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
    const current = staleCurrent<TemplateView>(save.error);
    if (current) {
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
