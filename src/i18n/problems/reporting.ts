// Reporting rounds, answers, approval and consolidation.

const nb = {
  answer_not_found: "Fant ikke svar {id}.",
  round_not_found: "Fant ikke rapporteringsrunde {id}.",
  round_unit_not_found: "Enhet {id} svarer ikke i denne runden.",
  round_requirement_not_found: "Krav {id} hører ikke til denne runden.",
  not_reported_in_round: "Krav {requirement} rapporteres ikke i {period}.",
  no_role_in_round: "Du har ingen rolle på noen enhet som svarer i denne runden.",
  no_role_on_unit: "Du har ingen rolle på {unit}.",
  consolidation_elsewhere: "Sammenstillingen gjøres av {issuer}; du har ingen rolle der.",
  answer_round_closed: "Rapporteringsrunden er lukket; svarene kan ikke lenger endres.",
  answer_write_not_permitted: "Bare enhetens redaktører kan skrive og sende inn dette svaret.",
  answer_withdraw_not_permitted: "Bare enhetens redaktører kan trekke tilbake dette svaret.",
  answer_approve_not_permitted: "Bare enhetens godkjennere kan godkjenne dette svaret.",
  answer_return_not_permitted:
    "Bare enhetens godkjennere, eller godkjennere og administratorer i enheten over, kan returnere dette svaret.",
  answer_withdraw_approved:
    "Svaret er allerede godkjent og kan ikke lenger trekkes tilbake. En godkjenner kan returnere det.",
  answer_withdraw_draft:
    "Svaret er et utkast (ikke sendt inn, eller returnert), så det er ingenting å trekke tilbake.",
  answer_change_approved: "Svaret er godkjent. Det må returneres før det kan endres.",
  answer_change_submitted:
    "Svaret er sendt inn og venter på godkjenning. Det må returneres før det kan endres.",
  answer_approve_wrong_state: "Bare et innsendt svar kan godkjennes.",
  answer_return_wrong_state: "Bare et innsendt eller godkjent svar kan returneres.",
  answer_wrong_state: "Svaret står ikke slik at dette kan gjøres nå. Last inn siden på nytt.",
  answer_incomplete: "Svaret kan ikke sendes inn ennå: det trenger måloppnåelse og tekst.",
  answer_unknown_version: "Svaret har versjon 1 til {versions}.",
  round_document_draft: "«{title}» er et utkast. Publiser det før du åpner en rapporteringsrunde.",
  round_open_not_permitted:
    "Du trenger rollen godkjenner eller administrator på {issuer} for å åpne rapporteringsrunder.",
  round_close_not_permitted:
    "Du trenger rollen godkjenner eller administrator på {issuer} for å lukke eller gjenåpne runder.",
  round_period_of_other_year: "Dokumentet gjelder {year}, så runden må også gjøre det.",
  round_nothing_reported: "Ingen krav i «{title}» rapporteres i {point}. Sjekk kravenes frekvens.",
  round_exists: "Det finnes allerede en runde for {period} for dette dokumentet.",
  round_already_closed: "Runden for {period} er allerede lukket.",
  round_already_open: "Runden for {period} er allerede åpen.",
  carry_over_not_permitted:
    "Du trenger rollen redaktør eller administrator på {issuer} for å skrive dokumentene der.",
  carry_over_document_draft:
    "«{title}» er et utkast; bare et publisert dokument har resultater å føre videre.",
  carry_over_no_round: "«{title}» har ingen rapporteringsrunde ennå, så ingenting er kjent som uferdig.",
  carry_over_nothing_unfinished:
    "Alle krav rapportert i {period} er ferdige og godkjent; det er ingenting å føre videre.",
  carry_over_year_not_later: "Før videre til et senere år enn {year}.",
  matrix_not_permitted: "Du har ingen rolle som gir tilgang til denne runden.",
} as const;

const en: Record<keyof typeof nb, string> = {
  answer_not_found: "Answer {id} was not found.",
  round_not_found: "Reporting round {id} was not found.",
  round_unit_not_found: "Unit {id} does not answer in this round.",
  round_requirement_not_found: "Requirement {id} does not belong to this round.",
  not_reported_in_round: "Requirement {requirement} is not reported in {period}.",
  no_role_in_round: "You have no role on any unit that answers in this round.",
  no_role_on_unit: "You have no role on {unit}.",
  consolidation_elsewhere: "Consolidation is done by {issuer}; you have no role there.",
  answer_round_closed: "The reporting round is closed; its answers can no longer be changed.",
  answer_write_not_permitted: "Only the unit's editors can write and submit this answer.",
  answer_withdraw_not_permitted: "Only the unit's editors can withdraw this answer.",
  answer_approve_not_permitted: "Only the unit's approvers can approve this answer.",
  answer_return_not_permitted:
    "Only the unit's approvers, or approvers and administrators of the unit above, can return this answer.",
  answer_withdraw_approved:
    "The answer is already approved, so it can no longer be withdrawn. An approver can return it.",
  answer_withdraw_draft:
    "The answer is a draft (not submitted, or returned), so there is nothing to withdraw.",
  answer_change_approved: "The answer is approved. It must be returned before it can be changed.",
  answer_change_submitted:
    "The answer is submitted and waits for approval. It must be returned before it can be changed.",
  answer_approve_wrong_state: "Only a submitted answer can be approved.",
  answer_return_wrong_state: "Only a submitted or approved answer can be returned.",
  answer_wrong_state: "The answer's state does not allow this now. Reload the page.",
  answer_incomplete: "The answer is not ready to submit: it needs a status and a text.",
  answer_unknown_version: "The answer has versions 1 to {versions}.",
  round_document_draft: "“{title}” is a draft. Publish it before opening a reporting round.",
  round_open_not_permitted:
    "You need the approver or administrator role on {issuer} to open reporting rounds.",
  round_close_not_permitted:
    "You need the approver or administrator role on {issuer} to close or reopen rounds.",
  round_period_of_other_year: "The document is for {year}, so the round must be too.",
  round_nothing_reported:
    "No requirement of “{title}” is reported at {point}. Check the requirements' frequency.",
  round_exists: "A round for {period} already exists for this document.",
  round_already_closed: "The round for {period} is already closed.",
  round_already_open: "The round for {period} is already open.",
  carry_over_not_permitted: "You need the editor or administrator role on {issuer} to write its documents.",
  carry_over_document_draft: "“{title}” is a draft; only a published document has results to carry over.",
  carry_over_no_round: "“{title}” has no reporting round yet, so nothing is known to be unfinished.",
  carry_over_nothing_unfinished:
    "Every requirement reported in {period} is finished and approved; there is nothing to carry over.",
  carry_over_year_not_later: "Carry over into a later year than {year}.",
  matrix_not_permitted: "You have no role that gives access to this round.",
} as const;

export const reportingReasons = { nb, en };

const fieldNb = {
  status_required: "velg oppfylt, delvis oppfylt, ikke oppfylt eller ikke relevant",
  text_required: "skriv hva som er gjort og hvor langt målet er nådd",
  unknown_answer_version: "det finnes ingen versjon {version}",
  not_a_round_period: "skriv et tertial eller et år, som 2026-T1, 2026-T2 eller 2026",
  period_of_year: "må være en periode i {year}",
  no_requirement_in_period: "ingen krav rapporteres i denne perioden",
  round_period_in_use: "har allerede en runde",
  year_after: "må være etter {year}",
  status_or_text: "gi måloppnåelse, tekst eller begge",
  return_comment_required: "skriv hvorfor svaret returneres",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  status_required: "choose fulfilled, partly fulfilled, not fulfilled or not relevant",
  text_required: "write what was done and how far the goal is reached",
  unknown_answer_version: "there is no version {version}",
  not_a_round_period: "write a tertial or a year, such as 2026-T1, 2026-T2 or 2026",
  period_of_year: "must be a period of {year}",
  no_requirement_in_period: "no requirement is reported in this period",
  round_period_in_use: "already has a round",
  year_after: "must be after {year}",
  status_or_text: "give a status, a text or both",
  return_comment_required: "say why the answer is returned",
};

export const reportingFieldProblems = { nb: fieldNb, en: fieldEn };
