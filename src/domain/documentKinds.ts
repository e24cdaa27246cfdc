// The value lists of board documents: their types, languages and template sections. The database
// schema, the API schemas and the web's forms all read them from here.

export const documentTypes = ["annual_report", "tertial_report", "board_case"] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentLocales = ["nb", "en"] as const;
export type DocumentLocale = (typeof documentLocales)[number];

/** The sections a template may list, in their default order. */
export const sectionKeys = [
  "resolution",
  "introduction",
  "background",
  "requirements",
  "scorecard_summary",
  "scorecard_indicators",
  "risk",
  "measures",
  "assessment",
  "attachments",
  /** Action-plan progress (issue 14): off by default, a template turns it on. */
  "action_plans",
] as const;
export type SectionKey = (typeof sectionKeys)[number];
