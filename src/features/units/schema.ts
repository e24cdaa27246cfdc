// The units API: what a request may send and what it answers. Shared with the web (types only).

import { z } from "zod";
import { unitKinds } from "../../domain/unitKinds.ts";
import { id, isoDate, plainText, version } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { ruleMessage } from "../../schemas/rules.ts";

const required = { message: ruleMessage("required") };

export const unitCodeSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,31}$/u, { message: ruleMessage("code_format") });

export const createUnitInput = z.object({
  code: unitCodeSchema,
  name: plainText(200).min(1, required),
  kind: z.enum(unitKinds),
  parentId: id.nullable(),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
});

export const updateUnitInput = z.object({
  version,
  code: unitCodeSchema.optional(),
  name: plainText(200).min(1, required).optional(),
  kind: z.enum(unitKinds).optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
});

export const moveUnitInput = z.object({ version, parentId: id.nullable() });

export const deactivateUnitInput = z.object({ version, validTo: isoDate.optional() });

/** What the caller may do on a unit: each is checked again on the server when done. */
export const unitCapabilities = capabilities([
  "manage", // edit, move, deactivate, add sub-units and give roles
  "readAudit",
  "importMeasurements",
  "manageIndicators",
  "publishScorecard",
  "draftSteering",
  "generateDocuments",
  "editTemplates",
] as const);

export const unitView = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(unitKinds),
    parentId: z.number().int().nullable(),
    path: z.string().meta({ description: "Materialised path of ids, e.g. /1/4/9/" }),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    can: unitCapabilities,
  })
  .meta({ id: "Unit" });

export type UnitView = z.infer<typeof unitView>;
export type UnitCapabilities = z.infer<typeof unitCapabilities>;
