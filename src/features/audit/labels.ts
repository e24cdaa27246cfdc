// What an audit entry is about, in words: "INNLEIE 2026" for an indicator's target, "T1 2026 –
// Helse Nord RHF" for a reporting round. The web puts the kind in front in the reader's language
// ("Mål for indikator INNLEIE 2026"). Pure: the names come from labelQueries.ts, looked up in one
// query per kind of entity, and from the entry's own before and after when the row is gone.

/** The part of an audit entry a label is made from. */
export type LabelledEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

type Named = { code: string; name: string };

/** The names looked up for a page of entries, by id. */
export type LabelFacts = {
  units: Map<number, Named>;
  users: Map<number, { username: string; displayName: string }>;
  indicators: Map<number, { code: string }>;
  targets: Map<number, { indicatorCode: string; year: number | null; unitName: string | null }>;
  documents: Map<number, { title: string }>;
  chapters: Map<number, { title: string; documentTitle: string }>;
  requirements: Map<number, { number: string; documentTitle: string }>;
  rounds: Map<number, { period: string; issuerName: string }>;
  answers: Map<number, { requirementNumber: string; unitName: string; period: string }>;
  generatedDocuments: Map<number, { title: string }>;
  scorecards: Map<number, { unitName: string; period: string }>;
  riskAssessments: Map<number, { requirementNumber: string; unitName: string; period: string }>;
  measures: Map<number, { title: string }>;
  unitRisks: Map<number, { title: string; unitName: string }>;
};

export type LabelIds = { [Kind in keyof LabelFacts]: number[] };

export const emptyFacts = (): LabelFacts => ({
  units: new Map(),
  users: new Map(),
  indicators: new Map(),
  targets: new Map(),
  documents: new Map(),
  chapters: new Map(),
  requirements: new Map(),
  rounds: new Map(),
  answers: new Map(),
  generatedDocuments: new Map(),
  scorecards: new Map(),
  riskAssessments: new Map(),
  measures: new Map(),
  unitRisks: new Map(),
});

/** Which table holds the entity of each audited kind. */
const tableOf: Partial<Record<string, keyof LabelFacts>> = {
  unit: "units",
  user: "users",
  session: "users",
  indicator: "indicators",
  indicator_target: "targets",
  steering_document: "documents",
  document_chapter: "chapters",
  requirement: "requirements",
  reporting_round: "rounds",
  answer: "answers",
  generated_document: "generatedDocuments",
  published_scorecard: "scorecards",
  risk_assessment: "riskAssessments",
  risk_scale: "units",
  measure: "measures",
  unit_risk: "unitRisks",
};

const positiveInteger = (value: unknown): number | null => {
  const number = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0 ? number : null;
};

/** The entry's before and after as one record, after winning: what the row was last known as. */
function stateOf(entry: Pick<LabelledEntry, "before" | "after">): Record<string, unknown> {
  const record = (value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  return { ...record(entry.before), ...record(entry.after) };
}

const textOf = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

/** A chapter reorder is written on the document, whose id is the entry's. */
const isReorder = (entry: LabelledEntry) =>
  entry.entityType === "document_chapter" && entry.action === "reorder";

/** A document template's entry id is "<document type>:<unit id or general>". */
const templateUnitId = (entityId: string) => positiveInteger(entityId.split(":")[1]);

/** The ids to look up for a page of entries, each kind once, in one query per kind. */
export function idsToLabel(entries: LabelledEntry[]): LabelIds {
  const wanted = Object.fromEntries(Object.keys(emptyFacts()).map((kind) => [kind, new Set<number>()])) as {
    [Kind in keyof LabelFacts]: Set<number>;
  };
  const want = (kind: keyof LabelFacts, value: unknown) => {
    const id = positiveInteger(value);
    if (id !== null) wanted[kind].add(id);
  };
  for (const entry of entries) {
    const state = stateOf(entry);
    if (isReorder(entry)) want("documents", entry.entityId);
    else if (entry.entityType === "role_assignment") {
      want("users", state.userId);
      want("units", state.unitId);
    } else if (entry.entityType === "document_template") want("units", templateUnitId(entry.entityId));
    else {
      const table = tableOf[entry.entityType];
      if (table) want(table, entry.entityId);
    }
    // A removed target is named from its before: its indicator and unit.
    if (entry.entityType === "indicator_target") {
      want("indicators", state.indicatorId);
      want("units", state.unitId);
    }
  }
  return Object.fromEntries(Object.entries(wanted).map(([kind, ids]) => [kind, [...ids]])) as LabelIds;
}

/** 2026-T1 as "T1 2026"; a year or a month as it is. */
export function periodName(period: string): string {
  const tertial = /^(\d{4})-(T[12])$/.exec(period);
  return tertial ? `${tertial[2]} ${tertial[1]}` : period;
}

const joined = (...parts: (string | null | undefined)[]) => {
  const present = parts.filter((part): part is string => typeof part === "string" && part !== "");
  return present.length > 0 ? present.join(" – ") : null;
};

function targetLabel(entry: LabelledEntry, facts: LabelFacts, state: Record<string, unknown>) {
  const found = facts.targets.get(positiveInteger(entry.entityId) ?? 0);
  if (found) return joined(`${found.indicatorCode}${found.year ? ` ${found.year}` : ""}`, found.unitName);
  const indicator = facts.indicators.get(positiveInteger(state.indicatorId) ?? 0)?.code;
  if (!indicator) return null;
  const year = positiveInteger(state.year);
  return joined(
    `${indicator}${year ? ` ${year}` : ""}`,
    facts.units.get(positiveInteger(state.unitId) ?? 0)?.name,
  );
}

function roleLabel(facts: LabelFacts, state: Record<string, unknown>) {
  const user = facts.users.get(positiveInteger(state.userId) ?? 0);
  const unit = facts.units.get(positiveInteger(state.unitId) ?? 0);
  return joined(user?.displayName, unit?.name);
}

/**
 * The entity's name in words, without its kind; null when neither the database nor the entry
 * can tell it (the web then shows the kind and the id).
 */
export function labelOf(entry: LabelledEntry, facts: LabelFacts): string | null {
  const id = positiveInteger(entry.entityId) ?? 0;
  const state = stateOf(entry);
  if (isReorder(entry)) return facts.documents.get(id)?.title ?? null;
  switch (entry.entityType) {
    case "unit": {
      const unit = facts.units.get(id);
      return unit ? unit.name : textOf(state.name);
    }
    case "user":
    case "session": {
      const user = facts.users.get(id);
      if (user) return `${user.displayName} (${user.username})`;
      const name = textOf(state.displayName);
      return name ? `${name}${textOf(state.username) ? ` (${state.username})` : ""}` : null;
    }
    case "role_assignment":
      return roleLabel(facts, state);
    case "indicator":
      return facts.indicators.get(id)?.code ?? textOf(state.code);
    case "indicator_target":
      return targetLabel(entry, facts, state);
    case "steering_document":
      return facts.documents.get(id)?.title ?? textOf(state.title);
    case "document_chapter": {
      const chapter = facts.chapters.get(id);
      return chapter ? joined(chapter.title, chapter.documentTitle) : textOf(state.title);
    }
    case "requirement": {
      const requirement = facts.requirements.get(id);
      return requirement ? joined(requirement.number, requirement.documentTitle) : textOf(state.number);
    }
    case "reporting_round": {
      const round = facts.rounds.get(id);
      return round ? joined(periodName(round.period), round.issuerName) : null;
    }
    case "answer": {
      const answer = facts.answers.get(id);
      return answer ? joined(answer.requirementNumber, answer.unitName, periodName(answer.period)) : null;
    }
    case "measurement_import":
      return textOf(entry.entityId);
    case "document_template":
      return facts.units.get(templateUnitId(entry.entityId) ?? 0)?.name ?? null;
    case "generated_document":
      return facts.generatedDocuments.get(id)?.title ?? textOf(state.title);
    case "risk_assessment": {
      const assessment = facts.riskAssessments.get(id);
      return assessment
        ? joined(assessment.requirementNumber, assessment.unitName, periodName(assessment.period))
        : null;
    }
    case "risk_scale":
      return facts.units.get(id)?.name ?? null;
    case "measure":
      return facts.measures.get(id)?.title ?? textOf(state.title);
    case "unit_risk": {
      const risk = facts.unitRisks.get(id);
      return risk ? joined(risk.title, risk.unitName) : textOf(state.title);
    }
    case "published_scorecard": {
      const scorecard = facts.scorecards.get(id);
      return scorecard ? joined(scorecard.unitName, periodName(scorecard.period)) : null;
    }
    // Benefits and their readings carry the benefit's title; a cost its year and text.
    case "benefit":
      return textOf(state.title);
    case "benefit_cost":
      return joined(positiveInteger(state.year)?.toString(), textOf(state.text));
    // Programmes and what hangs off them are named from the entry itself (src/features/programmes).
    case "programme":
      return joined(textOf(state.code), textOf(state.title));
    case "programme_phase":
    case "programme_gate":
    case "status_report":
      return textOf(state.name) ?? (textOf(state.period) ? periodName(String(state.period)) : null);
    case "gate_decision":
      return joined(textOf(state.programmeCode), textOf(state.gateName));
    // Action plans and their parts are named from the entry itself (src/features/actionPlans).
    case "action_plan":
      return textOf(state.title);
    case "action_plan_sub_goal":
    case "action_plan_key_indicator":
      return textOf(state.text);
    case "action_plan_measure":
      return textOf(state.label);
    // A programme's registers are named from the entry itself (src/features/programmeRegisters).
    case "programme_group":
    case "programme_stakeholder":
      return textOf(state.name);
    case "programme_training":
      return textOf(state.audience);
    default:
      return null;
  }
}
