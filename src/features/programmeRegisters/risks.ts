// A programme's risks (seed 001's five risk areas): rows of the risk register with the programme
// set, owned by the programme's owner unit and ranked among the programme's risks only, so the
// unit's own "Topp 5" does not show them. Areas are the owner's organisation's own list, else the
// built-in one; measures that reduce the consequences are measures linked to the risk.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { compareAssessments } from "../../domain/risk.ts";
import { formatRiskPeriod, periodBefore } from "../../domain/riskPeriods.ts";
import { AppError, type FieldProblem, fieldProblem } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange, type VersionedEntity } from "../audit/change.ts";
import { rankOf } from "../risk/presenters.ts";
import { scaleAt } from "../risk/scales.ts";
import { checkedPeriod, presentAssessment, presentRisk } from "../unitRisks/access.ts";
import {
  selectAssessmentsOf,
  type UnitRiskFields,
  type UnitRiskRow,
  updateUnitRisk as updateRiskRow,
} from "../unitRisks/queries.ts";
import type { CreateUnitRiskInput, UpdateUnitRiskInput } from "../unitRisks/schema.ts";
import { areaKeysOf } from "../unitRisks/service.ts";
import {
  editableProgramme,
  givenFields,
  type ProgrammeAccess,
  readableProgramme,
  refuseProblems,
} from "./access.ts";
import { lockProgrammeRegister } from "./planQueries.ts";
import {
  findOpenProgrammeRiskWithRank,
  findProgrammeRisk,
  insertProgrammeRisk,
  type LinkedMeasureRow,
  selectMeasuresOfRisks,
  selectProgrammeRisks,
} from "./riskQueries.ts";
import type { ProgrammeRiskListView, ProgrammeRiskView } from "./riskSchema.ts";

/** Audited as unit risks are, so the audit trail names them alike. */
export const programmeRiskEntity = (programme: ProgrammeAccess): VersionedEntity<UnitRiskRow> => ({
  entityType: "unit_risk",
  describe: (row) => row.title,
  present: presentRisk,
  unitOf: (row) => row.unitId,
  find: (tx, id) => findProgrammeRisk(tx, programme.id, id),
});

function presentProgrammeRisk(
  risk: UnitRiskRow,
  measures: readonly LinkedMeasureRow[],
): Omit<ProgrammeRiskView, "assessment" | "previous" | "change"> {
  return {
    ...presentRisk(risk),
    programmeId: risk.programmeId ?? 0,
    measures: measures
      .filter((measure) => measure.riskId === risk.id)
      .map(({ riskId: _riskId, ...measure }) => measure as ProgrammeRiskView["measures"][number]),
  };
}

export async function listProgrammeRisks(
  db: Db,
  { principal }: Caller,
  programmeId: number,
  query: { period: string; includeClosed: boolean },
): Promise<ProgrammeRiskListView> {
  const programme = await readableProgramme(db, principal, programmeId);
  const asked = checkedPeriod(query.period);
  const period = formatRiskPeriod(asked);
  const before = periodBefore(asked);
  const previousPeriod = before === null ? null : formatRiskPeriod(before);
  const risks = await selectProgrammeRisks(db, programme.id, query.includeClosed);
  const ids = risks.map((risk) => risk.id);
  const assessments = await selectAssessmentsOf(
    db,
    ids,
    previousPeriod === null ? [period] : [period, previousPeriod],
  );
  const byKey = new Map(assessments.map((row) => [`${row.unitRiskId}/${row.period}`, row]));
  const measures = await selectMeasuresOfRisks(db, ids);
  const { scale } = await scaleAt(db, programme.ownerPath);
  return {
    programme: { id: programme.id, ownerUnitId: programme.ownerUnitId },
    period,
    previousPeriod,
    scale,
    areas: areaKeysOf(scale),
    ownAreas: scale.areas ?? [],
    risks: risks.map((risk) => {
      const current = byKey.get(`${risk.id}/${period}`) ?? null;
      const previous = previousPeriod === null ? null : (byKey.get(`${risk.id}/${previousPeriod}`) ?? null);
      return {
        ...presentProgrammeRisk(risk, measures),
        assessment: current === null ? null : presentAssessment(current),
        previous: previous === null ? null : presentAssessment(previous),
        change: compareAssessments(
          rankOf(scale, previous?.level ?? null),
          rankOf(scale, current?.level ?? null),
        ),
      };
    }),
    can: { edit: programme.canEdit },
  };
}

/** The area is one the owner's organisation uses; the rank is held by no other open risk of the programme. */
async function riskProblems(
  tx: Db,
  programme: ProgrammeAccess,
  fields: { area?: string; rank?: number },
  exceptId: number | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const { scale } = await scaleAt(tx, programme.ownerPath);
  if (fields.area !== undefined && !areaKeysOf(scale).includes(fields.area)) {
    const code = scale.areas ? "risk_area_not_in_list" : "risk_area_unknown";
    problems.push(fieldProblem("area", code, { area: fields.area }));
  }
  if (fields.rank !== undefined) {
    const holder = await findOpenProgrammeRiskWithRank(tx, programme.id, fields.rank, exceptId);
    if (holder)
      problems.push(fieldProblem("rank", "risk_rank_taken", { rank: fields.rank, title: holder.title }));
  }
  return problems;
}

export function refuseClosedRisk(risk: UnitRiskRow): void {
  if (risk.closedAt !== null)
    throw new AppError("conflict", "unit_risk_closed", { params: { title: risk.title } });
}

async function withMeasures(tx: Db, risk: UnitRiskRow) {
  return presentProgrammeRisk(risk, await selectMeasuresOfRisks(tx, [risk.id]));
}

export async function createProgrammeRisk(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  input: CreateUnitRiskInput,
) {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    await lockProgrammeRegister(tx, programme.id, "risks");
    refuseProblems(await riskProblems(tx, programme, input, null));
    const row = await insertProgrammeRisk(tx, {
      ...input,
      unitId: programme.ownerUnitId,
      programmeId: programme.id,
    });
    await auditCreation(tx, actor, programmeRiskEntity(programme), row);
    return withMeasures(tx, row);
  });
}

export async function updateProgrammeRisk(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  riskId: number,
  input: UpdateUnitRiskInput,
) {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    await lockProgrammeRegister(tx, programme.id, "risks");
    const entity = programmeRiskEntity(programme);
    const row = await loadForChange(tx, entity, riskId, input.version, "programme_risk_not_found");
    refuseClosedRisk(row);
    const { version: _version, ...fields } = input;
    refuseProblems(await riskProblems(tx, programme, fields, row.id));
    const changes: UnitRiskFields = givenFields(fields);
    const updated = await applyChange(tx, actor, entity, row, "update", () =>
      updateRiskRow(tx, row.id, row.version, changes),
    );
    return withMeasures(tx, updated);
  });
}

/** Closes the risk: it leaves the programme's register and frees its rank; its assessments stay. */
export async function closeProgrammeRisk(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  riskId: number,
  input: { version: number },
) {
  return db.transaction(async (tx) => {
    const programme = await editableProgramme(tx, principal, programmeId);
    const entity = programmeRiskEntity(programme);
    const row = await loadForChange(tx, entity, riskId, input.version, "programme_risk_not_found");
    refuseClosedRisk(row);
    const updated = await applyChange(tx, actor, entity, row, "close", () =>
      updateRiskRow(tx, row.id, row.version, { closedAt: new Date() }),
    );
    return withMeasures(tx, updated);
  });
}
