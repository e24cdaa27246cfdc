import { describe, expect, it } from "vitest";
import { createTestApp } from "../../testing/app.ts";
import { admin, editor, measurementCount, reader, setUpImportApp, t, upload } from "./importFixture.ts";

// Who may import measurements, the JSON API with the same checks, and the upload limit (support in
// importFixture.ts).

setUpImportApp();

describe("who may import", () => {
  it("names each unit the importer may not write to, by its first row, and writes nothing", async () => {
    const before = await measurementCount();
    const csv = [
      "indicator;unit;month;numerator;denominator",
      "EPI;H1;2025-01;1;2",
      "EPI;H3;2025-01;1;2",
      "EPI;H3;2025-02;1;2",
      "EPI;REG;2025-01;1;2",
    ].join("\n");
    const response = await upload(editor, "blandet.csv", csv);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      reason: "measurement_import_units_forbidden",
      detail: "«blandet.csv» har data for enheter du ikke har lov til å skrive for. Ingenting ble importert.",
    });
    expect(response.json().problems).toEqual([
      {
        row: 3,
        field: "unit",
        code: "measurement_not_allowed",
        message: expect.stringMatching(
          /^du har ikke lov til å skrive data for .* \(H3\); det krever rollen redaktør der$/,
        ),
        params: { column: "unit", value: "H3", unit: "H3", unitName: expect.any(String) },
      },
      {
        row: 5,
        field: "unit",
        code: "measurement_not_allowed",
        message: expect.stringContaining("(REG)"),
        params: { column: "unit", value: "REG", unit: "REG", unitName: expect.any(String) },
      },
    ]);
    expect(await measurementCount()).toBe(before);
  });

  it("forbids a reader", async () => {
    const response = await upload(
      reader,
      "x.csv",
      "indicator;unit;month;numerator;denominator\nEPI;H1;2025-03;1;2",
    );
    expect(response.statusCode).toBe(403);
  });

  it("asks for a sign-in", async () => {
    const form = new FormData();
    form.append("file", new Blob(["a"]), "x.csv");
    const response = await t.app.inject({ method: "POST", url: "/api/measurements/import", payload: form });
    expect(response.statusCode).toBe(401);
  });
});

describe("the JSON API", () => {
  it("takes rows with the same checks, numbered from 1", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/measurements",
      headers: { cookie: admin },
      payload: {
        rows: [
          { indicator: "EPI", unit: "H1", month: "2024-06", numerator: 3, denominator: 4 },
          { indicator: "EPI", unit: "H1", month: "June", numerator: 3, denominator: 4 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems).toEqual([
      {
        row: 2,
        field: "month",
        code: "measurement_not_month",
        params: { column: "month", value: "June" },
        message: "«June» er ikke en måned; skriv ÅÅÅÅ-MM (for eksempel 2024-03)",
      },
    ]);

    const good = await t.app.inject({
      method: "POST",
      url: "/api/measurements",
      headers: { cookie: admin },
      payload: { rows: [{ indicator: "EPI", unit: "H1", month: "2024-06", numerator: 3, denominator: 4 }] },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ source: "api", inserted: 1 });
  });
});

describe("the upload limit", () => {
  it("answers 413 with a problem when the file is larger than the limit", async () => {
    const small = await createTestApp({ uploadLimitBytes: 100 });
    try {
      await small.make.user({ username: "root", systemAdmin: true });
      const cookie = await small.signIn("root");
      const response = await upload(cookie, "big.csv", "x".repeat(1000), "", small.app);
      expect(response.statusCode).toBe(413);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({ code: "payload_too_large" });
      expect(response.json()).toMatchObject({
        reason: "measurement_upload_too_large",
        params: { limit: "100 B", limitBytes: 100 },
      });
      expect(response.json().detail).toContain("grensen på 100 B");
    } finally {
      await small.close();
    }
  });
});
