import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "./testing/app.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 2048 });
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
