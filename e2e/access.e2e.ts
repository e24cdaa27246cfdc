import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

type UnitSummary = { id: number; code: string };

// Journey: a reader sees the organisation but is offered no changes, and the server refuses a
// change even when the reader sends it directly with their own session.
describe("a reader cannot change the organisation", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    // A reader starts at the overview (e2e/start.e2e.ts); the organisation is one click away.
    await signIn(page, "leser", undefined, "Oversikt");
    await page.goto("/units");
    await page.getByRole("heading", { level: 1, name: "Organisasjon" }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("no change controls are shown, only an explanation", async () => {
    await page.getByRole("heading", { level: 2, name: "Helse Nord RHF" }).waitFor();
    await page.getByText("Du kan se enheten, men ikke endre den.", { exact: false }).waitFor();
    for (const label of ["Ny underenhet", "Endre kode, navn og type", "Flytt enheten", "Avslutt enheten"]) {
      expect(await page.getByText(label, { exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole("button", { name: "Opprett enhet" }).count()).toBe(0);
  });

  test("the navigation has no audit log or users for a reader", async () => {
    const navigation = page.getByRole("navigation", { name: "Hovedmeny" });
    expect(await navigation.getByRole("link", { name: "Organisasjon" }).count()).toBe(1);
    expect(await navigation.getByRole("link", { name: "Revisjonslogg" }).count()).toBe(0);
    expect(await navigation.getByRole("link", { name: "Brukere" }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  test("a direct API request to create a unit is refused with 403", async () => {
    const units = (await (await page.request.get("/api/units")).json()) as UnitSummary[];
    const helseNord = units.find((unit) => unit.code === "HN");
    expect(helseNord).toBeDefined();

    const response = await page.request.post("/api/units", {
      data: {
        code: "LESER-FORSOK",
        name: "Skulle ikke finnes",
        kind: "health_trust",
        parentId: helseNord?.id,
      },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    const problem = (await response.json()) as { code: string };
    expect(problem.code).toBe("forbidden");

    const after = (await (await page.request.get("/api/units")).json()) as UnitSummary[];
    expect(after.some((unit) => unit.code === "LESER-FORSOK")).toBe(false);
  });

  test("the unit does not appear in the page either", async () => {
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Organisasjon" }).waitFor();
    await page
      .getByRole("button", { name: /Helse Nord RHF/ })
      .first()
      .waitFor();
    expect(await page.getByText("Skulle ikke finnes").count()).toBe(0);
  });
});
