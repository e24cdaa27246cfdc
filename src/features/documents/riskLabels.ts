// The words of the documents' risk section, in Norwegian (the default) and English: Tabell 3
// ("Risikovurdering utvikling fra T1 til T2", seed 003 l. 4560-4640) and the status of the
// risk-reducing measures (seed 003 Vedlegg 1 Tabell 3, l. 4655-4700).

import type { Period } from "../../domain/periods.ts";
import type { RiskChangeCounts } from "../../domain/risk.ts";
import type { MeasurePhase, MeasureStatus } from "../../domain/riskMeasures.ts";
import type { DocumentLocale } from "./model.ts";

export interface RiskLabels {
  /** "T1-2024", "2024": a period as Tabell 3's caption names it. */
  period: (period: Period) => string;
  /** After "Tabell n": the comparison of two periods, or the one period there is. */
  caption: (periods: string[]) => string;
  /** With the periods as the header names them, "T1" (the caption says the year, as the seed's). */
  header: (shortPeriods: string[]) => string[];
  /** What a cell says when the assessment is not approved: only approved assessments count. */
  notApproved: string;
  /** A goal not assessed in a period. */
  notAssessed: string;
  /** An assessment with no level yet (opened with the round, or carried forward empty). */
  noLevel: string;
  /** "4 mål har forbedret risiko, 10 er uendret og 1 er forverret."; null when there is nothing to count. */
  changes: (counts: RiskChangeCounts) => string | null;
  /** Before the scale's levels, when the template has no introduction of its own. */
  methodLead: string;
  /** Before Tabell 3: what it shows, as the seed's "Styresaken viser ... i T2 sammenlignet med T1". */
  tableLead: (tableNumber: string, unitName: string, periods: string[]) => string;
  /** Before the measures: what the table shows, and in which order. */
  measuresLead: (tableNumber: string) => string;
  measuresCaption: string;
  measuresHeader: string[];
  /** Said when the goals are assessed but no measure is linked to them. */
  noMeasures: string;
  phases: Record<MeasurePhase, string>;
  statuses: Record<MeasureStatus, string>;
  /** "Helse Nord RHF, fagdirektør": the owner with the responsible unit, as the seed prints it. */
  owner: (unitName: string, owner: string) => string;
  /** "1 av 4 risikovurderinger", for the note on what is not approved. */
  notApprovedPart: (count: number, total: number) => string;
}

const tertialOrYear = (period: Period) =>
  period.kind === "tertial" ? `T${period.tertial}-${period.year}` : String(period.year);

/** "T1", or the year for a year's round: the two compared periods are always of one year. */
export const shortPeriod = (period: Period) =>
  period.kind === "tertial" ? `T${period.tertial}` : String(period.year);

/** The parts of a counts sentence that are not zero, in the order a reader wants them. */
const changeOrder = ["improved", "unchanged", "worsened", "new", "not_assessed"] as const;

function joined(parts: string[], and: string): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} ${and} ${parts.at(-1)}` : (parts[0] ?? "");
}

const nb: RiskLabels = {
  period: tertialOrYear,
  caption: (periods) =>
    periods.length >= 2
      ? `Risikovurdering utvikling fra ${periods[0]} til ${periods[1]}`
      : `Risikovurdering ${periods[0] ?? ""}`.trim(),
  header: (periods) => ["Område", "Mål", ...periods.map((period) => `Helhetlig vurdering ${period}`)],
  notApproved: "Ikke godkjent",
  notAssessed: "–",
  noLevel: "Ikke vurdert",
  changes: (counts) => {
    const words: Record<(typeof changeOrder)[number], string> = {
      improved: "har forbedret risiko",
      unchanged: "er uendret",
      worsened: "er forverret",
      new: "er vurdert for første gang",
      not_assessed: "mangler godkjent vurdering",
    };
    const parts = changeOrder
      .filter((change) => counts[change] > 0)
      .map((change, index) => `${counts[change]}${index === 0 ? " mål" : ""} ${words[change]}`);
    return parts.length === 0 ? null : `${joined(parts, "og")}.`;
  },
  methodLead: "Risikoen for at målene ikke nås, er vurdert etter en forenklet metode med disse nivåene:",
  tableLead: (tableNumber, unitName, periods) =>
    periods.length >= 2
      ? `${tableNumber} viser ${unitName}s vurdering av risikoen for hvert mål ved ${periods[1]} sammenlignet med ${periods[0]}.`
      : `${tableNumber} viser ${unitName}s vurdering av risikoen for hvert mål ved ${periods[0] ?? ""}.`,
  measuresLead: (tableNumber) =>
    `${tableNumber} viser status for de risikoreduserende tiltakene, ordnet etter målet de skal redusere risikoen for.`,
  measuresCaption: "Status risikoreduserende tiltak",
  measuresHeader: ["Mål", "Tiltak", "Tiltakseier", "Fase", "Status", "Kommentar til tiltak"],
  noMeasures: "Ingen risikoreduserende tiltak er knyttet til målene.",
  phases: {
    decided: "Vedtatt",
    in_progress: "I gjennomføring",
    completed: "Gjennomført",
    cancelled: "Avbrutt",
  },
  statuses: { as_planned: "iht. plan", delayed: "Forsinket", not_started: "Ikke startet" },
  owner: (unitName, owner) => (owner.trim() === "" ? unitName : `${unitName}, ${owner.trim()}`),
  notApprovedPart: (count, total) => `${count} av ${total} risikovurderinger`,
};

const en: RiskLabels = {
  period: tertialOrYear,
  caption: (periods) =>
    periods.length >= 2
      ? `Risk assessment from ${periods[0]} to ${periods[1]}`
      : `Risk assessment ${periods[0] ?? ""}`.trim(),
  header: (periods) => ["Area", "Goal", ...periods.map((period) => `Overall assessment ${period}`)],
  notApproved: "Not approved",
  notAssessed: "–",
  noLevel: "Not assessed",
  changes: (counts) => {
    const verb = (count: number, one: string, more: string) => (count === 1 ? one : more);
    const words: Record<(typeof changeOrder)[number], (count: number) => string> = {
      improved: (n) => `${verb(n, "has", "have")} improved risk`,
      unchanged: (n) => `${verb(n, "is", "are")} unchanged`,
      worsened: (n) => `${verb(n, "has", "have")} worsened`,
      new: (n) => `${verb(n, "is", "are")} assessed for the first time`,
      not_assessed: (n) => `${verb(n, "lacks", "lack")} an approved assessment`,
    };
    const parts = changeOrder
      .filter((change) => counts[change] > 0)
      .map((change, index) => {
        const count = counts[change];
        const noun = index === 0 ? ` ${count === 1 ? "goal" : "goals"}` : "";
        return `${count}${noun} ${words[change](count)}`;
      });
    return parts.length === 0 ? null : `${joined(parts, "and")}.`;
  },
  methodLead: "The risk of not reaching the goals is assessed by a simplified method with these levels:",
  tableLead: (tableNumber, unitName, periods) =>
    periods.length >= 2
      ? `${tableNumber} shows the assessment by ${unitName} of the risk for each goal at ${periods[1]} compared with ${periods[0]}.`
      : `${tableNumber} shows the assessment by ${unitName} of the risk for each goal at ${periods[0] ?? ""}.`,
  measuresLead: (tableNumber) =>
    `${tableNumber} shows the status of the risk-reducing measures, ordered by the goal whose risk they are to reduce.`,
  measuresCaption: "Status of risk-reducing measures",
  measuresHeader: ["Goal", "Measure", "Owner", "Phase", "Status", "Comment on the measure"],
  noMeasures: "No risk-reducing measures are linked to the goals.",
  phases: {
    decided: "Decided",
    in_progress: "In progress",
    completed: "Completed",
    cancelled: "Cancelled",
  },
  statuses: { as_planned: "As planned", delayed: "Delayed", not_started: "Not started" },
  owner: (unitName, owner) => (owner.trim() === "" ? unitName : `${unitName}, ${owner.trim()}`),
  notApprovedPart: (count, total) => `${count} of ${total} risk assessments`,
};

const catalogue: Record<DocumentLocale, RiskLabels> = { nb, en };

export function riskLabelsFor(locale: DocumentLocale): RiskLabels {
  return catalogue[locale];
}
