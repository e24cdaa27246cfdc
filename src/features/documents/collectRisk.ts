// The risk section's data: the reporting unit's own assessments of the goals of its steering
// documents (its overall assessment of a document it issued, its own of one it received) in the
// latest two rounds of the year up to the document's period, and the risk-reducing measures of the
// unit and the units below it on those goals. Read as the person generating: nothing for a unit
// whose reports they may not read.

import type { Db } from "../../db/client.ts";
import { canReadAnswers, type Principal } from "../../domain/access.ts";
import { type MonthKey, parsePeriod, periodEndMonth } from "../../domain/periods.ts";
import type { RiskScale } from "../../domain/risk.ts";
import { reportingPointOf } from "../../domain/steering.ts";
import { scaleAt } from "../risk/scales.ts";
import type { UnitRow } from "../units/queries.ts";
import { type ReportedDocument, splitChapterNumber } from "./collect.ts";
import { markdownToPlainText } from "./markdown.ts";
import type { MeasureData, RiskAssessmentData, RiskCellData, RiskGoalData, RiskLevelData } from "./model.ts";
import { selectGoalsOfDocuments, selectMeasuresOnGoals, selectRiskAssessmentsOfUnit } from "./queries.ts";

/** Goals ordered as the documents have them: document, chapter, requirement. */
type Place = [document: number, chapter: number, requirement: number];
const byPlace = (a: Place, b: Place) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const goalKey = (seriesKey: string, lineageKey: string) => `${seriesKey}\u0000${lineageKey}`;
const endOf = (period: string): MonthKey => periodEndMonth(parsePeriod(period));
/** A table cell holds one line: the goal's text without its Markdown. */
const plain = (markdown: string) => markdownToPlainText(markdown).replace(/\s+/g, " ").trim();

function levelsOf(scale: RiskScale): RiskLevelData[] {
  return [...scale.levels]
    .sort((a, b) => a.rank - b.rank)
    .map((level) => ({
      key: level.key,
      rank: level.rank,
      colour: level.colour,
      label: { ...level.label },
      definition: { ...level.definition },
    }));
}

async function collectAssessments(
  db: Db,
  unit: UnitRow,
  period: string,
  documents: readonly ReportedDocument[],
): Promise<RiskAssessmentData | null> {
  const order = new Map(documents.map(({ document }, index) => [document.seriesKey, index]));
  const titles = new Map(documents.map(({ document }) => [document.seriesKey, document.title]));
  const end = endOf(period);
  const rows = (
    await selectRiskAssessmentsOfUnit(db, {
      unitId: unit.id,
      seriesKeys: [...order.keys()],
      year: reportingPointOf(period).year,
    })
  ).filter((row) => endOf(row.period) <= end);
  // A round counts when the unit has reviewed an assessment in it, not only carried one forward.
  const reviewed = [
    ...new Set(rows.filter((row) => !row.carriedForward && row.level !== null).map((r) => r.period)),
  ];
  const periods = reviewed.sort((a, b) => endOf(a) - endOf(b)).slice(-2);
  if (periods.length === 0) return null;

  const goals = new Map<string, RiskGoalData & { place: Place; issuerPath: string }>();
  // Rows come by document version: a later version's goal text and place win.
  for (const row of rows) {
    const index = periods.indexOf(row.period);
    if (index < 0) continue;
    const key = goalKey(row.seriesKey, row.lineageKey);
    const goal = goals.get(key) ?? {
      area: "",
      goal: "",
      cells: periods.map((): RiskCellData | null => null),
      place: [0, 0, 0],
      issuerPath: row.issuerPath,
    };
    goal.area = row.chapterTitle
      ? splitChapterNumber(row.chapterTitle).title
      : (titles.get(row.seriesKey) ?? "");
    goal.goal = plain(row.goal);
    goal.place = [
      order.get(row.seriesKey) ?? 0,
      row.chapterPosition ?? Number.MAX_SAFE_INTEGER,
      row.requirementPosition,
    ];
    goal.cells[index] = { level: row.level, approval: row.state };
    goals.set(key, goal);
  }
  const sorted = [...goals.values()].sort((a, b) => byPlace(a.place, b.place));
  const first = sorted[0];
  if (!first) return null;
  // The levels are those of the scale the first document's issuer uses; its units use the same.
  const { scale } = await scaleAt(db, first.issuerPath);
  return {
    periods,
    levels: levelsOf(scale),
    goals: sorted.map(({ area, goal, cells }) => ({ area, goal, cells })),
  };
}

async function collectMeasures(
  db: Db,
  unit: UnitRow,
  period: string,
  documents: readonly ReportedDocument[],
): Promise<MeasureData[]> {
  const order = new Map(documents.map(({ document }, index) => [document.seriesKey, index]));
  const seriesOf = new Map(documents.map(({ document }) => [document.id, document.seriesKey]));
  const goals = new Map<string, { text: string; place: Place }>();
  for (const goal of await selectGoalsOfDocuments(db, [...seriesOf.keys()])) {
    const seriesKey = seriesOf.get(goal.documentId) ?? "";
    goals.set(goalKey(seriesKey, goal.lineageKey), {
      text: plain(goal.text),
      place: [order.get(seriesKey) ?? 0, goal.chapterPosition ?? Number.MAX_SAFE_INTEGER, goal.position],
    });
  }
  const rows = await selectMeasuresOnGoals(db, {
    unitPath: unit.path,
    seriesKeys: [...order.keys()],
    year: reportingPointOf(period).year,
  });
  const seen = new Set<string>();
  const listed: (MeasureData & { place: Place; id: number })[] = [];
  for (const row of rows) {
    const key = goalKey(row.seriesKey, row.lineageKey);
    const goal = goals.get(key);
    // A link to an older version's requirement counts once, under the goal as it reads now.
    if (!goal || seen.has(`${row.id}\u0000${key}`)) continue;
    seen.add(`${row.id}\u0000${key}`);
    listed.push({
      id: row.id,
      place: goal.place,
      goal: goal.text,
      measure: row.title.trim(),
      unitName: row.unitName,
      owner: (row.ownerName ?? row.ownerRole).trim(),
      phase: row.phase,
      status: row.status,
      comment: row.comment.trim() || (row.latestLog ?? "").trim(),
    });
  }
  return listed
    .sort(
      (a, b) =>
        byPlace(a.place, b.place) ||
        a.goal.localeCompare(b.goal, "nb") ||
        a.measure.localeCompare(b.measure, "nb") ||
        a.id - b.id,
    )
    .map(({ place: _place, id: _id, ...measure }) => measure);
}

export async function collectRisk(
  db: Db,
  principal: Principal,
  unit: UnitRow,
  period: string,
  documents: readonly ReportedDocument[],
): Promise<{ assessment: RiskAssessmentData | null; measures: MeasureData[] }> {
  if (documents.length === 0 || !canReadAnswers(principal, unit.path))
    return { assessment: null, measures: [] };
  return {
    assessment: await collectAssessments(db, unit, period, documents),
    measures: await collectMeasures(db, unit, period, documents),
  };
}
