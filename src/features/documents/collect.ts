// Where a document's data come from. The service asks a `DocumentSource`, so tests (and later other
// sources) can hand it data; the database source reads the reporting and scorecard features.

import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { AppError, notFound } from "../../errors.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import type { BoardCaseData, ChapterData, DocumentData, DocumentType, ScorecardData } from "./model.ts";

export interface CollectOptions {
  type: DocumentType;
  /** Who generates: the reporting and scorecard services check their access with it. */
  principal: Principal;
  /** The fields the secretariat wrote for a board case; null for reports. */
  boardCase: BoardCaseData | null;
  /** The time the data are read; it becomes the snapshot's `takenAt`. */
  now: Date;
}

export interface DocumentSource {
  collectDocumentData(db: Db, unitId: number, period: string, options: CollectOptions): Promise<DocumentData>;
}

/**
 * The requirement chapters with consolidated answers, unit answers and joint texts for a unit and
 * period. To be read through the reporting feature's service once it is finished (issue #4).
 */
export async function collectRequirementChapters(
  _db: Db,
  _unit: UnitRow,
  _period: string,
): Promise<ChapterData[]> {
  throw new AppError("conflict", "Reporting data is not available yet");
}

/**
 * The published scorecard at the period and Tabell 1 and 2 over T1, T2 and year end. To be read
 * through the scorecard feature's service once it is finished (issue #3).
 */
export async function collectScorecard(
  _db: Db,
  _unit: UnitRow,
  _period: string,
): Promise<ScorecardData | null> {
  throw new AppError("conflict", "Scorecard data is not available yet");
}

export async function collectDocumentData(
  db: Db,
  unitId: number,
  period: string,
  options: CollectOptions,
): Promise<DocumentData> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound(`Unit ${unitId}`);
  const chapters = await collectRequirementChapters(db, unit, period);
  const scorecard = await collectScorecard(db, unit, period);
  return {
    takenAt: options.now.toISOString(),
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period,
    introduction: null,
    chapters,
    scorecard,
    // The risk feature does not exist yet; templates that show these sections say so.
    risks: [],
    measures: [],
    boardCase: options.boardCase,
  };
}

export const databaseDocumentSource: DocumentSource = { collectDocumentData };
