// Units' own risks ("Topp 5", issue 12 Deliver 3): a register per unit, ranked, each risk with an
// area, likely events, consequences, an owner and a horizon, reviewed each tertial. The areas are
// the organisation's own list, set with its risk scale, or else the built-in list (riskAreas).

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canWriteAnswer } from "../../domain/access.ts";
import { compareAssessments, type RiskScale } from "../../domain/risk.ts";
import { riskAreas } from "../../domain/riskMeasures.ts";
import { formatRiskPeriod, periodBefore } from "../../domain/riskPeriods.ts";
import { AppError, type FieldProblem, fieldProblem } from "../../errors.ts";
import { applyChange, auditCreation, loadForChange } from "../audit/change.ts";
import { rankOf } from "../risk/presenters.ts";
import { scaleAt } from "../risk/scales.ts";
import {
  checkedPeriod,
  loadRisk,
  presentAssessment,
  presentRisk,
  readableUnit,
  refuseClosed,
  refuseReaders,
  riskEntity,
} from "./access.ts";
import {
  findOpenRiskWithRank,
  insertUnitRisk,
  lockUnitRegister,
  selectAssessmentsOf,
  selectUnitRisks,
  type UnitRiskAssessmentRow,
  type UnitRiskFields,
  updateUnitRisk as updateUnitRiskRow,
} from "./queries.ts";
import type {
  CreateUnitRiskInput,
  UnitRiskListView,
  UnitRiskRowView,
  UnitRiskView,
  UpdateUnitRiskInput,
} from "./schema.ts";

/** The area keys a unit's risks may have: its organisation's own list, else the built-in one. */
export const areaKeysOf = (scale: RiskScale): string[] =>
  scale.areas?.map((area) => area.key) ?? [...riskAreas];

/**
 * A unit's register with each risk's assessment in `period` and in the period before, and the
 * change between them by the ranks of the scale that applies to the unit.
 */
export async function listUnitRisks(
  db: Db,
  { principal }: Caller,
  unitId: number,
  query: { period: string; includeClosed: boolean },
): Promise<UnitRiskListView> {
  const unit = await readableUnit(db, principal, unitId);
  const asked = checkedPeriod(query.period);
  const period = formatRiskPeriod(asked);
  const before = periodBefore(asked);
  const previousPeriod = before === null ? null : formatRiskPeriod(before);
  const risks = await selectUnitRisks(db, unit.id, query.includeClosed);
  const assessments = await selectAssessmentsOf(
    db,
    risks.map((risk) => risk.id),
    previousPeriod === null ? [period] : [period, previousPeriod],
  );
  const byKey = new Map(assessments.map((row) => [`${row.unitRiskId}/${row.period}`, row]));
  const { scale } = await scaleAt(db, unit.path);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period,
    previousPeriod,
    scale,
    areas: areaKeysOf(scale),
    ownAreas: scale.areas ?? [],
    risks: risks.map((risk) =>
      withAssessments(
        presentRisk(risk),
        byKey.get(`${risk.id}/${period}`) ?? null,
        previousPeriod === null ? null : (byKey.get(`${risk.id}/${previousPeriod}`) ?? null),
        scale,
      ),
    ),
    can: { edit: canWriteAnswer(principal, unit.path) },
  };
}

function withAssessments(
  risk: UnitRiskView,
  current: UnitRiskAssessmentRow | null,
  previous: UnitRiskAssessmentRow | null,
  scale: RiskScale,
): UnitRiskRowView {
  return {
    ...risk,
    assessment: current === null ? null : presentAssessment(current),
    previous: previous === null ? null : presentAssessment(previous),
    change: compareAssessments(rankOf(scale, previous?.level ?? null), rankOf(scale, current?.level ?? null)),
  };
}

/** What is wrong with the area and the rank, by field; the rank is held by no other open risk of the unit. */
async function registerProblems(
  tx: Db,
  unit: { id: number; path: string },
  fields: { area?: string; rank?: number },
  exceptId: number | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const { scale } = await scaleAt(tx, unit.path);
  if (fields.area !== undefined && !areaKeysOf(scale).includes(fields.area)) {
    const code = scale.areas ? "risk_area_not_in_list" : "risk_area_unknown";
    problems.push(fieldProblem("area", code, { area: fields.area }));
  }
  if (fields.rank !== undefined) {
    const holder = await findOpenRiskWithRank(tx, unit.id, fields.rank, exceptId);
    if (holder)
      problems.push(fieldProblem("rank", "risk_rank_taken", { rank: fields.rank, title: holder.title }));
  }
  return problems;
}

function refuseProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError("validation_failed", "unit_risk_invalid", { problems });
}

export async function createUnitRisk(
  db: Db,
  { principal, actor }: Caller,
  unitId: number,
  input: CreateUnitRiskInput,
): Promise<UnitRiskView> {
  return db.transaction(async (tx) => {
    const unit = await readableUnit(tx, principal, unitId);
    refuseReaders(principal, unit);
    await lockUnitRegister(tx, unit.id);
    refuseProblems(await registerProblems(tx, unit, input, null));
    const row = await insertUnitRisk(tx, { unitId: unit.id, ...input });
    await auditCreation(tx, actor, riskEntity, row);
    return presentRisk(row);
  });
}

export async function updateUnitRisk(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: UpdateUnitRiskInput,
): Promise<UnitRiskView> {
  return db.transaction(async (tx) => {
    const { unit } = await loadRisk(tx, principal, id);
    refuseReaders(principal, unit);
    await lockUnitRegister(tx, unit.id);
    const row = await loadForChange(tx, riskEntity, id, input.version, "unit_risk_not_found");
    refuseClosed(row);
    const { version: _version, ...fields } = input;
    refuseProblems(await registerProblems(tx, unit, fields, row.id));
    const changes: UnitRiskFields = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    );
    const updated = await applyChange(tx, actor, riskEntity, row, "update", () =>
      updateUnitRiskRow(tx, id, row.version, changes),
    );
    return presentRisk(updated);
  });
}

/** Closes a risk: it leaves the register (and frees its rank), and keeps its assessments. */
export async function closeUnitRisk(
  db: Db,
  { principal, actor }: Caller,
  id: number,
  input: { version: number },
): Promise<UnitRiskView> {
  return db.transaction(async (tx) => {
    const { unit } = await loadRisk(tx, principal, id);
    refuseReaders(principal, unit);
    const row = await loadForChange(tx, riskEntity, id, input.version, "unit_risk_not_found");
    refuseClosed(row);
    const updated = await applyChange(tx, actor, riskEntity, row, "close", () =>
      updateUnitRiskRow(tx, id, row.version, { closedAt: new Date() }),
    );
    return presentRisk(updated);
  });
}
