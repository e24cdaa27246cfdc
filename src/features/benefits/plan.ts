// Reading benefits: the benefits plan table of a programme or plan (each benefit to date, and the
// economic benefits summed against the costs), a benefit's readings and its chart.
//
// A benefit measured through a catalogue indicator reads the indicator's monthly values for the
// programme's or plan's owner unit (its own figures and its subtree's, as the unit's scorecard
// sums them), each month as read on its last day; other benefits read the readings entered.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import {
  type BenefitPlan,
  benefitSeries,
  benefitToDate,
  economicContribution,
  type Reading,
} from "../../domain/benefits.ts";
import { todayIso } from "../../domain/units.ts";
import { notFound } from "../../errors.ts";
import { canEdit, loadBenefit, loadOwner, presentBenefit, presentCost } from "./access.ts";
import {
  type BenefitListRow,
  type BenefitOwner,
  type BenefitRow,
  type CostRow,
  findBenefitListed,
  selectBenefitsOf,
  selectCostsOf,
  selectIndicatorReadings,
  selectReadingsOf,
} from "./queries.ts";
import type { BenefitChartView, BenefitPlanView, BenefitSumsView } from "./schema.ts";

/** A benefit's numbers as the rules take them; null for a qualitative one (or one without numbers). */
export function planOf(row: BenefitRow): BenefitPlan | null {
  if (row.kind === "qualitative" || row.baselineValue === null || row.targetValue === null) return null;
  return {
    baselineValue: row.baselineValue,
    baselineDate: row.baselineDate,
    targetValue: row.targetValue,
    targetDate: row.targetDate,
  };
}

/** The end of what a chart or sum reads: the target day, or `on` when later. */
const endOf = (row: BenefitRow, on: string) => (on > row.targetDate ? on : row.targetDate);

/** Each benefit's readings: the indicator's values for those with one, else the readings entered. */
async function readingsOf(
  db: Db,
  owner: BenefitOwner,
  rows: BenefitRow[],
  on: string,
): Promise<Map<number, (Reading & { comment: string })[]>> {
  const byBenefit = new Map<number, (Reading & { comment: string })[]>();
  const entered = await selectReadingsOf(
    db,
    rows.filter((row) => row.indicatorId === null).map((row) => row.id),
  );
  for (const reading of entered) {
    const list = byBenefit.get(reading.benefitId) ?? [];
    list.push({ date: reading.date, value: reading.value, comment: reading.comment });
    byBenefit.set(reading.benefitId, list);
  }
  for (const row of rows) {
    if (row.indicatorId === null) continue;
    const values = await selectIndicatorReadings(db, {
      indicatorId: row.indicatorId,
      unitId: owner.ownerUnitId,
      from: row.baselineDate,
      to: endOf(row, on),
    });
    byBenefit.set(
      row.id,
      values.map((value) => ({ ...value, comment: "" })),
    );
  }
  return byBenefit;
}

function costSums(costs: CostRow[]) {
  const sum = (kinds: CostRow["kind"][], pick: (cost: CostRow) => number | null) =>
    costs.filter((cost) => kinds.includes(cost.kind)).reduce((total, cost) => total + (pick(cost) ?? 0), 0);
  return {
    investmentPlanned: sum(["investment"], (cost) => cost.plannedNok),
    investmentActual: sum(["investment"], (cost) => cost.actualNok),
    costsPlanned: sum(["transition", "running"], (cost) => cost.plannedNok),
    costsActual: sum(["transition", "running"], (cost) => cost.actualNok),
  };
}

export async function getBenefitPlan(
  db: Db,
  { principal }: Caller,
  kind: BenefitOwner["kind"],
  ownerId: number,
  query: { on?: string | undefined },
): Promise<BenefitPlanView> {
  const owner = await loadOwner(db, principal, kind, ownerId);
  const on = query.on ?? todayIso();
  const [rows, costs] = await Promise.all([selectBenefitsOf(db, owner), selectCostsOf(db, owner)]);
  const readings = await readingsOf(db, owner, rows, on);
  const sums: BenefitSumsView = {
    economicTarget: 0,
    economicExpected: 0,
    economicRealised: 0,
    ...costSums(costs),
  };
  const benefits = rows.map((row: BenefitListRow) => {
    const plan = planOf(row);
    const own = readings.get(row.id) ?? [];
    if (plan && row.kind === "economic") {
      const gain = economicContribution(plan, own, on);
      sums.economicTarget += gain.target;
      sums.economicExpected += gain.expected;
      sums.economicRealised += gain.realised;
    }
    const toDate = plan
      ? benefitToDate(plan, own, on)
      : { expected: null, expectedShare: null, realised: null, realisedShare: null, behindPlan: null };
    return {
      ...presentBenefit(row),
      toDate: {
        ...toDate,
        realised: toDate.realised ? { date: toDate.realised.date, value: toDate.realised.value } : null,
      },
    };
  });
  return {
    owner: {
      kind: owner.kind,
      id: owner.id,
      title: owner.title,
      ownerUnitId: owner.ownerUnitId,
      ownerUnitName: owner.ownerUnitName,
    },
    on,
    benefits,
    costs: costs.map(presentCost),
    sums,
    can: { edit: canEdit(principal, owner) },
  };
}

/** Expected against realised month by month, from the baseline day to the target day or `on`. */
export async function getBenefitChart(
  db: Db,
  { principal }: Caller,
  id: number,
  query: { on?: string | undefined },
): Promise<BenefitChartView> {
  const { benefit, owner } = await loadBenefit(db, principal, id);
  const on = query.on ?? todayIso();
  const [listed, readings] = await Promise.all([
    findBenefitListed(db, id),
    readingsOf(db, owner, [benefit], on),
  ]);
  const own = readings.get(benefit.id) ?? [];
  const plan = planOf(benefit);
  return {
    benefit: presentBenefit(listed ?? { ...benefit, ownerUnitName: null, indicatorCode: null }),
    on,
    source: benefit.indicatorId === null ? "readings" : "indicator",
    points: plan ? benefitSeries(plan, own, on) : [],
    readings: own.map(({ date, value, comment }) => ({ date, value, comment })),
    can: { edit: canEdit(principal, owner) && benefit.indicatorId === null },
  };
}

export async function getBenefit(db: Db, { principal }: Caller, id: number) {
  await loadBenefit(db, principal, id);
  const listed = await findBenefitListed(db, id);
  if (!listed) throw notFound("benefit_not_found", { id });
  return presentBenefit(listed);
}

export async function getReadings(db: Db, { principal }: Caller, id: number) {
  const { benefit, owner } = await loadBenefit(db, principal, id);
  const readings = await readingsOf(db, owner, [benefit], todayIso());
  return {
    readings: (readings.get(benefit.id) ?? []).map(({ date, value, comment }) => ({ date, value, comment })),
  };
}

export async function getCosts(db: Db, { principal }: Caller, kind: BenefitOwner["kind"], ownerId: number) {
  const owner = await loadOwner(db, principal, kind, ownerId);
  const costs = await selectCostsOf(db, owner);
  return { costs: costs.map(presentCost), can: { edit: canEdit(principal, owner) } };
}
