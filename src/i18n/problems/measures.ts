// Risk-reducing measures (tiltak): their owners, expected effect, status log and links (issue 12).
// The general measure reasons (measure_not_found, measure_invalid, ...) and the date problems are
// in risk.ts; these are the measures API's own.

const nb = {
  measure_log_invalid: "Statusen kan ikke føres i loggen slik den er. Se feltene.",
  measure_links_invalid: "Koblingene kan ikke lagres slik de er. Se feltene.",
} as const;

const en: Record<keyof typeof nb, string> = {
  measure_log_invalid: "The status cannot be entered in the log as it is. See the fields.",
  measure_links_invalid: "The links cannot be saved as they are. See the fields.",
};

export const measureReasons = { nb, en };

const fieldNb = {
  measure_owner_not_found: "finnes ikke som aktiv bruker",
  measure_owner_required: "velg en bruker eller skriv en rolle som eier tiltaket",
  measure_effect_indicator_required: "et mål for effekten trenger en indikator å måle den på",
  measure_full_effect_date_required: "et mål for effekten trenger datoen for full effekt",
  measure_log_period: "skriv en periode: ÅÅÅÅ-Tn (for eksempel 2024-T2), ÅÅÅÅ-MM eller ÅÅÅÅ",
  measure_link_requirement: "mål {id} finnes ikke, eller du har ikke tilgang til dokumentet det står i",
  measure_link_unit_risk: "risiko {id} finnes ikke, eller du har ikke tilgang til enhetens rapporter",
  measure_link_indicator: "indikator {id} finnes ikke, eller du har ikke tilgang til den",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  measure_owner_not_found: "is not an active user",
  measure_owner_required: "choose a user or write a role that owns the measure",
  measure_effect_indicator_required: "a target for the effect needs an indicator to measure it on",
  measure_full_effect_date_required: "a target for the effect needs the date of full effect",
  measure_log_period: "write a period: YYYY-Tn (e.g. 2024-T2), YYYY-MM or YYYY",
  measure_link_requirement: "goal {id} does not exist, or you have no access to the document it is in",
  measure_link_unit_risk: "risk {id} does not exist, or you have no access to its unit's reports",
  measure_link_indicator: "indicator {id} does not exist, or you have no access to it",
};

export const measureFieldProblems = { nb: fieldNb, en: fieldEn };
