// Writes a Brotli (.br) and a gzip (.gz) copy beside every text file of the web build, after
// `vite build`; the server sends them to browsers that accept them (src/staticFiles.ts), so it
// does no compressing per request. Both at their highest levels: it is done once per build.
// Usage: node scripts/compress-web.mjs [folder], web/dist by default.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = process.argv[2] ?? new URL("../web/dist/", import.meta.url).pathname;
const compressible = /\.(js|mjs|css|html|svg|json|txt|md|map|wasm|xml|ico)$/;
// Below this a compressed copy saves less than the headers it adds.
const smallest = 1024;

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

let count = 0;
let rawTotal = 0;
let brTotal = 0;
let gzTotal = 0;
for (const file of files(root)) {
  if (!compressible.test(file) || statSync(file).size < smallest) continue;
  const bytes = readFileSync(file);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = gzipSync(bytes, { level: 9 });
  // A copy that is not smaller is left out; the server then sends the file itself.
  if (brotli.length < bytes.length) writeFileSync(`${file}.br`, brotli);
  if (gzip.length < bytes.length) writeFileSync(`${file}.gz`, gzip);
  count += 1;
  rawTotal += bytes.length;
  brTotal += Math.min(brotli.length, bytes.length);
  gzTotal += Math.min(gzip.length, bytes.length);
}

const shown = relative(process.cwd(), root).startsWith("..") ? root : relative(process.cwd(), root) || ".";
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(
  `Compressed ${count} files in ${shown}: ${kB(rawTotal)} → ${kB(brTotal)} brotli, ${kB(gzTotal)} gzip`,
);
