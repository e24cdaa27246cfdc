// How seed 004's plan was followed in 2009 and 2010, for the demo: each measure's phase and
// status at the end of each tertial (what its log says), and the manual key indicators' state.
// The seed is the plan as adopted and says nothing of its progress; this is written for the demo,
// plausibly (the 2009 measures mostly done by the year's end, a few delayed, the years-long ones
// still under way) and the same on every load.

import type { MeasurePhase, MeasureStatus } from "../../domain/riskMeasures.ts";

/** The tertials the demo reports on, with the day each ends (the log entry's date). */
export const reportedTertials = [
  { period: "2009-T1", on: "2009-04-30" },
  { period: "2009-T2", on: "2009-08-31" },
  { period: "2009-T3", on: "2009-12-31" },
  { period: "2010-T1", on: "2010-04-30" },
  { period: "2010-T2", on: "2010-08-31" },
] as const;
export type ReportedPeriod = (typeof reportedTertials)[number]["period"];

type Step = { phase: MeasurePhase; status: MeasureStatus | null; text: string };

const notStarted: Step = { phase: "decided", status: "not_started", text: "Tiltaket er ikke startet." };
const going: Step = { phase: "in_progress", status: "as_planned", text: "Arbeidet pågår etter plan." };
const late = (text: string): Step => ({ phase: "in_progress", status: "delayed", text });
const done = (text = "Tiltaket er gjennomført."): Step => ({ phase: "completed", status: null, text });

/**
 * A measure's reports by tertial: each entry holds until the next; a measure is logged from
 * 2009-T1 (so every tertial's progress finds a report) until it is completed or 2010-T2.
 */
export const measureTimeline: Record<string, Partial<Record<ReportedPeriod, Step>>> = {
  "D1-M1": {
    "2009-T1": going,
    "2009-T3": done("Innkjøpsområder med stort gevinstpotensial er prioritert, og prosjektene er fordelt."),
  },
  "D1-M2": { "2009-T1": notStarted, "2010-T1": going, "2010-T2": going },
  "D1-M3": { "2009-T1": going, "2010-T2": going },
  "D1-M4": {
    "2009-T1": going,
    "2009-T2": done("Målemetode for avtaledekning er valgt; måling rapporteres månedlig."),
  },
  "D2-M1": {
    "2009-T1": going,
    "2009-T3": going,
    "2010-T2": { ...going, text: "Målingen går månedlig; volummålet for 2010 er innen rekkevidde." },
  },
  "D2-M2": {
    "2009-T1": notStarted,
    "2009-T2": going,
    "2009-T3": late(
      "Forprosjektet venter på avklaringer i det nasjonale prosjektet for stab og støtte (NPSS).",
    ),
    "2010-T2": late("Handlingsplan for felles system er ikke ferdig; avhenger fortsatt av NPSS."),
  },
  "D2-M3": {
    "2009-T1": going,
    "2009-T2": late("To helseforetak tok ikke NORKAT i bruk innen 30.6.2009."),
    "2009-T3": done("Alle helseforetak har tatt i bruk NORKAT."),
  },
  "D2-M4": {
    "2009-T1": going,
    "2010-T1": done("Rutiner og oppgavefordeling for implementering av avtaler er klare."),
  },
  "D2-M5": {
    "2009-T1": notStarted,
    "2010-T1": going,
    "2010-T2": late("Anskaffelsen av kortløsning er forsinket; kontrakt ventes høsten 2010."),
  },
  "D3-M1": { "2009-T1": going, "2009-T3": done("Ny operatør er på plass, og sortimentet er utvidet.") },
  "D3-M2": { "2009-T1": notStarted, "2009-T2": going, "2010-T2": going },
  "D4-M1": {
    "2009-T1": going,
    "2009-T2": done("Rutinen for bekreftelse av LOA og etiske retningslinjer er innført."),
  },
  "D4-M2": {
    "2009-T1": going,
    "2010-T2": { ...going, text: "Rutiner for miljørevisjoner er på plass; revisjonene for 2010 er i gang." },
  },
  "D4-M3": {
    "2009-T1": notStarted,
    "2009-T2": going,
    "2009-T3": late("Systemet for leverandøroppfølging må samordnes med revisjonsrutinene."),
    "2010-T2": late("Leveringspresisjon måles, men kvalitet følges ennå ikke opp systematisk."),
  },
  "D4-M4": {
    "2009-T1": going,
    "2009-T2": done("Alle HF har verifisert beløpsgrensene i fullmaktsstrukturen."),
  },
  "D5-M1": { "2009-T1": going, "2009-T3": done("Måle- og rapportrutiner for produktrådene er etablert.") },
  "AT-M1": { "2009-T1": done("Strategisk forum for innkjøp og logistikk (SIL) er etablert.") },
  "AT-M2": { "2009-T1": going, "2009-T3": done("Alle HF har samlet innkjøp og logistikk under én leder.") },
  "AT-M3": {
    "2009-T1": going,
    "2009-T3": late("Sykehuspartner har tatt KGV i bruk; kontraktsadministrasjon gjenstår."),
    "2010-T1": done("KGV og kontraktsadministrativt verktøy er i bruk for regionale avtaler."),
  },
  "AT-M4": { "2009-T1": notStarted, "2009-T2": going, "2010-T2": going },
  "AT-M5": { "2009-T1": going, "2009-T2": done("Kommunikasjonsplanen er vedtatt i SIL.") },
  "AT-M6": { "2009-T1": going, "2009-T3": done("Felles rapportering av KPIer er i bruk i alle HF.") },
};

/** The plan's key indicators that are not in the catalogue: milestones, done or with a value. */
export type ManualKeyIndicator =
  | { kind: "milestone_done"; done: boolean | null; on: string | null }
  | { kind: "milestone_value"; value: number | null; target: number | null; unit: string; on: string | null };

export const manualKeyIndicators: Record<string, ManualKeyIndicator> = {
  "D1-I2": { kind: "milestone_done", done: false, on: null },
  "D1-I3": { kind: "milestone_done", done: true, on: "2009-12-31" },
  // "innen 30.6.2009": the last two trusts followed in the autumn (D2-M3's log).
  "D2-I2": { kind: "milestone_done", done: true, on: "2009-11-15" },
  "D2-I3": { kind: "milestone_done", done: false, on: null },
  "D3-I2": { kind: "milestone_done", done: false, on: null },
  "D4-I1": { kind: "milestone_done", done: true, on: "2009-08-31" },
  "D4-I4": { kind: "milestone_done", done: true, on: "2009-08-31" },
  "D4-I5": { kind: "milestone_done", done: false, on: null },
  // Reported figures without a target in the plan (l. 269-270).
  "D5-I1": { kind: "milestone_value", value: 7, target: null, unit: "produktråd", on: "2010-08-31" },
  "D5-I2": { kind: "milestone_value", value: 640, target: null, unit: "MNOK", on: "2010-08-31" },
};
