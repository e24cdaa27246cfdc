// Writing a demo programme's rows: the programme, its phases and gates, and the units and users
// the demo names by code. Shared by the two seed programmes (programmesGovernance.ts, seed 001;
// programmesStaffSupport.ts, seed 000).

import type { Db } from "../client.ts";
import { programmeGates, programmePhases, programmes, units, users } from "../schema.ts";

export type DemoDirectory = { unit: (code: string) => number; user: (username: string) => number };

/** The demo's units by code and users by username; a name the demo does not hold is a bug. */
export async function directory(db: Db): Promise<DemoDirectory> {
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units);
  const userRows = await db.select({ id: users.id, username: users.username }).from(users);
  const unitIds = new Map(unitRows.map((row) => [row.code, row.id]));
  const userIds = new Map(userRows.map((row) => [row.username, row.id]));
  return {
    unit: (code) => {
      const id = unitIds.get(code);
      if (id === undefined) throw new Error(`demo programme names unknown unit ${code}`);
      return id;
    },
    user: (username) => {
      const id = userIds.get(username);
      if (id === undefined) throw new Error(`demo programme names unknown user ${username}`);
      return id;
    },
  };
}

type PhaseRow = Omit<typeof programmePhases.$inferInsert, "programmeId">;
type GateRow = Omit<typeof programmeGates.$inferInsert, "programmeId">;

/** The programme with its phases and gates; the gates' ids by the phase they lead to. */
export async function insertProgramme(
  db: Db,
  programme: typeof programmes.$inferInsert,
  phases: PhaseRow[],
  gates: GateRow[],
) {
  const [row] = await db.insert(programmes).values(programme).returning({ id: programmes.id });
  if (!row) throw new Error(`the demo programme ${programme.code} was not written`);
  await db.insert(programmePhases).values(phases.map((phase) => ({ ...phase, programmeId: row.id })));
  const gateIds = new Map<number, number>();
  for (const gate of gates) {
    const [written] = await db
      .insert(programmeGates)
      .values({ ...gate, programmeId: row.id })
      .returning({ id: programmeGates.id, toPhase: programmeGates.toPhase });
    if (written) gateIds.set(written.toPhase, written.id);
  }
  return { id: row.id, gateIds };
}

/** A source's verbatim texts, without the null ones the JSON marks as missing. */
export const texts = (items: readonly { text: string | null }[]) =>
  items.flatMap((item) => (item.text ? [item.text] : []));
