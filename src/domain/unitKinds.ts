// The kinds of unit and the roles a user can hold on one. The database schema, the API schemas
// and the web's forms all read them from here.

export const unitKinds = [
  "owner",
  "regional_health_authority",
  "health_trust",
  "hospital",
  "clinic",
  "department",
] as const;
export type UnitKind = (typeof unitKinds)[number];

export const roles = ["admin", "approver", "editor", "reader"] as const;
export type Role = (typeof roles)[number];
