// The contract as a whole: every API route requires a signed-in caller unless it is in the one
// public list, and every route declares its answers, so the OpenAPI document shows them.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsPrefix, publicRoutes } from "./http.ts";
import { createTestApp } from "./testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const isDocs = (url: string) => url === docsPrefix || url.startsWith(`${docsPrefix}/`);

function apiRoutes() {
  return t.app.routeTable.filter(
    (route) => route.url.startsWith("/api/") && !isDocs(route.url) && route.method !== "HEAD",
  );
}

/** A concrete address for a route pattern: every parameter becomes 1. */
const addressOf = (url: string) => url.replace(/:[A-Za-z]+/g, "1").replace(/\*$/, "x");

describe("authentication by default", () => {
  it("answers 401 to an anonymous caller on every API route outside the public list", async () => {
    const routes = apiRoutes().filter((route) => !publicRoutes.has(`${route.method} ${route.url}`));
    expect(routes.length).toBeGreaterThan(60);
    const answers = await Promise.all(
      routes.map(async (route) => {
        const response = await t.app.inject({
          method: route.method as "GET",
          url: addressOf(route.url),
          ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: {} }),
        });
        return `${route.method} ${route.url} → ${response.statusCode}`;
      }),
    );
    expect(answers.filter((answer) => !answer.endsWith("→ 401"))).toEqual([]);
  });

  it("lists only routes that exist, and those answer without a session", async () => {
    const registered = new Set(apiRoutes().map((route) => `${route.method} ${route.url}`));
    for (const route of publicRoutes) expect(registered, route).toContain(route);
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    const setup = await t.app.inject({ method: "GET", url: "/api/setup" });
    expect(setup.statusCode).toBe(200);
  });

  it("refuses an upload from an anonymous caller before reading the file", async () => {
    const upload = apiRoutes().find((route) => route.url.includes("import"));
    expect(upload).toBeDefined();
    const response = await t.app.inject({
      method: "POST",
      url: addressOf(upload?.url ?? ""),
      headers: { "content-type": "multipart/form-data; boundary=x" },
      payload: "--x\r\nnot a finished body",
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: "unauthenticated" });
  });
});

describe("declared answers", () => {
  it("gives every API route a success schema and the problem schema", () => {
    const missing = apiRoutes()
      .filter((route) => {
        const response = (route.schema?.response ?? {}) as Record<string, unknown>;
        // A redirect (single sign-on's start and callback) is that route's success.
        const success = Object.keys(response).some((status) => /^(2\d\d|302)$/.test(status));
        return !success || response["4xx"] === undefined;
      })
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it("shows every route's answers in the OpenAPI document", async () => {
    const response = await t.app.inject({ method: "GET", url: `${docsPrefix}/openapi.json` });
    const spec = response.json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const withoutAnswers = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !Object.keys(operation.responses ?? {}).some((s) => /^(2|302)/.test(s)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(withoutAnswers).toEqual([]);
    expect(spec.components.schemas).toHaveProperty("Problem");
    expect(spec.components.schemas).toHaveProperty("FieldProblem");
  });

  it("answers a refused request with a stable code on every field problem", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "", password: 5 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { code: string; problems: { field: string; code: string }[] };
    expect(body.code).toBe("validation_failed");
    expect(body.problems.length).toBeGreaterThan(0);
    for (const problem of body.problems) expect(problem.code).toMatch(/^[a-z_]+$/);
    expect(body.problems.find((problem) => problem.field === "password")?.code).toBe("invalid_type");
  });
});
