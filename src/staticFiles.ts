import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** How long a browser may keep a file whose name carries its content's hash: for good. */
export const immutableCaching = "public, max-age=31536000, immutable";

/**
 * Serves the built web app from `webRoot`, as it is on disk, so a rebuild needs no restart.
 *
 * `npm run build:web` writes a Brotli (.br) and a gzip (.gz) copy beside each text file
 * (scripts/compress-web.mjs); a browser that accepts them gets the compressed copy, one that does
 * not the file itself, and caches are told the answer varies by Accept-Encoding. Vite names every
 * file under assets/ by its content hash, so a browser may keep those for good; the page itself
 * (index.html) names the current ones, so the browser must check it with the server every time.
 */
export async function registerStaticFiles(app: FastifyInstance, webRoot: string) {
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: true,
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      // filePath is the file sent: assets/index-3f2a9c.js.br for a compressed copy.
      const relative = path.relative(webRoot, filePath);
      if (relative.startsWith(`assets${path.sep}`)) {
        reply.header("cache-control", immutableCaching);
      } else if (/^index\.html(\.br|\.gz)?$/.test(relative)) {
        reply.header("cache-control", "no-cache");
      }
    },
  });
}
