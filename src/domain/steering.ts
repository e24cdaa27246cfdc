/**
 * Rules for steering documents, requirements and reporting rounds, free of I/O.
 */

import { PeriodError, parsePeriod, type ReportingPoint, reportingPoint } from "./periods.ts";
import { type DiffPart, diffWords } from "./textdiff.ts";
import type { AnswerState } from "./workflow.ts";

export type { ReportingPoint };

const pointOrder: readonly ReportingPoint[] = ["T1", "T2", "annual"];

/** Reporting points in calendar order, each once. */
export function normaliseFrequency(points: readonly ReportingPoint[]): ReportingPoint[] {
  return pointOrder.filter((point) => points.includes(point));
}

/**
 * The reporting point a round's period stands for: `2024-T1` -> T1, `2024-T2` -> T2, `2024` -> annual.
 * The third tertial is reported in the annual report, so `2024-T3` and months are refused.
 */
export function reportingPointOf(period: string): { year: number; point: ReportingPoint } {
  const parsed = parsePeriod(period);
  const point = reportingPoint(parsed);
  if (point !== null) return { year: parsed.year, point };
  throw new PeriodError("period_not_reporting_point", { value: period, year: parsed.year }, period);
}

/** Sorts rounds of one year: T1, T2, then the annual round. */
export function periodSortKey(period: string): number {
  const { year, point } = reportingPointOf(period);
  return year * 10 + pointOrder.indexOf(point);
}

/**
 * Reads a frequency as people write it in requirement tables: "T1, T2, årlig", "tertial",
 * "halvårlig", "årlig", "annual". Half-yearly reporting is at T2 (the end of the first half
 * reported on) and in the annual report. Null when the text is not understood.
 */
export function frequencyFromText(text: string): ReportingPoint[] | null {
  const cleaned = text.trim().toLowerCase();
  if (cleaned === "") return null;
  const named: Record<string, ReportingPoint[]> = {
    tertial: ["T1", "T2", "annual"],
    tertialvis: ["T1", "T2", "annual"],
    tertially: ["T1", "T2", "annual"],
    halvår: ["T2", "annual"],
    halvårlig: ["T2", "annual"],
    halvårsvis: ["T2", "annual"],
    "half-yearly": ["T2", "annual"],
    "half yearly": ["T2", "annual"],
    semiannual: ["T2", "annual"],
    årlig: ["annual"],
    år: ["annual"],
    annual: ["annual"],
    annually: ["annual"],
    yearly: ["annual"],
    "årlig melding": ["annual"],
  };
  const whole = named[cleaned];
  if (whole) return whole;
  const points: ReportingPoint[] = [];
  for (const part of cleaned.split(/\s*(?:,|;|\/|\+|\bog\b|\band\b)\s*/)) {
    if (part === "") continue;
    if (part === "t1") points.push("T1");
    else if (part === "t2") points.push("T2");
    else if (part === "t3" || named[part]?.length === 1) points.push("annual");
    else return null;
  }
  return points.length > 0 ? normaliseFrequency(points) : null;
}

/** The units that answer a requirement: the listed ones, or every recipient. */
export function answeringUnitIds(
  appliesTo: readonly number[] | null,
  recipientIds: readonly number[],
): number[] {
  return appliesTo === null ? [...recipientIds] : recipientIds.filter((id) => appliesTo.includes(id));
}

/** Applies-to lists are kept sorted and without repeats; null stays null (every recipient). */
export function normaliseAppliesTo(appliesTo: readonly number[] | null): number[] | null {
  return appliesTo === null ? null : [...new Set(appliesTo)].sort((a, b) => a - b);
}

export const finishedStatuses = ["fulfilled", "not_relevant"] as const;

/**
 * An answer is unfinished when its requirement is not (yet) met or the answer was never
 * approved; such requirements are carried into next year's document (003, resolution point 4).
 */
export function isUnfinished(answer: { status: string; state: AnswerState }): boolean {
  return answer.state !== "approved" || !(finishedStatuses as readonly string[]).includes(answer.status);
}

export type CarryOverAnswer = {
  requirementId: number;
  unitId: number;
  kind: "unit" | "consolidated";
  status: string;
  state: AnswerState;
};

/**
 * Which requirements to carry into next year and to whom: a requirement with any unfinished answer
 * is carried to the units whose own answers are unfinished ("videreført krav til NLSH og HSYK"),
 * or to everyone it applied to when only the consolidated answer is unfinished.
 */
export function carryOverPlan(
  requirements: readonly { id: number; appliesToUnitIds: number[] | null }[],
  answers: readonly CarryOverAnswer[],
): { requirementId: number; appliesToUnitIds: number[] | null }[] {
  const plan: { requirementId: number; appliesToUnitIds: number[] | null }[] = [];
  for (const requirement of requirements) {
    const own = answers.filter((a) => a.requirementId === requirement.id);
    if (!own.some(isUnfinished)) continue;
    const lateUnits = own.filter((a) => a.kind === "unit" && isUnfinished(a)).map((a) => a.unitId);
    const unitAnswers = own.filter((a) => a.kind === "unit");
    const everyUnitLate = lateUnits.length === unitAnswers.length;
    plan.push({
      requirementId: requirement.id,
      appliesToUnitIds:
        lateUnits.length === 0 || everyUnitLate
          ? requirement.appliesToUnitIds
          : [...lateUnits].sort((a, b) => a - b),
    });
  }
  return plan;
}

// ---- Comparing two versions of a document ----

export type ChapterSnapshot = { key: string; title: string; position: number };

export type RequirementSnapshot = {
  key: string;
  number: string;
  /** The chapter's lineage key, so that renaming a chapter does not change its requirements. */
  chapterKey: string | null;
  /** The chapter's title, shown in the comparison. */
  chapter: string | null;
  kind: string;
  text: string;
  source: string | null;
  appliesTo: string[] | "all";
  frequency: string[];
  deadline: string | null;
  selectedForRiskAssessment: boolean;
  derivedFromId: number | null;
  leadUnit: string | null;
  indicatorId: number | null;
};

export type DocumentSnapshot = {
  title: string;
  year: number;
  kind: string;
  recipients: string[];
  chapters: ChapterSnapshot[];
  requirements: RequirementSnapshot[];
};

export type FieldChange = { field: string; before: unknown; after: unknown; words?: DiffPart[] };

export type DocumentComparison = {
  document: FieldChange[];
  chapters: {
    added: ChapterSnapshot[];
    removed: ChapterSnapshot[];
    changed: { key: string; title: string; changes: FieldChange[] }[];
  };
  requirements: {
    added: RequirementSnapshot[];
    removed: RequirementSnapshot[];
    changed: { key: string; number: string; changes: FieldChange[] }[];
  };
  unchanged: { chapters: number; requirements: number };
};

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldChanges<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (sameValue(before[field], after[field])) continue;
    const change: FieldChange = { field, before: before[field], after: after[field] };
    if (field === "text" && typeof before[field] === "string" && typeof after[field] === "string") {
      change.words = diffWords(before[field] as string, after[field] as string);
    }
    changes.push(change);
  }
  return changes;
}

const requirementFields = [
  "number",
  "kind",
  "text",
  "source",
  "appliesTo",
  "frequency",
  "deadline",
  "selectedForRiskAssessment",
  "derivedFromId",
  "leadUnit",
  "indicatorId",
] as const;

/**
 * What changed from one version of a document to another. Chapters and requirements are matched
 * by their lineage key, which a new version copies, so a renumbered requirement shows as changed,
 * not as removed and added.
 */
export function compareDocuments(before: DocumentSnapshot, after: DocumentSnapshot): DocumentComparison {
  const sortedRecipients = (snapshot: DocumentSnapshot) => ({
    ...snapshot,
    recipients: [...snapshot.recipients].sort(),
  });
  const document = fieldChanges(sortedRecipients(before), sortedRecipients(after), [
    "title",
    "year",
    "kind",
    "recipients",
  ]);

  const chapters: DocumentComparison["chapters"] = { added: [], removed: [], changed: [] };
  const requirements: DocumentComparison["requirements"] = { added: [], removed: [], changed: [] };
  const unchanged = { chapters: 0, requirements: 0 };

  const beforeChapters = new Map(before.chapters.map((c) => [c.key, c]));
  const afterChapterKeys = new Set(after.chapters.map((c) => c.key));
  for (const chapter of after.chapters) {
    const old = beforeChapters.get(chapter.key);
    if (!old) chapters.added.push(chapter);
    else {
      const changes = fieldChanges(old, chapter, ["title", "position"]);
      if (changes.length > 0) chapters.changed.push({ key: chapter.key, title: chapter.title, changes });
      else unchanged.chapters++;
    }
  }
  chapters.removed = before.chapters.filter((c) => !afterChapterKeys.has(c.key));

  const beforeRequirements = new Map(before.requirements.map((r) => [r.key, r]));
  const afterRequirementKeys = new Set(after.requirements.map((r) => r.key));
  for (const requirement of after.requirements) {
    const old = beforeRequirements.get(requirement.key);
    if (!old) requirements.added.push(requirement);
    else {
      const changes = fieldChanges(old, requirement, requirementFields);
      if (old.chapterKey !== requirement.chapterKey) {
        changes.unshift({ field: "chapter", before: old.chapter, after: requirement.chapter });
      }
      if (changes.length > 0) {
        requirements.changed.push({ key: requirement.key, number: requirement.number, changes });
      } else unchanged.requirements++;
    }
  }
  requirements.removed = before.requirements.filter((r) => !afterRequirementKeys.has(r.key));

  return { document, chapters, requirements, unchanged };
}
