// Programmes and projects (issue 14 Deliver 2): an owner unit, a sponsor, a manager, purpose and
// scope. Listed per unit subtree, only those the caller may read; changed by the owner's editors.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { canDecideForOwner, canEditPortfolio, canReadPortfolio } from "../../domain/programmeAccess.ts";
import { fieldProblem, notFound } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange } from "../audit/change.ts";
import { findUnitById, type UnitRow } from "../units/queries.ts";
import {
  loadProgramme,
  mayStartPhase,
  presentGate,
  presentPhase,
  presentProgramme,
  programmeEntity,
  refuseNonEditors,
  refuseProblems,
} from "./access.ts";
import {
  codeTakenInOwner,
  insertProgramme,
  type ProgrammeFields,
  type ProgrammeRow,
  selectDecisions,
  selectGates,
  selectPhases,
  selectProgrammes,
  updateProgrammeRow,
} from "./queries.ts";
import type {
  CreateProgrammeInput,
  ProgrammeDetailView,
  ProgrammeListView,
  ProgrammeView,
  UpdateProgrammeInput,
} from "./schema.ts";

/** Where the caller reads portfolios: every unit path they hold a role on; null means everywhere. */
export function readablePaths(principal: Principal): string[] | null {
  if (principal.isSystemAdmin) return null;
  return principal.assignments.map((a) => a.unitPath).filter((path) => canReadPortfolio(principal, path));
}

/** A unit whose portfolio the caller asks for; 404 when it does not exist. */
export async function unitForPortfolio(db: Db, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw notFound("programme_unit_not_found", { id: unitId });
  return unit;
}

export async function listProgrammes(
  db: Db,
  { principal }: Caller,
  query: { unitId?: number },
): Promise<ProgrammeListView> {
  const subtree = query.unitId === undefined ? null : (await unitForPortfolio(db, query.unitId)).path;
  const rows = await selectProgrammes(db, subtree, readablePaths(principal));
  return {
    programmes: rows
      .filter(({ owner }) => canReadPortfolio(principal, owner.path))
      .map(({ programme, owner }) => presentProgramme(programme, owner)),
  };
}

export async function getProgramme(db: Db, { principal }: Caller, id: number): Promise<ProgrammeDetailView> {
  const { programme, owner } = await loadProgramme(db, principal, id);
  return detailOf(db, principal, programme, owner);
}

/** The programme with its phases and gates, as the programme page shows it. */
export async function detailOf(
  db: Db,
  principal: Principal,
  programme: ProgrammeRow,
  owner: UnitRow,
): Promise<ProgrammeDetailView> {
  const phases = await selectPhases(db, programme.id);
  const gates = await selectGates(db, programme.id);
  const decisions = await selectDecisions(
    db,
    gates.map((gate) => gate.id),
  );
  const current = [...phases]
    .reverse()
    .find((phase) => phase.actualStart !== null && phase.actualEnd === null);
  return {
    ...presentProgramme(programme, owner),
    phases: phases.map(presentPhase),
    gates: gates.map((gate) => presentGate(gate, decisions)),
    currentPhase: current?.number ?? null,
    can: {
      edit: canEditPortfolio(principal, owner.path),
      decide: canDecideForOwner(principal, owner.path),
      startPhase: mayStartPhase(principal, owner),
    },
  };
}

export async function createProgramme(
  db: Db,
  { principal, actor }: Caller,
  input: CreateProgrammeInput,
): Promise<ProgrammeView> {
  return db.transaction(async (tx) => {
    const owner = await findUnitById(tx, input.ownerUnitId);
    if (!owner || !canReadPortfolio(principal, owner.path))
      throw notFound("programme_unit_not_found", { id: input.ownerUnitId });
    refuseNonEditors(principal, owner);
    await refuseTakenCode(tx, owner, input.code, null);
    const { ownerUnitId: _owner, ...fields } = input;
    const row = await insertProgramme(tx, { ownerUnitId: owner.id, ...fields });
    await auditCreation(tx, actor, programmeEntity(owner), row);
    return presentProgramme(row, owner);
  });
}

export async function updateProgramme(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: UpdateProgrammeInput,
): Promise<ProgrammeView> {
  return db.transaction(async (tx) => {
    const { owner } = await loadProgramme(tx, principal, id);
    refuseNonEditors(principal, owner);
    const entity = programmeEntity(owner);
    const row = await loadForChange(tx, entity, id, input.version, "programme_not_found");
    const { version: _version, ...given } = input;
    const changes: ProgrammeFields = Object.fromEntries(
      Object.entries(given).filter(([, value]) => value !== undefined),
    );
    if (changes.code !== undefined) await refuseTakenCode(tx, owner, changes.code, row.id);
    const updated = await applyChange(tx, actor, entity, row, "update", () =>
      updateProgrammeRow(tx, id, row.version, changes),
    );
    return presentProgramme(updated, owner);
  });
}

async function refuseTakenCode(tx: Db, owner: UnitRow, code: string, exceptId: number | null) {
  if (await codeTakenInOwner(tx, owner.id, code, exceptId))
    refuseProblems("programme_invalid", [
      fieldProblem("code", "programme_code_taken", { code, unit: owner.name }),
    ]);
}
