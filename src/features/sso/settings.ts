import { z } from "zod";
import { type Role, roles } from "../../domain/unitKinds.ts";

// Single sign-on's settings, parsed from the environment by src/config.ts (the one place that reads it).

/** Where a user's claim is looked up in Tertial. */
export const userFields = ["external_id", "username", "email"] as const;
export type UserField = (typeof userFields)[number];

/** One line of the group table: members of `group` at the provider get `role` on the unit `unitCode`. */
export type GroupRole = { group: string; unitCode: string; role: Role };

export type SsoSettings = {
  issuer: URL;
  clientId: string;
  /** The client secret (client_secret_basic), unless the client signs with a private key. */
  clientSecret: string | undefined;
  /** A private JWK (JSON) for private_key_jwt, as HelseID requires. */
  clientPrivateKey: string | undefined;
  scopes: string;
  /** Send the sign-in's parameters to the provider first (PAR, RFC 9126), as HelseID requires. */
  usePar: boolean;
  /** The claim that names the user, and the Tertial field it is compared with. */
  userClaim: string;
  userField: UserField;
  createUsers: boolean;
  groupsClaim: string;
  groupRoles: GroupRole[];
  /** The name on the sign-in button ("Helse Nord", "HelseID"); without it, "your organisation's account". */
  displayName: string | undefined;
  /** Where the provider sends the browser back: {publicUrl}/api/auth/sso/callback. */
  redirectUri: string;
  /** Where the provider sends the browser after signing out there: {publicUrl}/login. */
  postLogoutRedirectUri: string;
};

/**
 * `group=UNIT:role` pairs separated by commas or line breaks, e.g.
 * `3f2a…=UNN:editor, 8b1c…=HN:approver`. The group is the claim's value (an Entra ID object id, a
 * HelseID group name); the unit is its code.
 */
export function parseGroupRoles(text: string, context: z.RefinementCtx): GroupRole[] {
  const entries = text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const result: GroupRole[] = [];
  for (const entry of entries) {
    const match = /^(.+?)\s*=\s*([^:\s]+)\s*:\s*(\S+)$/.exec(entry);
    const role = match?.[3] as Role | undefined;
    if (!match || !role || !roles.includes(role)) {
      context.addIssue({
        code: "custom",
        message: `"${entry}" is not group=UNIT:role with a role of ${roles.join(", ")}`,
      });
      return z.NEVER;
    }
    result.push({ group: match[1] as string, unitCode: match[2] as string, role });
  }
  return result;
}

const onOff = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(["true", "false", "on", "off", "yes", "no", "1", "0"]))
  .transform((value) => ["true", "on", "yes", "1"].includes(value));

const emptyAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema);

export const ssoEnvironment = {
  // The address users reach Tertial at, as the browser sees it (https://tertial.helse-nord.no).
  TERTIAL_PUBLIC_URL: emptyAsUnset(z.string().url().optional()),
  OIDC_ISSUER: emptyAsUnset(z.string().url().optional()),
  OIDC_CLIENT_ID: emptyAsUnset(z.string().optional()),
  OIDC_CLIENT_SECRET: emptyAsUnset(z.string().optional()),
  OIDC_CLIENT_PRIVATE_KEY: emptyAsUnset(z.string().optional()),
  OIDC_SCOPES: z.string().default("openid profile email"),
  OIDC_USE_PAR: onOff.default(false),
  OIDC_USER_CLAIM: z.string().default("sub"),
  OIDC_USER_FIELD: z.enum(userFields).default("external_id"),
  OIDC_CREATE_USERS: onOff.default(false),
  OIDC_GROUPS_CLAIM: z.string().default("groups"),
  OIDC_GROUP_ROLES: z.string().default("").transform(parseGroupRoles),
  OIDC_DISPLAY_NAME: emptyAsUnset(z.string().max(60).optional()),
  LOCAL_SIGN_IN: onOff.default(true),
};

type SsoEnvironment = z.infer<z.ZodObject<typeof ssoEnvironment>>;

/** The settings, or undefined when no issuer is set; the problems when they do not fit together. */
export function ssoSettingsOf(env: SsoEnvironment): { settings?: SsoSettings; problems: string[] } {
  if (!env.OIDC_ISSUER) {
    return { problems: env.LOCAL_SIGN_IN ? [] : ["LOCAL_SIGN_IN: cannot be off without OIDC_ISSUER"] };
  }
  const problems: string[] = [];
  if (!env.OIDC_CLIENT_ID) problems.push("OIDC_CLIENT_ID: required with OIDC_ISSUER");
  if (!env.TERTIAL_PUBLIC_URL) problems.push("TERTIAL_PUBLIC_URL: required with OIDC_ISSUER");
  if (env.OIDC_CLIENT_PRIVATE_KEY) {
    try {
      const key = JSON.parse(env.OIDC_CLIENT_PRIVATE_KEY) as { d?: unknown };
      if (typeof key.d !== "string") problems.push("OIDC_CLIENT_PRIVATE_KEY: not a private JWK");
    } catch {
      problems.push("OIDC_CLIENT_PRIVATE_KEY: not JSON (a private JWK)");
    }
  }
  if (problems.length > 0 || !env.OIDC_CLIENT_ID || !env.TERTIAL_PUBLIC_URL) return { problems };
  const publicUrl = env.TERTIAL_PUBLIC_URL.replace(/\/+$/, "");
  return {
    problems,
    settings: {
      issuer: new URL(env.OIDC_ISSUER),
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      clientPrivateKey: env.OIDC_CLIENT_PRIVATE_KEY,
      scopes: env.OIDC_SCOPES,
      usePar: env.OIDC_USE_PAR,
      userClaim: env.OIDC_USER_CLAIM,
      userField: env.OIDC_USER_FIELD,
      createUsers: env.OIDC_CREATE_USERS,
      groupsClaim: env.OIDC_GROUPS_CLAIM,
      groupRoles: env.OIDC_GROUP_ROLES,
      displayName: env.OIDC_DISPLAY_NAME,
      redirectUri: `${publicUrl}/api/auth/sso/callback`,
      postLogoutRedirectUri: `${publicUrl}/login`,
    },
  };
}
