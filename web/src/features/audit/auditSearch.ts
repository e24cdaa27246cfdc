import type { AuditFilter } from "../../api/hooks.ts";

// The audit filter lives in the address, so a filtered view can be bookmarked and shared.

function positiveInteger(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** A real calendar day written YYYY-MM-DD: an address with 2024-13-45 filters on nothing. */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real ? value : undefined;
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
