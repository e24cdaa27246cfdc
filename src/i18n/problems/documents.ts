// Board documents and their templates.

const nb = {
  document_unit_not_found: "Fant ikke enhet {id}.",
  document_not_found: "Fant ikke dokument {id}.",
  templates_need_role: "Du trenger en rolle på {unit} for å se dokumentmalene der.",
  templates_sign_in: "Logg inn for å se dokumentmaler.",
  templates_need_admin: "Du trenger rollen administrator på {unit} for å endre dokumentmalene der.",
  templates_general_need_system_admin:
    "Bare en systemadministrator kan endre organisasjonens felles dokumentmaler.",
  documents_generate_needs_role:
    "Du trenger rollen redaktør, godkjenner eller administrator på {unit} for å lage dokumentene der.",
  documents_need_role: "Du trenger en rolle på {unit} for å se dokumentene der.",
  documents_same: "Velg to forskjellige dokumenter å sammenligne.",
} as const;

const en: Record<keyof typeof nb, string> = {
  document_unit_not_found: "Unit {id} was not found.",
  document_not_found: "Document {id} was not found.",
  templates_need_role: "You need a role on {unit} to see its document templates.",
  templates_sign_in: "Sign in to see document templates.",
  templates_need_admin: "You need the administrator role on {unit} to change its document templates.",
  templates_general_need_system_admin:
    "Only a system administrator can change the organisation's general document templates.",
  documents_generate_needs_role:
    "You need the editor, approver or administrator role on {unit} to generate its documents.",
  documents_need_role: "You need a role on {unit} to see its documents.",
  documents_same: "Choose two different documents to compare.",
};

export const documentReasons = { nb, en };

const fieldNb = {
  document_period_year: "en årsrapport gjelder et år, som 2024",
  document_period_tertial: "en tertialrapport gjelder 2024-T1 eller 2024-T2; tredje tertial er årsrapporten",
  document_period: "skriv en periode som 2024-T1, 2024-T2 eller 2024",
  board_case_required: "må fylles ut for en styresak",
  template_text_empty: "er tom; bruk null for standardteksten",
  template_section_twice: "seksjonen {key} står to ganger",
  same_document: "er samme dokument som «fra»",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  document_period_year: "an annual report is for a year, such as 2024",
  document_period_tertial:
    "a tertial report is for 2024-T1 or 2024-T2; the third tertial is the annual report",
  document_period: "write a period such as 2024-T1, 2024-T2 or 2024",
  board_case_required: "is required for a board case",
  template_text_empty: "is empty; use null for the default",
  template_section_twice: "the section {key} is listed twice",
  same_document: "is the same document as “from”",
};

export const documentFieldProblems = { nb: fieldNb, en: fieldEn };
