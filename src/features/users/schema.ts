// The users API: what a request may send and what it answers. Shared with the web (types only).

import { z } from "zod";
import { roles } from "../../domain/unitKinds.ts";
import { id, plainText } from "../../schemas/common.ts";
import { capabilities } from "../../schemas/contract.ts";
import { ruleMessage } from "../../schemas/rules.ts";

export const createUserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}._@-]{2,100}$/u, { message: ruleMessage("username_format") }),
  displayName: plainText(200).min(1, { message: ruleMessage("required") }),
  email: z
    .email({ message: ruleMessage("email_address") })
    .nullable()
    .optional(),
  // Checked against the password policy in the service, which also knows the names.
  password: z.string().max(1000),
  isSystemAdmin: z.boolean().default(false),
});

export const assignRoleInput = z.object({ unitId: id, role: z.enum(roles) });

export const resetPasswordInput = z.object({ password: z.string().max(1000) });

/** The provider's id of the user (Entra ID's `oid`, say); null unlinks. */
export const setExternalIdInput = z.object({
  externalId: plainText(200)
    .min(1, { message: ruleMessage("required") })
    .nullable()
    .meta({ description: "The value of the claim OIDC_USER_FIELD=external_id matches; null unlinks" }),
});

/** A user as the answer to a change names them. */
export const userSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
});

export const accountStateView = userSummary.extend({ active: z.boolean() });

export const externalIdView = userSummary.extend({ externalId: z.string().nullable() });

export const roleAssignmentView = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    unitPath: z.string(),
    role: z.enum(roles),
    source: z.enum(["tertial", "sso"]).meta({
      description:
        "sso: given by the sign-in service's groups (OIDC_GROUP_ROLES) and set anew at each sign-in; tertial: given here",
    }),
    can: capabilities(["remove"] as const),
  })
  .meta({ id: "RoleAssignment" });

export const userView = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    externalId: z.string().nullable(),
    isSystemAdmin: z.boolean(),
    active: z.boolean(),
    roles: z.array(roleAssignmentView),
    can: capabilities(["manageAccount"] as const).meta({
      description: "manageAccount: reset the password, deactivate and reactivate",
    }),
  })
  .meta({ id: "User" });

/** The answer to giving a role: the assignment as stored. */
export const assignmentView = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  unitId: z.number().int(),
  role: z.enum(roles),
  createdAt: z.iso.datetime(),
});

export type UserView = z.infer<typeof userView>;
export type RoleAssignmentView = z.infer<typeof roleAssignmentView>;
