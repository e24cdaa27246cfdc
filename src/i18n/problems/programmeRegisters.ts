// A programme's registers (issue 14): groups, stakeholders, training, resources and programme risks.

const nb = {
  register_programme_not_found: "Fant ikke programmet.",
  programme_register_not_permitted: "Du har ikke tilgang til å endre programmets registre.",
  programme_group_not_found: "Fant ikke gruppen i programmet.",
  programme_stakeholder_not_found: "Fant ikke interessenten i programmet.",
  programme_training_not_found: "Fant ikke opplæringen i programmet.",
  programme_resource_not_found: "Fant ikke ressursraden i programmet.",
  programme_risk_not_found: "Fant ikke risikoen i programmet.",
  programme_register_invalid: "Det kan ikke lagres slik det er. Se feltene.",
} as const;

const en: Record<keyof typeof nb, string> = {
  register_programme_not_found: "The programme was not found.",
  programme_register_not_permitted: "You do not have access to change the programme's registers.",
  programme_group_not_found: "The group was not found in the programme.",
  programme_stakeholder_not_found: "The stakeholder was not found in the programme.",
  programme_training_not_found: "The training was not found in the programme.",
  programme_resource_not_found: "The resource row was not found in the programme.",
  programme_risk_not_found: "The risk was not found in the programme.",
  programme_register_invalid: "It cannot be saved as it is. See the fields.",
};

export const programmeRegisterReasons = { nb, en };

const fieldNb = {
  group_one_chair: "en gruppe har bare én leder; «{name}» er allerede leder",
  member_unit_unknown: "enheten medlemmet representerer finnes ikke",
  member_user_unknown: "brukeren finnes ikke",
  training_ends_before_start: "sluttdatoen {end} er før startdatoen {start}",
  resource_unit_unknown: "enheten finnes ikke",
  resource_row_exists: "enheten har allerede en rad for denne fasen; endre den i stedet",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  group_one_chair: "a group has only one chair; “{name}” is already chair",
  member_unit_unknown: "the unit the member represents does not exist",
  member_user_unknown: "the user does not exist",
  training_ends_before_start: "the end date {end} is before the start date {start}",
  resource_unit_unknown: "the unit does not exist",
  resource_row_exists: "the unit already has a row for this phase; change that one instead",
};

export const programmeRegisterFieldProblems = { nb: fieldNb, en: fieldEn };
