// The indicator catalogue and its targets.

const nb = {
  indicators_sign_in: "Logg inn for å se indikatorene.",
  indicator_not_found: "Fant ikke indikatoren. Den kan være slettet, eller adressen kan være feil.",
  indicator_code_taken: "Koden {code} brukes allerede av en annen indikator. Velg en annen kode.",
  indicator_owner_not_found: "Eierenheten finnes ikke. Velg en annen enhet.",
  indicator_org_wide_needs_system_admin:
    "Bare en systemadministrator kan forvalte indikatorer for hele organisasjonen.",
  indicator_needs_owner_admin: "Du må være administrator for enheten som eier denne indikatoren.",
  min_denominator_not_ratio: "Bare andeler og snitt (teller/nevner) har minste nevner. Fjern minste nevner.",
  indicator_has_measurements:
    "{code} har allerede målinger, så verditypen kan ikke endres. Opprett heller en ny indikator.",
  targets_do_not_fit_direction:
    "{count, plural, one {# mål passer} other {# mål passer}} ikke med den nye retningen. Endre {count, plural, one {det} other {dem}} først.",
  indicator_already_retired: "{code} er allerede tatt ut av bruk.",
  indicator_already_in_use: "{code} er allerede i bruk.",
  // Targets.
  targets_sign_in: "Logg inn for å se målene.",
  target_not_found: "Fant ikke målet. Det kan være slettet.",
  target_invalid_rule: "Målet kan ikke brukes: regelen er ikke gyldig.",
  target_green_above_yellow:
    "Målet kan ikke brukes: når høyere er bedre, må grønn grense ({green}) være over gul grense ({yellow}).",
  target_green_below_yellow:
    "Målet kan ikke brukes: når lavere er bedre, må grønn grense ({green}) være under gul grense ({yellow}).",
  target_change_per_year_too_low:
    "Målet kan ikke brukes: endringen per år ({change}) må være over -1 (-100 %).",
  target_baseline_not_before_year:
    "Målet kan ikke brukes: basisåret {baselineYear} må være før målets år {year}.",
  target_no_step_for_year: "Målet kan ikke brukes: det finnes ikke noe trinn for målets år {year}.",
  target_unit_not_found: "Enheten finnes ikke. Velg en annen enhet.",
  target_unit_outside_owner:
    "«{unit}» ligger utenfor enheten som eier indikatoren, så et mål der ville aldri bli brukt.",
  target_unit_needs_parent_admin:
    "Mål for «{unit}» settes av en administrator for enheten over den, eller for enheten som eier indikatoren.",
  target_general_needs_manager: "Det generelle målet settes av den som forvalter indikatoren.",
  target_exists_year_unit: "{indicator} har allerede et mål for {year} for «{unit}». Endre det i stedet.",
  target_exists_year_general: "{indicator} har allerede et generelt mål for {year}. Endre det i stedet.",
  target_exists_every_year_unit:
    "{indicator} har allerede et mål for alle år for «{unit}». Endre det i stedet.",
  target_exists_every_year_general:
    "{indicator} har allerede et generelt mål for alle år. Endre det i stedet.",
} as const;

const en: Record<keyof typeof nb, string> = {
  indicators_sign_in: "Sign in to see the indicators.",
  indicator_not_found: "The indicator was not found. It may have been deleted, or the address may be wrong.",
  indicator_code_taken: "The code {code} is already used by another indicator. Choose another code.",
  indicator_owner_not_found: "The owner unit does not exist. Choose another unit.",
  indicator_org_wide_needs_system_admin:
    "Only a system administrator can manage organisation-wide indicators.",
  indicator_needs_owner_admin: "You need the administrator role on the unit that owns this indicator.",
  min_denominator_not_ratio:
    "Only ratio indicators (numerator/denominator) have a minimum denominator. Remove the minimum denominator.",
  indicator_has_measurements:
    "{code} already has measurements, so its value kind cannot change. Create a new indicator instead.",
  targets_do_not_fit_direction:
    "{count, plural, one {# target does} other {# targets do}} not fit the new direction. Change {count, plural, one {it} other {them}} first.",
  indicator_already_retired: "{code} is already retired.",
  indicator_already_in_use: "{code} is already in use.",
  targets_sign_in: "Sign in to see the targets.",
  target_not_found: "The target was not found. It may have been deleted.",
  target_invalid_rule: "The target cannot be used: its rule is not valid.",
  target_green_above_yellow:
    "The target cannot be used: when higher is better, the green limit ({green}) must be above the yellow limit ({yellow}).",
  target_green_below_yellow:
    "The target cannot be used: when lower is better, the green limit ({green}) must be below the yellow limit ({yellow}).",
  target_change_per_year_too_low:
    "The target cannot be used: the change per year ({change}) must be above -1 (-100 %).",
  target_baseline_not_before_year:
    "The target cannot be used: the baseline year {baselineYear} must be before the target's year {year}.",
  target_no_step_for_year: "The target cannot be used: there is no step for the target's year {year}.",
  target_unit_not_found: "The unit does not exist. Choose another unit.",
  target_unit_outside_owner:
    "“{unit}” is outside the unit that owns the indicator, so a target there would never be used.",
  target_unit_needs_parent_admin:
    "Targets for “{unit}” are set by an administrator of the unit above it, or of the unit that owns the indicator.",
  target_general_needs_manager: "The general target is set by whoever manages the indicator.",
  target_exists_year_unit:
    "{indicator} already has a target for {year} for “{unit}”. Change that one instead.",
  target_exists_year_general: "{indicator} already has a general target for {year}. Change that one instead.",
  target_exists_every_year_unit:
    "{indicator} already has a target for every year for “{unit}”. Change that one instead.",
  target_exists_every_year_general:
    "{indicator} already has a general target for every year. Change that one instead.",
};

export const indicatorReasons = { nb, en };

const fieldNb = {
  scale_range: "må være fra 0,000001 til 1 000 000 (100 for prosent, 1000 for promille)",
  figure_at_most: "kan være høyst 1 000 000 000 000 (10^12)",
  figure_range: "må være et tall fra -1 000 000 000 000 til 1 000 000 000 000 (10^12)",
  share_range: "må være en andel fra -1 (-100 %) til 10 (+1000 %), der 0,15 betyr +15 %",
  year_text: "må være et år fra {min} til {max} skrevet ÅÅÅÅ",
  too_many_steps: "kan ha høyst {maximum} årlige trinn",
  only_for_ratio: "gjelder bare andeler og snitt (teller/nevner)",
  has_measurements: "kan ikke endres når indikatoren har målinger",
  target_does_not_fit: "passer ikke med målet {targetId}; endre målet først",
  target_limits_do_not_fit:
    "passer ikke med målet {targetId}: grønn grense {green} og gul grense {yellow} må bytte plass",
  invalid_rule: "er ikke et gyldig mål",
  green_above_yellow: "grønn grense {green} må være over gul grense {yellow} når høyere er bedre",
  green_below_yellow: "grønn grense {green} må være under gul grense {yellow} når lavere er bedre",
  change_per_year_too_low: "endringen per år ({change}) må være over -1 (-100 %)",
  baseline_not_before_year: "basisåret {baselineYear} må være før målets år {year}",
  no_step_for_year: "mangler et trinn for målets år {year}",
  outside_owner: "ligger utenfor enheten som eier indikatoren",
  target_taken: "har allerede et mål for samme enhet",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  scale_range: "must be from 0.000001 to 1 000 000 (100 for percent, 1000 for per 1 000)",
  figure_at_most: "can be at most 1 000 000 000 000 (10^12)",
  figure_range: "must be a number from -1 000 000 000 000 to 1 000 000 000 000 (10^12)",
  share_range: "must be a fraction from -1 (-100 %) to 10 (+1000 %), where 0.15 means +15 %",
  year_text: "must be a year from {min} to {max} written YYYY",
  too_many_steps: "can have at most {maximum} yearly steps",
  only_for_ratio: "applies only to ratio indicators (numerator/denominator)",
  has_measurements: "cannot change once the indicator has measurements",
  target_does_not_fit: "does not fit target {targetId}; change the target first",
  target_limits_do_not_fit:
    "does not fit target {targetId}: green limit {green} and yellow limit {yellow} must swap places",
  invalid_rule: "is not a valid target",
  green_above_yellow: "green limit {green} must be above yellow limit {yellow} when higher is better",
  green_below_yellow: "green limit {green} must be below yellow limit {yellow} when lower is better",
  change_per_year_too_low: "the change per year ({change}) must be above -1 (-100 %)",
  baseline_not_before_year: "the baseline year {baselineYear} must be before the target's year {year}",
  no_step_for_year: "lacks a step for the target's year {year}",
  outside_owner: "is outside the unit that owns the indicator",
  target_taken: "already has a target for the same unit",
};

export const indicatorFieldProblems = { nb: fieldNb, en: fieldEn };
