// The value lists of steering documents and their requirements. The database schema, the API
// schemas and the web's forms all read them from here, so the API and the database agree.

import type { ReportingPoint } from "./periods.ts";

export const documentKinds = ["steering_document", "enterprise_meeting_minutes", "own_requirements"] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentStates = ["draft", "published"] as const;
export type DocumentState = (typeof documentStates)[number];

export const requirementKinds = ["goal", "indicator", "assignment"] as const;
export type RequirementKind = (typeof requirementKinds)[number];

/** The points in a year at which a requirement is reported on. */
export const reportingPoints = ["T1", "T2", "annual"] as const satisfies readonly ReportingPoint[];
export type { ReportingPoint };
