// A programme's phases with planned dates, main activities and milestones, and the gate before
// each phase after the first (issue 14, seed 001). Planned phases may meet but not overlap
// (phaseDateProblems); the gate before phase n exists as soon as phase n does.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { type PhaseDateProblem, phaseDateProblems } from "../../domain/programmes.ts";
import { AppError, type FieldProblem, fieldProblem, notFound } from "../../errors.ts";
import { applyChange, auditCreation, auditRemoval, loadForChange } from "../audit/change.ts";
import {
  defaultGateName,
  gateEntity,
  loadProgramme,
  phaseEntity,
  refuseNonEditors,
  refuseProblems,
} from "./access.ts";
import {
  deleteGateRow,
  deletePhaseRow,
  insertGate,
  insertPhase,
  lockProgramme,
  type PhaseFields,
  type PhaseRow,
  selectDecisions,
  selectGates,
  selectPhases,
  updateGateRow,
  updatePhaseRow,
} from "./queries.ts";
import type { CreatePhaseInput, ProgrammeDetailView, UpdateGateInput, UpdatePhaseInput } from "./schema.ts";
import { detailOf } from "./service.ts";

/** The date problems that concern phase `number`, as field problems naming the phase. */
function dateProblemsOf(phases: readonly PhaseRow[], number: number): FieldProblem[] {
  return phaseDateProblems(phases)
    .filter(
      (problem) => problem.phase === number || (problem.kind === "overlaps" && problem.previous === number),
    )
    .map(asFieldProblem);
}

function asFieldProblem(problem: PhaseDateProblem): FieldProblem {
  return problem.kind === "ends_before_start"
    ? fieldProblem("plannedEnd", "phase_ends_before_start", { phase: problem.phase })
    : fieldProblem("plannedStart", "phase_overlaps", { phase: problem.phase, previous: problem.previous });
}

export async function addPhase(
  db: Db,
  caller: Caller,
  programmeId: number,
  input: CreatePhaseInput,
): Promise<ProgrammeDetailView> {
  const { principal, actor } = caller;
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    refuseNonEditors(principal, owner);
    await lockProgramme(tx, programme.id);
    const phases = await selectPhases(tx, programme.id);
    if (phases.some((phase) => phase.number === input.number))
      throw new AppError("conflict", "phase_exists", { params: { number: input.number } });
    const planned = { ...input, id: 0, actualStart: null, actualEnd: null } as unknown as PhaseRow;
    refuseProblems("phase_invalid", dateProblemsOf([...phases, planned], input.number));
    const row = await insertPhase(tx, { programmeId: programme.id, ...input });
    await auditCreation(tx, actor, phaseEntity(programme), row);
    if (row.number > 0) {
      const gates = await selectGates(tx, programme.id);
      if (!gates.some((gate) => gate.toPhase === row.number)) {
        const gate = await insertGate(tx, {
          programmeId: programme.id,
          toPhase: row.number,
          name: defaultGateName(row.number),
        });
        await auditCreation(tx, actor, gateEntity(programme), gate);
      }
    }
    return detailOf(tx, principal, programme, owner);
  });
}

/** The phase numbered `number` of the programme, or 404. */
export async function phaseNumbered(tx: Db, programmeId: number, number: number): Promise<PhaseRow> {
  const phase = (await selectPhases(tx, programmeId)).find((row) => row.number === number);
  if (!phase) throw notFound("phase_not_found", { number });
  return phase;
}

export async function updatePhase(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  number: number,
  input: UpdatePhaseInput,
): Promise<ProgrammeDetailView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    refuseNonEditors(principal, owner);
    await lockProgramme(tx, programme.id);
    const found = await phaseNumbered(tx, programme.id, number);
    const entity = phaseEntity(programme);
    const row = await loadForChange(tx, entity, found.id, input.version, "phase_not_found");
    const { version: _version, ...given } = input;
    const changes: PhaseFields = Object.fromEntries(
      Object.entries(given).filter(([, value]) => value !== undefined),
    );
    const phases = (await selectPhases(tx, programme.id)).map((phase) =>
      phase.id === row.id ? { ...phase, ...changes } : phase,
    );
    refuseProblems("phase_invalid", dateProblemsOf(phases, number));
    await applyChange(tx, actor, entity, row, "update", () =>
      updatePhaseRow(tx, row.id, row.version, changes),
    );
    return detailOf(tx, principal, programme, owner);
  });
}

/** Deletes a phase not started whose gate has no decisions; the gate goes with it. */
export async function deletePhase(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  number: number,
  version: number,
): Promise<ProgrammeDetailView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    refuseNonEditors(principal, owner);
    await lockProgramme(tx, programme.id);
    const found = await phaseNumbered(tx, programme.id, number);
    const entity = phaseEntity(programme);
    const row = await loadForChange(tx, entity, found.id, version, "phase_not_found");
    if (row.actualStart !== null)
      throw new AppError("conflict", "phase_started_cannot_delete", { params: { number } });
    const gate = (await selectGates(tx, programme.id)).find((g) => g.toPhase === number);
    if (gate) {
      if ((await selectDecisions(tx, [gate.id])).length > 0)
        throw new AppError("conflict", "phase_gate_decided_cannot_delete", { params: { number } });
      await deleteGateRow(tx, gate.id);
      await auditRemoval(tx, actor, gateEntity(programme), gate);
    }
    if (!(await deletePhaseRow(tx, row.id, row.version))) throw notFound("phase_not_found", { number });
    await auditRemoval(tx, actor, entity, row);
    return detailOf(tx, principal, programme, owner);
  });
}

/** The gate before phase `toPhase`, or 404. */
export async function gateBefore(tx: Db, programmeId: number, toPhase: number) {
  const gate = (await selectGates(tx, programmeId)).find((row) => row.toPhase === toPhase);
  if (!gate) throw notFound("gate_not_found", { toPhase });
  return gate;
}

export async function updateGate(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  toPhase: number,
  input: UpdateGateInput,
): Promise<ProgrammeDetailView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    refuseNonEditors(principal, owner);
    const found = await gateBefore(tx, programme.id, toPhase);
    const entity = gateEntity(programme);
    const row = await loadForChange(tx, entity, found.id, input.version, "gate_not_found");
    const { version: _version, ...given } = input;
    const changes = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
    await applyChange(tx, actor, entity, row, "update", () =>
      updateGateRow(tx, row.id, row.version, changes),
    );
    return detailOf(tx, principal, programme, owner);
  });
}
