// Scorecards, indicator figures and the audit trail.

const nb = {
  scorecard_unit_not_found: "Fant ikke enhet {id}.",
  scorecard_not_permitted: "Du trenger en rolle på {unit} (eller en enhet over) for å se målekortet.",
  scorecard_publish_not_permitted:
    "Å publisere målekortet til {unit} krever rollen godkjenner eller administrator der.",
  scorecard_without_data:
    "Målekortet til {unit} for {period} har ingen data ennå; det er ingenting å publisere.",
  published_scorecard_not_found: "Fant ikke det publiserte målekortet {id}.",
  figures_indicator_not_found: "Fant ikke indikator {id}.",
  series_span: "Be om 1 til {maximum} måneder, med «fra» før «til».",
  audit_not_permitted: "Bare administratorer kan lese revisjonsloggen.",
  audit_unit_not_found: "Fant ikke enhet {id}.",
  audit_unit_not_permitted: "Du er ikke administrator for {unit}, så du kan ikke lese revisjonsloggen der.",
  audit_span_reversed: "Starten av tidsrommet er etter slutten.",
} as const;

const en: Record<keyof typeof nb, string> = {
  scorecard_unit_not_found: "Unit {id} was not found.",
  scorecard_not_permitted: "You need a role on {unit} (or a unit above it) to see its scorecard.",
  scorecard_publish_not_permitted:
    "Publishing {unit}'s scorecard needs the approver or administrator role there.",
  scorecard_without_data: "{unit}'s scorecard for {period} has no data yet; there is nothing to publish.",
  published_scorecard_not_found: "Published scorecard {id} was not found.",
  figures_indicator_not_found: "Indicator {id} was not found.",
  series_span: "Ask for 1 to {maximum} months, with “from” before “to”.",
  audit_not_permitted: "Only administrators can read the audit trail.",
  audit_unit_not_found: "Unit {id} was not found.",
  audit_unit_not_permitted: "You are not an administrator of {unit}, so you cannot read its audit trail.",
  audit_span_reversed: "The start of the time span is after its end.",
};

export const scorecardReasons = { nb, en };

const fieldNb = {
  scorecard_period: "skriv en periode som 2024-T1, 2024-T2, 2024 eller en måned som 2024-03",
  series_from: "må være før «til», høyst {maximum} måneder tidligere",
  audit_from: "må være før «til»",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  scorecard_period: "write a period such as 2024-T1, 2024-T2, 2024 or a month such as 2024-03",
  series_from: "must be before “to”, at most {maximum} months earlier",
  audit_from: "must be before “to”",
};

export const scorecardFieldProblems = { nb: fieldNb, en: fieldEn };
