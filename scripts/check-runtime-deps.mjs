#!/usr/bin/env node
// Every package the server loads at run time must be a dependency, not a devDependency, or
// `npm ci --omit=dev` gives a server that cannot start. Walks the import graph from the server's
// entry points (bin/tertial.js, src/cli.ts) with a simple regex over import, export … from and
// import("…") statements, and fails naming each bare package that is not in "dependencies".
// `import type` and `export type` are erased before run time and do not count; node: builtins
// are left out. Tests, test support, benchmarks and scripts are not part of the server.
// dist/ is the build of src/ (walked as the sources), and a line that ends in the comment
// `// check-runtime-deps: development only` is the fallback for an unbuilt checkout (bin/tertial.js
// runs the sources through tsx there); scripts/check-production-install.sh proves the build starts
// without them.
//
// Usage: node scripts/check-runtime-deps.mjs

import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entries = ["bin/tertial.js", "src/cli.ts"];
const sourceExtensions = [".ts", ".tsx", ".mts", ".js", ".mjs", ".jsx"];
const notServer = [/\.test\.tsx?$/, /^src\/testing\//, /^bench\//, /^scripts\//, /^e2e\//];

const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
const devDependencies = new Set(Object.keys(pkg.devDependencies ?? {}));
const builtins = new Set(builtinModules);

// An import clause is names, braces, commas, `* as x` and `type`: no quotes, parentheses or `;`,
// which keeps the pattern from running across prose in template strings.
const clause = String.raw`[\w\s{},*$]*?`;
const patterns = [
  // import x from "m"; import { a, type b } from "m"; import type { T } from "m" (skipped below)
  new RegExp(String.raw`^\s*import\s+(type\s+)?${clause}\s*from\s*["']([^"']+)["']`, "gm"),
  // export { a } from "m"; export * from "m"; export type { T } from "m" (skipped below)
  new RegExp(String.raw`^\s*export\s+(type\s+)?${clause}\s*from\s*["']([^"']+)["']`, "gm"),
  // import "m";
  /^\s*import\s*()["']([^"']+)["']/gm,
  // import("m"), await import("m")
  /\bimport\s*\(\s*()["']([^"']+)["']\s*[,)]/g,
];
const developmentOnly = "// check-runtime-deps: development only";
const computedImport = /\bimport\s*\(\s*(?!["'])[^)\s]/g;

const relative = (file) => path.relative(root, file).split(path.sep).join("/");

function resolveLocal(from, specifier) {
  const base = specifier.startsWith("/") ? specifier : path.resolve(path.dirname(from), specifier);
  const candidates = [base, ...sourceExtensions.map((ext) => base + ext)];
  // A TypeScript source imported as .js, as tsc's older convention has it.
  if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/\.([cm]?)js$/, ".$1ts"));
  candidates.push(...sourceExtensions.map((ext) => path.join(base, `index${ext}`)));
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const problems = [];
const used = new Map(); // package → first file that imports it
const seen = new Set();
const queue = entries.map((entry) => path.join(root, entry));

while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  if (!sourceExtensions.includes(path.extname(file))) continue; // JSON and other data files
  const source = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !line.trimEnd().endsWith(developmentOnly))
    .join("\n");
  if (computedImport.test(source)) {
    problems.push(`${relative(file)}: import() of a computed name; write the module name as a string`);
  }
  computedImport.lastIndex = 0;
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      if (match[1]) continue; // import type / export type: erased before run time
      const specifier = match[2];
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const base = path.resolve(path.dirname(file), specifier);
        if (relative(base).startsWith("dist/")) continue;
        const target = resolveLocal(file, specifier);
        if (!target) {
          problems.push(`${relative(file)}: cannot find "${specifier}"`);
        } else if (notServer.some((re) => re.test(relative(target)))) {
          problems.push(
            `${relative(file)}: the server imports ${relative(target)}, which is test or tool code`,
          );
        } else {
          queue.push(target);
        }
        continue;
      }
      if (specifier.startsWith("node:") || builtins.has(specifier)) continue;
      if (specifier.startsWith("#")) {
        problems.push(`${relative(file)}: subpath import "${specifier}" is not supported by this check`);
        continue;
      }
      const name = packageName(specifier);
      if (!used.has(name)) used.set(name, relative(file));
    }
  }
}

for (const [name, file] of [...used].sort(([a], [b]) => a.localeCompare(b))) {
  if (dependencies.has(name)) continue;
  const where = devDependencies.has(name) ? "is a devDependency" : "is not in package.json";
  problems.push(`"${name}" (imported by ${file}) ${where}; move it to "dependencies"`);
}

if (problems.length > 0) {
  console.error(`check-runtime-deps: ${problems.length} problem(s) in the server's imports:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(
  `check-runtime-deps: ${seen.size} server files import ${used.size} packages, all in "dependencies".`,
);
