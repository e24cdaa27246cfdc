// Prints one plain closing line, "tests: N passed, N failed", from Vitest's JSON reports, so that
// CI's log says how many tests ran. A file that failed to load counts as one failure.
import fs from "node:fs";
import path from "node:path";

const folder = process.argv[2] ?? "test-results";
let passed = 0;
let failed = 0;
for (const file of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
  if (!file.endsWith(".json")) continue;
  const report = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8"));
  for (const result of report.testResults ?? []) {
    const assertions = result.assertionResults ?? [];
    passed += assertions.filter((a) => a.status === "passed").length;
    const failures = assertions.filter((a) => a.status === "failed").length;
    failed += failures === 0 && result.status === "failed" ? 1 : failures;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
