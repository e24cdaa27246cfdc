// Demo steering documents and reporting for 2024, from the facts of seed 003 in source/:
// the ministry's requirements to the four regional health authorities (requirements_hod.json,
// with joint assignments and their lead) and Helse Nord's requirements to its trusts
// (requirements_hf.json), each with T1, T2 and annual rounds and answers in every state.
// Documents and rounds go through the services; the many answers are written in bulk, and the
// same data always gives the same answers.

import { z } from "zod";
import type { ReportingPoint } from "../../domain/steering.ts";
import type { AnswerState } from "../../domain/workflow.ts";
import { type Actor, recordAudit } from "../../features/audit/service.ts";
import {
  type AnswerHistory,
  applyAnswerHistories,
  selectAnswersOfRound,
  selectRoundsOfDocument,
} from "../../features/reporting/queries.ts";
import { closeRound, openRound } from "../../features/reporting/rounds.ts";
import { createDocument, publishDocument } from "../../features/steering/documents.ts";
import { findDocument, lockDocument } from "../../features/steering/queries.ts";
import { insertRequirementDrafts, type RequirementDraft } from "../../features/steering/requirements.ts";
import { selectAllUnits } from "../../features/units/queries.ts";
import { operatorPrincipal } from "../../features/users/service.ts";
import type { Db } from "../client.ts";
import type { AnswerStatus } from "../schema.ts";
import { answerText, closingFor } from "./answerTexts.ts";
import { applyRiskDemo, riskGoalDrafts } from "./risk.ts";
import hfFile from "./source/requirements_hf.json" with { type: "json" };
import hodFile from "./source/requirements_hod.json" with { type: "json" };

const hfSchema = z.array(
  z.object({
    id: z.string(),
    main_goal: z.string(),
    section: z.string().nullable(),
    number: z.number().nullable(),
    kind: z.enum(["oppdrag", "indikator"]),
    source: z.string().nullable(),
    text: z.string(),
    applies_to: z.array(z.string()),
    response_summary: z.string().nullable(),
    status_guess: z.string(),
    reporting_frequency_in_text: z.string().nullable(),
  }),
);

const hodSchema = z.array(
  z.object({
    id: z.string(),
    chapter: z.string(),
    chapter_title: z.string(),
    kind: z.enum(["maal_kvalitativ", "indikator", "oppdrag"]),
    origin: z.string(),
    text: z.string(),
    joint_report_lead: z.string().nullable(),
    response_summary: z.string().nullable(),
    status_guess: z.string(),
    deadlines_in_text: z.array(z.string()),
  }),
);

type UnitsByCode = Map<string, { id: number; name: string }>;

const statusOf: Record<string, AnswerStatus> = {
  fulfilled: "fulfilled",
  partially: "partly_fulfilled",
  not_fulfilled: "not_fulfilled",
};

const months = [
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
];

/** The first date written out in Norwegian ("innen 1. oktober 2024"), as an ISO date. */
function firstDate(texts: string[]): string | null {
  for (const text of texts) {
    const match =
      /(\d{1,2})\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) (\d{4})/.exec(
        text,
      );
    if (match) {
      const month = months.indexOf(match[2] as string) + 1;
      return `${match[3]}-${String(month).padStart(2, "0")}-${String(match[1]).padStart(2, "0")}`;
    }
  }
  return null;
}

/** "Foretaksmøtet januar 2024 (vedlegg 1 til protokoll)" -> "FTM januar 2024". */
function sourceOf(origin: string): string {
  if (origin.startsWith("Oppdragsdokument")) return "OD";
  if (origin.startsWith("Tilleggsdokument")) return "OD tillegg";
  return origin
    .replace(/^Foretaksmøtet? /, "FTM ")
    .replace(/ \(.*$/, "")
    .slice(0, 60);
}

function hfFrequency(row: z.infer<typeof hfSchema>[number]): ReportingPoint[] {
  const inText = row.reporting_frequency_in_text ?? "";
  if (
    row.kind === "indikator" ||
    /tertial|månedlig/.test(inText) ||
    row.section === "Økonomiske krav og rammer"
  ) {
    return ["T1", "T2", "annual"];
  }
  // Staffing requirements went from tertial to half-yearly reporting (003 l. 2652-2654).
  if (row.section?.startsWith("4.2")) return ["T2", "annual"];
  return ["annual"];
}

function hfDrafts(units: UnitsByCode): RequirementDraft[] {
  const rows = hfSchema.parse(hfFile);
  let unnumbered = 0;
  return rows.map((row) => ({
    number:
      row.number === null ? `${row.kind === "indikator" ? "I" : "S"}-${++unnumbered}` : String(row.number),
    chapterId: null,
    chapterTitle: row.main_goal,
    kind: row.kind === "indikator" ? "indicator" : "assignment",
    text: row.text,
    source: row.source ?? "Styringskrav og rammer 2024",
    appliesToUnitIds: row.applies_to.includes("Alle")
      ? null
      : row.applies_to.map((code) => units.get(code)?.id ?? 0).sort((a, b) => a - b),
    frequency: hfFrequency(row),
    deadline: firstDate([row.reporting_frequency_in_text ?? "", row.text]),
    // The goals Helse Nord risk-assesses are their own requirements (riskGoalDrafts in risk.ts).
    selectedForRiskAssessment: false,
    derivedFromId: null,
    leadUnitId: null,
    indicatorId: null,
  }));
}

function hodDrafts(units: UnitsByCode): RequirementDraft[] {
  const rows = hodSchema.parse(hodFile);
  const leadByName = new Map([...units.values()].map((unit) => [unit.name, unit.id]));
  const countInChapter = new Map<string, number>();
  return rows.map((row) => {
    const n = (countInChapter.get(row.chapter) ?? 0) + 1;
    countInChapter.set(row.chapter, n);
    return {
      number: `${row.chapter}.${n}`,
      chapterId: null,
      chapterTitle: `${row.chapter} ${row.chapter_title}`,
      kind: row.kind === "maal_kvalitativ" ? "goal" : row.kind === "indikator" ? "indicator" : "assignment",
      text: row.text,
      source: sourceOf(row.origin),
      appliesToUnitIds: null,
      frequency: row.kind === "indikator" ? ["T1", "T2", "annual"] : ["annual"],
      deadline: firstDate(row.deadlines_in_text),
      selectedForRiskAssessment: false,
      derivedFromId: null,
      leadUnitId: row.joint_report_lead ? (leadByName.get(row.joint_report_lead) ?? null) : null,
      indicatorId: null,
    };
  });
}

async function publishedDocument(
  db: Db,
  actor: Actor,
  header: { issuer: number; recipients: number[]; kind: "steering_document"; title: string },
  drafts: RequirementDraft[],
) {
  const created = await createDocument(
    db,
    { principal: operatorPrincipal, actor },
    {
      year: 2024,
      issuingUnitId: header.issuer,
      recipientUnitIds: header.recipients,
      kind: header.kind,
      title: header.title,
    },
  );
  await db.transaction(async (tx) => {
    await lockDocument(tx, created.id);
    const { requirements } = await insertRequirementDrafts(tx, created.id, drafts);
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "steering_document",
      entityId: String(created.id),
      unitId: header.issuer,
      after: { source: "demo data", requirements: requirements.length },
    });
  });
  const draft = await findDocument(db, created.id);
  if (!draft) throw new Error(`demo document ${created.id} vanished`);
  return publishDocument(db, { principal: operatorPrincipal, actor }, created.id, { version: draft.version });
}

/** A stable number 0-99 for a pair of indexes, so the demo always looks the same. */
function dice(a: number, b: number, salt: number): number {
  return (a * 37 + b * 101 + salt * 13 + ((a * b) % 7)) % 100;
}

type Outcome = "not_started" | "draft" | "returned" | "submitted" | "approved";

/** The history that leads an answer to an outcome: saved, submitted, approved or returned. */
function historyFor(
  outcome: Outcome,
  status: AnswerStatus,
  text: string,
  actor: Actor,
): AnswerHistory["steps"] {
  const step = (
    action: AnswerHistory["steps"][number]["action"],
    state: AnswerState,
    comment: string | null = null,
  ) => ({
    action,
    status,
    text,
    state,
    comment,
    actorName: actor.name,
  });
  switch (outcome) {
    case "not_started":
      return [];
    case "draft":
      return [step("save", "draft")];
    case "submitted":
      return [step("save", "draft"), step("submit", "submitted")];
    case "approved":
      return [step("save", "draft"), step("submit", "submitted"), step("approve", "approved")];
    case "returned":
      return [
        step("save", "draft"),
        step("submit", "submitted"),
        step("return", "draft", "Beskriv tiltakene nærmere, og si hvor langt målet er nådd."),
      ];
  }
}

type RoundPlan = {
  period: string;
  deadline: string;
  outcome: (requirementIndex: number, unitIndex: number) => Outcome;
};

/** Opens each round, gives its answers their outcome, and closes the rounds marked closed. */
async function reportOn(
  db: Db,
  actor: Actor,
  documentId: number,
  rounds: (RoundPlan & { closed?: boolean })[],
  answerFor: (
    requirementIndex: number,
    unitCode: string,
    consolidated: boolean,
  ) => { status: AnswerStatus; text: string },
  unitCodes: Map<number, string>,
  storyFor: (requirementIndex: number, unitCode: string) => AnswerHistory["steps"] | null = () => null,
) {
  for (const plan of rounds) {
    const round = await openRound(db, { principal: operatorPrincipal, actor }, documentId, {
      period: plan.period,
      deadline: plan.deadline,
    });
    const answers = await selectAnswersOfRound(db, round.id);
    const requirementOrder = [...new Set(answers.map((a) => a.requirementId))].sort((a, b) => a - b);
    const histories: AnswerHistory[] = [];
    for (const answer of answers) {
      const requirementIndex = requirementOrder.indexOf(answer.requirementId);
      const code = unitCodes.get(answer.unitId) ?? "";
      const consolidated = answer.kind === "consolidated";
      const unitIndex = consolidated ? 99 : [...unitCodes.keys()].indexOf(answer.unitId);
      const outcome = plan.outcome(requirementIndex, unitIndex);
      const { status, text } = answerFor(requirementIndex, code, consolidated);
      const story = consolidated ? null : storyFor(requirementIndex, code);
      histories.push({ answerId: answer.id, steps: story ?? historyFor(outcome, status, text, actor) });
    }
    await db.transaction(async (tx) => {
      await applyAnswerHistories(tx, histories);
      await recordAudit(tx, actor, {
        action: "demo_answers",
        entityType: "reporting_round",
        entityId: String(round.id),
        unitId: null,
        after: { answers: histories.filter((h) => h.steps.length > 0).length },
      });
    });
    if (plan.closed)
      await closeRound(db, { principal: operatorPrincipal, actor }, round.id, { version: round.version });
  }
}

async function roundIdOf(db: Db, documentId: number, period: string) {
  const round = (await selectRoundsOfDocument(db, documentId)).find((r) => r.period === period);
  if (!round) throw new Error(`demo round ${period} is missing`);
  return round.id;
}

export async function loadReportingDemo(db: Db, actor: Actor) {
  const allUnits = await selectAllUnits(db);
  const units: UnitsByCode = new Map(allUnits.map((u) => [u.code, { id: u.id, name: u.name }]));
  const id = (code: string) => {
    const unit = units.get(code);
    if (!unit) throw new Error(`demo reporting names unknown unit ${code}`);
    return unit.id;
  };

  // Helse Nord's requirements to its trusts.
  const hfRows = hfSchema.parse(hfFile);
  const trusts = ["FIN", "UNN", "NLSH", "HSYK", "SANO", "HNIKT"];
  const hf = await publishedDocument(
    db,
    actor,
    {
      issuer: id("HN"),
      recipients: trusts.map(id),
      kind: "steering_document",
      title: "Styringskrav og rammer 2024",
    },
    [...hfDrafts(units), ...riskGoalDrafts()],
  );
  const trustCodes = new Map([...trusts.map((code) => [id(code), code] as const), [id("HN"), "HN"] as const]);
  const hfAnswer = (requirementIndex: number, code: string, consolidated: boolean) => {
    const row = hfRows[requirementIndex];
    const summary = answerText(row?.id);
    // Some requirements for all trusts do not concern the pharmacy and ICT trusts.
    if ((code === "SANO" || code === "HNIKT") && requirementIndex % 5 === 0) {
      return { status: "not_relevant" as const, text: `Kravet er ikke relevant for ${code}.` };
    }
    return {
      status: statusOf[row?.status_guess ?? ""] ?? "partly_fulfilled",
      text: consolidated
        ? `Samlet for foretaksgruppen: ${summary}`
        : `${code}: ${summary} ${closingFor(requirementIndex, code)}`,
    };
  };
  // Each round's answers are indexed by their requirement among those reported in that round.
  const inRound = (point: ReportingPoint) => {
    const drafts = [...hfDrafts(units), ...riskGoalDrafts()];
    return drafts.flatMap((draft, index) => (draft.frequency.includes(point) ? [index] : []));
  };
  const hfPoints = { T1: inRound("T1"), T2: inRound("T2"), annual: inRound("annual") };
  const hfRoundAnswer =
    (point: ReportingPoint) => (requirementIndex: number, code: string, consolidated: boolean) =>
      hfAnswer(hfPoints[point][requirementIndex] ?? 0, code, consolidated);

  for (const [point, plan] of [
    [
      "T1",
      {
        period: "2024-T1",
        deadline: "2024-05-31",
        closed: true,
        // The first tertial is done: all approved, but for two answers the round was closed on.
        outcome: (r: number, u: number): Outcome => (dice(r, u, 1) < 4 ? "submitted" : "approved"),
      },
    ],
    [
      "T2",
      {
        period: "2024-T2",
        deadline: "2024-09-30",
        outcome: (r: number, u: number): Outcome => {
          if (u === 99) return r % 3 === 0 ? "draft" : "not_started";
          const roll = dice(r, u, 2);
          return roll < 45
            ? "approved"
            : roll < 65
              ? "submitted"
              : roll < 75
                ? "returned"
                : roll < 88
                  ? "draft"
                  : "not_started";
        },
      },
    ],
    [
      "annual",
      {
        period: "2024",
        deadline: "2025-02-01",
        outcome: (r: number, u: number): Outcome => {
          if (u === 99) return r % 4 === 0 ? "submitted" : r % 4 === 1 ? "draft" : "approved";
          const roll = dice(r, u, 3);
          return roll < 70
            ? "approved"
            : roll < 82
              ? "submitted"
              : roll < 88
                ? "returned"
                : roll < 95
                  ? "draft"
                  : "not_started";
        },
      },
    ],
  ] as const) {
    // The risk assessments are written before the next round opens, which carries them forward.
    await reportOn(db, actor, hf.id, [plan], hfRoundAnswer(point), trustCodes);
    await applyRiskDemo(db, actor, await roundIdOf(db, hf.id, plan.period), plan.period);
  }

  // The ministry's requirements to the four regions, reported on in the annual report.
  const hodRows = hodSchema.parse(hodFile);
  const regions = ["HN", "HSO", "HV", "HMN"];
  const hod = await publishedDocument(
    db,
    actor,
    {
      issuer: id("HOD"),
      recipients: regions.map(id),
      kind: "steering_document",
      title: "Oppdragsdokument 2024",
    },
    hodDrafts(units),
  );
  const regionCodes = new Map([
    ...regions.map((code) => [id(code), code] as const),
    [id("HOD"), "HOD"] as const,
  ]);
  const hodIndicators = hodRows.flatMap((row, index) => (row.kind === "indikator" ? [index] : []));
  const hodAnswer = (rowIndex: number, code: string, consolidated: boolean) => {
    const row = hodRows[rowIndex];
    const summary = answerText(row?.id);
    const leadCode = regions.find((c) => units.get(c)?.name === row?.joint_report_lead);
    const text = consolidated
      ? ""
      : code === leadCode
        ? summary
        : code === "HN"
          ? leadCode
            ? `Tillegg HN RHF: Helse Nord har deltatt i arbeidet. ${summary}`
            : summary
          : `${units.get(code)?.name ?? code} rapporterer: ${summary}`;
    return { status: statusOf[row?.status_guess ?? ""] ?? "partly_fulfilled", text };
  };
  // Helse Nord answers fully (its annual report 2024 is in the seed); the others part-way;
  // the lead of a joint assignment has written the joint text.
  const hodOutcome =
    (rowOf: (r: number) => number, salt: number) =>
    (r: number, u: number): Outcome => {
      const row = hodRows[rowOf(r)];
      const leadIndex = regions.findIndex((c) => units.get(c)?.name === row?.joint_report_lead);
      if (u === 99) return "not_started";
      if (u === 0) return row?.status_guess === "unclear" ? "submitted" : "approved";
      if (u === leadIndex) return "approved";
      const roll = dice(r, u, salt);
      return roll < 30
        ? "approved"
        : roll < 45
          ? "submitted"
          : roll < 50
            ? "returned"
            : roll < 70
              ? "draft"
              : "not_started";
    };
  const hodRounds: [string, string, (r: number) => number, boolean][] = [
    ["2024-T1", "2024-05-31", (r) => hodIndicators[r] ?? 0, true],
    ["2024-T2", "2024-09-30", (r) => hodIndicators[r] ?? 0, false],
    ["2024", "2025-03-15", (r) => r, false],
  ];
  // The draft of the first answer said "alle helseforetak"; employee representatives objected and
  // the final text says "Tre helseforetak" (003 l. 5335-5341): two saved versions to compare.
  const firstAnswerStory = (r: number, code: string): AnswerHistory["steps"] | null => {
    if (r !== 0 || code !== "HN") return null;
    const summary = answerText(hodRows[0]?.id);
    const step = (action: AnswerHistory["steps"][number]["action"], text: string, state: AnswerState) => ({
      action,
      status: "partly_fulfilled" as const,
      text,
      state,
      comment: null,
      actorName: actor.name,
    });
    const draft = `Alle helseforetak har iverksatt tiltak i 2024.\n\n${summary}`;
    const final = `Tre helseforetak har iverksatt tiltak i 2024.\n\n${summary}`;
    return [
      step("save", draft, "draft"),
      step("save", final, "draft"),
      step("submit", final, "submitted"),
      step("approve", final, "approved"),
    ];
  };
  for (const [period, deadline, rowOf, closed] of hodRounds) {
    await reportOn(
      db,
      actor,
      hod.id,
      [{ period, deadline, closed, outcome: hodOutcome(rowOf, period.length) }],
      (r, code, consolidated) => hodAnswer(rowOf(r), code, consolidated),
      regionCodes,
      period === "2024" ? firstAnswerStory : undefined,
    );
  }

  return { documents: 2, requirements: hfRows.length + hodRows.length, hfDocumentId: hf.id };
}
