// Who asks a service to act: what they may see and do (principal) and whom the audit trail names
// (actor). Routes make one from the session (src/http.ts callerOf); the command line and the
// demo loader act as the system.

import type { Principal } from "./domain/access.ts";
import { type Actor, systemActor } from "./features/audit/service.ts";

export type Caller = { principal: Principal; actor: Actor };

/** The installation's operator: every right, as for the command line and the demo loader. */
export const operatorPrincipal: Principal = { userId: 0, isSystemAdmin: true, assignments: [] };

export const systemCaller: Caller = { principal: operatorPrincipal, actor: systemActor };
