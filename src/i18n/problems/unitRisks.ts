// Units' own risks ("Topp 5", issue 12 Deliver 3). Not found and not permitted are worded in
// risk.ts (unit_risk_not_found, unit_risk_not_permitted), and so are the levels' field problems.

const nb = {
  unit_risk_invalid: "Risikoen kan ikke lagres slik den er. Se feltene.",
  unit_risk_closed: "Risikoen «{title}» er lukket og kan ikke endres.",
  unit_risk_assessment_invalid: "Vurderingen av risikoen kan ikke lagres slik den er. Se feltene.",
} as const;

const en: Record<keyof typeof nb, string> = {
  unit_risk_invalid: "The risk cannot be saved as it is. See the fields.",
  unit_risk_closed: "The risk “{title}” is closed and can no longer be changed.",
  unit_risk_assessment_invalid: "The assessment of the risk cannot be saved as it is. See the fields.",
};

export const unitRiskReasons = { nb, en };

// risk_area_unknown lists the built-in areas of src/domain/riskMeasures.ts riskAreas, in its order;
// an organisation with its own list gets risk_area_not_in_list.
const fieldNb = {
  risk_area_unknown:
    "«{area}» er ikke et risikoområde; velg kvalitet og kapasitet i tjenestetilbudet; personell, utdanning og kompetanse; helse, miljø og sikkerhet; sikkerhet og beredskap; økonomi; eller forskning og innovasjon",
  risk_area_not_in_list:
    "«{area}» er ikke på organisasjonens egen liste over risikoområder; velg et område fra den",
  risk_rank_taken: "rangering {rank} har allerede «{title}»; velg en ledig rangering",
  risk_period_not_reviewed:
    "«{period}» er ikke en periode risikoer vurderes for; skriv et tertial eller et år, som 2024-T1, 2024-T2 eller 2024",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  risk_area_unknown:
    "“{area}” is not a risk area; choose quality and capacity of services; personnel, education and competence; health, environment and safety; security and preparedness; finances; or research and innovation",
  risk_area_not_in_list:
    "“{area}” is not on the organisation's own list of risk areas; choose an area from it",
  risk_rank_taken: "rank {rank} is already held by “{title}”; choose a free rank",
  risk_period_not_reviewed:
    "“{period}” is not a period risks are assessed for; write a tertial or a year, such as 2024-T1, 2024-T2 or 2024",
};

export const unitRiskFieldProblems = { nb: fieldNb, en: fieldEn };
