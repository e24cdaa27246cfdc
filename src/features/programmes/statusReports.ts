// Status reports per programme per period (a month or a tertial): scope, time, cost, benefits and
// risk each green, yellow or red with text, and an overall judgement; draft -> submitted ->
// approved as answers move (src/domain/workflow.ts decide): editors save, submit and withdraw,
// the owner's approvers approve or return with a comment.

import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import type { Principal } from "../../domain/access.ts";
import { PeriodError, parsePeriod } from "../../domain/periods.ts";
import { canDecideForOwner, canEditPortfolio } from "../../domain/programmeAccess.ts";
import { type AnswerAction, allowedActions, type Capacity, decide } from "../../domain/workflow.ts";
import { AppError, fieldProblem, forbidden, notFound } from "../../errors.ts";
import type { VersionedEntity } from "../audit/change.ts";
import { applyChange, auditCreation, loadForChange } from "../audit/change.ts";
import type { UnitRow } from "../units/queries.ts";
import { loadProgramme, refuseNonEditors, refuseProblems } from "./access.ts";
import type { ProgrammeRow } from "./queries.ts";
import {
  findStatusReport,
  insertStatusReport,
  type StatusReportFields,
  type StatusReportRow,
  selectStatusReports,
  updateStatusReportRow,
} from "./reportQueries.ts";
import {
  type CreateStatusReportInput,
  type StatusReportListView,
  type StatusReportView,
  statusAspects,
  type UpdateStatusReportInput,
} from "./reportSchema.ts";

/** The period as stored and its last day, or a field problem: only months and tertials. */
export function reportPeriod(period: string): { period: string; periodEnd: string } {
  try {
    const parsed = parsePeriod(period);
    if (parsed.kind === "month") return { period, periodEnd: lastDayOf(parsed.year, parsed.month) };
    if (parsed.kind === "tertial") return { period, periodEnd: lastDayOf(parsed.year, parsed.tertial * 4) };
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
  }
  throw new AppError("validation_failed", "status_report_invalid", {
    problems: [fieldProblem("period", "status_period_form", { period })],
  });
}

function lastDayOf(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function capacitiesOf(principal: Principal, owner: UnitRow): Set<Capacity> {
  const who = new Set<Capacity>();
  if (canEditPortfolio(principal, owner.path)) who.add("writer");
  if (canDecideForOwner(principal, owner.path)) who.add("approver");
  return who;
}

export function presentStatusReport(row: StatusReportRow, who: ReadonlySet<Capacity>): StatusReportView {
  const allowed = new Set(allowedActions(row.state, who, true));
  return {
    id: row.id,
    programmeId: row.programmeId,
    period: row.period,
    periodEnd: row.periodEnd,
    scopeColour: row.scopeColour,
    scopeText: row.scopeText,
    timeColour: row.timeColour,
    timeText: row.timeText,
    costColour: row.costColour,
    costText: row.costText,
    benefitsColour: row.benefitsColour,
    benefitsText: row.benefitsText,
    riskColour: row.riskColour,
    riskText: row.riskText,
    overallColour: row.overallColour,
    overallText: row.overallText,
    state: row.state,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    returnComment: row.returnComment,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    can: {
      save: allowed.has("save"),
      submit: allowed.has("submit"),
      withdraw: allowed.has("withdraw"),
      approve: allowed.has("approve"),
      return: allowed.has("return"),
    },
  };
}

const reportEntity = (programme: ProgrammeRow): VersionedEntity<StatusReportRow> => ({
  entityType: "status_report",
  describe: (row) => `${programme.code} ${row.period}`,
  present: (row) => presentStatusReport(row, new Set()),
  unitOf: () => programme.ownerUnitId,
  find: findStatusReport,
});

const definedOnly = (fields: object): StatusReportFields =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

export async function listStatusReports(
  db: Db,
  { principal }: Caller,
  programmeId: number,
): Promise<StatusReportListView> {
  const { programme, owner } = await loadProgramme(db, principal, programmeId);
  const who = capacitiesOf(principal, owner);
  const rows = await selectStatusReports(db, programme.id);
  return { reports: rows.map((row) => presentStatusReport(row, who)), can: { create: who.has("writer") } };
}

/** A report of the programme, for someone who may read the programme; 404 otherwise. */
async function loadReport(db: Db, principal: Principal, programmeId: number, reportId: number) {
  const loaded = await loadProgramme(db, principal, programmeId);
  const report = await findStatusReport(db, reportId);
  if (!report || report.programmeId !== loaded.programme.id)
    throw notFound("status_report_not_found", { id: reportId });
  return { ...loaded, report };
}

export async function getStatusReport(
  db: Db,
  { principal }: Caller,
  programmeId: number,
  reportId: number,
): Promise<StatusReportView> {
  const { owner, report } = await loadReport(db, principal, programmeId, reportId);
  return presentStatusReport(report, capacitiesOf(principal, owner));
}

export async function createStatusReport(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  input: CreateStatusReportInput,
): Promise<StatusReportView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadProgramme(tx, principal, programmeId);
    refuseNonEditors(principal, owner);
    const { period: asked, ...aspects } = input;
    const period = reportPeriod(asked);
    const row = await insertStatusReport(tx, {
      programmeId: programme.id,
      ...period,
      ...definedOnly(aspects),
      updatedBy: actor.name,
    });
    if (!row) throw new AppError("conflict", "status_report_exists", { params: { period: period.period } });
    await auditCreation(tx, actor, reportEntity(programme), row);
    return presentStatusReport(row, capacitiesOf(principal, owner));
  });
}

function refuseStep(state: StatusReportRow["state"], action: AnswerAction, who: ReadonlySet<Capacity>) {
  const decision = decide(state, action, who, true);
  if (decision.allowed) return decision.next;
  if (decision.refusal === "not_permitted")
    throw forbidden(
      action === "approve" || action === "return"
        ? "status_report_approve_not_permitted"
        : "status_report_write_not_permitted",
    );
  throw new AppError("conflict", "status_report_wrong_state", { params: { state, action } });
}

export async function updateStatusReport(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  reportId: number,
  input: UpdateStatusReportInput,
): Promise<StatusReportView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadReport(tx, principal, programmeId, reportId);
    const who = capacitiesOf(principal, owner);
    if (!who.has("writer")) throw forbidden("status_report_write_not_permitted");
    const entity = reportEntity(programme);
    const row = await loadForChange(tx, entity, reportId, input.version, "status_report_not_found");
    refuseStep(row.state, "save", who);
    const { version: _version, ...aspects } = input;
    const updated = await applyChange(tx, actor, entity, row, "update", () =>
      updateStatusReportRow(tx, row.id, row.version, { ...definedOnly(aspects), updatedBy: actor.name }),
    );
    return presentStatusReport(updated, who);
  });
}

/** Submit, withdraw, approve or return; submitting needs every judgement to have a colour. */
export async function stepStatusReport(
  db: Db,
  { principal, actor }: Caller,
  programmeId: number,
  reportId: number,
  action: "submit" | "withdraw" | "approve" | "return",
  input: { version: number; comment: string },
): Promise<StatusReportView> {
  return db.transaction(async (tx) => {
    const { programme, owner } = await loadReport(tx, principal, programmeId, reportId);
    const who = capacitiesOf(principal, owner);
    if (who.size === 0)
      throw forbidden(
        action === "approve" || action === "return"
          ? "status_report_approve_not_permitted"
          : "status_report_write_not_permitted",
      );
    const entity = reportEntity(programme);
    const row = await loadForChange(tx, entity, reportId, input.version, "status_report_not_found");
    const next = refuseStep(row.state, action, who);
    if (action === "submit") {
      const missing = statusAspects.filter((aspect) => row[`${aspect}Colour`] === null);
      refuseProblems(
        "status_report_incomplete",
        missing.map((aspect) => fieldProblem(`${aspect}Colour`, "status_colour_missing")),
      );
    }
    const changes: StatusReportFields = { state: next };
    if (action === "submit")
      Object.assign(changes, { submittedAt: new Date(), submittedBy: actor.id, returnComment: "" });
    if (action === "approve") Object.assign(changes, { approvedAt: new Date(), approvedBy: actor.id });
    if (action === "return")
      Object.assign(changes, { returnComment: input.comment, approvedAt: null, approvedBy: null });
    const updated = await applyChange(tx, actor, entity, row, action, () =>
      updateStatusReportRow(tx, row.id, row.version, changes),
    );
    return presentStatusReport(updated, who);
  });
}
