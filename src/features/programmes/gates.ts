// Gate decisions and phase starts (seed 001: "phase transitions are approved by the project owner
// before a new phase starts"). Editors ask for a decision; the owner's approvers decide, each
// decision kept; a phase starts only through phaseStartRefusal, checked here on the server.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canDecideForOwner } from "../../domain/programmeAccess.ts";
import { opensGate, phaseStartRefusal, standingDecision } from "../../domain/programmes.ts";
import { todayIso } from "../../domain/units.ts";
import { AppError, type FieldProblem, fieldProblem, forbidden } from "../../errors.ts";
import { applyChange, loadForChange } from "../audit/change.ts";
import { recordAudit } from "../audit/service.ts";
import { notifyGateDecisionRequested } from "../notifications/events.ts";
import {
  gateEntity,
  gateRecords,
  loadProgramme,
  mayStartPhase,
  phaseEntity,
  presentDecision,
  refuseNonEditors,
  refuseProblems,
} from "./access.ts";
import { gateBefore, phaseNumbered } from "./phases.ts";
import {
  insertDecision,
  lockProgramme,
  selectDecisions,
  selectGates,
  selectPhases,
  updateGateRow,
  updatePhaseRow,
} from "./queries.ts";
import type { DecideGateInput, ProgrammeDetailView } from "./schema.ts";
import { detailOf } from "./service.ts";

/**
 * An editor asks the owner for a decision at the gate; asking again replaces the request text. The
 * owner's approvers are told in the same transaction, so a refused request tells no one.
 */
export async function requestGateDecision(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  toPhase: number,
  input: { version: number; requestText: string },
): Promise<ProgrammeDetailView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    refuseNonEditors(principal, owner);
    const found = await gateBefore(tx, programme.id, toPhase);
    const entity = gateEntity(programme);
    const row = await loadForChange(tx, entity, found.id, input.version, "gate_not_found");
    const asked = await applyChange(tx, actor, entity, row, "request_decision", () =>
      updateGateRow(tx, row.id, row.version, {
        requestedAt: new Date(),
        requestedBy: actor.id,
        requestText: input.requestText,
      }),
    );
    await notifyGateDecisionRequested(tx, {
      programme,
      owner,
      gate: { id: asked.id, name: asked.name, toPhase: asked.toPhase, version: asked.version },
      actorId: actor.id,
    });
    return detailOf(tx, principal, programme, owner);
  });
}

function futureProblem(field: string, date: string, today: string): FieldProblem[] {
  return date > today ? [fieldProblem(field, "programme_date_in_future", { date })] : [];
}

/** The owner's approver decides at the gate; the decision is added to the gate's log. */
export async function decideGate(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  toPhase: number,
  input: DecideGateInput,
): Promise<ProgrammeDetailView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    if (!canDecideForOwner(principal, owner.path)) throw forbidden("gate_decision_not_permitted");
    await lockProgramme(tx, programme.id);
    const gate = await gateBefore(tx, programme.id, toPhase);
    const problems = futureProblem("decidedOn", input.decidedOn, todayIso());
    if (input.decision === "approve_with_conditions" && input.conditions === "")
      problems.push(fieldProblem("conditions", "gate_conditions_required"));
    refuseProblems("gate_decision_invalid", problems);
    const row = await insertDecision(tx, {
      gateId: gate.id,
      decision: input.decision,
      decidedOn: input.decidedOn,
      decisionText: input.decisionText,
      conditions: input.conditions,
      actorId: actor.id,
      actorName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: "decide",
      entityType: "gate_decision",
      entityId: String(row.id),
      unitId: programme.ownerUnitId,
      after: { ...presentDecision(row), gateId: gate.id, gateName: gate.name, programmeCode: programme.code },
    });
    return detailOf(tx, principal, programme, owner);
  });
}

/**
 * Starts phase `number` on `actualStart` (today when not given). The phase before it ends that
 * day if it has not ended. Refused unless phaseStartRefusal allows it, and never before the
 * decision that opened the gate, nor before the phase before it started.
 */
export async function startPhase(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  number: number,
  input: { version: number; actualStart?: string },
): Promise<ProgrammeDetailView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    if (!mayStartPhase(principal, owner)) throw forbidden("phase_start_not_permitted");
    await lockProgramme(tx, programme.id);
    const phases = await selectPhases(tx, programme.id);
    const gates = await selectGates(tx, programme.id);
    const records = gateRecords(
      gates,
      await selectDecisions(
        tx,
        gates.map((gate) => gate.id),
      ),
    );
    const refusal = phaseStartRefusal(phases, records, number);
    if (refusal === "phase_unknown")
      throw new AppError("not_found", "phase_not_found", { params: { number } });
    if (refusal !== null) throw new AppError("conflict", `phase_start_${refusal}`, { params: { number } });
    const entity = phaseEntity(programme);
    const found = await phaseNumbered(tx, programme.id, number);
    const row = await loadForChange(tx, entity, found.id, input.version, "phase_not_found");
    const day = input.actualStart ?? todayIso();
    const problems = futureProblem("actualStart", day, todayIso());
    const standing = standingDecision(records, number);
    if (standing && opensGate(standing.decision) && day < standing.decidedOn)
      problems.push(
        fieldProblem("actualStart", "phase_start_before_decision", { decidedOn: standing.decidedOn }),
      );
    const previous = [...phases].reverse().find((phase) => phase.number < number);
    if (previous?.actualStart && day < previous.actualStart)
      problems.push(
        fieldProblem("actualStart", "phase_start_before_previous", {
          previous: previous.number,
          date: previous.actualStart,
        }),
      );
    refuseProblems("phase_invalid", problems);
    if (previous && previous.actualEnd === null) {
      await applyChange(tx, actor, entity, previous, "end", () =>
        updatePhaseRow(tx, previous.id, previous.version, { actualEnd: day }),
      );
    }
    await applyChange(tx, actor, entity, row, "start", () =>
      updatePhaseRow(tx, row.id, row.version, { actualStart: day }),
    );
    return detailOf(tx, principal, programme, owner);
  });
}

/** Ends a started phase on `actualEnd` (today when not given), not before it started. */
export async function endPhase(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  number: number,
  input: { version: number; actualEnd?: string },
): Promise<ProgrammeDetailView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    if (!mayStartPhase(principal, owner)) throw forbidden("phase_start_not_permitted");
    await lockProgramme(tx, programme.id);
    const found = await phaseNumbered(tx, programme.id, number);
    const entity = phaseEntity(programme);
    const row = await loadForChange(tx, entity, found.id, input.version, "phase_not_found");
    if (row.actualStart === null) throw new AppError("conflict", "phase_not_started", { params: { number } });
    if (row.actualEnd !== null) throw new AppError("conflict", "phase_already_ended", { params: { number } });
    const day = input.actualEnd ?? todayIso();
    const problems = futureProblem("actualEnd", day, todayIso());
    if (day < row.actualStart)
      problems.push(fieldProblem("actualEnd", "phase_end_before_start", { date: row.actualStart }));
    refuseProblems("phase_invalid", problems);
    await applyChange(tx, actor, entity, row, "end", () =>
      updatePhaseRow(tx, row.id, row.version, { actualEnd: day }),
    );
    return detailOf(tx, principal, programme, owner);
  });
}
