// The audit trail's API: its filters and its pages. Shared with the web (types only).

import { z } from "zod";
import { bigId, id, instant, plainText, wholeNumber } from "../../schemas/common.ts";

export const auditQuery = z.object({
  unitId: id.optional(),
  actorId: id.optional(),
  entityType: plainText(100).optional(),
  entityId: plainText(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: wholeNumber(1, 500).optional(),
  beforeId: bigId.optional(),
});

export const auditEntryView = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actorId: z.number().int().nullable(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    entityLabel: z
      .string()
      .nullable()
      .meta({
        description:
          "The entity's name in words, without its kind: 'INNLEIE 2026' for an indicator's target, " +
          "'T1 2026 – Helse Nord RHF' for a reporting round; null when it cannot be told",
      }),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEntry" });

export const auditPageView = z.object({
  entries: z.array(auditEntryView),
  entityTypes: z.array(z.string()).meta({ description: "Every kind of entity the trail names" }),
});

export type AuditEntryView = z.infer<typeof auditEntryView>;
export type AuditPageView = z.infer<typeof auditPageView>;
