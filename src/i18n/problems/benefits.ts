// Benefits realisation (issue 14): benefits of a programme or an action plan, their readings and
// the costs and investments they are set against.

const nb = {
  benefit_owner_not_found: "Fant ikke programmet eller handlingsplanen {id}.",
  benefit_not_found: "Fant ikke gevinsten {id}.",
  benefit_cost_not_found: "Fant ikke kostnaden {id}.",
  benefit_not_permitted: "Du kan ikke endre gevinstene og kostnadene til «{title}».",
  benefit_invalid: "Gevinsten kan ikke lagres slik den er. Se feltene.",
  benefit_readings_invalid: "Målingene kan ikke lagres slik de er. Se feltene.",
  benefit_reads_indicator:
    "Gevinsten «{title}» måles gjennom en indikator; verdiene kommer fra indikatorens data og kan ikke legges inn her.",
  benefit_portfolio_unit_not_found: "Fant ikke enheten {id}.",
} as const;

const en: Record<keyof typeof nb, string> = {
  benefit_owner_not_found: "No programme or action plan {id} was found.",
  benefit_not_found: "No benefit {id} was found.",
  benefit_cost_not_found: "No cost {id} was found.",
  benefit_not_permitted: "You cannot change the benefits and costs of “{title}”.",
  benefit_invalid: "The benefit cannot be saved as it is. See the fields.",
  benefit_readings_invalid: "The readings cannot be saved as they are. See the fields.",
  benefit_reads_indicator:
    "The benefit “{title}” is measured through an indicator; its values come from the indicator's data and cannot be entered here.",
  benefit_portfolio_unit_not_found: "No unit {id} was found.",
};

export const benefitReasons = { nb, en };

const fieldNb = {
  benefit_baseline_value_required: "en økonomisk gevinst eller en kvalitetsgevinst må ha en utgangsverdi",
  benefit_target_value_required: "en økonomisk gevinst eller en kvalitetsgevinst må ha en målverdi",
  benefit_target_date_not_after_baseline: "måldatoen må være etter datoen for utgangsverdien",
  benefit_indicator_unknown: "indikatoren {id} finnes ikke i katalogen",
  benefit_owner_unit_unknown: "enheten {id} finnes ikke",
  benefit_reading_before_baseline:
    "målingen er fra før datoen for utgangsverdien; velg en dato fra og med den",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  benefit_baseline_value_required: "an economic or quality benefit needs a baseline value",
  benefit_target_value_required: "an economic or quality benefit needs a target value",
  benefit_target_date_not_after_baseline: "the target date must be after the baseline date",
  benefit_indicator_unknown: "there is no indicator {id} in the catalogue",
  benefit_owner_unit_unknown: "there is no unit {id}",
  benefit_reading_before_baseline:
    "the reading is from before the baseline date; choose a date on or after it",
};

export const benefitFieldProblems = { nb: fieldNb, en: fieldEn };
