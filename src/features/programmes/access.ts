// Who may see and change a programme, the loading that goes with it, and the presenters. Someone
// who may not read the owner unit learns nothing, not even that the programme exists (404).

import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { canDecideForOwner, canEditPortfolio, canReadPortfolio } from "../../domain/programmeAccess.ts";
import { type GateRecord, standingDecision } from "../../domain/programmes.ts";
import { AppError, type FieldProblem, forbidden, notFound } from "../../errors.ts";
import type { ProblemReason } from "../../i18n/problems/index.ts";
import type { VersionedEntity } from "../audit/change.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import {
  findGate,
  findPhase,
  findProgramme,
  type GateDecisionRow,
  type GateRow,
  type PhaseRow,
  type ProgrammeRow,
} from "./queries.ts";
import type { GateDecisionView, GateView, PhaseView, ProgrammeView } from "./schema.ts";

export type LoadedProgramme = { programme: ProgrammeRow; owner: UnitRow };

/** A programme and its owner unit, for someone who may read it; 404 otherwise. */
export async function loadProgramme(db: Db, principal: Principal, id: number): Promise<LoadedProgramme> {
  const programme = await findProgramme(db, id);
  const owner = programme ? await findUnitById(db, programme.ownerUnitId) : undefined;
  if (!programme || !owner || !canReadPortfolio(principal, owner.path))
    throw notFound("programme_not_found", { id });
  return { programme, owner };
}

/** The owner's editors write the programme; others who read it are told so. */
export function refuseNonEditors(principal: Principal, owner: UnitRow): void {
  if (!canEditPortfolio(principal, owner.path))
    throw forbidden("programme_not_permitted", { unit: owner.name });
}

/** The manager (an editor) starts a phase once the owner has approved its gate; the owner may too. */
export function mayStartPhase(principal: Principal, owner: UnitRow): boolean {
  return canEditPortfolio(principal, owner.path) || canDecideForOwner(principal, owner.path);
}

export function refuseProblems(reason: ProblemReason, problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError("validation_failed", reason, { problems });
}

export function presentProgramme(
  row: ProgrammeRow,
  owner: Pick<UnitRow, "id" | "code" | "name">,
): ProgrammeView {
  return {
    id: row.id,
    ownerUnit: { id: owner.id, code: owner.code, name: owner.name },
    kind: row.kind,
    code: row.code,
    title: row.title,
    sponsorName: row.sponsorName,
    managerName: row.managerName,
    approverTitle: row.approverTitle,
    purpose: row.purpose,
    scope: row.scope,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentPhase(row: PhaseRow): PhaseView {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    mainActivities: row.mainActivities,
    milestones: row.milestones,
    version: row.version,
  };
}

export function presentDecision(row: GateDecisionRow): GateDecisionView {
  return {
    id: row.id,
    decision: row.decision,
    decidedOn: row.decidedOn,
    decisionText: row.decisionText,
    conditions: row.conditions,
    actorName: row.actorName,
    at: row.at.toISOString(),
  };
}

/** The decisions as the pure rules read them. */
export function gateRecords(gates: readonly GateRow[], decisions: readonly GateDecisionRow[]): GateRecord[] {
  const toPhaseOf = new Map(gates.map((gate) => [gate.id, gate.toPhase]));
  return decisions.flatMap((row) => {
    const toPhase = toPhaseOf.get(row.gateId);
    return toPhase === undefined ? [] : [{ toPhase, decision: row.decision, decidedOn: row.decidedOn }];
  });
}

/** A gate with its log; `decisions` must be oldest first, so the standing one is the last of its day. */
export function presentGate(row: GateRow, decisions: readonly GateDecisionRow[]): GateView {
  const own = decisions.filter((decision) => decision.gateId === row.id);
  const records = own.map((decision) => ({
    toPhase: row.toPhase,
    decision: decision.decision,
    decidedOn: decision.decidedOn,
  }));
  const standing = standingDecision(records, row.toPhase);
  const standingRow = standing ? own[records.lastIndexOf(standing)] : undefined;
  return {
    id: row.id,
    toPhase: row.toPhase,
    name: row.name,
    criteria: row.criteria,
    requestedAt: row.requestedAt?.toISOString() ?? null,
    requestText: row.requestText,
    decisions: own.map(presentDecision),
    standing: standingRow ? presentDecision(standingRow) : null,
    version: row.version,
  };
}

export const programmeEntity = (owner: UnitRow): VersionedEntity<ProgrammeRow> => ({
  entityType: "programme",
  describe: (row) => row.code,
  present: (row) => presentProgramme(row, owner),
  unitOf: (row) => row.ownerUnitId,
  find: findProgramme,
});

export const phaseEntity = (programme: ProgrammeRow): VersionedEntity<PhaseRow> => ({
  entityType: "programme_phase",
  describe: (row) => `${programme.code}: ${row.name}`,
  present: presentPhase,
  unitOf: () => programme.ownerUnitId,
  find: findPhase,
});

export const gateEntity = (programme: ProgrammeRow): VersionedEntity<GateRow> => ({
  entityType: "programme_gate",
  describe: (row) => `${programme.code}: ${row.name}`,
  present: (row) => presentGate(row, []),
  unitOf: () => programme.ownerUnitId,
  find: findGate,
});

/** The default name of the gate before phase `toPhase`: G-0-1 before phase 1. */
export const defaultGateName = (toPhase: number) => `G-${toPhase - 1}-${toPhase}`;
