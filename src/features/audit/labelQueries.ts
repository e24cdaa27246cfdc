// The names an audit page's labels are made of (labels.ts), looked up in one query per kind of
// entity that the page names, never one per entry.

import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.ts";
import {
  answers,
  documentChapters,
  generatedDocuments,
  indicators,
  indicatorTargets,
  measures,
  publishedScorecards,
  reportingRounds,
  requirements,
  riskAssessments,
  steeringDocuments,
  unitRisks,
  units,
  users,
} from "../../db/schema.ts";
import { emptyFacts, type LabelFacts, type LabelIds } from "./labels.ts";

type Loader<Kind extends keyof LabelFacts> = (
  db: Db,
  ids: number[],
) => Promise<[number, LabelFacts[Kind] extends Map<number, infer Value> ? Value : never][]>;

const issuers = alias(units, "issuers");

const loaders: { [Kind in keyof LabelFacts]: Loader<Kind> } = {
  units: async (db, ids) =>
    (
      await db
        .select({ id: units.id, code: units.code, name: units.name })
        .from(units)
        .where(inArray(units.id, ids))
    ).map(({ id, ...named }) => [id, named]),

  users: async (db, ids) =>
    (
      await db
        .select({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, ids))
    ).map(({ id, ...user }) => [id, user]),

  indicators: async (db, ids) =>
    (
      await db
        .select({ id: indicators.id, code: indicators.code })
        .from(indicators)
        .where(inArray(indicators.id, ids))
    ).map(({ id, code }) => [id, { code }]),

  targets: async (db, ids) =>
    (
      await db
        .select({
          id: indicatorTargets.id,
          indicatorCode: indicators.code,
          year: indicatorTargets.year,
          unitName: units.name,
        })
        .from(indicatorTargets)
        .innerJoin(indicators, eq(indicators.id, indicatorTargets.indicatorId))
        .leftJoin(units, eq(units.id, indicatorTargets.unitId))
        .where(inArray(indicatorTargets.id, ids))
    ).map(({ id, ...target }) => [id, target]),

  documents: async (db, ids) =>
    (
      await db
        .select({ id: steeringDocuments.id, title: steeringDocuments.title })
        .from(steeringDocuments)
        .where(inArray(steeringDocuments.id, ids))
    ).map(({ id, title }) => [id, { title }]),

  chapters: async (db, ids) =>
    (
      await db
        .select({
          id: documentChapters.id,
          title: documentChapters.title,
          documentTitle: steeringDocuments.title,
        })
        .from(documentChapters)
        .innerJoin(steeringDocuments, eq(steeringDocuments.id, documentChapters.documentId))
        .where(inArray(documentChapters.id, ids))
    ).map(({ id, ...chapter }) => [id, chapter]),

  requirements: async (db, ids) =>
    (
      await db
        .select({ id: requirements.id, number: requirements.number, documentTitle: steeringDocuments.title })
        .from(requirements)
        .innerJoin(steeringDocuments, eq(steeringDocuments.id, requirements.documentId))
        .where(inArray(requirements.id, ids))
    ).map(({ id, ...requirement }) => [id, requirement]),

  rounds: async (db, ids) =>
    (
      await db
        .select({ id: reportingRounds.id, period: reportingRounds.period, issuerName: issuers.name })
        .from(reportingRounds)
        .innerJoin(steeringDocuments, eq(steeringDocuments.id, reportingRounds.documentId))
        .innerJoin(issuers, eq(issuers.id, steeringDocuments.issuingUnitId))
        .where(inArray(reportingRounds.id, ids))
    ).map(({ id, ...round }) => [id, round]),

  answers: async (db, ids) =>
    (
      await db
        .select({
          id: answers.id,
          requirementNumber: requirements.number,
          unitName: units.name,
          period: reportingRounds.period,
        })
        .from(answers)
        .innerJoin(requirements, eq(requirements.id, answers.requirementId))
        .innerJoin(units, eq(units.id, answers.unitId))
        .innerJoin(reportingRounds, eq(reportingRounds.id, answers.roundId))
        .where(inArray(answers.id, ids))
    ).map(({ id, ...answer }) => [id, answer]),

  generatedDocuments: async (db, ids) =>
    (
      await db
        .select({ id: generatedDocuments.id, title: generatedDocuments.title })
        .from(generatedDocuments)
        .where(inArray(generatedDocuments.id, ids))
    ).map(({ id, title }) => [id, { title }]),

  scorecards: async (db, ids) =>
    (
      await db
        .select({ id: publishedScorecards.id, unitName: units.name, period: publishedScorecards.period })
        .from(publishedScorecards)
        .innerJoin(units, eq(units.id, publishedScorecards.unitId))
        .where(inArray(publishedScorecards.id, ids))
    ).map(({ id, ...scorecard }) => [id, scorecard]),

  riskAssessments: async (db, ids) =>
    (
      await db
        .select({
          id: riskAssessments.id,
          requirementNumber: requirements.number,
          unitName: units.name,
          period: reportingRounds.period,
        })
        .from(riskAssessments)
        .innerJoin(requirements, eq(requirements.id, riskAssessments.requirementId))
        .innerJoin(units, eq(units.id, riskAssessments.unitId))
        .innerJoin(reportingRounds, eq(reportingRounds.id, riskAssessments.roundId))
        .where(inArray(riskAssessments.id, ids))
    ).map(({ id, ...assessment }) => [id, assessment]),

  measures: async (db, ids) =>
    (
      await db
        .select({ id: measures.id, title: measures.title })
        .from(measures)
        .where(inArray(measures.id, ids))
    ).map(({ id, title }) => [id, { title }]),

  unitRisks: async (db, ids) =>
    (
      await db
        .select({ id: unitRisks.id, title: unitRisks.title, unitName: units.name })
        .from(unitRisks)
        .innerJoin(units, eq(units.id, unitRisks.unitId))
        .where(inArray(unitRisks.id, ids))
    ).map(({ id, ...risk }) => [id, risk]),
};

/** The names of the entities `ids` lists: one query for each kind with any ids. */
export async function loadLabelFacts(db: Db, ids: LabelIds): Promise<LabelFacts> {
  const facts = emptyFacts();
  for (const kind of Object.keys(loaders) as (keyof LabelFacts)[]) {
    const wanted = ids[kind];
    if (wanted.length === 0) continue;
    const rows: [number, unknown][] = await loaders[kind](db, wanted);
    Object.assign(facts, { [kind]: new Map(rows) });
  }
  return facts;
}
