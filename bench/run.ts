// `npm run bench`: runs every benchmark in turn, each in its own process so one's memory does not
// colour another's figures. Never part of `npm test`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const folder = path.dirname(fileURLToPath(import.meta.url));
const skip = new Set(["run.ts", "support.ts"]);
const benches = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith(".ts") && !skip.has(name))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(folder, name)], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
