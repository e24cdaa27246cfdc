#!/usr/bin/env node
// The `tertial` command. Runs the compiled server (dist/, made by `npm run build`) with plain Node,
// as a production install does. A checkout that has not been built runs the TypeScript sources
// through tsx, a devDependency, instead. (`npm run tertial` and `npm run dev` always run the
// sources; after changing them, `npm run build` again before using this command.)
import fs from "node:fs";

if (fs.existsSync(new URL("../dist/cli.js", import.meta.url))) {
  // Stack traces then name the TypeScript lines (tsc writes source maps beside the build).
  process.setSourceMapsEnabled(true);
  await import("../dist/cli.js");
} else {
  const { register } = await import("tsx/esm/api"); // check-runtime-deps: development only
  register();
  await import("../src/cli.ts");
}
