import type { Db } from "../../db/client.ts";
import {
  canManageDocument,
  canManageRounds,
  canPublishDocument,
  type Principal,
} from "../../domain/access.ts";
import { answeringUnitIds } from "../../domain/steering.ts";
import {
  type ChapterRow,
  type DocumentRow,
  type RequirementRow,
  selectRequirementsWithDocument,
  type UnitSummary,
} from "./queries.ts";
import type {
  ChapterView,
  DocumentCapabilities,
  DocumentHeaderView,
  RequirementLinkView,
  RequirementView,
  UnitRefView,
} from "./schema.ts";

const unitRef = (unit: UnitSummary): UnitRefView => ({ id: unit.id, code: unit.code, name: unit.name });

export type DocumentContext = { document: DocumentRow; issuer: UnitSummary; recipients: UnitSummary[] };

function documentPermissions(principal: Principal, context: DocumentContext): DocumentCapabilities {
  const draft = context.document.state === "draft";
  return {
    edit: draft && canManageDocument(principal, context.issuer.path),
    publish: draft && canPublishDocument(principal, context.issuer.path),
    newVersion: !draft && canManageDocument(principal, context.issuer.path),
    manageRounds: !draft && canManageRounds(principal, context.issuer.path),
  };
}

export function presentDocumentHeader(principal: Principal, context: DocumentContext): DocumentHeaderView {
  const { document } = context;
  return {
    id: document.id,
    seriesKey: document.seriesKey,
    versionNumber: document.versionNumber,
    previousVersionId: document.previousVersionId,
    year: document.year,
    kind: document.kind,
    title: document.title,
    state: document.state,
    publishedAt: document.publishedAt?.toISOString() ?? null,
    publishedBy: document.publishedBy,
    version: document.version,
    issuingUnit: unitRef(context.issuer),
    recipients: context.recipients.map(unitRef),
    can: documentPermissions(principal, context),
  };
}

export function presentChapter(chapter: ChapterRow): ChapterView {
  return { id: chapter.id, title: chapter.title, position: chapter.position, version: chapter.version };
}

export function presentRequirement(
  requirement: RequirementRow,
  recipients: UnitSummary[],
  derivedFrom: RequirementLinkView | null = null,
): RequirementView {
  const byId = new Map(recipients.map((unit) => [unit.id, unit]));
  const answering = answeringUnitIds(
    requirement.appliesToUnitIds,
    recipients.map((unit) => unit.id),
  );
  const lead = requirement.leadUnitId === null ? undefined : byId.get(requirement.leadUnitId);
  return {
    id: requirement.id,
    documentId: requirement.documentId,
    chapterId: requirement.chapterId,
    number: requirement.number,
    kind: requirement.kind,
    text: requirement.text,
    source: requirement.source,
    appliesTo: requirement.appliesToUnitIds ?? ("all" as const),
    answeringUnits: answering.flatMap((unitId) => {
      const unit = byId.get(unitId);
      return unit ? [unitRef(unit)] : [];
    }),
    frequency: requirement.frequency,
    deadline: requirement.deadline,
    selectedForRiskAssessment: requirement.selectedForRiskAssessment,
    derivedFromId: requirement.derivedFromId,
    derivedFrom,
    leadUnitId: requirement.leadUnitId,
    leadUnit: lead ? unitRef(lead) : null,
    indicatorId: requirement.indicatorId,
    version: requirement.version,
  };
}

export async function derivedFromSummaries(
  db: Db,
  rows: RequirementRow[],
): Promise<Map<number, RequirementLinkView>> {
  const ids = [...new Set(rows.flatMap((row) => (row.derivedFromId === null ? [] : [row.derivedFromId])))];
  const sources = await selectRequirementsWithDocument(db, ids);
  return new Map(
    sources.map((source) => [
      source.id,
      {
        id: source.id,
        number: source.number,
        documentId: source.documentId,
        documentTitle: source.documentTitle,
        year: source.year,
      },
    ]),
  );
}
