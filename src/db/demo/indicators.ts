// Demo indicators, targets and monthly values for Helse Nord, modelled on source/indicators.json
// (seed 003). The values are invented but plausible and always the same: a seeded generator, so
// demos, screenshots and tests see identical figures. They go through the same services as the
// API (the import checks every row, targets are validated), in bulk.

import { operatorPrincipal } from "../../caller.ts";
import { formatMonth, monthKey, monthRange } from "../../domain/periods.ts";
import type { TargetRule } from "../../domain/targets.ts";
import { type Actor, systemActor } from "../../features/audit/service.ts";
import { createIndicator } from "../../features/indicators/service.ts";
import { createTarget } from "../../features/indicators/targets.ts";
import { importMeasurements } from "../../features/measurements/import.ts";
import type { RowValues } from "../../features/measurements/rows.ts";
import { rowsSource } from "../../features/measurements/sources.ts";
import { findUnitByCode } from "../../features/units/queries.ts";
import type { Db } from "../client.ts";

type Profile = "somatic" | "psych" | "cardiac" | "all";

/** The units that report data (hospitals, clinics, trusts without hospitals), their size and kind. */
const reportingUnits: { code: string; size: number; profiles: Profile[] }[] = [
  { code: "FIN-KIR", size: 0.5, profiles: ["all", "somatic"] },
  { code: "FIN-HAM", size: 0.7, profiles: ["all", "somatic"] },
  { code: "FIN-ALT", size: 0.1, profiles: ["all"] },
  { code: "UNN-TRO", size: 3, profiles: ["all", "somatic"] },
  { code: "UNN-HLK", size: 0.6, profiles: ["all", "cardiac"] },
  { code: "UNN-HAR", size: 0.9, profiles: ["all", "somatic"] },
  { code: "UNN-NAR", size: 0.6, profiles: ["all", "somatic"] },
  { code: "UNN-FSN", size: 0.1, profiles: ["all"] },
  { code: "UNN-NRS", size: 0.1, profiles: ["all"] },
  { code: "UNN-DPSO", size: 0.4, profiles: ["all", "psych"] },
  { code: "UNN-ASG", size: 0.8, profiles: ["all", "psych"] },
  { code: "NLSH-BOD", size: 2, profiles: ["all", "somatic", "cardiac"] },
  { code: "NLSH-VES", size: 0.5, profiles: ["all", "somatic"] },
  { code: "NLSH-LOF", size: 0.4, profiles: ["all", "somatic"] },
  { code: "NLSH-PHR", size: 0.8, profiles: ["all", "psych"] },
  { code: "NLSH-PREH", size: 0.5, profiles: ["all"] },
  { code: "HSYK-MIR", size: 0.6, profiles: ["all", "somatic"] },
  { code: "HSYK-SSJ", size: 0.5, profiles: ["all", "somatic"] },
  { code: "HSYK-MOS", size: 0.4, profiles: ["all", "somatic"] },
  { code: "HSYK-BRO", size: 0.15, profiles: ["all", "somatic"] },
  { code: "SANO", size: 0.3, profiles: ["all"] },
  { code: "HNIKT", size: 0.4, profiles: ["all"] },
];

const FIRST_MONTH = monthKey(2022, 1);
const LAST_MONTH = monthKey(2025, 12);

/** Where in time a value is: the year, the calendar month, and years since January 2023. */
type When = { year: number; month: number; sinceBaseline: number };

type Generator =
  /** A share or an average: `volume` cases a month at size 1, `level` the share (0-1) or average. */
  | { kind: "ratio"; volume: number; level: (when: When) => number; decimals?: number }
  /** A quantity summed over months: `level` per month at size 1. */
  | { kind: "count"; level: (when: When) => number; decimals?: number }
  /** A level at a point in time (beds): `level` at size 1. */
  | { kind: "stock"; level: (when: When, unit: string) => number }
  /** A figure for one unit only (a median): `level` as it is. */
  | { kind: "single"; level: (when: When) => number };

type DemoIndicator = {
  code: string;
  nameNb: string;
  nameEn: string;
  definition: string;
  unitLabel: string;
  direction: "higher" | "lower";
  valueKind: "ratio" | "count" | "stock" | "not_aggregatable";
  scale?: number;
  decimals: number;
  dataSource: string;
  lagMonths?: number;
  minDenominator?: number;
  evaluationBasis?: "this_period" | "year_to_date" | "year";
  profiles: Profile[];
  generator: Generator;
  /** Targets: general ones by year (null = every year), and per unit code. */
  targets: { year: number | null; unit?: string; rule: TargetRule }[];
};

// Fewer patients in the summer holidays and at Christmas.
const holidays = (when: When) => ({ 6: 0.85, 7: 0.6, 8: 0.9, 12: 0.85 })[when.month] ?? 1;
// Sick leave peaks in winter and drops in summer.
const winter = (when: When) => ({ 1: 1.12, 2: 1.1, 3: 1.04, 7: 0.85, 12: 1.06 })[when.month] ?? 1;
// Waiting times grow after the summer holidays.
const afterSummer = (when: When) => ({ 8: 1.12, 9: 1.08, 10: 1.04 })[when.month] ?? 1;
/** A steady yearly change from the 2023 level: -0.05 is 5 % less a year. */
const yearly = (when: When, change: number) => (1 + change) ** when.sinceBaseline;

const atLeast = (value: number): TargetRule => ({ kind: "threshold", comparator: "gte", value });
const atMost = (value: number): TargetRule => ({ kind: "threshold", comparator: "lte", value });
const everyYear = (rule: TargetRule) => [{ year: null, rule }];
const bothYears = (rule: TargetRule) => [
  { year: 2024, rule },
  { year: 2025, rule },
];

export const demoIndicators: DemoIndicator[] = [
  {
    code: "VT-SOM",
    nameNb: "Gjennomsnittlig ventetid – somatikk",
    nameEn: "Average waiting time – somatic care",
    definition: "Ventetid i dager for avviklede pasienter i somatikk: sum ventedager / antall avviklede.",
    unitLabel: "dager",
    direction: "lower",
    valueKind: "ratio",
    decimals: 0,
    dataSource: "NPR / HN-LIS",
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 900, level: (w) => 66 * yearly(w, -0.04) * afterSummer(w) },
    targets: [
      { year: 2024, rule: atMost(60) },
      { year: 2025, rule: atMost(55) },
    ],
  },
  {
    code: "VT-PHV",
    nameNb: "Gjennomsnittlig ventetid – psykisk helsevern voksne",
    nameEn: "Average waiting time – adult mental health care",
    definition: "Sum ventedager / antall avviklede i psykisk helsevern for voksne.",
    unitLabel: "dager",
    direction: "lower",
    valueKind: "ratio",
    decimals: 0,
    dataSource: "NPR / HN-LIS",
    profiles: ["psych"],
    generator: { kind: "ratio", volume: 260, level: (w) => 43 * yearly(w, -0.03) * afterSummer(w) },
    targets: everyYear(atMost(40)),
  },
  {
    code: "VT-BUP",
    nameNb: "Gjennomsnittlig ventetid – psykisk helsevern barn og unge",
    nameEn: "Average waiting time – child and adolescent mental health care",
    definition: "Sum ventedager / antall avviklede i psykisk helsevern for barn og unge.",
    unitLabel: "dager",
    direction: "lower",
    valueKind: "ratio",
    decimals: 0,
    dataSource: "NPR / HN-LIS",
    profiles: ["psych"],
    generator: { kind: "ratio", volume: 120, level: (w) => 51 * yearly(w, 0.03) * afterSummer(w) },
    targets: everyYear(atMost(50)),
  },
  {
    code: "VT-TSB",
    nameNb: "Gjennomsnittlig ventetid – TSB",
    nameEn: "Average waiting time – substance use treatment",
    definition: "Sum ventedager / antall avviklede i tverrfaglig spesialisert rusbehandling.",
    unitLabel: "dager",
    direction: "lower",
    valueKind: "ratio",
    decimals: 0,
    dataSource: "NPR / HN-LIS",
    profiles: ["psych"],
    generator: { kind: "ratio", volume: 70, level: (w) => 29 * yearly(w, -0.02) },
    targets: everyYear(atMost(30)),
  },
  {
    code: "FB-SOM",
    nameNb: "Andel fristbrudd avviklede – somatikk",
    nameEn: "Share of completed patients with a breached deadline – somatic care",
    definition: "Avviklede pasienter med fristbrudd / alle avviklede pasienter.",
    unitLabel: "%",
    direction: "lower",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "NPR / HN-LIS",
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 900, level: (w) => 0.062 * yearly(w, -0.08) * afterSummer(w) },
    targets: everyYear(atMost(5)),
  },
  {
    code: "FB-TSB",
    nameNb: "Andel fristbrudd avviklede – TSB",
    nameEn: "Share of completed patients with a breached deadline – substance use treatment",
    definition: "Avviklede pasienter med fristbrudd / alle avviklede pasienter i TSB.",
    unitLabel: "%",
    direction: "lower",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "NPR / HN-LIS",
    profiles: ["psych"],
    // Seed 003: the one indicator that went from red at T1-2024 to green at year end.
    generator: {
      kind: "ratio",
      volume: 70,
      level: (w) => (w.year < 2024 ? 0.04 : w.year === 2024 ? 0.04 - (0.025 * (w.month - 1)) / 11 : 0.015),
    },
    targets: everyYear(atMost(2.5)),
  },
  {
    code: "PF-KREFT",
    nameNb: "Andel pakkeforløp gjennomført innenfor standard forløpstid",
    nameEn: "Share of cancer pathways completed within the standard time",
    definition: "Pakkeforløp innenfor standard forløpstid / alle gjennomførte pakkeforløp (24 kreftformer).",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "Helsedirektoratet",
    minDenominator: 10,
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 45, level: (w) => 0.64 * yearly(w, 0.015) },
    targets: everyYear(atLeast(70)),
  },
  {
    code: "EPIKRISE",
    nameNb: "Andel epikriser sendt innen 1 dag etter utskrivning",
    nameEn: "Share of discharge letters sent within 1 day",
    definition: "Epikriser sendt innen 1 dag / alle utskrivninger (somatikk, PHV voksne, TSB).",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "HN-LIS",
    profiles: ["somatic", "psych"],
    generator: { kind: "ratio", volume: 700, level: (w) => 0.715 * yearly(w, 0.01) },
    targets: everyYear(atLeast(70)),
  },
  {
    code: "SYKEFRAV",
    nameNb: "Sykefravær",
    nameEn: "Sick leave",
    definition: "Sykefraværsdagsverk / mulige dagsverk. Rapporteres med 2 måneders forsinkelse.",
    unitLabel: "%",
    direction: "lower",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "Personalportalen",
    lagMonths: 2,
    profiles: ["all"],
    generator: { kind: "ratio", volume: 20_000, level: (w) => 0.088 * yearly(w, -0.035) * winter(w) },
    // Seed 003: cut sick leave by 5 % a year from the 2023 level, until at most 7.5 %.
    targets: bothYears({
      kind: "baseline_change_with_floor",
      baselineYear: 2023,
      changePerYear: -0.05,
      limit: 7.5,
    }),
  },
  {
    code: "INNLEIE",
    nameNb: "Kostnader til innleie av helsepersonell fra byrå",
    nameEn: "Cost of agency staff",
    definition: "Kostnader til innleid helsepersonell fra byrå, siste 12 måneder, i millioner kroner.",
    unitLabel: "MNOK",
    direction: "lower",
    valueKind: "count",
    decimals: 1,
    dataSource: "Økonomisystemet",
    evaluationBasis: "year",
    profiles: ["all"],
    generator: {
      kind: "count",
      decimals: 2,
      level: (w) =>
        (w.year <= 2022 ? 1.9 : w.year === 2023 ? 2.4 : w.year === 2024 ? 2.1 : 1.7) * holidays(w),
    },
    // FTM 11 June 2024: a substantial reduction within two years.
    targets: [
      { year: 2024, rule: { kind: "change_vs_baseline", baselineYear: 2023, share: -0.1 } },
      { year: 2025, rule: { kind: "change_vs_baseline", baselineYear: 2023, share: -0.25 } },
    ],
  },
  {
    code: "IA-PROGRAM",
    nameNb: "Bransjeprogram IA: andel enheter i gang med partsarbeid",
    nameEn: "Inclusive working life programme: share of units working with the parties",
    definition:
      "Enheter i gang med «Tidlig og tett på» og/eller «Sammen om en bedre jobbhverdag» / alle enheter.",
    unitLabel: "% av enhetene",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 0,
    dataSource: "Egenrapportering",
    profiles: ["all"],
    generator: {
      kind: "ratio",
      volume: 20,
      level: (w) => Math.min(0.6, 0.05 + 0.012 * Math.max(0, (w.year - 2023) * 12 + w.month)),
    },
    // Seed 003: 30 % of the units at UNN and NLSH during 2024, 10 % elsewhere.
    targets: [
      ...bothYears(atLeast(10)),
      ...["UNN", "NLSH"].flatMap((unit) => [
        { year: 2024, unit, rule: atLeast(30) },
        { year: 2025, unit, rule: atLeast(30) },
      ]),
    ],
  },
  {
    code: "HELSEFAG",
    nameNb: "Andel årsverk helsefagarbeidere",
    nameEn: "Share of full-time equivalents that are health care workers",
    definition: "Årsverk helsefagarbeidere / alle årsverk.",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "Personalportalen",
    profiles: ["somatic", "psych"],
    generator: { kind: "ratio", volume: 900, level: (w) => 0.043 * yearly(w, 0.06) },
    targets: everyYear(atLeast(5)),
  },
  {
    code: "REINN",
    nameNb: "Andel ikke-planlagte reinnleggelser innen 30 dager",
    nameEn: "Share of unplanned readmissions within 30 days",
    definition: "Ikke-planlagte reinnleggelser innen 30 dager / alle utskrivninger.",
    unitLabel: "%",
    direction: "lower",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "Helsedirektoratet",
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 600, level: (w) => 0.112 * yearly(w, -0.01) },
    targets: bothYears({ kind: "better_than_last_year" }),
  },
  {
    code: "DIGITAL",
    nameNb: "Andel digitale konsultasjoner (video og telefon)",
    nameEn: "Share of consultations held by video or telephone",
    definition: "Polikliniske konsultasjoner per video eller telefon / alle polikliniske konsultasjoner.",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "NPR",
    profiles: ["somatic", "psych"],
    generator: { kind: "ratio", volume: 2500, level: (w) => 0.13 + 0.018 * w.sinceBaseline },
    targets: [
      {
        year: null,
        rule: {
          kind: "yearly_steps",
          steps: { "2024": { comparator: "gte", value: 15 }, "2025": { comparator: "gte", value: 18 } },
        },
      },
    ],
  },
  {
    code: "OVERHOLDT",
    nameNb: "Andel pasientavtaler som ikke har passert planlagt tid",
    nameEn: "Share of patient appointments kept on time",
    definition: "Avtaler som ikke har passert planlagt tid / alle avtaler.",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "HN-LIS",
    profiles: ["somatic", "psych"],
    generator: { kind: "ratio", volume: 3000, level: (w) => Math.min(0.99, 0.935 * yearly(w, 0.004)) },
    targets: everyYear(atLeast(95)),
  },
  {
    code: "BEHPLAN",
    nameNb: "Andel pasienter i pasientforløp i PHV og TSB med behandlingsplan",
    nameEn: "Share of mental health and substance use patients with a treatment plan",
    definition: "Pasienter med behandlingsplan / pasienter i pasientforløp.",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 0,
    dataSource: "HN-LIS",
    profiles: ["psych"],
    generator: { kind: "ratio", volume: 300, level: (w) => Math.min(0.95, 0.76 * yearly(w, 0.03)) },
    targets: everyYear(atLeast(80)),
  },
  {
    code: "POLI-PHV",
    nameNb: "Polikliniske konsultasjoner i psykisk helsevern og TSB",
    nameEn: "Outpatient consultations in mental health care and substance use treatment",
    definition: "Antall polikliniske konsultasjoner.",
    unitLabel: "antall",
    direction: "higher",
    valueKind: "count",
    decimals: 0,
    dataSource: "NPR",
    evaluationBasis: "year_to_date",
    profiles: ["psych"],
    generator: { kind: "count", level: (w) => 2200 * yearly(w, 0.01) * holidays(w) },
    // OD 2024: higher in 2024 than in 2023.
    targets: bothYears({ kind: "better_than_last_year" }),
  },
  {
    code: "DOGNPL",
    nameNb: "Døgnplasser i psykisk helsevern og TSB",
    nameEn: "Inpatient beds in mental health care and substance use treatment",
    definition: "Antall døgnplasser ved utgangen av måneden.",
    unitLabel: "antall",
    direction: "higher",
    valueKind: "stock",
    decimals: 0,
    dataSource: "SSB / HN-LIS",
    profiles: ["psych"],
    // Seed 003: two more DPS beds in Ofoten (UNN) in 2024.
    generator: {
      kind: "stock",
      level: (w, unit) => 60 + (unit === "UNN-DPSO" && w.year >= 2024 ? 2 / 0.4 : 0),
    },
    targets: bothYears({ kind: "better_than_last_year" }),
  },
  {
    code: "KLIN-STUD",
    nameNb: "Pasienter inkludert i kliniske behandlingsstudier",
    nameEn: "Patients included in clinical treatment studies",
    definition: "Antall pasienter inkludert i kliniske behandlingsstudier, siste 12 måneder.",
    unitLabel: "antall",
    direction: "higher",
    valueKind: "count",
    decimals: 0,
    dataSource: "Helse Nord forskning",
    evaluationBasis: "year",
    profiles: ["somatic"],
    generator: { kind: "count", level: (w) => 9 * yearly(w, 0.09) * holidays(w) },
    // Nasjonal handlingsplan for kliniske studier: +15 % against 2023.
    targets: [
      { year: 2024, rule: { kind: "change_vs_baseline", baselineYear: 2023, share: 0.15 } },
      { year: 2025, rule: { kind: "change_vs_baseline", baselineYear: 2023, share: 0.3 } },
    ],
  },
  {
    code: "ANTIBIOTIKA",
    nameNb: "Forbruk av bredspektrede antibiotika",
    nameEn: "Use of broad-spectrum antibiotics",
    definition: "Definerte døgndoser (DDD) bredspektrede antibiotika per 100 liggedøgn.",
    unitLabel: "DDD per 100 liggedøgn",
    direction: "lower",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "Sykehusapotek Nord",
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 4000, level: (w) => 0.091 * yearly(w, 0.025) },
    targets: everyYear(atMost(9)),
  },
  {
    code: "TROMBOLYSE",
    nameNb: "Andel behandlet med trombolyse – hjerneslag",
    nameEn: "Share of stroke patients given thrombolysis",
    definition: "Hjerneslagpasienter behandlet med trombolyse / alle hjerneslagpasienter.",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 0,
    dataSource: "Norsk hjerneslagregister",
    minDenominator: 10,
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 14, level: (w) => 0.16 * yearly(w, 0.05) },
    // Seed 003: yellow limit 13 %, green limit 20 %.
    targets: everyYear({ kind: "limits", greenLimit: 20, yellowLimit: 13 }),
  },
  {
    code: "HBA1C75",
    nameNb: "Andel med HbA1c > 75 mmol/mol – diabetes",
    nameEn: "Share of diabetes patients with HbA1c above 75 mmol/mol",
    definition: "Voksne med diabetes type 1 og HbA1c > 75 mmol/mol / alle registrerte.",
    unitLabel: "%",
    direction: "lower",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "Norsk diabetesregister for voksne",
    minDenominator: 10,
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 40, level: (w) => 0.135 * yearly(w, -0.03) },
    // Seed 003: yellow limit 14 %, green limit 12 % (lower is better).
    targets: everyYear({ kind: "limits", greenLimit: 12, yellowLimit: 14 }),
  },
  {
    code: "STEMI",
    nameNb: "Reperfusjonsbehandling innen anbefalt tid ved STEMI",
    nameEn: "Reperfusion within the recommended time for STEMI",
    definition: "STEMI-pasienter med reperfusjon innen anbefalt tid / alle STEMI-pasienter.",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 0,
    dataSource: "Norsk hjerteinfarktregister",
    minDenominator: 10,
    profiles: ["cardiac"],
    generator: { kind: "ratio", volume: 18, level: (w) => 0.84 * yearly(w, -0.03) },
    targets: everyYear({ kind: "limits", greenLimit: 85, yellowLimit: 70 }),
  },
  {
    code: "HOFTE48",
    nameNb: "Operasjon innen 48 timer – hoftebrudd",
    nameEn: "Hip fracture surgery within 48 hours",
    definition: "Hoftebrudd operert innen 48 timer / alle hoftebrudd.",
    unitLabel: "%",
    direction: "higher",
    valueKind: "ratio",
    scale: 100,
    decimals: 0,
    dataSource: "Nasjonalt hoftebruddregister",
    minDenominator: 10,
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 12, level: (w) => 0.88 * yearly(w, -0.025) },
    targets: everyYear({ kind: "limits", greenLimit: 90, yellowLimit: 80 }),
  },
  {
    code: "ANASTOMOSE",
    nameNb: "Anastomoselekkasje etter reseksjon av tykktarm",
    nameEn: "Anastomotic leak after colon resection",
    definition: "Reseksjoner med lekkasje fra skjøt / alle reseksjoner av tykktarm.",
    unitLabel: "%",
    direction: "lower",
    valueKind: "ratio",
    scale: 100,
    decimals: 1,
    dataSource: "NoRGast",
    minDenominator: 10,
    profiles: ["somatic"],
    generator: { kind: "ratio", volume: 8, level: () => 0.05 },
    targets: everyYear({ kind: "limits", greenLimit: 4, yellowLimit: 6 }),
  },
  {
    code: "MEDIAN-VT",
    nameNb: "Median ventetid – somatikk",
    nameEn: "Median waiting time – somatic care",
    definition:
      "Median ventetid i dager. En median kan ikke summeres over enheter, så den vises bare per sykehus.",
    unitLabel: "dager",
    direction: "lower",
    valueKind: "not_aggregatable",
    decimals: 0,
    dataSource: "NPR",
    profiles: ["somatic"],
    generator: { kind: "single", level: (w) => 50 * yearly(w, -0.04) * afterSummer(w) },
    targets: everyYear(atMost(45)),
  },
  {
    code: "OVERTID",
    nameNb: "Overtid",
    nameEn: "Overtime",
    definition: "Timer overtid, siste 12 måneder.",
    unitLabel: "timer",
    direction: "lower",
    valueKind: "count",
    decimals: 0,
    dataSource: "Personalportalen",
    evaluationBasis: "year",
    profiles: ["all"],
    generator: { kind: "count", level: (w) => 3200 * yearly(w, -0.03) * holidays(w) },
    // 2025: 5 % less than the year before.
    targets: [{ year: 2025, rule: { kind: "change_vs_baseline", baselineYear: 2024, share: -0.05 } }],
  },
];

// ---------------------------------------------------------------------------------------------
// A small seeded generator (mulberry32), seeded per indicator and unit.

function seedOf(text: string): number {
  let hash = 2_166_136_261;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16_777_619);
  }
  return hash >>> 0;
}

function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const round = (value: number, decimals = 0) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Every monthly value of one indicator at one unit. */
function valuesFor(indicator: DemoIndicator, unit: (typeof reportingUnits)[number]): RowValues[] {
  const random = randomFrom(seedOf(`${indicator.code}|${unit.code}`));
  // Units differ from each other a little, and each month a little more.
  const unitLevel = 0.9 + random() * 0.2;
  const jitter = (spread: number) => 1 + (random() * 2 - 1) * spread;
  const generator = indicator.generator;
  return monthRange(FIRST_MONTH, LAST_MONTH).map((key) => {
    const year = Math.floor(key / 12);
    const month = key - year * 12 + 1;
    const when: When = { year, month, sinceBaseline: year - 2023 + (month - 1) / 12 };
    const base = { indicator: indicator.code, unit: unit.code, month: formatMonth(key) };
    switch (generator.kind) {
      case "ratio": {
        const cases = Math.max(0, Math.round(generator.volume * unit.size * holidays(when) * jitter(0.1)));
        const level = generator.level(when) * unitLevel * jitter(0.04);
        // Shares cannot pass 100 %; averages (days) have no such bound.
        const perCase = indicator.scale === 100 ? Math.min(1, level) : level;
        return { ...base, numerator: Math.round(cases * perCase), denominator: cases };
      }
      case "count":
        return {
          ...base,
          numerator: round(generator.level(when) * unit.size * unitLevel * jitter(0.08), generator.decimals),
        };
      case "stock":
        return { ...base, numerator: Math.round(generator.level(when, unit.code) * unit.size) };
      case "single":
        return { ...base, numerator: Math.round(generator.level(when) * unitLevel * jitter(0.05)) };
      default:
        throw new Error("unknown demo generator");
    }
  });
}

export function demoMeasurementRows(): RowValues[] {
  return demoIndicators.flatMap((indicator) =>
    reportingUnits
      .filter((unit) => unit.profiles.some((profile) => indicator.profiles.includes(profile)))
      .flatMap((unit) => valuesFor(indicator, unit)),
  );
}

/** The catalogue, its targets for 2024 and 2025, and monthly values 2022-2025 for Helse Nord's units. */
export async function loadDemoIndicators(db: Db, actor: Actor = systemActor) {
  const caller = { principal: operatorPrincipal, actor };
  let targets = 0;
  for (const demo of demoIndicators) {
    const { profiles: _profiles, generator: _generator, targets: demoTargets, ...definition } = demo;
    const indicator = await createIndicator(db, caller, definition);
    for (const target of demoTargets) {
      const unit = target.unit ? await findUnitByCode(db, target.unit) : null;
      if (target.unit && !unit) throw new Error(`demo target names unknown unit ${target.unit}`);
      await createTarget(db, caller, indicator.id, {
        year: target.year,
        unitId: unit?.id ?? null,
        rule: target.rule,
        note: "Demodata",
      });
      targets++;
    }
  }
  const report = await importMeasurements(db, caller, rowsSource(demoMeasurementRows(), "demodata"), {
    dryRun: false,
  });
  return { indicators: demoIndicators.length, targets, measurements: report.inserted };
}
