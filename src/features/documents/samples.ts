// Document data for tests, the benchmark and demonstrations: a small annual report in the shape of
// seed 003 (Helse Nord RHF, 2024), and synthetic regions of any size.

import { summaryTable } from "../../domain/scorecard.ts";
import type { AttainmentColour } from "../../domain/targets.ts";
import type {
  BoardCaseData,
  ChapterData,
  DocumentData,
  RequirementStatus,
  ScorecardIndicatorData,
} from "./model.ts";

type ColourCounts = Partial<Record<AttainmentColour, number>>;

function rowsWith(attainment: ColourCounts, trend: ColourCounts) {
  const expand = (counts: ColourCounts) =>
    (["green", "yellow", "red", "grey"] as const).flatMap((colour) =>
      Array.from({ length: counts[colour] ?? 0 }, () => colour),
    );
  const attainmentColours = expand(attainment);
  const trendColours = expand(trend);
  return attainmentColours.map((colour, index) => ({
    attainment: { colour },
    trend: { colour: trendColours[index] ?? "grey" },
  }));
}

/** Seed 003's Tabell 1 and 2: 33 indicators at T1, T2 and year end 2024. */
export function seedSummaryTables() {
  return summaryTable([
    { period: "2024-T1", rows: rowsWith({ green: 15, red: 18 }, { green: 17, yellow: 7, red: 9 }) },
    { period: "2024-T2", rows: rowsWith({ green: 16, red: 17 }, { green: 18, yellow: 6, red: 9 }) },
    { period: "2024-12", rows: rowsWith({ green: 16, red: 17 }, { green: 18, yellow: 10, red: 5 }) },
  ]);
}

const seedChapters: ChapterData[] = [
  {
    key: "od-2.1",
    number: "2.1",
    title: "Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling",
    introduction: "Mål 2024 og indikatorer for psykisk helsevern og TSB.",
    requirements: [
      {
        number: "2.1.1",
        text: "Styrke psykisk helsevern og TSB slik at pasientene får rask og likeverdig tilgang til riktig behandling og helhetlige pasientforløp.",
        status: "partly_fulfilled",
        approval: "approved",
        answer:
          "Tre helseforetak har i løpet av 2024 iverksatt tiltak for å styrke psykisk helsevern og TSB.\n\n" +
          "- **Helgelandssykehuset** har videreført døgnkapasiteten.\n" +
          "- *Nordlandssykehuset* pusser opp I-fløya for seks nye døgnplasser.\n\n" +
          "Se [Helse Nord](https://helse-nord.no) for mer.",
        unitAnswers: [
          {
            unitCode: "HSYK",
            unitName: "Helgelandssykehuset HF",
            status: "fulfilled",
            answer: "Eksisterende døgnkapasitet er videreført.",
            approval: "approved",
          },
          {
            unitCode: "NLSH",
            unitName: "Nordlandssykehuset HF",
            status: "partly_fulfilled",
            answer: "Oppussing pågår; kapasitet ferdigstilles våren 2026.",
            approval: "submitted",
          },
        ],
        jointReport: null,
      },
      {
        number: "2.1.2",
        text: "Realveksten i kostnader innen psykisk helsevern og TSB skal være høyere enn realveksten i ordinære, frie driftsbevilgninger.",
        status: "fulfilled",
        answer: "Kravet er innfridd på overordnet nivå. Realveksten anslås til 2,4 % i 2024.",
        approval: "approved",
        unitAnswers: [],
        jointReport: null,
      },
      {
        number: "2.1.3",
        text: "De regionale helseforetakene skal, under ledelse av Helse Sør-Øst RHF, utrede behandlingskjeden i sikkerhetspsykiatrien.",
        status: "fulfilled",
        answer: "Helse Nord har deltatt i arbeidet.",
        approval: "approved",
        unitAnswers: [],
        jointReport: {
          leadName: "Helse Sør-Øst RHF",
          text:
            "Helse Sør-Øst RHF har ledet arbeidet i samarbeid med de andre RHFene og Helsedirektoratet.\n\n" +
            "1. Regional rapport er utarbeidet.\n2. Sluttrapport styrebehandles i mars 2025.",
        },
      },
    ],
  },
  {
    key: "od-2.2",
    number: "2.2",
    title: "Styrke forskning, innovasjon og kompetanse og forbedre kvalitet og pasientsikkerhet",
    introduction: null,
    requirements: [
      {
        number: "2.2.1",
        text: "Antall kliniske behandlingsstudier skal øke med 15 % sammenlignet med 2023.",
        status: "not_fulfilled",
        answer: "Kravet er ikke innfridd. Antallet studier økte med 6 %.",
        approval: "submitted",
        unitAnswers: [],
        jointReport: null,
      },
      {
        number: "2.2.2",
        text: "Helseforetakene skal øke antallet lærlinger.",
        status: null,
        answer: "",
        approval: "draft",
        unitAnswers: [],
        jointReport: null,
      },
    ],
  },
];

export const seedBoardCase: BoardCaseData = {
  caseNumber: "23-2025",
  date: "2025-03-07",
  place: "Bodø",
  subject: null,
  resolutionPoints: [
    "Styret i Helse Nord RHF godkjenner Årlig melding 2024 for Helse Nord RHF til Helse- og omsorgsdepartementet.",
    "Styret ber adm. direktør om å sørge for at oppdrag som ikke er fullt ut gjennomført i 2024, følges opp aktivt i dialogen med helseforetakene i 2025.",
  ],
  background:
    "Oppdragsdokumentet (OD) fra Helse- og omsorgsdepartementet (HOD) er et sentralt dokument i departementets styring.",
  assessment:
    "Adm. direktør vurderer at Årlig melding 2024 fremstiller virksomheten i foretaksgruppen på en dekkende måte.",
  attachments: [
    "Årlig melding 2024 fra styret i Helse Nord RHF til Helse- og omsorgsdepartementet",
    "Protokoll fra drøftingsmøte med konserntillitsvalgte og konsernverneombud 3. mars 2025",
  ],
};

const seedIndicators: ScorecardIndicatorData[] = [
  {
    code: "PAK-STD",
    name: "Andel pakkeforløp gjennomført innenfor standard forløpstid",
    thisPeriod: "64,2 %",
    yearToDate: "65,0 %",
    target: "≥ 70 %",
    attainment: "red",
    trend: "green",
  },
  {
    code: "EPI-1D",
    name: "Andel epikriser sendt innen 1 dag",
    thisPeriod: "71,5 %",
    yearToDate: "70,3 %",
    target: "≥ 70 %",
    attainment: "green",
    trend: "yellow",
  },
];

/** A small, realistic annual report: two chapters, statuses, a joint report, Tabell 1 and 2. */
export function sampleAnnualReportData(overrides: Partial<DocumentData> = {}): DocumentData {
  return {
    takenAt: "2025-03-01T08:30:00.000Z",
    unit: { id: 1, code: "HN", name: "Helse Nord RHF" },
    period: "2024",
    introduction:
      "Arbeidet med **Ventetidsløftet** har hatt høyeste prioritet.\n\nBruk av innleid personell er vesentlig redusert.",
    chapters: structuredClone(seedChapters),
    scorecard: {
      period: "2024-12",
      indicators: structuredClone(seedIndicators),
      summary: seedSummaryTables(),
    },
    riskAssessment: null,
    measures: [],
    boardCase: null,
    ...overrides,
  };
}

const statusCycle: RequirementStatus[] = ["fulfilled", "fulfilled", "partly_fulfilled", "not_fulfilled"];

/** A region of any size, for the benchmark: chapters of requirements answered by every unit. */
export function syntheticDocumentData(size: {
  requirements: number;
  units: number;
  indicators: number;
}): DocumentData {
  const chapterCount = 6;
  const units = Array.from({ length: size.units }, (_, index) => ({
    unitCode: `HF${index + 1}`,
    unitName: `Helseforetak ${index + 1} HF`,
  }));
  const chapters: ChapterData[] = Array.from({ length: chapterCount }, (_, chapter) => ({
    key: `chapter-${chapter + 1}`,
    number: `2.${chapter + 1}`,
    title: `Hovedmål ${chapter + 1}`,
    introduction: `Innledning til hovedmål ${chapter + 1}.`,
    requirements: [],
  }));
  for (let index = 0; index < size.requirements; index++) {
    const chapter = chapters[index % chapterCount] as ChapterData;
    const status = statusCycle[index % statusCycle.length] as RequirementStatus;
    chapter.requirements.push({
      number: `${chapter.number}.${chapter.requirements.length + 1}`,
      text: `Krav ${index + 1}: helseforetakene skal gjennomføre tiltak ${index + 1} og rapportere på framdrift innen fristen.`,
      status,
      answer:
        `Samlet vurdering for krav ${index + 1}: **${status}**. Arbeidet følges opp i dialogmøtene.\n\n` +
        "- første tiltak er gjennomført\n- andre tiltak pågår\n\nSe *vedlegg* for detaljer.",
      unitAnswers: units.map((unit, position) => ({
        ...unit,
        status: statusCycle[(index + position) % statusCycle.length] ?? null,
        answer: `${unit.unitName} har fulgt opp krav ${index + 1}. Tiltakene er i rute, med **ett** avvik.`,
      })),
      jointReport:
        index % 10 === 0
          ? {
              leadName: "Helse Sør-Øst RHF",
              text: `Felles tekst for krav ${index + 1}, skrevet av lederregionen.`,
            }
          : null,
    });
  }
  const colours = ["green", "red", "yellow"] as const;
  const indicators = Array.from({ length: size.indicators }, (_, index) => ({
    code: `IND-${index + 1}`,
    name: `Indikator ${index + 1}`,
    thisPeriod: `${(50 + (index % 40)).toFixed(1).replace(".", ",")} %`,
    yearToDate: `${(52 + (index % 35)).toFixed(1).replace(".", ",")} %`,
    target: "≥ 70 %",
    attainment: colours[index % 2] ?? "green",
    trend: colours[index % 3] ?? "green",
  }));
  const rows = indicators.map((indicator) => ({
    attainment: { colour: indicator.attainment },
    trend: { colour: indicator.trend },
  }));
  return {
    takenAt: "2025-03-01T08:30:00.000Z",
    unit: { id: 1, code: "REGION", name: "Helse Region RHF" },
    period: "2024",
    introduction: "Sammendrag av positive resultater og uløste utfordringer.",
    chapters,
    scorecard: {
      period: "2024-12",
      indicators,
      summary: summaryTable([
        { period: "2024-T1", rows },
        { period: "2024-T2", rows },
        { period: "2024-12", rows },
      ]),
    },
    riskAssessment: null,
    measures: [],
    boardCase: null,
  };
}
