import type { FastifyInstance } from "fastify";
import { systemCaller } from "../caller.ts";
import { type Config, loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { Role, UnitKind } from "../db/schema.ts";
import { createUnit } from "../features/units/service.ts";
import { assignRole, createUser } from "../features/users/service.ts";
import { buildServer } from "../server.ts";
import { createTestDatabase } from "./database.ts";

export const testPassword = "test-password-1";

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: "silent" }), ...overrides };
}

/** Factories that build a test's own data through the real services. */
export function factories(database: Database) {
  const { db } = database;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}${++counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    unit: (
      options: {
        parentId?: number | null;
        kind?: UnitKind;
        code?: string;
        name?: string;
        validFrom?: string;
      } = {},
    ) =>
      createUnit(db, systemCaller, {
        code: options.code ?? unique("U"),
        name: options.name ?? unique("Unit "),
        kind: options.kind ?? "health_trust",
        parentId: options.parentId ?? null,
        validFrom: options.validFrom ?? "2020-01-01",
      }),
    user: async (
      options: { roles?: { unitId: number; role: Role }[]; systemAdmin?: boolean; username?: string } = {},
    ) => {
      const user = await createUser(db, systemCaller, {
        username: options.username ?? unique("user"),
        displayName: unique("Person "),
        password: testPassword,
        isSystemAdmin: options.systemAdmin ?? false,
      });
      for (const role of options.roles ?? []) await assignRole(db, systemCaller, user.id, role);
      return user;
    },
  };
}

/** Signs in through the API and returns the Cookie header value for later requests. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = testPassword,
): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "tertial_session");
  if (!cookie) throw new Error("no session cookie");
  return `tertial_session=${cookie.value}`;
}

export async function createTestApp(configOverrides: Partial<Config> = {}) {
  const database = await createTestDatabase();
  const app = await buildServer(testConfig(configOverrides), database);
  return {
    app,
    database,
    db: database.db,
    make: factories(database),
    signIn: (username: string, password?: string) => signIn(app, username, password),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
