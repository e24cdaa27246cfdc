// A person's risk assessments in open rounds, as the inbox counts them: to write on the units
// where they are an editor themselves, to approve where they are an approver (the same units as
// their answers: src/features/reporting/work.ts).

import type { Db } from "../../db/client.ts";
import { workUnitsOf } from "../reporting/work.ts";
import { selectRiskWork } from "./queries.ts";
import type { RiskWorkView } from "./schema.ts";

export async function riskWork(
  db: Db,
  user: { roles: { unitId: number; role: string }[] },
): Promise<RiskWorkView> {
  const units = workUnitsOf(user.roles);
  const rows = await selectRiskWork(db, units.editor, units.approver);
  return rows.map((row) => ({
    round: { id: row.roundId, period: row.period, deadline: row.deadline },
    document: { id: row.documentId, title: row.documentTitle },
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    toWrite: row.toWrite,
    returned: row.returned,
    carriedForward: row.carriedForward,
    toApprove: row.toApprove,
  }));
}
