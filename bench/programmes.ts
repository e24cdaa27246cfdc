// Programmes benchmark on PostgreSQL (issue 14): 300 programmes in 4 regions' trusts, each with 3
// phases, 2 gates (the first decided) and 4 status reports; 3,000 benefits with a reading each
// month for 5 years (180,000 readings) and costs; 30 action plans with 5 sub-goals and 1,500
// measures. Set up in bulk (generate_series), so it takes seconds. It measures
//   - the portfolio view (GET /api/portfolio?unitId=, the programmes service) for the country,
//     against the bare SQL select of the programmes with their latest status report;
//   - a programme's benefit chart (GET /api/benefits/:id/chart) against the bare SQL select of the
//     benefit's readings;
//   - and, beside the targets, the benefits plan of a programme and the portfolio's benefit sums.
//
// `npm run bench:programmes -- --scale 0.2` runs a fifth of the programmes, benefits and plans.

import { sql } from "drizzle-orm";
import { systemCaller } from "../src/caller.ts";
import type { Db } from "../src/db/client.ts";
import type { Principal } from "../src/domain/access.ts";
import type { Actor } from "../src/features/audit/service.ts";
import { getBenefitChart, getBenefitPlan } from "../src/features/benefits/plan.ts";
import { getBenefitPortfolio } from "../src/features/benefits/portfolio.ts";
import { selectRows } from "../src/features/measurements/queries.ts";
import { getPortfolio } from "../src/features/programmes/portfolio.ts";
import { createUnit } from "../src/features/units/service.ts";
import {
  benchScale,
  createBenchDatabase,
  describeLoad,
  describeMachine,
  ms,
  percentile,
  report,
  timeMany,
  verdict,
} from "./support.ts";

const scale = benchScale();
const size = {
  regions: 4,
  trustsPerRegion: 20,
  programmes: Math.max(10, Math.round(300 * scale)),
  benefitsPerProgramme: 10,
  readingMonths: 60,
  plans: Math.max(2, Math.round(30 * scale)),
  measuresPerPlan: 50,
};
const targets = { portfolioP95: 100, chartP95: 100 };
const on = "2026-06-30";
const runs = 30;

const both = (durations: number[]) => `${ms(percentile(durations, 50))} / ${ms(percentile(durations, 95))}`;
const intArray = (ids: number[]) => `{${ids.join(",")}}`;

type Unit = { id: number; path: string };

async function makeUnit(
  db: Db,
  parentId: number | null,
  kind: "owner" | "regional_health_authority" | "health_trust",
  code: string,
): Promise<Unit> {
  const unit = await createUnit(db, systemCaller, {
    code,
    name: `Enhet ${code}`,
    kind,
    parentId,
    validFrom: "2010-01-01",
  });
  return { id: unit.id, path: unit.path };
}

/** Programmes spread over the trusts, each with phases 0-2, gates to 1 and 2 (the first approved) and four status reports. */
async function insertProgrammes(db: Db, trusts: Unit[]) {
  await db.execute(sql`
    insert into programmes (owner_unit_id, code, title, sponsor_name, manager_name, purpose)
    select (${intArray(trusts.map((t) => t.id))}::int[])[1 + n % ${trusts.length}], 'P' || n,
           'Program ' || n, 'Administrerende direktør', 'Programleder ' || n, 'Gevinster for pasientene'
    from generate_series(1, ${size.programmes}) as n`);
  await db.execute(sql`
    insert into programme_phases (programme_id, number, name, planned_start, planned_end, actual_start, actual_end)
    select p.id, f.n, 'Fase ' || f.n, date '2021-01-01' + f.n * 730, date '2021-01-01' + f.n * 730 + 729,
           case when f.n <= 1 then date '2021-01-01' + f.n * 730 end,
           case when f.n = 0 then date '2022-12-31' end
    from programmes p cross join generate_series(0, 2) as f(n)`);
  await db.execute(sql`
    insert into programme_gates (programme_id, to_phase, name)
    select p.id, g.n, 'Beslutningspunkt ' || (g.n - 1) || '-' || g.n
    from programmes p cross join generate_series(1, 2) as g(n)`);
  await db.execute(sql`
    insert into gate_decisions (gate_id, decision, decided_on, decision_text, actor_name)
    select g.id, 'approve', date '2022-12-15', 'Godkjent', 'benchmark' from programme_gates g where g.to_phase = 1`);
  await db.execute(sql`
    insert into status_reports (programme_id, period, period_end, scope_colour, time_colour, cost_colour,
                                benefits_colour, risk_colour, overall_colour, state)
    select p.id, r.period, r.period_end,
           (array['green', 'yellow', 'red'])[1 + (p.id + r.n) % 3],
           (array['green', 'yellow', 'red'])[1 + (p.id * 3 + r.n) % 3],
           (array['green', 'yellow', 'red'])[1 + (p.id * 5 + r.n) % 3],
           (array['green', 'yellow', 'red'])[1 + (p.id * 7 + r.n) % 3],
           (array['green', 'yellow', 'red'])[1 + (p.id * 11 + r.n) % 3],
           (array['green', 'yellow', 'red'])[1 + (p.id * 13 + r.n) % 3],
           case when r.n < 4 then 'approved' else 'submitted' end
    from programmes p cross join (values (1, '2025-T1', date '2025-04-30'), (2, '2025-T2', date '2025-08-31'),
                                         (3, '2025', date '2025-12-31'), (4, '2026-T1', date '2026-04-30'))
         as r(n, period, period_end)`);
}

/** Ten benefits a programme, mostly economic, 2021 to 2026, each read at every month's end for five years; and three costs. */
async function insertBenefits(db: Db) {
  await db.execute(sql`
    insert into benefits (programme_id, title, kind, owner_name, measure_unit, baseline_value, baseline_date,
                          target_value, target_date)
    select p.id, 'Gevinst ' || b.n || ' i ' || p.title,
           (array['economic', 'economic', 'quality'])[1 + b.n % 3], 'Klinikksjef ' || b.n,
           case when b.n % 3 = 2 then 'timer' else 'MNOK' end,
           100 * b.n, date '2021-01-01', 100 * b.n + case when b.n % 2 = 0 then 50 else -40 end, date '2026-01-01'
    from programmes p cross join generate_series(0, ${size.benefitsPerProgramme - 1}) as b(n)`);
  await db.execute(sql`
    insert into benefit_readings (benefit_id, "on", value, actor_name)
    select b.id, (date '2021-01-01' + make_interval(months => m.n + 1) - interval '1 day')::date,
           b.baseline_value + (b.target_value - b.baseline_value) * m.n / 60.0 * (0.7 + (b.id % 5) / 10.0),
           'benchmark'
    from benefits b cross join generate_series(0, ${size.readingMonths - 1}) as m(n)`);
  await db.execute(sql`
    insert into benefit_costs (programme_id, kind, year, planned_nok, actual_nok)
    select p.id, c.kind, c.year, 1000000 * (1 + p.id % 7), case when c.year < 2026 then 900000 * (1 + p.id % 7) end
    from programmes p cross join (values ('investment', 2022), ('transition', 2023), ('running', 2026)) as c(kind, year)`);
}

/** Action plans of the regions, each with five sub-goals and its measures (risk-issue measures linked in). */
async function insertActionPlans(db: Db, regions: Unit[]) {
  await db.execute(sql`
    insert into action_plans (owner_unit_id, title, from_year, to_year, status)
    select (${intArray(regions.map((r) => r.id))}::int[])[1 + n % ${regions.length}], 'Handlingsplan ' || n, 2025, 2028, 'adopted'
    from generate_series(1, ${size.plans}) as n`);
  await db.execute(sql`
    insert into action_plan_sub_goals (plan_id, number, text)
    select a.id, g.n, 'Delmål ' || g.n from action_plans a cross join generate_series(1, 5) as g(n)`);
  await db.execute(sql`
    insert into measures (responsible_unit_id, title, owner_role, phase, status, start, deadline)
    select a.owner_unit_id, 'Tiltak ' || m.n || ' i ' || a.title, 'Fagdirektør',
           (array['decided', 'in_progress', 'completed'])[1 + m.n % 3], (array['as_planned', 'delayed'])[1 + m.n % 2],
           date '2025-01-01', date '2025-06-30' + m.n * 10
    from action_plans a cross join generate_series(1, ${size.measuresPerPlan}) as m(n)`);
  await db.execute(sql`
    insert into action_plan_measures (plan_id, sub_goal_id, measure_id, label, position, priority, years, responsibility)
    select a.id, g.id, m.id, g.number || '.' || m.id, m.id, 1 + m.id % 2, '[2025, 2026]'::jsonb, 'owner'
    from action_plans a
    join measures m on m.title like 'Tiltak % i ' || a.title
    join action_plan_sub_goals g on g.plan_id = a.id and g.number = 1 + m.id % 5`);
}

const database = await createBenchDatabase();
try {
  const { db } = database;
  const actor: Actor = { id: null, name: "benchmark" };
  const started = performance.now();
  const country = await makeUnit(db, null, "owner", "NO");
  const regions: Unit[] = [];
  const trusts: Unit[] = [];
  for (let r = 0; r < size.regions; r++) {
    const region = await makeUnit(db, country.id, "regional_health_authority", `R${r + 1}`);
    regions.push(region);
    for (let t = 0; t < size.trustsPerRegion; t++)
      trusts.push(await makeUnit(db, region.id, "health_trust", `R${r + 1}T${t + 1}`));
  }
  await insertProgrammes(db, trusts);
  await insertBenefits(db);
  await insertActionPlans(db, regions);
  await db.execute(sql`analyze`);
  const setUp = performance.now() - started;
  const [counts] = await selectRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from programmes) as programmes,
               (select count(*)::int from status_reports) as reports,
               (select count(*)::int from benefits) as benefits,
               (select count(*)::int from benefit_readings) as readings,
               (select count(*)::int from action_plans) as plans,
               (select count(*)::int from action_plan_measures) as "planMeasures"`,
  );
  const reader: Principal = {
    userId: 1,
    isSystemAdmin: false,
    assignments: [{ unitPath: country.path, role: "reader" }],
  };
  const caller = { principal: reader, actor };

  // The portfolio view of the whole country, as its reader asks for it.
  const portfolio = await getPortfolio(db, caller, { unitId: country.id });
  await timeMany(3, () => getPortfolio(db, caller, { unitId: country.id }));
  const portfolioBare = await timeMany(runs, () =>
    db.execute(sql`
      select p.*, r.overall_colour from programmes p join units u on u.id = p.owner_unit_id
      left join lateral (select overall_colour from status_reports s where s.programme_id = p.id
                         order by s.period_end desc limit 1) r on true
      where u.path like ${`${country.path}%`}`),
  );
  const portfolioTimes = await timeMany(runs, () => getPortfolio(db, caller, { unitId: country.id }));
  const portfolioP95 = percentile(portfolioTimes, 95);

  // A programme's benefit chart: the last programme's first benefit, 60 readings.
  const [benefit] = await selectRows<{ id: number; programme_id: number }>(
    db,
    sql`select id, programme_id from benefits order by programme_id desc, id limit 1`,
  );
  if (!benefit) throw new Error("no benefit made");
  const chart = await getBenefitChart(db, caller, benefit.id, { on });
  await timeMany(3, () => getBenefitChart(db, caller, benefit.id, { on }));
  const chartBare = await timeMany(runs, () =>
    db.execute(sql`select "on", value from benefit_readings where benefit_id = ${benefit.id} order by "on"`),
  );
  const chartTimes = await timeMany(runs, () => getBenefitChart(db, caller, benefit.id, { on }));
  const chartP95 = percentile(chartTimes, 95);

  // Beside the targets: a programme's benefits plan and the country's benefit sums.
  await timeMany(3, () => getBenefitPlan(db, caller, "programme", benefit.programme_id, { on }));
  const planTimes = await timeMany(runs, () =>
    getBenefitPlan(db, caller, "programme", benefit.programme_id, { on }),
  );
  const sums = await getBenefitPortfolio(db, caller, { unitId: country.id, on });
  await timeMany(3, () => getBenefitPortfolio(db, caller, { unitId: country.id, on }));
  const sumsTimes = await timeMany(runs, () => getBenefitPortfolio(db, caller, { unitId: country.id, on }));

  report(`Programmes on PostgreSQL (scale ${scale}; ${describeMachine()}; ${describeLoad()})`, [
    [
      "data",
      `${counts?.programmes} programmes, ${counts?.reports} status reports; ${counts?.benefits} benefits with ${counts?.readings} readings; ${counts?.plans} action plans with ${counts?.planMeasures} measures`,
    ],
    ["set-up in bulk", ms(setUp)],
    ["portfolio", `${portfolio.programmes.length} programmes of the country`],
    ["bare SQL select of the programmes and their latest report (baseline) p50 / p95", both(portfolioBare)],
    [`portfolio through the service p50 / p95 (${runs} runs)`, both(portfolioTimes)],
    [
      `target: portfolio p95 ≤ ${targets.portfolioP95} ms`,
      `${verdict(portfolioP95 <= targets.portfolioP95)} (${ms(portfolioP95)})`,
    ],
    ["benefit chart", `${chart.readings.length} readings, ${chart.points.length} monthly points`],
    ["bare SQL select of the benefit's readings (baseline) p50 / p95", both(chartBare)],
    [`chart through the service p50 / p95 (${runs} runs)`, both(chartTimes)],
    [
      `target: chart p95 ≤ ${targets.chartP95} ms`,
      `${verdict(chartP95 <= targets.chartP95)} (${ms(chartP95)})`,
    ],
    [`a programme's benefits plan (${size.benefitsPerProgramme} benefits) p50 / p95`, both(planTimes)],
    [`the country's benefit sums (${sums.rows.length} programmes and plans) p50 / p95`, both(sumsTimes)],
  ]);
} finally {
  await database.drop();
}
