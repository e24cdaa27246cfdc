// Operations: liveness and whether the installation has a user yet. Shared with the web (types only).

import { z } from "zod";

export const healthView = z.object({ status: z.enum(["ok", "unavailable"]), database: z.string() });

export const setupView = z.object({ needsFirstAdmin: z.boolean() });

export type SetupView = z.infer<typeof setupView>;
