// Who may see and change a programme's registers: whoever reads the owner unit's reports reads
// them, its editors change them (src/domain/programmeAccess.ts). A programme the caller may not
// read answers 404, as if it did not exist; a row of another programme answers 404 too.

import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { canEditPortfolio, canReadPortfolio } from "../../domain/programmeAccess.ts";
import { AppError, type FieldProblem, forbidden, notFound } from "../../errors.ts";
import { findProgrammeOwner } from "../programmes/queries.ts";
import type { ProgrammeOwner } from "./queries.ts";

export type ProgrammeAccess = ProgrammeOwner & { canEdit: boolean };

/** The programme for someone who may read it; 404 otherwise. */
export async function readableProgramme(db: Db, principal: Principal, id: number): Promise<ProgrammeAccess> {
  const programme = await findProgrammeOwner(db, id);
  if (!programme || !canReadPortfolio(principal, programme.ownerPath))
    throw notFound("register_programme_not_found", { id });
  return { ...programme, canEdit: canEditPortfolio(principal, programme.ownerPath) };
}

/** The programme for one of its editors: 404 for who may not read it, 403 for its readers. */
export async function editableProgramme(db: Db, principal: Principal, id: number): Promise<ProgrammeAccess> {
  const programme = await readableProgramme(db, principal, id);
  if (!programme.canEdit) throw forbidden("programme_register_not_permitted", { id });
  return programme;
}

/** Refuses the save, naming each field, and changes nothing. */
export function refuseProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0)
    throw new AppError("validation_failed", "programme_register_invalid", { problems: [...problems] });
}

/** Only the fields that were given: a change leaves the others as they are. */
export function givenFields<Fields extends object>(fields: Fields): Partial<Fields> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<Fields>;
}
