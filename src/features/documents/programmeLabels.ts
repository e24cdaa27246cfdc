// The words of a programme's status board case and of an action plan document, in Norwegian
// bokmål: the board secretary sends them as they are. Dates, numbers and sums are formatted here
// the Norwegian way ("7. desember 2026", "1 250 000 kr", "12,5 %").

import type {
  ActivityStatus,
  BenefitKind,
  CostKind,
  PlanResponsibility,
} from "../../domain/programmeKinds.ts";
import type { GateDecision, StatusColour, StatusTrend } from "../../domain/programmes.ts";
import type { MeasurePhase, MeasureStatus } from "../../domain/riskMeasures.ts";
import { formatNumberNb } from "../../domain/rounding.ts";
import type { AnswerState } from "../../domain/workflow.ts";
import { formatDocumentDate, labelsFor } from "./labels.ts";
import type { StatusDimension } from "./programmeModel.ts";

const nb = labelsFor("nb");

/** "7. desember 2026"; an empty or malformed date as it is. */
export const longDate = (isoDate: string) => formatDocumentDate(isoDate, nb);

/** Whole numbers with spaces between thousands, one decimal when the value has one: "1 250", "12,5". */
export function formatAmount(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return formatNumberNb(rounded, Number.isInteger(rounded) ? 0 : 1);
}

/** "1 250 000 kr", "4 000 timer"; NOK is written as kroner. */
export function withMeasureUnit(value: number, unit: string): string {
  const label = unit.trim();
  if (label === "" || label.toLowerCase() === "antall") return formatAmount(value);
  const money = /^(NOK|kr)\b\s*(.*)$/i.exec(label);
  if (money) return `${kroner(value)}${money[2] ? ` ${money[2]}` : ""}`;
  return `${formatAmount(value)} ${label}`;
}

/** The day (in Norway) a moment falls on, YYYY-MM-DD. */
export function osloDay(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso.slice(0, 10);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(time);
}

/** Kroner: whole kroner, and from a million on in millions with one decimal ("232,9 mill. kr"). */
export function kroner(value: number): string {
  if (Math.abs(value) >= 1_000_000) return `${formatAmount(value / 1_000_000)} mill. kr`;
  return `${formatNumberNb(Math.round(value), 0)} kr`;
}

/** "45 %" from a share (0.45). */
export const percent = (share: number) => `${formatNumberNb(Math.round(share * 100), 0)} %`;

/** "a, b og c". */
export function listed(parts: readonly string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} og ${parts.at(-1)}` : (parts[0] ?? "");
}

export const colourWords: Record<StatusColour, string> = { green: "Grønn", yellow: "Gul", red: "Rød" };
export const noColour = "Ikke vurdert";

export const dimensionWords: Record<StatusDimension, string> = {
  scope: "Omfang",
  time: "Tid",
  cost: "Kostnad",
  benefits: "Gevinster",
  risk: "Risiko",
};

export const trendWords: Record<StatusTrend, string> = {
  improved: "bedret",
  unchanged: "uendret",
  worsened: "forverret",
};

export const decisionWords: Record<GateDecision, string> = {
  approve: "Godkjent",
  approve_with_conditions: "Godkjent med vilkår",
  postpone: "Utsatt",
  stop: "Stoppet",
};

export const reportStateWords: Record<AnswerState, string> = {
  draft: "er et utkast",
  submitted: "er sendt til godkjenning og ennå ikke godkjent",
  approved: "er godkjent",
};

export const measurePhaseWords: Record<MeasurePhase, string> = {
  decided: "Vedtatt",
  in_progress: "I gjennomføring",
  completed: "Gjennomført",
  cancelled: "Avbrutt",
};

/** As a table cell says it. */
export const measureStatusCells: Record<MeasureStatus, string> = {
  as_planned: "Iht. plan",
  delayed: "Forsinket",
  not_started: "Ikke startet",
};

export const measureStatusWords: Record<MeasureStatus, string> = {
  as_planned: "iht. plan",
  delayed: "forsinket",
  not_started: "ikke startet",
};

export const benefitKindWords: Record<BenefitKind, string> = {
  economic: "Økonomisk",
  quality: "Kvalitet",
  qualitative: "Kvalitativ",
};

export const costKindWords: Record<CostKind, string> = {
  investment: "Investering",
  transition: "Omstilling",
  running: "Drift",
};

export const responsibilityWords: Record<Exclude<PlanResponsibility, "named_units">, string> = {
  owner: "RHF",
  all_trusts: "Alle HF",
};

export const activityWords: Record<ActivityStatus, string> = {
  planned: "Planlagt",
  done: "Gjennomført",
  cancelled: "Avlyst",
};

/** The built-in risk areas (src/domain/riskMeasures.ts), as seed 003's Tabell 3 names them. */
export const builtInAreaWords: Record<string, string> = {
  quality_capacity: "Kvalitet og kapasitet i tjenestetilbudet",
  personnel: "Personell, utdanning og kompetanse",
  hse: "Helse, miljø og sikkerhet",
  security_preparedness: "Sikkerhet og beredskap",
  finances: "Økonomi",
  research_innovation: "Forskning og innovasjon",
};

/** "mai 2026", "2. tertial 2026", "2026". */
export const periodWords = nb.periodLabel;

export const resolutionLead = nb.resolutionLead;
export const tableWord = nb.table;
