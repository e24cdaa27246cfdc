// Risk assessments, risk scales, units' own risks and risk-reducing measures (issue 12).
// The workflow refusals mirror the answers' (src/domain/workflow.ts refusalReason) with the prefix
// "risk_" so that they name the assessment, not the answer.

const nb = {
  risk_assessment_not_found: "Fant ikke risikovurdering {id}.",
  risk_answer_round_closed: "Rapporteringsrunden er lukket; risikovurderingene kan ikke lenger endres.",
  risk_answer_write_not_permitted:
    "Bare enhetens redaktører kan skrive og sende inn denne risikovurderingen.",
  risk_answer_withdraw_not_permitted: "Bare enhetens redaktører kan trekke tilbake denne risikovurderingen.",
  risk_answer_approve_not_permitted: "Bare enhetens godkjennere kan godkjenne denne risikovurderingen.",
  risk_answer_return_not_permitted:
    "Bare enhetens godkjennere, eller godkjennere og administratorer i enheten over, kan returnere denne risikovurderingen.",
  risk_answer_withdraw_approved:
    "Risikovurderingen er allerede godkjent og kan ikke trekkes tilbake. En godkjenner kan returnere den.",
  risk_answer_withdraw_draft: "Risikovurderingen er et utkast, så det er ingenting å trekke tilbake.",
  risk_answer_change_approved: "Risikovurderingen er godkjent. Den må returneres før den kan endres.",
  risk_answer_change_submitted:
    "Risikovurderingen er sendt inn og venter på godkjenning. Den må returneres før den kan endres.",
  risk_answer_approve_wrong_state: "Bare en innsendt risikovurdering kan godkjennes.",
  risk_answer_return_wrong_state: "Bare en innsendt eller godkjent risikovurdering kan returneres.",
  risk_answer_wrong_state: "Risikovurderingen står ikke slik at dette kan gjøres nå. Last inn siden på nytt.",
  risk_assessment_invalid: "Risikovurderingen kan ikke lagres slik den er. Se feltene.",
  risk_assessment_incomplete:
    "Risikovurderingen kan ikke sendes inn ennå: den trenger et nivå og en begrunnelse.",
  risk_assessment_unknown_version: "Risikovurderingen har versjon 1 til {versions}.",
  risk_scale_invalid: "Risikoskalaen kan ikke lagres slik den er. Se feltene.",
  risk_scale_not_permitted: "Du trenger rollen administrator på {unit} for å endre risikoskalaen.",
  risk_scale_in_use:
    "Skalaen kan ikke byttes mens {count} risikovurderinger i åpne runder bruker nivåer som ikke finnes i den nye.",
  risk_table_no_rounds: "«{title}» har ingen rapporteringsrunder i {year} å sammenligne.",
  unit_risk_not_found: "Fant ikke risiko {id}.",
  unit_risk_not_permitted: "Du trenger rollen redaktør på {unit} for å endre enhetens risikoer.",
  measure_not_found: "Fant ikke tiltak {id}.",
  measure_not_permitted: "Du trenger rollen redaktør på {unit} for å endre tiltakene der.",
  measure_invalid: "Tiltaket kan ikke lagres slik det er. Se feltene.",
  measure_link_not_readable: "Tiltaket kan ikke kobles til noe du ikke har tilgang til.",
} as const;

const en: Record<keyof typeof nb, string> = {
  risk_assessment_not_found: "Risk assessment {id} was not found.",
  risk_answer_round_closed: "The reporting round is closed; its risk assessments can no longer be changed.",
  risk_answer_write_not_permitted: "Only the unit's editors can write and submit this risk assessment.",
  risk_answer_withdraw_not_permitted: "Only the unit's editors can withdraw this risk assessment.",
  risk_answer_approve_not_permitted: "Only the unit's approvers can approve this risk assessment.",
  risk_answer_return_not_permitted:
    "Only the unit's approvers, or approvers and administrators of the unit above, can return this risk assessment.",
  risk_answer_withdraw_approved:
    "The risk assessment is already approved and can no longer be withdrawn. An approver can return it.",
  risk_answer_withdraw_draft: "The risk assessment is a draft, so there is nothing to withdraw.",
  risk_answer_change_approved:
    "The risk assessment is approved. It must be returned before it can be changed.",
  risk_answer_change_submitted:
    "The risk assessment is submitted and awaits approval. It must be returned before it can be changed.",
  risk_answer_approve_wrong_state: "Only a submitted risk assessment can be approved.",
  risk_answer_return_wrong_state: "Only a submitted or approved risk assessment can be returned.",
  risk_answer_wrong_state: "The risk assessment is not in a state that allows this now. Reload the page.",
  risk_assessment_invalid: "The risk assessment cannot be saved as it is. See the fields.",
  risk_assessment_incomplete:
    "The risk assessment cannot be submitted yet: it needs a level and a justification.",
  risk_assessment_unknown_version: "The risk assessment has versions 1 to {versions}.",
  risk_scale_invalid: "The risk scale cannot be saved as it is. See the fields.",
  risk_scale_not_permitted: "You need the administrator role on {unit} to change the risk scale.",
  risk_scale_in_use:
    "The scale cannot be changed while {count} risk assessments in open rounds use levels the new one lacks.",
  risk_table_no_rounds: "“{title}” has no reporting rounds in {year} to compare.",
  unit_risk_not_found: "Risk {id} was not found.",
  unit_risk_not_permitted: "You need the editor role on {unit} to change the unit's risks.",
  measure_not_found: "Measure {id} was not found.",
  measure_not_permitted: "You need the editor role on {unit} to change the measures there.",
  measure_invalid: "The measure cannot be saved as it is. See the fields.",
  measure_link_not_readable: "A measure cannot be linked to something you have no access to.",
};

export const riskReasons = { nb, en };

const fieldNb = {
  level_not_on_scale: "«{level}» er ikke et nivå på skalaen; velg {levels}",
  matrix_point_required: "velg både sannsynlighet og konsekvens",
  matrix_point_outside: "må være et helt tall fra 1 til {max}",
  residual_worse_than_inherent: "risikoen etter tiltak kan ikke være høyere enn før tiltak",
  risk_level_required: "velg et risikonivå",
  justification_required: "begrunn vurderingen",
  scale_problem: "skalaen er ikke gyldig her",
  scale_kind_unknown: "velg nivåer eller matrise",
  scale_level_count: "en skala har fra 2 til 7 nivåer",
  scale_level_key_invalid: "nøkkelen må være små bokstaver, tall og understrek, høyst 32 tegn",
  scale_level_key_duplicate: "to nivåer har samme nøkkel",
  scale_level_rank: "nivåene må rangeres 1, 2, 3 … uten hull og uten like rangeringer",
  scale_colour_unknown: "velg en av fargene grønn, gul, oransje, rød, mørk rød, blå eller grå",
  scale_label_missing: "skriv en betegnelse",
  scale_label_too_long: "betegnelsen kan ha høyst 60 tegn",
  scale_definition_too_long: "definisjonen kan ha høyst 1000 tegn",
  scale_axis_count: "en akse har fra 2 til 10 trinn",
  scale_cells_shape: "matrisen må ha én rad per sannsynlighet og én kolonne per konsekvens",
  scale_cell_unknown_level: "cellen viser til et nivå som ikke finnes",
  scale_cells_not_monotonic:
    "en celle kan ikke ha lavere risiko enn en celle med lavere sannsynlighet og konsekvens",
  scale_area_count: "en egen liste har fra 1 til 20 risikoområder",
  scale_area_key_duplicate: "to områder har samme nøkkel",
  date_invalid: "skriv en gyldig dato (åååå-mm-dd)",
  deadline_before_start: "fristen kan ikke være før oppstart",
  full_effect_before_start: "full effekt kan ikke være før oppstart",
  link_not_found: "{kind} {id} finnes ikke eller er ikke synlig for deg",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  level_not_on_scale: "“{level}” is not a level on the scale; choose {levels}",
  matrix_point_required: "choose both likelihood and consequence",
  matrix_point_outside: "must be a whole number from 1 to {max}",
  residual_worse_than_inherent: "the risk after measures cannot be higher than before",
  risk_level_required: "choose a risk level",
  justification_required: "justify the assessment",
  scale_problem: "the scale is not valid here",
  scale_kind_unknown: "choose levels or matrix",
  scale_level_count: "a scale has from 2 to 7 levels",
  scale_level_key_invalid:
    "the key must be lower-case letters, digits and underscores, at most 32 characters",
  scale_level_key_duplicate: "two levels have the same key",
  scale_level_rank: "levels must be ranked 1, 2, 3 … without gaps or ties",
  scale_colour_unknown: "choose one of green, yellow, orange, red, dark red, blue or grey",
  scale_label_missing: "write a label",
  scale_label_too_long: "the label can have at most 60 characters",
  scale_definition_too_long: "the definition can have at most 1000 characters",
  scale_axis_count: "an axis has from 2 to 10 steps",
  scale_cells_shape: "the matrix needs one row per likelihood and one column per consequence",
  scale_cell_unknown_level: "the cell names a level that does not exist",
  scale_cells_not_monotonic:
    "a cell cannot have a lower risk than a cell with lower likelihood and consequence",
  scale_area_count: "an own list has from 1 to 20 risk areas",
  scale_area_key_duplicate: "two areas have the same key",
  date_invalid: "write a valid date (yyyy-mm-dd)",
  deadline_before_start: "the deadline cannot be before the start",
  full_effect_before_start: "full effect cannot be before the start",
  link_not_found: "{kind} {id} does not exist or is not visible to you",
};

export const riskFieldProblems = { nb: fieldNb, en: fieldEn };
