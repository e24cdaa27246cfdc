// Prints what the web build weighs, after `vite build`: the JavaScript the first page (the login
// page and the app shell) loads, and every chunk. The first page loads the entry script named in
// web/dist/index.html and the chunks it preloads (its static imports); everything else is fetched
// later, when a page that needs it is opened. Gzip sizes are at zlib's default level, about what
// a reverse proxy sends; the server itself sends the files as they are.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../web/dist/", import.meta.url).pathname;

function firstPageScripts(html) {
  const entries = [...html.matchAll(/<script type="module"[^>]*\ssrc="\/([^"]+\.js)"/g)];
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="\/([^"]+\.js)"/g)];
  return [...entries, ...preloads].map((match) => match[1]);
}

function sizeOf(file) {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`.padStart(10);
}

function total(sizes) {
  return sizes.reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), {
    raw: 0,
    gzip: 0,
  });
}

const firstPage = firstPageScripts(readFileSync(join(dist, "index.html"), "utf8"));
if (firstPage.length === 0) {
  console.error("bundle-sizes: web/dist/index.html names no module script; has the build changed?");
  process.exit(1);
}

const chunks = readdirSync(join(dist, "assets"))
  .filter((name) => name.endsWith(".js"))
  .map((name) => sizeOf(`assets/${name}`))
  .sort((a, b) => b.raw - a.raw);
const firstPageChunks = chunks.filter((chunk) => firstPage.includes(chunk.file));
const firstPageTotal = total(firstPageChunks);
const allTotal = total(chunks);

console.log("Web bundle (JavaScript; * = loaded by the first page)");
console.log(`${"raw".padStart(10)} ${"gzip".padStart(10)}  chunk`);
for (const chunk of chunks) {
  const mark = firstPage.includes(chunk.file) ? "*" : " ";
  console.log(`${kB(chunk.raw)} ${kB(chunk.gzip)} ${mark} ${chunk.file}`);
}
console.log(
  `${kB(firstPageTotal.raw)} ${kB(firstPageTotal.gzip)}  first page (${firstPageChunks.length} files)`,
);
console.log(`${kB(allTotal.raw)} ${kB(allTotal.gzip)}  all chunks (${chunks.length} files)`);
