import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./server.ts";
import { createTestApp, testConfig } from "./testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let cookie: string;

// Statements that fail in the database the way a value from a request can make them fail.
const failingStatements: Record<string, string> = {
  "22P02": "select 'abc'::int",
  "22003": "select '99999999999'::int",
  "22008": "select '294276-12-31'::date + interval '1000 years'",
  "22021": "select convert_from('\\x00'::bytea, 'UTF8')",
  "23505": "insert into t (id) values (1), (1)",
  "23503": "insert into u (t_id) values (2)",
};

beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 2048 });
  // A test-only route (the app is not started yet, so routes can still be added).
  t.app.post<{ Params: { code: string } }>("/api/test-only/fail/:code", async (request) =>
    t.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table t (id int primary key) on commit drop`);
      await tx.execute(sql`create temporary table u (t_id int references t) on commit drop`);
      await tx.execute(sql.raw(failingStatements[request.params.code] ?? "select 1"));
      return { ok: true };
    }),
  );
});
afterAll(() => t.close());

describe("operations", () => {
  it("reports health with the database kind", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "ok", database: t.database.kind });
  });

  it("says a new installation needs its first admin", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/setup" });
    expect(response.json()).toEqual({ needsFirstAdmin: true });
  });

  it("publishes the OpenAPI document and a reference page", async () => {
    const spec = await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toEqual(
      expect.arrayContaining(["/api/units", "/api/audit", "/api/auth/login"]),
    );
    const page = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
  });
});

describe("errors are problem+json", () => {
  it.each([
    ["GET", "/api/units/%", 400, "bad_url"],
    ["POST", `/api/units/${"9".repeat(101)}/move`, 414, "uri_too_long"],
  ] as const)("answers the router's refusal of %s %s as a problem", async (method, url, status, code) => {
    const response = await t.app.inject({ method, url });
    expect(response.statusCode).toBe(status);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.json()).toMatchObject({ status, code });
  });

  it("answers an unknown API path with 404", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ status: 404, code: "not_found", title: "Not found" });
  });

  it("refuses a body over the limit with 413", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "x", password: "y".repeat(5000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe("payload_too_large");
  });

  it("refuses malformed JSON with 400", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("names missing fields", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "x" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems).toEqual([expect.objectContaining({ field: "password" })]);
  });
});

describe("the web app", () => {
  it("answers a missing asset with 404, not with the app's HTML", async () => {
    const response = await t.app.inject({ method: "GET", url: "/assets/missing-file.js" });
    expect(response.statusCode).toBe(404);
  });
});

describe("requests from another site", () => {
  it.each(["null", "not a url", "https://evil.example", "file:///etc/passwd"])(
    "refuses a POST with Origin %j as a 403 problem",
    async (origin) => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { origin },
        payload: { username: "x", password: "y" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({ status: 403, code: "forbidden" });
    },
  );

  it("lets a POST from the server's own origin through", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { host: "tertial.example", origin: "https://tertial.example" },
      payload: { username: "nobody", password: "not-the-password" },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe("broken uploads", () => {
  // An editor with a draft of their own, so that the body is what the routes refuse.
  const uploadRoutes = ["/api/measurements/import"];
  beforeAll(async () => {
    const region = await t.make.unit({ kind: "regional_health_authority" });
    const trust = await t.make.unit({ parentId: region.id });
    const user = await t.make.user({ roles: [{ unitId: region.id, role: "editor" }] });
    cookie = await t.signIn(user.username);
    const draft = await t.app.inject({
      method: "POST",
      url: "/api/steering-documents",
      headers: { cookie },
      payload: {
        year: 2024,
        issuingUnitId: region.id,
        recipientUnitIds: [trust.id],
        kind: "own_requirements",
        title: "Utkast",
      },
    });
    uploadRoutes.push(`/api/steering-documents/${draft.json().id}/requirements/import`);
  });
  const part =
    'Content-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n';
  const cases = [
    {
      name: "a Content-Type without a boundary",
      contentType: "multipart/form-data",
      body: `--B\r\n${part}x\r\n--B--\r\n`,
      reason: /boundary/i,
    },
    {
      name: "a body that ends in the middle of the file",
      contentType: "multipart/form-data; boundary=B",
      body: `--B\r\n${part}unit;indicator;month`,
      reason: /sluttet|ikke leses/i,
    },
    {
      name: "a body that ends in the middle of a part's header",
      contentType: "multipart/form-data; boundary=B",
      body: "--B\r\nContent-Disposition: form-da",
      reason: /sluttet|ikke leses/i,
    },
    {
      name: "JSON instead of a form",
      contentType: "application/json",
      body: "{}",
      reason: /multipart\/form-data/,
    },
  ];
  it.each(cases)(
    "answers both upload routes with 400 naming the reason for $name",
    async ({ contentType, body, reason }) => {
      expect(uploadRoutes).toHaveLength(2);
      for (const url of uploadRoutes) {
        const response = await t.app.inject({
          method: "POST",
          url,
          headers: { cookie, "content-type": contentType },
          payload: body,
        });
        expect([url, response.statusCode]).toEqual([url, 400]);
        expect(response.headers["content-type"]).toContain("application/problem+json");
        expect(response.json().detail).toMatch(reason);
      }
    },
  );
});

describe("database errors caused by a request's values", () => {
  it.each([
    ["22P02", 400],
    ["22003", 400],
    ["22008", 400],
    ["22021", 400],
    ["23505", 409],
    ["23503", 409],
  ])("answers SQLSTATE %s with %i, without the database's message", async (code, status) => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/test-only/fail/${code}`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(status);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const detail: string = response.json().detail;
    expect(detail).not.toMatch(/select|insert|abc|9999|params/i);
  });
});

describe("content security policy", () => {
  const scriptSources = (policy: unknown) =>
    String(policy)
      .split(";")
      .find((directive) => directive.trim().startsWith("script-src "))
      ?.trim() ?? "";

  it.each(["/", "/units", "/api/health", "/api/nothing-here"])(
    "allows no inline script on %s",
    async (url) => {
      const response = await t.app.inject({ method: "GET", url });
      const scripts = scriptSources(response.headers["content-security-policy"]);
      expect(scripts).toBe("script-src 'self'");
    },
  );

  it("allows on the API reference page exactly the inline scripts it holds", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/" });
    const scripts = scriptSources(response.headers["content-security-policy"]);
    expect(scripts).not.toContain("unsafe-inline");
    const inline = [...response.body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, body] of inline) {
      const hash = createHash("sha256")
        .update(body ?? "")
        .digest("base64");
      expect(scripts).toContain(`'sha256-${hash}'`);
    }
  });
});

describe("caching", () => {
  it.each([
    ["GET", "/api/health", 200, {}],
    ["GET", "/api/auth/me", 401, {}],
    ["GET", "/api/nothing-here", 404, {}],
    ["POST", "/api/auth/login", 403, { origin: "null" }],
    ["POST", "/api/auth/login", 400, { "content-type": "application/json" }],
  ] as const)("forbids storing %s %s (%i)", async (method, url, status, headers) => {
    const response = await t.app.inject({
      method,
      url,
      headers,
      ...(method === "POST" ? { payload: "{" } : {}),
    });
    expect(response.statusCode).toBe(status);
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("lets a browser keep the web app's hashed files for good, but not its page", async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-web-"));
    fs.mkdirSync(path.join(webRoot, "assets"));
    fs.writeFileSync(path.join(webRoot, "assets", "index-3f2a9c.js"), "export {};\n");
    fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Tertial</title>\n");
    const app = await buildServer(testConfig(), t.database, { webRoot });
    try {
      const asset = await app.inject({ method: "GET", url: "/assets/index-3f2a9c.js" });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      const shell = await app.inject({ method: "GET", url: "/units" });
      expect(shell.statusCode).toBe(200);
      expect(shell.headers["cache-control"]).not.toContain("immutable");
    } finally {
      await app.close();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
