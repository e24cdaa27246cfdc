import { defineConfig } from "vitest/config";

// Browser journeys: one real server and one Chromium, so tests run one at a time in one fork.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/e2e.json" },
    hookTimeout: 120_000,
  },
});
