// The shapes the API answers with. They mirror the server's presenters in src/features/*;
// the lists of kinds and roles repeat src/db/schema.ts because the web bundle must not pull in
// the database code.

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

export type Me = {
  id: number;
  username: string;
  displayName: string;
  locale: "nb" | "en";
  isSystemAdmin: boolean;
  roles: { unitId: number; unitName: string; unitPath: string; role: Role }[];
};

export type SetupStatus = { needsFirstAdmin: boolean };

export type Unit = {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  path: string;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  version: number;
};

export type AuditEntry = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: number | null;
  unitName: string | null;
  before: unknown;
  after: unknown;
};

export type AuditPage = { entries: AuditEntry[]; entityTypes: string[] };

export type RoleAssignment = {
  id: number;
  userId: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  role: Role;
};

export type UserWithRoles = {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  isSystemAdmin: boolean;
  active: boolean;
  roles: RoleAssignment[];
};
