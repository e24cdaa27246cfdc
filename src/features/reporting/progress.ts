// Reporting as the start page shows it to people who follow rather than write or approve: the
// open rounds with counts over the answers they may read, and the answers that are late.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { canReadAnswers } from "../../domain/access.ts";
import { todayIso } from "../../domain/units.ts";
import { AppError } from "../../errors.ts";
import { loadRoundContext } from "./context.ts";
import { overdueList } from "./overview.ts";
import { presentRound } from "./presenters.ts";
import { selectAnswersOfRound, selectOpenRounds } from "./queries.ts";
import type { ReportingProgressView, RoundView } from "./schema.ts";

/** The most rounds a start page lists; the steering documents have the rest. */
const roundLimit = 12;

export async function reportingProgress(
  db: Db,
  caller: Pick<Caller, "principal">,
  asOf = todayIso(),
): Promise<ReportingProgressView> {
  const { principal } = caller;
  const rounds: RoundView[] = [];
  for (const round of await selectOpenRounds(db)) {
    if (rounds.length === roundLimit) break;
    const context = await loadRoundContext(db, principal, round.id).catch((error: unknown) => {
      // A round of a document the person cannot see is left out, as if it did not exist.
      if (error instanceof AppError && error.code === "not_found") return null;
      throw error;
    });
    if (!context) continue;
    const readable = new Set(
      [...context.recipients, context.issuer]
        .filter((unit) => canReadAnswers(principal, unit.path))
        .map((unit) => unit.id),
    );
    if (readable.size === 0) continue;
    const answers = (await selectAnswersOfRound(db, round.id)).filter((a) => readable.has(a.unitId));
    rounds.push(presentRound(principal, context, answers, asOf));
  }
  return { asOf, rounds, overdue: await overdueList(db, caller, { asOf }) };
}
