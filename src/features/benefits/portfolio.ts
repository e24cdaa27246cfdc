// The portfolio's economic benefits: for each programme and action plan of a unit's subtree, the
// planned yearly gain, the gain expected and realised to date, against the investment planned and
// spent; and the total. Two set-based queries, whatever the number of programmes. The rules are
// those of src/domain/benefits.ts (economicContribution), said in SQL; a test holds the two alike.

import { sql } from "drizzle-orm";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canReadPortfolio } from "../../domain/programmeAccess.ts";
import { todayIso } from "../../domain/units.ts";
import { notFound } from "../../errors.ts";
import { selectRows } from "../measurements/queries.ts";
import { findUnitById } from "../units/queries.ts";
import type { BenefitPortfolioView } from "./schema.ts";

type PortfolioRow = {
  kind: "programme" | "action_plan";
  id: number;
  title: string;
  benefits: number;
  economicTarget: number;
  economicExpected: number;
  economicRealised: number;
  investmentPlanned: number;
  investmentActual: number;
};

/** A month's figures as read on its last day. */
const monthEnd = (month: ReturnType<typeof sql>) =>
  sql`(${month} + interval '1 month' - interval '1 day')::date`;

export function selectPortfolioRows(db: Db, unitPath: string, on: string): Promise<PortfolioRow[]> {
  return selectRows<PortfolioRow>(
    db,
    sql`with owners as materialized (
          select 'programme'::text as kind, p.id, p.title, p.owner_unit_id
          from programmes p join units u on u.id = p.owner_unit_id
          where u.path like ${`${unitPath}%`}
          union all
          select 'action_plan'::text, a.id, a.title, a.owner_unit_id
          from action_plans a join units u on u.id = a.owner_unit_id
          where u.path like ${`${unitPath}%`}
        ),
        economic as (
          -- One join per kind of owner, so each uses its index on benefits (an OR of the two would not).
          select o.kind, o.id as owner_id, o.owner_unit_id, b.id, b.baseline_value, b.target_value,
                 b.baseline_date, b.target_date, b.indicator_id
          from owners o join benefits b on b.programme_id = o.id
          where o.kind = 'programme' and b.kind = 'economic'
          union all
          select o.kind, o.id, o.owner_unit_id, b.id, b.baseline_value, b.target_value,
                 b.baseline_date, b.target_date, b.indicator_id
          from owners o join benefits b on b.action_plan_id = o.id
          where o.kind = 'action_plan' and b.kind = 'economic'
        ),
        valued as (
          select e.kind, e.owner_id,
                 case when e.target_value < e.baseline_value then -1.0 else 1.0 end as direction,
                 e.target_value - e.baseline_value as planned,
                 (e.target_value - e.baseline_value)
                   * least(greatest((${on}::date - e.baseline_date)::float8 / (e.target_date - e.baseline_date), 0), 1)
                   as expected,
                 coalesce(r.value, iv.value) - e.baseline_value as realised
          from economic e
          left join lateral (
            select r.value from benefit_readings r
            where e.indicator_id is null and r.benefit_id = e.id and r.on between e.baseline_date and ${on}::date
            order by r.on desc limit 1
          ) r on true
          left join lateral (
            select case when i.value_kind = 'ratio' then sum(f.n) / nullif(sum(f.d), 0) * i.scale
                        else sum(f.n) end as value
            from (
              select m.month, m.numerator as n, m.denominator as d from measurements m
              where m.indicator_id = e.indicator_id and m.unit_id = e.owner_unit_id
                and ${monthEnd(sql`m.month`)} between e.baseline_date and ${on}::date
              union all
              select t.month, t.numerator::float8, t.denominator::float8 from measurement_totals t
              where t.unit_id = e.owner_unit_id and t.indicator_id = e.indicator_id
                and ${monthEnd(sql`t.month`)} between e.baseline_date and ${on}::date
            ) f
            join indicators i on i.id = e.indicator_id
            group by f.month, i.value_kind, i.scale
            order by f.month desc limit 1
          ) iv on e.indicator_id is not null
        ),
        gains as (
          select kind, owner_id, count(*)::int as benefits,
                 sum(planned * direction)::float8 as target,
                 sum(expected * direction)::float8 as expected,
                 coalesce(sum(realised * direction), 0)::float8 as realised
          from valued group by kind, owner_id
        ),
        investments as (
          select case when c.programme_id is not null then 'programme' else 'action_plan' end as kind,
                 coalesce(c.programme_id, c.action_plan_id) as owner_id,
                 sum(c.planned_nok)::float8 as planned, coalesce(sum(c.actual_nok), 0)::float8 as actual
          from benefit_costs c
          where c.kind = 'investment'
            and (c.programme_id in (select id from owners where kind = 'programme')
                 or c.action_plan_id in (select id from owners where kind = 'action_plan'))
          group by 1, 2
        )
        select o.kind, o.id, o.title,
               coalesce(g.benefits, 0) as "benefits",
               coalesce(g.target, 0) as "economicTarget",
               coalesce(g.expected, 0) as "economicExpected",
               coalesce(g.realised, 0) as "economicRealised",
               coalesce(i.planned, 0) as "investmentPlanned",
               coalesce(i.actual, 0) as "investmentActual"
        from owners o
        left join gains g on g.kind = o.kind and g.owner_id = o.id
        left join investments i on i.kind = o.kind and i.owner_id = o.id
        order by o.kind desc, lower(o.title), o.id`,
  );
}

export async function getBenefitPortfolio(
  db: Db,
  { principal }: Caller,
  query: { unitId: number; on?: string | undefined },
): Promise<BenefitPortfolioView> {
  const unit = await findUnitById(db, query.unitId);
  if (!unit || !canReadPortfolio(principal, unit.path))
    throw notFound("benefit_portfolio_unit_not_found", { id: query.unitId });
  const on = query.on ?? todayIso();
  const rows = (await selectPortfolioRows(db, unit.path, on)).map((row) => ({
    ...row,
    economicTarget: Number(row.economicTarget),
    economicExpected: Number(row.economicExpected),
    economicRealised: Number(row.economicRealised),
    investmentPlanned: Number(row.investmentPlanned),
    investmentActual: Number(row.investmentActual),
  }));
  const total = {
    economicTarget: 0,
    economicExpected: 0,
    economicRealised: 0,
    investmentPlanned: 0,
    investmentActual: 0,
  };
  for (const row of rows)
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
  return { unit: { id: unit.id, name: unit.name }, on, rows, total };
}
