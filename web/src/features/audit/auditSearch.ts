import type { AuditFilter } from "../../api/hooks.ts";

// The audit filter lives in the address, so a filtered view can be bookmarked and shared.

function positiveInteger(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function isoDate(value: unknown): string | undefined {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

export function parseAuditSearch(search: Record<string, unknown>): AuditFilter {
  return {
    unitId: positiveInteger(search.unitId),
    actorId: positiveInteger(search.actorId),
    entityType: typeof search.entityType === "string" && search.entityType ? search.entityType : undefined,
    from: isoDate(search.from),
    to: isoDate(search.to),
  };
}
