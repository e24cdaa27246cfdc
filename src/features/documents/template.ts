// Templates: per document type (and optionally per unit) the organisation chooses which sections a
// document has, in which order, with which headings and introduction texts. The built-in defaults
// follow seed 003; a stored template replaces them whole.

import { z } from "zod";
import { type SectionKey, sectionKeys } from "../../domain/documentKinds.ts";
import { markdownText, plainText } from "../../schemas/common.ts";
import { ruleMessage } from "../../schemas/rules.ts";
import type { DocumentType } from "./model.ts";

export { type SectionKey, sectionKeys };

export const templateSectionSchema = z.object({
  key: z.enum(sectionKeys),
  visible: z.boolean(),
  /** Null: the heading in the document's language. */
  heading: plainText(200)
    .min(1, { message: ruleMessage("template_text_empty") })
    .nullable(),
  /** Markdown shown under the heading. */
  introduction: markdownText(20_000).nullable(),
});

export const documentTemplateSchema = z.object({
  /** Null: the default title. `{unit}`, `{year}`, `{period}` and `{caseNumber}` are filled in. */
  title: plainText(300)
    .min(1, { message: ruleMessage("template_text_empty") })
    .nullable(),
  /** Show each unit's own answer under the consolidated one (the board's version), or not (the ministry's). */
  includeUnitAnswers: z.boolean(),
  sections: z
    .array(templateSectionSchema)
    .max(sectionKeys.length)
    .superRefine((sections, context) => {
      const seen = new Set<string>();
      sections.forEach((section, index) => {
        if (seen.has(section.key)) {
          context.addIssue({
            code: "custom",
            path: [index, "key"],
            message: `the section ${section.key} is listed twice`,
            params: { rule: "template_section_twice", key: section.key },
          });
        }
        seen.add(section.key);
      });
    }),
});

export type TemplateSection = z.infer<typeof templateSectionSchema>;
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

const section = (key: SectionKey, visible = true): TemplateSection => ({
  key,
  visible,
  heading: null,
  introduction: null,
});

// Reports follow seed 003: the introduction with the summary under it (1, 1.1), then the requirements
// (2, 2.1 ...) and the scorecard. The tertial report then has the risk section, as seed 003's T2
// report has it: Tabell 3 and the status of the measures (the measures' own section is for a
// template that wants them apart, as an annex); with no assessments yet it says "not yet available".
// The annual report leaves risk out by default: the annual report to the owner (seed 003's
// "Årlig melding") has none, the board follows risk in the tertial reports; a unit's template
// can turn it on, and at year end it shows the year's last rounds.
const defaults: Record<DocumentType, () => DocumentTemplate> = {
  annual_report: () => ({
    title: null,
    includeUnitAnswers: false,
    sections: [
      section("introduction"),
      section("scorecard_summary"),
      section("requirements"),
      section("scorecard_indicators"),
      section("risk", false),
      section("measures", false),
      section("action_plans", false),
    ],
  }),
  tertial_report: () => ({
    title: null,
    includeUnitAnswers: true,
    sections: [
      section("introduction"),
      section("scorecard_summary"),
      section("requirements"),
      section("scorecard_indicators"),
      section("risk"),
      section("measures", false),
    ],
  }),
  board_case: () => ({
    title: null,
    includeUnitAnswers: false,
    sections: [
      section("resolution"),
      section("background"),
      section("scorecard_summary"),
      section("assessment"),
      section("attachments"),
    ],
  }),
};

export function defaultTemplate(type: DocumentType): DocumentTemplate {
  return defaults[type]();
}
