/**
 * Reading a requirement table (the seed's "Krav og rapportering": number, goal/indicator, source,
 * text, applies to, frequency) into requirements. The whole table is checked before anything is
 * saved, and every problem names its row and column, so one round of corrections is enough.
 */
import { type FieldProblem, fieldProblem } from "../errors.ts";
import type { FieldProblemCode } from "../i18n/problems/index.ts";
import type { ProblemParams } from "../schemas/contract.ts";
import { frequencyFromText, type ReportingPoint } from "./steering.ts";

export type TableRow = { row: number; cells: string[] };

export type RequirementKind = "goal" | "indicator" | "assignment";

export type ImportedRequirement = {
  row: number;
  number: string;
  kind: RequirementKind;
  source: string | null;
  text: string;
  /** Null: every recipient. */
  appliesToUnitIds: number[] | null;
  frequency: ReportingPoint[];
  chapter: string | null;
  deadline: string | null;
  selectedForRiskAssessment: boolean;
  leadUnitId: number | null;
};

export type ImportContext = {
  /** Units by code; codes are compared without case and spaces ("HN IKT" is HNIKT). */
  units: readonly { id: number; code: string }[];
  recipientIds: ReadonlySet<number>;
  existingNumbers: ReadonlySet<string>;
};

type Column =
  | "number"
  | "kind"
  | "source"
  | "text"
  | "appliesTo"
  | "frequency"
  | "chapter"
  | "deadline"
  | "risk"
  | "lead";

const headerNames: Record<Column, string[]> = {
  number: ["number", "nr", "no", "krav nr", "kravnr", "kravnummer", "krav nummer"],
  kind: ["goal/indicator", "kind", "type", "mål/indikator", "mål/indikator/oppdrag", "kategori"],
  source: ["source", "kilde"],
  text: ["text", "requirement", "requirement text", "krav tekst", "kravtekst", "krav", "tekst"],
  appliesTo: ["applies to", "gjelder", "gjelder foretak", "gjelder for", "gjelder hf"],
  frequency: ["frequency", "reporting frequency", "rapporteringsfrekvens", "frekvens"],
  chapter: ["chapter", "main goal", "kapittel", "hovedmål"],
  deadline: ["deadline", "frist"],
  risk: ["risk assessment", "selected for risk assessment", "risikovurdering", "risiko"],
  lead: ["lead", "lead unit", "leder", "ledes av"],
};

const requiredColumns: Column[] = ["number", "kind", "text", "appliesTo"];

/** The column names used in problems: the English names of the API. */
export const columnLabels: Record<Column, string> = {
  number: "number",
  kind: "goal/indicator",
  source: "source",
  text: "text",
  appliesTo: "applies to",
  frequency: "frequency",
  chapter: "chapter",
  deadline: "deadline",
  risk: "risk assessment",
  lead: "lead",
};

function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[.:]+$/, "")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ");
}

const kindWords: Record<string, RequirementKind> = {
  goal: "goal",
  mål: "goal",
  "mål (kvalitativ)": "goal",
  "mål (kvalitative)": "goal",
  kvalitativt: "goal",
  indicator: "indicator",
  indikator: "indicator",
  målkrav: "indicator",
  assignment: "assignment",
  oppdrag: "assignment",
  krav: "assignment",
};

const yesWords = new Set(["ja", "yes", "x", "true", "1", "j", "y"]);
const noWords = new Set(["nei", "no", "false", "0", "n", ""]);
const allWords = new Set(["alle", "all", "alle hf", "alle foretak", "all recipients"]);

const compactCode = (code: string) => code.replace(/\s+/g, "").toLowerCase();

/** Reads `2024-08-31` or the Norwegian `31.08.2024`; null when it is neither or no real date. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : norwegian
      ? [Number(norwegian[3]), Number(norwegian[2]), Number(norwegian[1])]
      : [0, 0, 0];
  if (year === 0) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Splits an applies-to cell into unit codes: separated by commas, semicolons, slashes, line
 * breaks or "og"/"and"; a part that is not a code as a whole is tried word by word.
 */
function splitCodes(cell: string, isCode: (code: string) => boolean): string[] {
  const codes: string[] = [];
  for (const part of cell.split(/\s*(?:,|;|\/|\n|\bog\b|\band\b)\s*/i)) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    if (isCode(trimmed) || !/\s/.test(trimmed)) codes.push(trimmed);
    else codes.push(...trimmed.split(/\s+/));
  }
  return codes;
}

export function readRequirementTable(
  header: readonly string[],
  rows: readonly TableRow[],
  context: ImportContext,
): { requirements: ImportedRequirement[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const columnIndex = new Map<Column, number>();
  header.forEach((name, index) => {
    const normalised = normaliseHeader(name);
    for (const [column, names] of Object.entries(headerNames) as [Column, string[]][]) {
      if (names.includes(normalised) && !columnIndex.has(column)) columnIndex.set(column, index);
    }
  });
  for (const column of requiredColumns) {
    if (!columnIndex.has(column)) {
      problems.push(
        fieldProblem(
          columnLabels[column],
          "requirement_table_missing_column",
          { column, accepted: headerNames[column].join(", ") },
          1,
        ),
      );
    }
  }
  if (problems.length > 0) return { requirements: [], problems };

  const unitByCode = new Map(context.units.map((unit) => [compactCode(unit.code), unit]));
  const codeOf = new Map(context.units.map((unit) => [unit.id, unit.code]));
  const firstRowOfNumber = new Map<string, number>();
  const requirements: ImportedRequirement[] = [];

  for (const { row, cells } of rows) {
    if (cells.every((cell) => cell.trim() === "")) continue;
    const cell = (column: Column) => {
      const index = columnIndex.get(column);
      return index === undefined ? "" : (cells[index] ?? "").trim();
    };
    // Every problem names its column and the value found there, so a reader can find the cell.
    const problem = (column: Column, code: FieldProblemCode, params: ProblemParams = {}) =>
      problems.push(
        fieldProblem(columnLabels[column], code, { column, value: cell(column), ...params }, row),
      );
    const before = problems.length;

    const number = cell("number");
    if (number === "") problem("number", "required");
    else if (number.length > 20) problem("number", "too_big", { origin: "string", maximum: 20 });
    else if (context.existingNumbers.has(number))
      problem("number", "requirement_number_in_document", { number });
    else if (firstRowOfNumber.has(number)) {
      problem("number", "requirement_number_repeated", {
        number,
        firstRow: firstRowOfNumber.get(number) ?? null,
      });
    } else firstRowOfNumber.set(number, row);

    const kindText = cell("kind").toLowerCase();
    const kind: RequirementKind | undefined = kindText === "" ? "assignment" : kindWords[kindText];
    if (!kind) problem("kind", "requirement_kind_unknown");

    const text = cell("text");
    if (text === "") problem("text", "required");

    const appliesText = cell("appliesTo");
    let appliesToUnitIds: number[] | null = null;
    if (appliesText === "") problem("appliesTo", "requirement_applies_to_required");
    else if (!allWords.has(appliesText.toLowerCase())) {
      appliesToUnitIds = [];
      for (const code of splitCodes(appliesText, (c) => unitByCode.has(compactCode(c)))) {
        const unit = unitByCode.get(compactCode(code));
        if (!unit) problem("appliesTo", "requirement_unknown_unit_code", { value: code });
        else if (!context.recipientIds.has(unit.id)) {
          problem("appliesTo", "steering_not_recipient", { unit: unit.code });
        } else if (!appliesToUnitIds.includes(unit.id)) appliesToUnitIds.push(unit.id);
      }
      appliesToUnitIds.sort((a, b) => a - b);
    }

    const frequencyText = cell("frequency");
    const frequency: ReportingPoint[] | null =
      frequencyText === "" ? ["annual"] : frequencyFromText(frequencyText);
    if (!frequency) {
      problem("frequency", "requirement_frequency_unknown");
    }

    const deadlineText = cell("deadline");
    const deadline = deadlineText === "" ? null : parseDate(deadlineText);
    if (deadlineText !== "" && !deadline) {
      problem("deadline", "requirement_deadline_not_date");
    }

    const riskText = cell("risk").toLowerCase();
    if (!yesWords.has(riskText) && !noWords.has(riskText)) problem("risk", "requirement_risk_not_yes_no");

    let leadUnitId: number | null = null;
    const leadText = cell("lead");
    if (leadText !== "") {
      const lead = unitByCode.get(compactCode(leadText));
      if (!lead) problem("lead", "requirement_unknown_unit_code");
      else if (
        appliesToUnitIds === null ? !context.recipientIds.has(lead.id) : !appliesToUnitIds.includes(lead.id)
      ) {
        problem("lead", "requirement_lead_not_answering", { unit: codeOf.get(lead.id) ?? leadText });
      } else leadUnitId = lead.id;
    }

    if (problems.length > before || !kind || !frequency) continue;
    requirements.push({
      row,
      number,
      kind,
      source: cell("source") || null,
      text,
      appliesToUnitIds,
      frequency,
      chapter: cell("chapter") || null,
      deadline,
      selectedForRiskAssessment: yesWords.has(riskText),
      leadUnitId,
    });
  }
  if (requirements.length === 0 && problems.length === 0) {
    problems.push(fieldProblem("number", "requirement_table_no_rows", {}, 2));
  }
  return { requirements, problems };
}
