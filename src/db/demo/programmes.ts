// Demo programmes from seeds 001 and 000 (source/programmes.json): Sykehusinnkjøp HF's
// governance-model programme (phase 0 under way, both gates undecided) and the regions'
// staff-and-support-services programme (phase 0 completed, G-0-1 approved, phase 1 started, with
// its benefits). Written straight into the tables, as the demo answers are; the risks' measures go
// through the measures service. Each programme leaves an audit entry.

import type { Actor } from "../../features/audit/service.ts";
import type { Db } from "../client.ts";
import { loadGovernanceProgramme } from "./programmesGovernance.ts";
import { loadStaffSupportProgramme } from "./programmesStaffSupport.ts";

export async function loadProgrammesDemo(db: Db, actor: Actor) {
  const governance = await loadGovernanceProgramme(db, actor);
  const staffSupport = await loadStaffSupportProgramme(db, actor);
  return { programmes: 2, programmeRisks: governance.risks, benefits: staffSupport.benefits };
}
