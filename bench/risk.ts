// Risk benchmark on PostgreSQL: 4 regions, each with 30 trusts and a steering document of 20
// goals selected for risk assessment, assessed in 3 rounds (T1, T2 and the year): 7,440
// assessments; and 20,000 risk-reducing measures spread over the trusts. It measures
//   - Tabell 3 for a region (the service, as the region's reader asks for it) against the bare SQL
//     select of the overall assessments it compares;
//   - the region's overdue-measures list through the service against its bare SQL select.
//
// `npm run bench:risk -- --scale 0.2` runs a fifth of the units, goals and measures.

import { sql } from "drizzle-orm";
import { systemCaller } from "../src/caller.ts";
import type { Db } from "../src/db/client.ts";
import { riskAssessments } from "../src/db/schema.ts";
import type { Principal } from "../src/domain/access.ts";
import { type Actor, recordAudit } from "../src/features/audit/service.ts";
import { selectRows } from "../src/features/measurements/queries.ts";
import { listMeasures } from "../src/features/measures/list.ts";
import { openRound } from "../src/features/reporting/rounds.ts";
import { riskTable } from "../src/features/risk/overview.ts";
import { createDocument, publishDocument } from "../src/features/steering/documents.ts";
import { findDocument, lockDocument } from "../src/features/steering/queries.ts";
import { insertRequirementDrafts, type RequirementDraft } from "../src/features/steering/requirements.ts";
import { createUnit } from "../src/features/units/service.ts";
import { operatorPrincipal } from "../src/features/users/service.ts";
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
  unitsPerRegion: Math.max(2, Math.round(30 * scale)),
  goals: Math.max(4, Math.round(20 * scale)),
  measures: Math.max(200, Math.round(20_000 * scale)),
  rounds: [
    { period: "2024-T1", deadline: "2024-05-15" },
    { period: "2024-T2", deadline: "2024-09-15" },
    { period: "2024", deadline: "2025-01-31" },
  ],
};
const targets = { tableP95: 100, overdueP95: 100 };
const asOf = "2024-10-15";

const both = (durations: number[]) => `${ms(percentile(durations, 50))} / ${ms(percentile(durations, 95))}`;

type Unit = { id: number; code: string; path: string };

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
  return { id: unit.id, code: unit.code, path: unit.path };
}

function goalDrafts(): RequirementDraft[] {
  return Array.from({ length: size.goals }, (_, index) => ({
    number: String(index + 1),
    chapterId: null,
    chapterTitle: `Område ${(index % 6) + 1}`,
    kind: "goal",
    text: `Mål ${index + 1} for regional risikostyring`,
    source: "Styringskrav",
    appliesToUnitIds: null,
    frequency: ["T1", "T2", "annual"],
    deadline: null,
    selectedForRiskAssessment: true,
    derivedFromId: null,
    leadUnitId: null,
    indicatorId: null,
  }));
}

async function publishedDocument(db: Db, actor: Actor, region: Unit, trusts: Unit[]) {
  const caller = { principal: operatorPrincipal, actor };
  const created = await createDocument(db, caller, {
    year: 2024,
    issuingUnitId: region.id,
    recipientUnitIds: trusts.map((trust) => trust.id),
    kind: "steering_document",
    title: `Styringskrav 2024 ${region.code}`,
  });
  await db.transaction(async (tx) => {
    await lockDocument(tx, created.id);
    await insertRequirementDrafts(tx, created.id, goalDrafts());
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "steering_document",
      entityId: String(created.id),
      unitId: region.id,
      after: { source: "benchmark" },
    });
  });
  const draft = await findDocument(db, created.id);
  if (!draft) throw new Error(`document ${created.id} vanished`);
  return publishDocument(db, caller, created.id, { version: draft.version });
}

/** Every assessment gets a level (and the overall ones are approved), spread by a fixed rule. */
async function assessEverything(db: Db) {
  await db.execute(sql`
    update ${riskAssessments} set
      level = (array['green', 'yellow', 'red'])[1 + (id * 7 + round_id) % 3],
      justification = 'Vurdert i benchmark.',
      carried_forward = false,
      state = case when kind = 'overall' then 'approved' else 'submitted' end`);
}

/** Measures spread over every region's trusts, a third of them past their deadline on `asOf`. */
async function insertMeasures(db: Db, trusts: Unit[]) {
  await db.execute(sql`
    insert into measures (responsible_unit_id, title, owner_role, phase, status, start, deadline)
    select (${`{${trusts.map((t) => t.id).join(",")}}`}::int[])[1 + n % ${trusts.length}],
      'Tiltak ' || n, 'Fagdirektør',
      (array['decided', 'in_progress', 'in_progress', 'completed', 'cancelled'])[1 + n % 5],
      (array['as_planned', 'delayed', 'not_started'])[1 + n % 3],
      date '2024-01-01' + (n % 200),
      date '2024-03-01' + (n % 400)
    from generate_series(1, ${size.measures}) as n`);
  await db.execute(sql`analyze measures`);
}

const database = await createBenchDatabase();
try {
  const { db } = database;
  const actor: Actor = { id: null, name: "benchmark" };
  const country = await makeUnit(db, null, "owner", "NO");
  const regions: { region: Unit; trusts: Unit[]; documentId: number }[] = [];
  for (let r = 0; r < size.regions; r++) {
    const region = await makeUnit(db, country.id, "regional_health_authority", `R${r + 1}`);
    const trusts: Unit[] = [];
    for (let t = 0; t < size.unitsPerRegion; t++) {
      trusts.push(await makeUnit(db, region.id, "health_trust", `R${r + 1}T${t + 1}`));
    }
    const document = await publishedDocument(db, actor, region, trusts);
    regions.push({ region, trusts, documentId: document.id });
  }
  for (const { period, deadline } of size.rounds) {
    for (const { documentId } of regions) {
      await openRound(db, { principal: operatorPrincipal, actor }, documentId, { period, deadline });
    }
  }
  await assessEverything(db);
  await insertMeasures(
    db,
    regions.flatMap((r) => r.trusts),
  );
  await db.execute(sql`analyze`);
  const [counts] = await selectRows<{ assessments: number; measures: number }>(
    db,
    sql`select (select count(*)::int from risk_assessments) as assessments,
               (select count(*)::int from measures) as measures`,
  );
  const first = regions[0] as (typeof regions)[number];
  const reader: Principal = {
    userId: 1,
    isSystemAdmin: false,
    assignments: [{ unitPath: first.region.path, role: "reader" }],
  };
  const caller = { principal: reader, actor };

  // Tabell 3: the overall assessments of T1 and T2 of the region's goals.
  const compared = { from: "2024-T1", to: "2024-T2" };
  const table = await riskTable(db, caller, first.documentId, compared);
  await timeMany(3, () => riskTable(db, caller, first.documentId, compared));
  const tableBare = await timeMany(30, () =>
    db.execute(sql`
      select a.requirement_id, a.level, r.period from risk_assessments a
      join reporting_rounds r on r.id = a.round_id
      where r.document_id = ${first.documentId} and a.kind = 'overall' and r.period in ('2024-T1', '2024-T2')`),
  );
  const tableTimes = await timeMany(30, () => riskTable(db, caller, first.documentId, compared));
  const tableP95 = percentile(tableTimes, 95);

  // The region's overdue measures, as its reader lists them.
  const query = { unitId: first.region.id, subtree: true, overdue: true, asOf, limit: 100, offset: 0 };
  const overdue = await listMeasures(db, caller, query);
  await timeMany(3, () => listMeasures(db, caller, query));
  const overdueBare = await timeMany(30, () =>
    db.execute(sql`
      select m.* from measures m join units u on u.id = m.responsible_unit_id
      where u.path like ${`${first.region.path}%`} and m.phase in ('decided', 'in_progress')
        and m.deadline < ${asOf}
      order by m.deadline limit 100`),
  );
  const overdueTimes = await timeMany(30, () => listMeasures(db, caller, query));
  const overdueP95 = percentile(overdueTimes, 95);

  report(`Risk on PostgreSQL (scale ${scale}; ${describeMachine()}; ${describeLoad()})`, [
    [
      "data",
      `${size.regions} regions × ${size.unitsPerRegion} trusts × ${size.goals} goals × ${size.rounds.length} rounds = ${counts?.assessments} assessments; ${counts?.measures} measures`,
    ],
    ["Tabell 3", `${table.rows.length} goals, ${table.from} → ${table.to}`],
    ["bare SQL select of the overall assessments (baseline) p50 / p95", both(tableBare)],
    ["Tabell 3 through the service p50 / p95 (30 runs)", both(tableTimes)],
    [
      `target: Tabell 3 p95 ≤ ${targets.tableP95} ms`,
      `${verdict(tableP95 <= targets.tableP95)} (${ms(tableP95)})`,
    ],
    [
      "overdue measures of the region",
      `${overdue.total} overdue on ${asOf}, first page of ${overdue.items.length}`,
    ],
    ["bare SQL select of the first page (baseline) p50 / p95", both(overdueBare)],
    ["overdue list through the service p50 / p95 (30 runs)", both(overdueTimes)],
    [
      `target: overdue list p95 ≤ ${targets.overdueP95} ms`,
      `${verdict(overdueP95 <= targets.overdueP95)} (${ms(overdueP95)})`,
    ],
  ]);
} finally {
  await database.drop();
}
