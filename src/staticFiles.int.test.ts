import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./server.ts";
import { testConfig } from "./testing/app.ts";
import { createTestDatabase } from "./testing/database.ts";

// The web app's files as the server sends them: a build compressed by scripts/compress-web.mjs
// (the same script `npm run build:web` runs), served with the compressed copy the browser accepts.

const script = "export const greeting = 'hei';\n".repeat(200);
const style = "body { margin: 0; }\n".repeat(200);
const page = `<!doctype html><html lang="nb"><title>Tertial</title><script type="module" src="/assets/index-3f2a9c.js"></script>${"<!-- padding -->".repeat(80)}</html>\n`;

let webRoot: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: FastifyInstance;

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-static-"));
  fs.mkdirSync(path.join(webRoot, "assets"));
  fs.writeFileSync(path.join(webRoot, "assets", "index-3f2a9c.js"), script);
  fs.writeFileSync(path.join(webRoot, "assets", "index-77e1d0.css"), style);
  fs.writeFileSync(path.join(webRoot, "assets", "tiny-0a1b2c.js"), "export {};\n");
  fs.writeFileSync(path.join(webRoot, "index.html"), page);
  execFileSync(process.execPath, [path.resolve("scripts/compress-web.mjs"), webRoot], { stdio: "ignore" });
  database = await createTestDatabase();
  app = await buildServer(testConfig(), database, { webRoot });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe("the web app's static files", () => {
  it("are compressed beside the build, except files too small to gain", () => {
    const assets = fs.readdirSync(path.join(webRoot, "assets")).sort();
    expect(assets).toEqual([
      "index-3f2a9c.js",
      "index-3f2a9c.js.br",
      "index-3f2a9c.js.gz",
      "index-77e1d0.css",
      "index-77e1d0.css.br",
      "index-77e1d0.css.gz",
      "tiny-0a1b2c.js",
    ]);
  });

  it("sends the Brotli copy to a browser that accepts br", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/assets/index-3f2a9c.js",
      headers: { "accept-encoding": "gzip, deflate, br, zstd" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it("sends the gzip copy to a browser that accepts only gzip", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/assets/index-77e1d0.css",
      headers: { "accept-encoding": "gzip" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers["content-type"]).toMatch(/^text\/css/);
    expect(gunzipSync(response.rawPayload).toString()).toBe(style);
  });

  it("sends the file itself to a client that accepts no compression, or where there is no copy", async () => {
    const plain = await app.inject({ method: "GET", url: "/assets/index-3f2a9c.js" });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);

    const tiny = await app.inject({
      method: "GET",
      url: "/assets/tiny-0a1b2c.js",
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body).toBe("export {};\n");
  });

  it("lets a browser keep a hashed asset for good, compressed or not", async () => {
    for (const encoding of ["br", "gzip", "identity"]) {
      const response = await app.inject({
        method: "GET",
        url: "/assets/index-3f2a9c.js",
        headers: { "accept-encoding": encoding },
      });
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
  });

  it("makes the browser check the page (index.html) every time, at / and at the app's own addresses", async () => {
    for (const url of ["/", "/index.html", "/units", "/steering/1"]) {
      const response = await app.inject({ method: "GET", url, headers: { "accept-encoding": "br, gzip" } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toMatch(/^text\/html/);
      expect(response.headers["content-encoding"], url).toBe("br");
      expect(response.headers["cache-control"], url).toBe("no-cache");
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(page);
    }
  });

  it("still answers a missing asset with 404, not the page", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/assets/gone-123456.js",
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers["cache-control"] ?? "").not.toContain("immutable");
  });
});
