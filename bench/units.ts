// Foundation benchmark: the organisation tree and the audit trail at the size of a whole country
// (4 regions, 25 trusts, ~1,000 departments), through the HTTP API, against the bare SQL query
// as the baseline measured in the same run.
import { asc } from "drizzle-orm";
import { units } from "../src/db/schema.ts";
import { createTestApp } from "../src/testing/app.ts";
import { describeMachine, ms, percentile, report, timeMany } from "./support.ts";

const t = await createTestApp();
try {
  const country = await t.make.unit({ kind: "owner", code: "NO" });
  let departments = 0;
  for (let r = 0; r < 4; r++) {
    const region = await t.make.unit({ parentId: country.id, kind: "regional_health_authority" });
    for (let h = 0; h < 7; h++) {
      const trust = await t.make.unit({ parentId: region.id, kind: "health_trust" });
      for (let d = 0; d < 36; d++) {
        await t.make.unit({ parentId: trust.id, kind: "department" });
        departments++;
      }
    }
  }
  await t.make.user({ username: "bench", systemAdmin: true });
  const cookie = await t.signIn("bench");

  const rounds = 50;
  const baseline = await timeMany(rounds, () => t.db.select().from(units).orderBy(asc(units.path)));
  const tree = await timeMany(rounds, () =>
    t.app.inject({ method: "GET", url: "/api/units", headers: { cookie } }),
  );
  const audit = await timeMany(rounds, () =>
    t.app.inject({ method: "GET", url: `/api/audit?unitId=${country.id}&limit=100`, headers: { cookie } }),
  );

  report(`Organisation tree (${departments + 4 * 8 + 1} units, ${t.database.kind}; ${describeMachine()})`, [
    ["bare SQL select p50 / p95", `${ms(percentile(baseline, 50))} / ${ms(percentile(baseline, 95))}`],
    ["GET /api/units p50 / p95", `${ms(percentile(tree, 50))} / ${ms(percentile(tree, 95))}`],
    ["API / SQL (p50)", `${(percentile(tree, 50) / percentile(baseline, 50)).toFixed(1)} ×`],
    [
      "GET /api/audit (subtree, 100 rows) p50 / p95",
      `${ms(percentile(audit, 50))} / ${ms(percentile(audit, 95))}`,
    ],
  ]);
} finally {
  await t.close();
}
