// Action plans (issue 14, seed 004): plan versions, sub-goals, key indicators, measures in a plan,
// a tertial's progress, revisions and their comparison.

const nb = {
  action_plan_not_found: "Fant ingen handlingsplan med id {id}.",
  action_plan_part_not_found: "Fant ingen del av handlingsplanen med id {id}.",
  action_plan_not_permitted: "Du kan ikke endre handlingsplaner for {unit}.",
  action_plan_adopt_not_permitted: "Bare den som godkjenner for {unit}, kan vedta handlingsplanen.",
  action_plan_invalid: "Handlingsplanen kan ikke lagres slik den er. Se feltene.",
  action_plan_read_only:
    "Versjon {versionNumber} av «{title}» er erstattet av en nyere versjon og kan ikke endres.",
  action_plan_not_draft: "«{title}» er ikke et utkast og kan ikke vedtas på nytt.",
  action_plan_not_latest: "Bare siste versjon av «{title}» kan revideres; dette er versjon {versionNumber}.",
  action_plan_revise_draft: "«{title}» er et utkast; vedta det før det revideres.",
  action_plan_measure_years_outside: "Tiltaket har år utenfor handlingsplanens år {from}–{to}: {years}.",
  action_plan_other_series: "Versjonene hører ikke til samme handlingsplan.",
  action_plan_period_invalid: "Perioden kan ikke leses. Skriv et tertial, som 2009-T1.",
  action_plan_sub_goal_not_empty:
    "Delmål {number} har fortsatt nøkkelindikatorer eller tiltak. Flytt eller fjern dem før du sletter delmålet.",
} as const;

const en: Record<keyof typeof nb, string> = {
  action_plan_not_found: "No action plan with id {id}.",
  action_plan_part_not_found: "No part of an action plan with id {id}.",
  action_plan_not_permitted: "You may not change action plans of {unit}.",
  action_plan_adopt_not_permitted: "Only the approver for {unit} may adopt the action plan.",
  action_plan_invalid: "The action plan cannot be saved as it is. See the fields.",
  action_plan_read_only:
    "Version {versionNumber} of “{title}” has been replaced by a newer version and cannot be changed.",
  action_plan_not_draft: "“{title}” is not a draft and cannot be adopted again.",
  action_plan_not_latest:
    "Only the latest version of “{title}” can be revised; this is version {versionNumber}.",
  action_plan_revise_draft: "“{title}” is a draft; adopt it before revising it.",
  action_plan_measure_years_outside: "The measure has years outside the plan's years {from}–{to}: {years}.",
  action_plan_other_series: "The versions do not belong to the same action plan.",
  action_plan_period_invalid: "The period cannot be read. Write a tertial, such as 2009-T1.",
  action_plan_sub_goal_not_empty:
    "Sub-goal {number} still has key indicators or measures. Move or remove them before deleting the sub-goal.",
};

export const actionPlanReasons = { nb, en };

const fieldNb = {
  plan_years_order:
    "sluttåret {toYear} må være samme år som eller etter startåret {fromYear}, og høyst 20 år senere",
  plan_years_exclude_measures: "tiltak har år utenfor de nye årene: {years}",
  plan_measure_years_outside: "årene {years} ligger utenfor planens år {from}–{to}",
  plan_sub_goal_number_taken: "delmål {number} finnes allerede i planen",
  plan_sub_goal_unknown: "delmål {id} finnes ikke i denne planen",
  plan_indicator_unknown: "fant ingen indikator med id {id}",
  plan_key_indicator_kind: "passer ikke til nøkkelindikatorens type {kind}",
  plan_named_units_required: "velg minst én enhet når ansvaret er navngitte enheter",
  plan_unit_unknown: "fant ingen enhet med id {id}",
  plan_period_tertial: "«{period}» er ikke et tertial; skriv for eksempel 2009-T1, 2009-T2 eller 2009-T3",
  plan_revision_year: "revisjonsåret må ligge innenfor planens år {from}–{to}",
  plan_version_other_series: "versjon {id} hører til en annen handlingsplan",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  plan_years_order:
    "the last year {toYear} must be the first year {fromYear} or later, and at most 20 years later",
  plan_years_exclude_measures: "measures have years outside the new years: {years}",
  plan_measure_years_outside: "the years {years} lie outside the plan's years {from}–{to}",
  plan_sub_goal_number_taken: "sub-goal {number} already exists in the plan",
  plan_sub_goal_unknown: "sub-goal {id} is not in this plan",
  plan_indicator_unknown: "no indicator with id {id}",
  plan_key_indicator_kind: "does not fit the key indicator's kind {kind}",
  plan_named_units_required: "choose at least one unit when named units are responsible",
  plan_unit_unknown: "no unit with id {id}",
  plan_period_tertial: "“{period}” is not a tertial; write for example 2009-T1, 2009-T2 or 2009-T3",
  plan_revision_year: "the revision year must lie within the plan's years {from}–{to}",
  plan_version_other_series: "version {id} belongs to another action plan",
};

export const actionPlanFieldProblems = { nb: fieldNb, en: fieldEn };
