// Programmes and projects: phases, gates and their decisions, status reports (issue 14).

const nb = {
  programme_not_found: "Fant ikke programmet (id {id}).",
  programme_unit_not_found: "Fant ikke enheten (id {id}).",
  programme_not_permitted: "Du kan ikke endre programmer for {unit}. Det kan enhetens redaktører.",
  programme_invalid: "Programmet kan ikke lagres slik det er. Se feltene.",
  phase_not_found: "Programmet har ingen fase {number}.",
  phase_exists: "Programmet har allerede en fase {number}.",
  phase_invalid: "Fasen kan ikke lagres slik den er. Se feltene.",
  phase_started_cannot_delete: "Fase {number} er startet og kan ikke slettes.",
  phase_gate_decided_cannot_delete:
    "Beslutningspunktet foran fase {number} har beslutninger og kan derfor ikke slettes.",
  phase_not_started: "Fase {number} er ikke startet og kan ikke avsluttes.",
  phase_already_ended: "Fase {number} er allerede avsluttet.",
  phase_start_phase_unknown: "Programmet har ingen fase {number}.",
  phase_start_phase_already_started: "Fase {number} er allerede startet.",
  phase_start_programme_stopped: "Programmet er stoppet i et beslutningspunkt; ingen nye faser kan starte.",
  phase_start_previous_phase_not_started: "Fase {number} kan ikke starte før fasen foran den har startet.",
  phase_start_gate_not_decided:
    "Fase {number} kan ikke starte før beslutningspunktet foran den er godkjent. Det er ikke besluttet ennå.",
  phase_start_gate_postponed:
    "Fase {number} kan ikke starte: beslutningen i beslutningspunktet foran den er utsatt.",
  phase_start_not_permitted:
    "Du kan ikke starte faser i programmet. Det kan programmets redaktører og godkjennere.",
  gate_not_found: "Programmet har ikke noe beslutningspunkt foran fase {toPhase}.",
  gate_invalid: "Beslutningspunktet kan ikke lagres slik det er. Se feltene.",
  gate_decision_not_permitted:
    "Bare eierens godkjennere kan beslutte i beslutningspunkt. Du kan be om en beslutning.",
  gate_decision_invalid: "Beslutningen kan ikke lagres slik den er. Se feltene.",
  status_report_not_found: "Fant ikke statusrapporten (id {id}).",
  status_report_exists: "Programmet har allerede en statusrapport for {period}.",
  status_report_invalid: "Statusrapporten kan ikke lagres slik den er. Se feltene.",
  status_report_incomplete:
    "Statusrapporten kan ikke sendes inn før alle vurderinger har en farge. Se feltene.",
  status_report_write_not_permitted: "Du kan ikke skrive statusrapporter for programmet.",
  status_report_approve_not_permitted:
    "Bare eierens godkjennere kan godkjenne eller returnere statusrapporter.",
  status_report_wrong_state:
    "Statusrapporten står ikke slik at dette kan gjøres nå (den er sendt inn, godkjent eller et utkast). Last inn siden på nytt.",
} as const;

const en: Record<keyof typeof nb, string> = {
  programme_not_found: "The programme (id {id}) was not found.",
  programme_unit_not_found: "The unit (id {id}) was not found.",
  programme_not_permitted: "You cannot change programmes of {unit}. Its editors can.",
  programme_invalid: "The programme cannot be saved as it is. See the fields.",
  phase_not_found: "The programme has no phase {number}.",
  phase_exists: "The programme already has a phase {number}.",
  phase_invalid: "The phase cannot be saved as it is. See the fields.",
  phase_started_cannot_delete: "Phase {number} has started and cannot be deleted.",
  phase_gate_decided_cannot_delete:
    "The gate before phase {number} has decisions, so the phase cannot be deleted.",
  phase_not_started: "Phase {number} has not started and cannot be ended.",
  phase_already_ended: "Phase {number} has already ended.",
  phase_start_phase_unknown: "The programme has no phase {number}.",
  phase_start_phase_already_started: "Phase {number} has already started.",
  phase_start_programme_stopped: "The programme was stopped at a gate; no new phase can start.",
  phase_start_previous_phase_not_started:
    "Phase {number} cannot start before the phase before it has started.",
  phase_start_gate_not_decided:
    "Phase {number} cannot start before the gate before it is approved. It has not been decided yet.",
  phase_start_gate_postponed: "Phase {number} cannot start: the gate before it was postponed.",
  phase_start_not_permitted: "You cannot start phases of the programme. Its editors and approvers can.",
  gate_not_found: "The programme has no gate before phase {toPhase}.",
  gate_invalid: "The gate cannot be saved as it is. See the fields.",
  gate_decision_not_permitted: "Only the owner's approvers decide at gates. You can ask for a decision.",
  gate_decision_invalid: "The decision cannot be saved as it is. See the fields.",
  status_report_not_found: "The status report (id {id}) was not found.",
  status_report_exists: "The programme already has a status report for {period}.",
  status_report_invalid: "The status report cannot be saved as it is. See the fields.",
  status_report_incomplete:
    "The status report cannot be submitted before every judgement has a colour. See the fields.",
  status_report_write_not_permitted: "You cannot write status reports for the programme.",
  status_report_approve_not_permitted: "Only the owner's approvers approve or return status reports.",
  status_report_wrong_state:
    "The status report is not in a state where this can be done (it is submitted, approved or a draft). Reload the page.",
};

export const programmeReasons = { nb, en };

const fieldNb = {
  programme_code_taken: "{unit} har allerede et program med koden «{code}»",
  phase_ends_before_start: "fase {phase} slutter før den starter",
  phase_overlaps:
    "fase {phase} starter før fase {previous} slutter; en fase kan tidligst starte den dagen fasen foran slutter",
  programme_date_in_future: "datoen {date} er etter i dag; skriv en dag som har vært",
  phase_start_before_decision: "fasen kan ikke starte før beslutningen om å starte den ({decidedOn})",
  phase_start_before_previous: "fasen kan ikke starte før fase {previous} startet ({date})",
  phase_end_before_start: "fasen kan ikke slutte før den startet ({date})",
  gate_conditions_required: "skriv vilkårene når beslutningen er godkjent med vilkår",
  status_period_form:
    "«{period}» er ikke en måned eller et tertial; skriv for eksempel 2024-05 eller 2024-T1",
  status_colour_missing: "velg grønn, gul eller rød",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  programme_code_taken: "{unit} already has a programme with the code “{code}”",
  phase_ends_before_start: "phase {phase} ends before it starts",
  phase_overlaps:
    "phase {phase} starts before phase {previous} ends; a phase may start at the earliest on the day the one before ends",
  programme_date_in_future: "the date {date} is after today; write a day that has been",
  phase_start_before_decision: "the phase cannot start before the decision to start it ({decidedOn})",
  phase_start_before_previous: "the phase cannot start before phase {previous} started ({date})",
  phase_end_before_start: "the phase cannot end before it started ({date})",
  gate_conditions_required: "write the conditions when the decision is an approval with conditions",
  status_period_form: "“{period}” is not a month or a tertial; write for example 2024-05 or 2024-T1",
  status_colour_missing: "choose green, yellow or red",
};

export const programmeFieldProblems = { nb: fieldNb, en: fieldEn };
