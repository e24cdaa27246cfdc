// A programme's status board case (styresak) as a document: the front matter, the proposed
// resolution for the secretary to complete, purpose and scope, phases and gate decisions, the
// latest status report with its colours in words (and filled cells), the programme's risks and
// the benefits plan against the costs. Pure: the same data give the same document.

import { parsePeriod } from "../../domain/periods.ts";
import { standingDecision, statusTrend } from "../../domain/programmes.ts";
import { riskTone } from "./buildRisk.ts";
import { TableNumbers } from "./buildTables.ts";
import type { Block, CellTone, DocumentContent } from "./model.ts";
import { benefitBlocks } from "./programmeBenefits.ts";
import { assembleContent, paragraph, table, type Unnumbered } from "./programmeContent.ts";
import {
  colourWords,
  decisionWords,
  dimensionWords,
  longDate,
  measurePhaseWords,
  measureStatusWords,
  noColour,
  periodWords,
  reportStateWords,
  resolutionLead,
  tableWord,
  trendWords,
} from "./programmeLabels.ts";
import {
  type ProgrammeCaseData,
  type ProgrammePhaseData,
  type RiskLevelWords,
  type StatusReportData,
  statusDimensions,
} from "./programmeModel.ts";

const kindWord = (data: ProgrammeCaseData) =>
  data.programme.kind === "project" ? "prosjektet" : "programmet";
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "Programmet Styringsmodell anskaffelser"; a title that says what it is ("Nasjonalt program ...") alone. */
function named(data: ProgrammeCaseData, capital: boolean): string {
  const title = data.programme.title.trim();
  if (/\b(program|programmet|prosjekt|prosjektet)\b/i.test(title)) return title;
  const kind = capital ? capitalised(kindWord(data)) : kindWord(data);
  return `${kind} «${title}»`;
}

export function programmeCaseTitle(data: ProgrammeCaseData): string {
  // The title names the programme by its own title: "Programmet «Plan for ...»" reads badly there.
  const subject = `${data.programme.title.trim()} – status per ${longDate(data.asOf)}`;
  return data.front.caseNumber ? `Styresak ${data.front.caseNumber} ${subject}` : subject;
}

export function buildProgrammeCase(data: ProgrammeCaseData): DocumentContent {
  const tables = new TableNumbers(tableWord);
  const title = programmeCaseTitle(data);
  const lines: { label: string; value: string }[] = [];
  if (data.front.caseNumber) lines.push({ label: "Saksnummer", value: data.front.caseNumber });
  if (data.front.meetingDate) lines.push({ label: "Møtedato", value: longDate(data.front.meetingDate) });
  if (data.front.caseOfficer) lines.push({ label: "Saksbehandler", value: data.front.caseOfficer });
  lines.push({ label: "Dato", value: longDate(data.asOf) });
  const sections: Unnumbered[] = [
    { key: "resolution", level: 1, heading: "Forslag til vedtak", blocks: resolutionBlocks(data) },
    { key: "purpose", level: 1, heading: "Formål og bakgrunn", blocks: purposeBlocks(data) },
    { key: "phases", level: 1, heading: "Faser og beslutningspunkter", blocks: phaseBlocks(data, tables) },
    { key: "status", level: 1, heading: "Statusrapport", blocks: statusBlocks(data, tables) },
    { key: "risk", level: 1, heading: "Risiko", blocks: riskBlocks(data, tables) },
    { key: "benefits", level: 1, heading: "Gevinster", blocks: benefitBlocks(data, tables) },
  ];
  return assembleContent({
    type: "board_case",
    title,
    organisation: { name: data.unit.name, code: data.programme.code },
    period: data.asOf,
    periodLabel: longDate(data.asOf),
    caseNumber: data.front.caseNumber,
    date: data.asOf,
    takenAt: data.takenAt,
    lines,
    sections,
  });
}

/** The resolution the secretary completes: the usual taking note, which the board may amend. */
function resolutionBlocks(data: ProgrammeCaseData): Block[] {
  return [
    paragraph(resolutionLead(data.unit.name)),
    {
      kind: "list",
      style: "numbered",
      items: [
        `Styret tar statusrapporten for ${named(data, false)} per ${longDate(data.asOf)} til orientering.`,
      ],
    },
  ];
}

function purposeBlocks(data: ProgrammeCaseData): Block[] {
  const { programme } = data;
  const role = data.programme.kind === "project" ? "Prosjekt" : "Program";
  const roles = [`${named(data, true)} (${programme.code}) eies av ${data.unit.name}.`];
  if (programme.sponsorName.trim()) roles.push(`${role}eier er ${programme.sponsorName.trim()}.`);
  if (programme.managerName.trim()) roles.push(`${role}leder er ${programme.managerName.trim()}.`);
  if (programme.approverTitle.trim())
    roles.push(`Overgang til ny fase godkjennes av ${programme.approverTitle.trim()}.`);
  const blocks: Block[] = [paragraph(roles.join(" "))];
  if (programme.purpose.trim()) blocks.push(paragraph("**Formål**"), paragraph(programme.purpose.trim()));
  if (programme.scope.trim()) blocks.push(paragraph("**Omfang**"), paragraph(programme.scope.trim()));
  return blocks;
}

export function phaseName(phase: Pick<ProgrammePhaseData, "number" | "name">): string {
  const name = phase.name.trim();
  return /^fase\b/i.test(name) ? name : `Fase ${phase.number} ${name}`.trim();
}

/** Where a phase stands on the case's day, in words. */
export function phaseState(phase: ProgrammePhaseData, asOf: string): string {
  if (phase.actualEnd && phase.actualEnd <= asOf) return "Avsluttet";
  if (phase.actualStart && phase.actualStart <= asOf)
    return phase.plannedEnd < asOf ? "Pågår, planlagt slutt er passert" : "Pågår";
  return phase.plannedStart < asOf ? "Ikke startet, planlagt start er passert" : "Ikke startet";
}

const span = (from: string | null, to: string | null) =>
  from ? `${longDate(from)} – ${to ? longDate(to) : "pågår"}` : "–";

function phaseBlocks(data: ProgrammeCaseData, tables: TableNumbers): Block[] {
  if (data.phases.length === 0) return [paragraph("_Fasene er ikke lagt inn ennå._")];
  const phases = [...data.phases].sort((a, b) => a.number - b.number);
  const blocks: Block[] = [
    paragraph(`${tables.peek()} viser fasene med planlagte og faktiske datoer.`),
    table(
      tables,
      "Faser",
      ["Fase", "Planlagt", "Faktisk", "Status"],
      phases.map((phase) => [
        phaseName(phase),
        span(phase.plannedStart, phase.plannedEnd),
        span(phase.actualStart, phase.actualEnd),
        phaseState(phase, data.asOf),
      ]),
    ),
  ];
  const gates = [...data.gates].sort((a, b) => a.toPhase - b.toPhase);
  const decided = gates.flatMap((gate) =>
    gate.decisions.map((decision) => [
      gate.name,
      longDate(decision.decidedOn),
      decisionWords[decision.decision],
      decision.text.trim(),
      decision.conditions.trim() || "–",
    ]),
  );
  if (decided.length > 0) {
    blocks.push(
      paragraph(`${tables.peek()} viser beslutningene i beslutningspunktene mellom fasene.`),
      table(tables, "Beslutninger", ["Beslutningspunkt", "Dato", "Beslutning", "Vedtak", "Vilkår"], decided),
    );
  }
  blocks.push(paragraph(nextGateSentence(data)));
  return blocks;
}

/** The gate ahead: the first whose standing decision does not open it. */
function nextGateSentence(data: ProgrammeCaseData): string {
  const gates = [...data.gates].sort((a, b) => a.toPhase - b.toPhase);
  const records = gates.flatMap((gate) =>
    gate.decisions.map((decision) => ({
      toPhase: gate.toPhase,
      decision: decision.decision,
      decidedOn: decision.decidedOn,
    })),
  );
  for (const gate of gates) {
    const standing = standingDecision(records, gate.toPhase);
    if (standing?.decision === "stop")
      return `${capitalised(kindWord(data))} ble stoppet i beslutningspunktet ${gate.name} ${longDate(standing.decidedOn)}.`;
    if (standing && standing.decision !== "postpone") continue;
    const asked = gate.requestedOn
      ? `beslutning ble bedt om ${longDate(gate.requestedOn)}`
      : "beslutning er ikke bedt om ennå";
    const postponed = standing ? `, og beslutningen ble utsatt ${longDate(standing.decidedOn)}` : "";
    return `Neste beslutningspunkt er ${gate.name}; ${asked}${postponed}.`;
  }
  return gates.length === 0 ? "Ingen beslutningspunkter er lagt inn." : "Alle beslutningspunkter er passert.";
}

const colourTone = (colour: StatusReportData["overall"]["colour"]): CellTone => colour ?? "grey";
const colourText = (colour: StatusReportData["overall"]["colour"]) =>
  colour ? colourWords[colour] : noColour;

function statusBlocks(data: ProgrammeCaseData, tables: TableNumbers): Block[] {
  const report = data.report;
  if (!report) return [paragraph(`_${capitalised(kindWord(data))} har ennå ingen innsendt statusrapport._`)];
  const period = periodWords(parsePeriod(report.period));
  const rows = statusDimensions.map((dimension) => [
    dimensionWords[dimension],
    colourText(report.dimensions[dimension].colour),
    report.dimensions[dimension].text.trim() || "–",
  ]);
  rows.push(["Samlet vurdering", colourText(report.overall.colour), report.overall.text.trim() || "–"]);
  const tones = [...statusDimensions.map((d) => report.dimensions[d].colour), report.overall.colour].map(
    (colour) => [null, colourTone(colour), null],
  );
  const blocks: Block[] = [
    paragraph(
      `Statusrapporten for ${period} ${reportStateWords[report.state]}. ${tables.peek()} viser status for omfang, tid, kostnad, gevinster og risiko med fargen i ord.`,
    ),
    table(tables, `Statusrapport ${period}`, ["Område", "Status", "Vurdering"], rows, tones),
  ];
  blocks.push(paragraph(trendSentence(report, data.previousReport)));
  return blocks;
}

function trendSentence(report: StatusReportData, previous: StatusReportData | null): string {
  if (!previous)
    return "Dette er den første statusrapporten; det er ingen tidligere rapport å sammenligne med.";
  const before = `${periodWords(parsePeriod(previous.period))}: ${colourText(previous.overall.colour)}`;
  if (!report.overall.colour) return `Samlet vurdering mangler i denne rapporten (${before}).`;
  const trend = statusTrend(previous.overall.colour, report.overall.colour);
  if (!trend) return `Forrige rapport hadde ingen samlet vurdering å sammenligne med (${before}).`;
  return `Samlet vurdering er ${trendWords[trend]} siden forrige rapport (${before}).`;
}

/** "Manglende forankring." before the events: a title that ends a sentence keeps its own stop. */
const withStop = (title: string) => (/[.!?:]$/.test(title.trim()) ? title.trim() : `${title.trim()}:`);

const levelText = (level: RiskLevelWords | null) => level?.label ?? "Ikke vurdert";
const levelTone = (level: RiskLevelWords | null): CellTone => (level ? riskTone(level.colour) : "grey");

function riskBlocks(data: ProgrammeCaseData, tables: TableNumbers): Block[] {
  if (data.risks.length === 0) return [paragraph(`_Ingen risikoer er registrert for ${kindWord(data)}._`)];
  const periods = [...new Set(data.risks.flatMap((risk) => (risk.period ? [risk.period] : [])))];
  const when = periods.length === 1 && periods[0] ? ` vurdert ${periodWords(parsePeriod(periods[0]))}` : "";
  const rows = data.risks.map((risk) => {
    const events = [
      risk.likelyEvents.trim(),
      risk.consequences.trim() && `Konsekvens: ${risk.consequences.trim()}`,
    ]
      .filter(Boolean)
      .join(" ");
    const measures = risk.measures.map((measure) => {
      const state = [
        measurePhaseWords[measure.phase],
        measure.status ? measureStatusWords[measure.status] : null,
      ]
        .filter(Boolean)
        .join(", ");
      const due = measure.deadline ? `, frist ${longDate(measure.deadline)}` : "";
      return `${measure.title} (${measure.responsible}; ${state.toLowerCase()}${due})`;
    });
    return [
      risk.area,
      events ? `${withStop(risk.title)} ${events}` : risk.title,
      levelText(risk.before),
      levelText(risk.after),
      measures.length > 0 ? measures.join("; ") : "Ingen tiltak registrert",
    ];
  });
  return [
    paragraph(
      `${tables.peek()} viser risikoene${when} med sannsynlige hendelser, risikonivå før og etter tiltak og de konsekvensreduserende tiltakene.`,
    ),
    table(
      tables,
      "Risiko",
      ["Område", "Risiko og sannsynlige hendelser", "Før tiltak", "Etter tiltak", "Tiltak"],
      rows,
      data.risks.map((risk) => [null, null, levelTone(risk.before), levelTone(risk.after), null]),
      true,
    ),
  ];
}
