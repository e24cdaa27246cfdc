// The sign-in API: what a request may send and what it answers. Shared with the web (types only).

import { z } from "zod";
import { roles } from "../../domain/unitKinds.ts";
import { plainText } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { ruleMessage } from "../../schemas/rules.ts";

const required = { message: ruleMessage("required") };

export const locales = ["nb", "en"] as const;

export const preferencesInput = z.object({ locale: z.enum(locales) });

export const loginInput = z.object({
  // The name reaches SQL (and the throttle table), so it is plain text like every other name.
  username: plainText(100).min(1, required),
  password: z.string().min(1, required).max(1000),
});

// The new password is checked against the policy in the service, which knows the username.
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, required).max(1000),
  password: z.string().max(1000),
});

/** What the caller may do anywhere: which menus and "new" buttons to show. */
export const globalCapabilities = capabilities([
  "createTopLevelUnit",
  "manageUsers",
  "createSystemAdministrators",
  "readAudit",
  "createIndicators",
  "createOrganisationIndicators",
  "importMeasurements",
  "draftSteering",
  "editTemplates",
  "editOrganisationTemplates",
] as const);

export const meView = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    locale: z.enum(locales),
    isSystemAdmin: z.boolean(),
    roles: z.array(
      z.object({
        unitId: z.number().int(),
        unitName: z.string(),
        unitPath: z.string(),
        role: z.enum(roles),
      }),
    ),
    can: globalCapabilities,
  })
  .meta({ id: "Me" });

export type MeView = z.infer<typeof meView>;
export type GlobalCapabilities = z.infer<typeof globalCapabilities>;
