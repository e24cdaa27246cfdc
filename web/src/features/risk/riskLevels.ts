// Pure helpers of the risk pages: the colours of the levels (each with a text colour that reads on
// it), finding a level on a scale, the short period names the seed uses ("T2-2024"), and counts.

import type { RiskChange, RiskColour, RiskGoal, RiskLevel, RiskScale, RiskTable } from "../../api/risk.ts";

/**
 * Fill and text of each level colour. The fills are the signal colours people expect of a risk
 * matrix, in shades where the text on them has a contrast of at least 4.5:1 (WCAG 1.4.3); the
 * level's name is always written on it, so the colour never stands alone (WCAG 1.4.1).
 */
export const riskPalette: Record<RiskColour, { fill: string; text: string; edge: string }> = {
  green: { fill: "#1d7a35", text: "#ffffff", edge: "#145726" },
  yellow: { fill: "#ffd84d", text: "#1e1e1e", edge: "#8a6d00" },
  orange: { fill: "#f28c28", text: "#1e1e1e", edge: "#8f4a00" },
  red: { fill: "#c4262e", text: "#ffffff", edge: "#8c1a20" },
  dark_red: { fill: "#7a1020", text: "#ffffff", edge: "#4d0812" },
  blue: { fill: "#1f5fa8", text: "#ffffff", edge: "#153f70" },
  grey: { fill: "#e3e6ea", text: "#1e1e1e", edge: "#6b7079" },
};

/** A cell or badge with no level: the page's own colours, marked by the words "Ikke vurdert". */
export const noLevelPalette = { fill: "#ffffff", text: "#1e1e1e", edge: "#6b7079" };

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => channel(Number.parseInt(part, 16))) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export function levelByKey(scale: RiskScale, key: string | null | undefined): RiskLevel | null {
  if (key === null || key === undefined) return null;
  return scale.levels.find((level) => level.key === key) ?? null;
}

/** The level of a matrix cell (likelihood and consequence from 1), or null when either is missing. */
export function matrixLevel(
  scale: RiskScale,
  likelihood: number | null,
  consequence: number | null,
): RiskLevel | null {
  if (scale.kind !== "matrix" || likelihood === null || consequence === null) return null;
  return levelByKey(scale, scale.cells[likelihood - 1]?.[consequence - 1]);
}

/** A short code ("R-1", "T2-2024") with non-breaking hyphens (U+2011): a narrow screen keeps it on one line. */
export function keepTogether(code: string): string {
  return code.replaceAll("-", "\u2011");
}

/** "2024-T2" -> "T2-2024" (kept on one line), as the seed names a tertial; a year stays as it is. */
export function shortPeriod(period: string): string {
  const match = /^(\d{4})-(T[12])$/.exec(period);
  return match ? keepTogether(`${match[2]}-${match[1]}`) : period;
}

/** T1, then T2, then the year's own report. */
function periodOrder(period: string): number {
  const match = /^(\d{4})(?:-T([12]))?$/.exec(period);
  if (!match) return Number.NaN;
  return Number(match[1]) * 10 + (match[2] ? Number(match[2]) : 3);
}

/** The latest of `periods` before `current`: where a carried-forward assessment came from. */
export function previousPeriod(current: string, periods: readonly string[]): string | null {
  const before = periods
    .filter((period) => periodOrder(period) < periodOrder(current))
    .sort((a, b) => periodOrder(a) - periodOrder(b));
  return before.at(-1) ?? null;
}

export type GridUnit = { id: number; code: string; name: string };

/** The units that assess at least one goal, in the order the server lists them (by name). */
export function gridUnits(goals: readonly RiskGoal[]): GridUnit[] {
  const units = new Map<number, GridUnit>();
  for (const goal of goals) {
    for (const assessment of goal.units) {
      if (!units.has(assessment.unit.id)) units.set(assessment.unit.id, assessment.unit);
    }
  }
  return [...units.values()].sort((a, b) => a.name.localeCompare(b.name, "nb"));
}

/** How many assessments are at each level of the scale, best first, and how many have none. */
export function countLevels(scale: RiskScale, keys: readonly (string | null)[]) {
  const levels = [...scale.levels]
    .sort((a, b) => a.rank - b.rank)
    .map((level) => ({ level, count: keys.filter((key) => key === level.key).length }));
  const none = keys.filter((key) => levelByKey(scale, key) === null).length;
  return { levels, none };
}

/**
 * The parts of Tabell 3's counts sentence: improved, unchanged and worsened always (as the seed
 * writes them), a new or not assessed goal only when there is one.
 */
export function changeCountParts(counts: RiskTable["counts"]): { change: RiskChange; count: number }[] {
  const always: RiskChange[] = ["improved", "unchanged", "worsened"];
  const sometimes: RiskChange[] = ["new", "not_assessed"];
  return [
    ...always.map((change) => ({ change, count: counts[change] })),
    ...sometimes.filter((change) => counts[change] > 0).map((change) => ({ change, count: counts[change] })),
  ];
}

/** The goals in the order the server gives them, under their areas (the document's chapters). */
export function byArea(goals: readonly RiskGoal[]): { area: string | null; goals: RiskGoal[] }[] {
  const areas: { area: string | null; goals: RiskGoal[] }[] = [];
  for (const goal of goals) {
    const found = areas.find((each) => each.area === goal.area);
    if (found) found.goals.push(goal);
    else areas.push({ area: goal.area, goals: [goal] });
  }
  return areas;
}
