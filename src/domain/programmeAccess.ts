// Who may do what with programmes, action plans and their benefits (issue 14). A programme or a
// plan belongs to its owner unit; the roles held there (or above) decide, as for reports.

import { can, type Principal } from "./access.ts";

/** Whoever reads the owner unit's reports reads its programmes, plans, benefits and status reports. */
export function canReadPortfolio(principal: Principal, ownerPath: string): boolean {
  return can(principal, "read_reports", ownerPath);
}

/**
 * The owner unit's editors run its programmes and plans: they write plans, phases, registers,
 * benefits and status reports, submit reports and ask for a gate decision.
 */
export function canEditPortfolio(principal: Principal, ownerPath: string): boolean {
  return can(principal, "write_reports", ownerPath);
}

/**
 * The owner's approver (seed 001: "prosjekteier") decides the gates, approves status reports,
 * adopts and revises plans, and starts a phase once its gate is open.
 */
export function canDecideForOwner(principal: Principal, ownerPath: string): boolean {
  return can(principal, "approve_reports", ownerPath);
}
