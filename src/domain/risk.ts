// Risk scales and the rules that read them (DOMAIN.md "Risk"; seed 003 l. 4520-4660). A scale is
// either a list of levels (the seed's green, yellow, red with published definitions) or a
// likelihood × consequence matrix whose cells name those levels. Levels are ranked from best (1)
// to worst, so comparing two assessments is comparing ranks.

export const riskLevelColours = ["green", "yellow", "orange", "red", "dark_red", "blue", "grey"] as const;
export type RiskLevelColour = (typeof riskLevelColours)[number];

type Words = { nb: string; en: string };

/** One level of a scale, ordered from best (rank 1) to worst. */
export type RiskLevel = {
  key: string;
  rank: number;
  colour: RiskLevelColour;
  label: Words;
  definition: Words;
};
/**
 * An organisation's own list of risk areas for its units' own risks, in its order; without one,
 * the built-in list of src/domain/riskMeasures.ts applies.
 */
export type RiskAreaChoice = { key: string; label: Words };
export type LevelScale = { kind: "levels"; levels: RiskLevel[]; areas?: RiskAreaChoice[] };
/** Likelihood rows 1..n and consequence columns 1..m; `cells[l - 1][c - 1]` is a level key. */
export type MatrixScale = {
  kind: "matrix";
  levels: RiskLevel[];
  likelihoods: Words[];
  consequences: Words[];
  cells: string[][];
  areas?: RiskAreaChoice[];
};
export type RiskScale = LevelScale | MatrixScale;

// The definitions are the seed's own (003 l. 4537-4552, ../shared/data/risk.json "criteria"), with
// sentences capitalised and ended.
const seedLevels: RiskLevel[] = [
  {
    key: "green",
    rank: 1,
    colour: "green",
    label: { nb: "Grønn", en: "Green" },
    definition: {
      nb: "Har god oversikt og kontroll. Ingen utsikter til at risiko skal endres i negativ retning. Eksisterende tiltak ser ut til å virke som forutsatt, mindre del av virksomheten berøres.",
      en: "Has good overview and control. No prospect that the risk will change in a negative direction. Existing measures appear to work as intended; a smaller part of the organisation is affected.",
    },
  },
  {
    key: "yellow",
    rank: 2,
    colour: "yellow",
    label: { nb: "Gul", en: "Yellow" },
    definition: {
      nb: "Har ikke tilstrekkelig informasjon eller oversikt. Usikkerhet om eksisterende tiltak vil fungere. Skal lite til for at risiko endres.",
      en: "Does not have sufficient information or overview. Uncertainty whether existing measures will work. Little is needed for the risk to change.",
    },
  },
  {
    key: "red",
    rank: 3,
    colour: "red",
    label: { nb: "Rød", en: "Red" },
    definition: {
      nb: "Mangler informasjon, oversikt eller ressurser. Har ingen eksisterende tiltak, tiltak virker ikke, tiltak er ikke iverksatt, liten sannsynlighet på at tiltak vil virke, store deler av virksomheten berøres.",
      en: "Lacks information, overview or resources. Has no existing measures, measures do not work, measures have not been implemented, low probability that measures will work; large parts of the organisation are affected.",
    },
  },
];

export const defaultRiskScale: LevelScale = { kind: "levels", levels: seedLevels };

/** A 5 × 5 matrix over the same three levels: the product of likelihood and consequence decides. */
export function defaultMatrixScale(): MatrixScale {
  const cells = [1, 2, 3, 4, 5].map((l) =>
    [1, 2, 3, 4, 5].map((c) => (l * c <= 4 ? "green" : l * c <= 12 ? "yellow" : "red")),
  );
  return {
    kind: "matrix",
    levels: seedLevels.map((level) => ({ ...level })),
    likelihoods: [
      { nb: "Svært lite sannsynlig", en: "Very unlikely" },
      { nb: "Lite sannsynlig", en: "Unlikely" },
      { nb: "Moderat sannsynlig", en: "Possible" },
      { nb: "Sannsynlig", en: "Likely" },
      { nb: "Svært sannsynlig", en: "Very likely" },
    ],
    consequences: [
      { nb: "Ubetydelig", en: "Insignificant" },
      { nb: "Mindre alvorlig", en: "Minor" },
      { nb: "Moderat", en: "Moderate" },
      { nb: "Alvorlig", en: "Major" },
      { nb: "Svært alvorlig", en: "Severe" },
    ],
    cells,
  };
}

export type ScaleProblem = { path: string; reason: string; params?: Record<string, string | number> };

const maxProblems = 50;
const keyPattern = /^[a-z][a-z0-9_]{0,31}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks two-language words; answers the clean copy, or null after naming the problem. */
function checkedWords(
  value: unknown,
  path: string,
  max: number,
  required: boolean,
  problems: ScaleProblem[],
) {
  const nb = isObject(value) && typeof value.nb === "string" ? value.nb.trim() : null;
  const en = isObject(value) && typeof value.en === "string" ? value.en.trim() : null;
  if (nb === null || en === null || (required && (nb === "" || en === ""))) {
    problems.push({
      path,
      reason: required ? "scale_label_missing" : "scale_definition_too_long",
      params: { max },
    });
    return null;
  }
  if (nb.length > max || en.length > max) {
    problems.push({
      path,
      reason: required ? "scale_label_too_long" : "scale_definition_too_long",
      params: { max },
    });
    return null;
  }
  return { nb, en };
}

function checkedLevels(value: unknown, problems: ScaleProblem[]): RiskLevel[] {
  if (!Array.isArray(value) || value.length < 2 || value.length > 7) {
    problems.push({ path: "levels", reason: "scale_level_count", params: { min: 2, max: 7 } });
    return [];
  }
  const levels: RiskLevel[] = [];
  const keys = new Set<string>();
  value.forEach((item: unknown, index) => {
    const path = `levels[${index}]`;
    const level = isObject(item) ? item : {};
    const key = typeof level.key === "string" ? level.key : "";
    if (!keyPattern.test(key)) problems.push({ path: `${path}.key`, reason: "scale_level_key_invalid" });
    else if (keys.has(key)) problems.push({ path: `${path}.key`, reason: "scale_level_key_duplicate" });
    keys.add(key);
    const colour = riskLevelColours.find((c) => c === level.colour);
    if (!colour) problems.push({ path: `${path}.colour`, reason: "scale_colour_unknown" });
    const label = checkedWords(level.label, `${path}.label`, 60, true, problems);
    const definition =
      level.definition === undefined
        ? { nb: "", en: "" }
        : checkedWords(level.definition, `${path}.definition`, 1000, false, problems);
    const rank = typeof level.rank === "number" ? level.rank : Number.NaN;
    if (colour && label && definition) levels.push({ key, rank, colour, label, definition });
  });
  const ranks = value.map((item: unknown) => (isObject(item) ? item.rank : undefined));
  const expected = ranks.map((_, index) => index + 1);
  const sorted = [...ranks].filter((r): r is number => typeof r === "number").sort((a, b) => a - b);
  if (sorted.length !== ranks.length || sorted.some((rank, index) => rank !== expected[index])) {
    problems.push({ path: "levels", reason: "scale_level_rank" });
  }
  return levels.sort((a, b) => a.rank - b.rank);
}

function checkedAreas(value: unknown, problems: ScaleProblem[]): RiskAreaChoice[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 20) {
    problems.push({ path: "areas", reason: "scale_area_count", params: { min: 1, max: 20 } });
    return [];
  }
  const keys = new Set<string>();
  return value.flatMap((item: unknown, index) => {
    const path = `areas[${index}]`;
    const area = isObject(item) ? item : {};
    const key = typeof area.key === "string" ? area.key : "";
    if (!keyPattern.test(key)) problems.push({ path: `${path}.key`, reason: "scale_level_key_invalid" });
    else if (keys.has(key)) problems.push({ path: `${path}.key`, reason: "scale_area_key_duplicate" });
    keys.add(key);
    const label = checkedWords(area.label, `${path}.label`, 60, true, problems);
    return label ? [{ key, label }] : [];
  });
}

function checkedAxis(value: unknown, path: string, problems: ScaleProblem[]): Words[] {
  if (!Array.isArray(value) || value.length < 2 || value.length > 10) {
    problems.push({ path, reason: "scale_axis_count", params: { min: 2, max: 10 } });
    return [];
  }
  return value.flatMap(
    (item: unknown, index) => checkedWords(item, `${path}[${index}]`, 60, true, problems) ?? [],
  );
}

function checkedCells(
  value: unknown,
  rows: number,
  columns: number,
  levels: RiskLevel[],
  problems: ScaleProblem[],
) {
  const shaped =
    Array.isArray(value) &&
    value.length === rows &&
    value.every((row: unknown) => Array.isArray(row) && row.length === columns);
  if (!shaped) {
    problems.push({ path: "cells", reason: "scale_cells_shape", params: { rows, columns } });
    return [];
  }
  const rankOf = new Map(levels.map((level) => [level.key, level.rank]));
  const cells = (value as unknown[][]).map((row, l) =>
    row.map((cell, c) => {
      const key = typeof cell === "string" ? cell : "";
      if (!rankOf.has(key)) problems.push({ path: `cells[${l}][${c}]`, reason: "scale_cell_unknown_level" });
      return key;
    }),
  );
  // A cell is never better than one with lower or equal likelihood and consequence.
  for (let l = 0; l < rows; l++) {
    for (let c = 0; c < columns; c++) {
      // An unknown cell is named once, above, and takes no part in the comparison.
      const here = rankOf.get(cells[l]?.[c] ?? "");
      if (here === undefined) continue;
      const left = c > 0 ? (rankOf.get(cells[l]?.[c - 1] ?? "") ?? 0) : 0;
      const below = l > 0 ? (rankOf.get(cells[l - 1]?.[c] ?? "") ?? 0) : 0;
      if (here < left || here < below)
        problems.push({ path: `cells[${l}][${c}]`, reason: "scale_cells_not_monotonic" });
    }
  }
  return cells;
}

/**
 * Checks a scale sent by someone: any value at all. Never throws; names at most 50 problems by
 * their path; on success answers a clean copy with only the known fields, levels by rank.
 */
export function validateScale(
  scale: unknown,
): { ok: true; scale: RiskScale } | { ok: false; problems: ScaleProblem[] } {
  const problems: ScaleProblem[] = [];
  if (!isObject(scale) || (scale.kind !== "levels" && scale.kind !== "matrix")) {
    return { ok: false, problems: [{ path: "kind", reason: "scale_kind_unknown" }] };
  }
  const levels = checkedLevels(scale.levels, problems);
  const areas = scale.areas === undefined ? {} : { areas: checkedAreas(scale.areas, problems) };
  if (scale.kind === "levels") {
    return problems.length > 0
      ? { ok: false, problems: problems.slice(0, maxProblems) }
      : { ok: true, scale: { kind: "levels", levels, ...areas } };
  }
  const likelihoods = checkedAxis(scale.likelihoods, "likelihoods", problems);
  const consequences = checkedAxis(scale.consequences, "consequences", problems);
  const axesOk = likelihoods.length >= 2 && consequences.length >= 2 && problems.length === 0;
  const cells = axesOk
    ? checkedCells(scale.cells, likelihoods.length, consequences.length, levels, problems)
    : [];
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, maxProblems) };
  return { ok: true, scale: { kind: "matrix", levels, likelihoods, consequences, cells, ...areas } };
}

export function levelOf(scale: RiskScale, key: string): RiskLevel | undefined {
  return scale.levels.find((level) => level.key === key);
}

/** The level of a matrix cell; undefined when likelihood or consequence is not a whole step on the scale (1-based). */
export function matrixCellLevel(
  scale: MatrixScale,
  likelihood: number,
  consequence: number,
): RiskLevel | undefined {
  if (!Number.isInteger(likelihood) || !Number.isInteger(consequence)) return undefined;
  if (likelihood < 1 || consequence < 1) return undefined;
  const key = scale.cells[likelihood - 1]?.[consequence - 1];
  return key === undefined ? undefined : levelOf(scale, key);
}

export const riskChanges = ["new", "improved", "unchanged", "worsened", "not_assessed"] as const;
export type RiskChange = (typeof riskChanges)[number];

/**
 * The change from one assessment to the next, by level rank (1 is best): no current assessment is
 * "not_assessed", no previous one "new"; a lower rank now is an improvement.
 */
export function compareAssessments(previousRank: number | null, currentRank: number | null): RiskChange {
  if (currentRank === null) return "not_assessed";
  if (previousRank === null) return "new";
  if (currentRank < previousRank) return "improved";
  if (currentRank > previousRank) return "worsened";
  return "unchanged";
}

export type RiskChangeCounts = Record<RiskChange, number>;

export function countChanges(changes: readonly RiskChange[]): RiskChangeCounts {
  const counts: RiskChangeCounts = { new: 0, improved: 0, unchanged: 0, worsened: 0, not_assessed: 0 };
  for (const change of changes) counts[change] += 1;
  return counts;
}

/** How many assessments are at each level, in the scale's order, zeros included; unknown keys count nowhere. */
export function countByLevel(scale: RiskScale, keys: readonly (string | null)[]) {
  return [...scale.levels]
    .sort((a, b) => a.rank - b.rank)
    .map((level) => ({ level, count: keys.filter((key) => key === level.key).length }));
}

/** Counts per matrix cell, `counts[l - 1][c - 1]`, for a heat map; points off the matrix are ignored. */
export function matrixCounts(
  scale: MatrixScale,
  points: readonly { likelihood: number | null; consequence: number | null }[],
): number[][] {
  const counts = scale.likelihoods.map(() => scale.consequences.map(() => 0));
  for (const { likelihood, consequence } of points) {
    if (likelihood === null || consequence === null) continue;
    if (!matrixCellLevel(scale, likelihood, consequence)) continue;
    const row = counts[likelihood - 1];
    if (row) row[consequence - 1] = (row[consequence - 1] ?? 0) + 1;
  }
  return counts;
}

/** The risk after measures is never worse than before them; either missing is no contradiction. */
export function residualWithinInherent(inherentRank: number | null, residualRank: number | null): boolean {
  return inherentRank === null || residualRank === null || residualRank <= inherentRank;
}

/**
 * Where an assessment sits on a heat map: its matrix cell when the scale is a matrix and both
 * likelihood and consequence are on it; else its level when the scale has it; else "none" (not
 * assessed, or a level the scale no longer has).
 */
export type HeatSpot =
  | { kind: "cell"; likelihood: number; consequence: number; level: string }
  | { kind: "level"; level: string }
  | { kind: "none" };

export function heatSpotOf(
  scale: RiskScale,
  assessment: { level: string | null; likelihood: number | null; consequence: number | null },
): HeatSpot {
  const { likelihood, consequence } = assessment;
  if (scale.kind === "matrix" && likelihood !== null && consequence !== null) {
    const level = matrixCellLevel(scale, likelihood, consequence);
    if (level) return { kind: "cell", likelihood, consequence, level: level.key };
  }
  const level = scale.levels.find((candidate) => candidate.key === assessment.level);
  return level ? { kind: "level", level: level.key } : { kind: "none" };
}

/** A stable key of a heat-map spot, for grouping and for the selected spot. */
export function heatSpotKey(spot: HeatSpot): string {
  if (spot.kind === "cell") return `cell:${spot.likelihood}:${spot.consequence}`;
  return spot.kind === "level" ? `level:${spot.level}` : "none";
}
