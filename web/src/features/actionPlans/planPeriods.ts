// The tertials a plan page offers, and the one it shows first. Pure.

import type { ActionPlan } from "../../api/actionPlans.ts";

/** The tertials of the plan's years, and the one to show first: today's, within the plan. */
export function planTertials(plan: Pick<ActionPlan, "fromYear" | "toYear">): string[] {
  const periods: string[] = [];
  for (let year = plan.fromYear; year <= plan.toYear; year++) {
    for (const tertial of [1, 2, 3]) periods.push(`${year}-T${tertial}`);
  }
  return periods;
}

export function currentTertial(plan: Pick<ActionPlan, "fromYear" | "toYear">, today = new Date()): string {
  const year = today.getFullYear();
  if (year > plan.toYear) return `${plan.toYear}-T3`;
  if (year < plan.fromYear) return `${plan.fromYear}-T1`;
  const month = today.getMonth() + 1;
  return `${year}-T${month <= 4 ? 1 : month <= 8 ? 2 : 3}`;
}
