// The shapes of the foundation's answers: the server's schemas (src/features/*/schema.ts), as
// types only, so that the web and the server cannot drift apart. The web imports runtime code
// only from src/domain, never from the server's features.

export { type Role, roles, type UnitKind, unitKinds } from "../../../src/domain/unitKinds.ts";
export type {
  AuditEntryView as AuditEntry,
  AuditPageView as AuditPage,
} from "../../../src/features/audit/schema.ts";
export type { GlobalCapabilities, MeView as Me } from "../../../src/features/auth/schema.ts";
export type { SetupView as SetupStatus } from "../../../src/features/health/schema.ts";
export type { SignInOptionsView as SignInOptions, SignOutView } from "../../../src/features/sso/schema.ts";
export type { UnitCapabilities, UnitView as Unit } from "../../../src/features/units/schema.ts";
export type {
  RoleAssignmentView as RoleAssignment,
  UserView as UserWithRoles,
} from "../../../src/features/users/schema.ts";
