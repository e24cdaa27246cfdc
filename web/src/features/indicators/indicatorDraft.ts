import type { Indicator, IndicatorFields } from "../../api/indicators.ts";

// The indicator form's draft: filled from an indicator, turned into the fields the server takes.

export type Draft = {
  code: string;
  nameNb: string;
  nameEn: string;
  definition: string;
  unitLabel: string;
  direction: IndicatorFields["direction"];
  valueKind: IndicatorFields["valueKind"];
  scale: string;
  decimals: string;
  dataSource: string;
  lagMonths: string;
  minDenominator: string;
  evaluationBasis: IndicatorFields["evaluationBasis"];
  trendMode: IndicatorFields["trendMode"];
  ownerUnitId: string;
};

export const emptyDraft: Draft = {
  code: "",
  nameNb: "",
  nameEn: "",
  definition: "",
  unitLabel: "%",
  direction: "higher",
  valueKind: "ratio",
  scale: "100",
  decimals: "1",
  dataSource: "",
  lagMonths: "0",
  minDenominator: "",
  evaluationBasis: "this_period",
  trendMode: "relative",
  ownerUnitId: "",
};

export function draftOf(indicator: Indicator): Draft {
  return {
    code: indicator.code,
    nameNb: indicator.nameNb,
    nameEn: indicator.nameEn ?? "",
    definition: indicator.definition,
    unitLabel: indicator.unitLabel,
    direction: indicator.direction,
    valueKind: indicator.valueKind,
    scale: String(indicator.scale),
    decimals: String(indicator.decimals),
    dataSource: indicator.dataSource ?? "",
    lagMonths: String(indicator.lagMonths),
    minDenominator: indicator.minDenominator === null ? "" : String(indicator.minDenominator),
    evaluationBasis: indicator.evaluationBasis,
    trendMode: indicator.trendMode,
    ownerUnitId: indicator.ownerUnitId === null ? "" : String(indicator.ownerUnitId),
  };
}

export function sameDraft(a: Draft, b: Draft) {
  return (Object.keys(a) as (keyof Draft)[]).every((key) => a[key] === b[key]);
}

/** What the form edits: an indicator at a version, or (creating one) nothing, which never changes. */
export type Edited = { id: number; version: number; indicator: Indicator | null };
export const creating: Edited = { id: 0, version: 0, indicator: null };
export const editedOf = (indicator: Indicator): Edited => ({
  id: indicator.id,
  version: indicator.version,
  indicator,
});

/** Numbers typed with a decimal comma or point; an empty field is null. */
function numberOf(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

export function fieldsOf(draft: Draft): IndicatorFields {
  const optional = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    code: draft.code.trim(),
    nameNb: draft.nameNb.trim(),
    nameEn: optional(draft.nameEn),
    definition: draft.definition.trim(),
    unitLabel: draft.unitLabel.trim(),
    direction: draft.direction,
    valueKind: draft.valueKind,
    scale: numberOf(draft.scale) ?? 1,
    decimals: numberOf(draft.decimals) ?? 0,
    dataSource: optional(draft.dataSource),
    lagMonths: numberOf(draft.lagMonths) ?? 0,
    minDenominator: draft.valueKind === "ratio" ? numberOf(draft.minDenominator) : null,
    evaluationBasis: draft.evaluationBasis,
    trendMode: draft.trendMode,
    ownerUnitId: draft.ownerUnitId === "" ? null : Number(draft.ownerUnitId),
  };
}
