import type { Role } from "./unitKinds.ts";

// The rules of single sign-on that need no provider: where the browser may be sent back to, what a
// claim says, and which roles a user's groups give.

/**
 * The page to open after signing in: a path inside this app, never another site ("//evil",
 * "/\\evil", "https://…") and never the sign-in page itself; "/" otherwise.
 */
export function safeReturnPath(value: string | undefined | null): string {
  if (typeof value !== "string" || value.length > 1000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Control characters (a header split) and backslashes have no place in an app path.
  const unfit = (code: number) => code < 0x20 || code === 0x7f || code === 0x5c;
  if ([...value].some((character) => unfit(character.charCodeAt(0)))) return "/";
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/login/")) return "/";
  return value;
}

/** A claim as text: a string or a number as it reads; anything else (missing, a list, an object) is undefined. */
export function claimText(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The groups a claim lists: a list of strings, or one string; other entries are left out. */
export function claimGroups(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(list.filter((entry): entry is string => typeof entry === "string" && entry !== ""))];
}

export type GroupRoleRule = { group: string; unitCode: string; role: Role };

/**
 * The roles the user's groups give by the configured table, each unit and role once, in the
 * table's order. Groups are compared exactly: Entra ID's object ids and HelseID's names are
 * case-sensitive identifiers.
 */
export function rolesFromGroups(
  groups: readonly string[],
  table: readonly GroupRoleRule[],
): { unitCode: string; role: Role }[] {
  const member = new Set(groups);
  const seen = new Set<string>();
  const result: { unitCode: string; role: Role }[] = [];
  for (const rule of table) {
    const key = `${rule.unitCode}\u0000${rule.role}`;
    if (!member.has(rule.group) || seen.has(key)) continue;
    seen.add(key);
    result.push({ unitCode: rule.unitCode, role: rule.role });
  }
  return result;
}

/**
 * The username for a user made at first sign-in: the provider's `preferred_username`, else the
 * e-mail address, else the matched claim, made to fit every username's rule (letters, digits and
 * . _ @ -, 2 to 100 characters): other characters become "_".
 */
export function usernameForNewUser(claims: Record<string, unknown>, matched: string): string {
  const name = claimText(claims, "preferred_username") ?? claimText(claims, "email") ?? matched;
  const fitted = Array.from(name.replace(/[^\p{L}\p{N}._@-]/gu, "_"))
    .slice(0, 100)
    .join("");
  return fitted.length >= 2 ? fitted : fitted.padEnd(2, "_");
}

/** The name shown for a user made at first sign-in: `name`, else given and family name, else the username. */
export function displayNameForNewUser(claims: Record<string, unknown>, username: string): string {
  const full = claimText(claims, "name");
  if (full) return full.slice(0, 200);
  const parts = [claimText(claims, "given_name"), claimText(claims, "family_name")].filter(Boolean);
  return parts.length > 0 ? parts.join(" ").slice(0, 200) : username;
}
