import type { DocumentTemplate, SectionKey, TemplateView } from "../../api/documents.ts";
import type { Translate } from "../../i18n/i18n.tsx";

// The template editor's draft: filled from a template, sent back as one, and what counts as its version.

/** The form's copy of a template: texts as typed, so that an emptied field stays empty while editing. */
export type Draft = {
  title: string;
  includeUnitAnswers: boolean;
  sections: { key: SectionKey; visible: boolean; heading: string; introduction: string }[];
};

export function draftOf(template: DocumentTemplate): Draft {
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
export function templateOf(draft: Draft): DocumentTemplate {
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

/**
 * What the editor edits: one template (a type, for a unit or the organisation) at a version. Where
 * it comes from counts as part of the version: while a unit has no template of its own (version 0)
 * it shows the organisation's or the built-in one, whichever is in use.
 */
export type Edited = { id: string; version: string; view: TemplateView };
export const editedOf = (view: TemplateView): Edited => ({
  id: `${view.documentType}:${view.unitId}`,
  version: `${view.version}:${view.source}`,
  view,
});

export const sectionName = (key: SectionKey, t: Translate) => t(`templates.section.${key}`);
