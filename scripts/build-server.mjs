#!/usr/bin/env node
// `npm run build:server`: compiles src/ to dist/ with tsc (tsconfig.build.json), then copies what
// the compiled server reads from disk beside its own files: the database migrations, which
// src/db/client.ts finds next to itself. (The demo data is imported JSON, which tsc emits.)
// dist/ is emptied first, so a file deleted from src/ does not live on in the build.
//
// Usage: node scripts/build-server.mjs

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");

fs.rmSync(dist, { recursive: true, force: true });
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
if (result.status !== 0) {
  console.error("build-server: tsc failed");
  process.exit(result.status ?? 1);
}
fs.cpSync(path.join(root, "src", "db", "migrations"), path.join(dist, "db", "migrations"), {
  recursive: true,
});
console.log("build-server: dist/ holds the compiled server and its migrations");
