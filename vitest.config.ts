import { defineConfig } from "vitest/config";

// Unit and integration tests of the server, and unit tests of the web app's helpers (project
// "web"). Integration tests (*.int.test.ts) run on the embedded PGlite, and a second time on
// PostgreSQL when TEST_DATABASE_URL is set. Tests that need a shared server (*.pg.test.ts:
// several app processes on one database) run on PostgreSQL only.
const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    // The JSON report feeds the plain closing line that CI prints (scripts/test-summary.mjs).
    reporters: ["default", "json"],
    outputFile: { json: "test-results/unit.json" },
    projects: [
      {
        test: {
          name: "pglite",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.pg.test.ts"],
          env: { TEST_DB: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The web app's pure helpers (formatting, the unit tree, search parameters): no DOM needed.
        test: {
          name: "web",
          include: ["web/src/**/*.test.ts"],
          environment: "node",
          // The app's users are in Norway: dates and times are checked in their time zone, where a
          // UTC-versus-local mistake shows (the machine running the tests may well be on UTC).
          env: { TZ: "Europe/Oslo" },
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: "postgres",
                include: ["src/**/*.int.test.ts", "src/**/*.pg.test.ts"],
                env: { TEST_DB: "postgres" },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
