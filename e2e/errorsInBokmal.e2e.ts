import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Words that give English away. Names and codes the user typed are quoted («…») and left out, and
// so are the column names a file may use ("godtatte navn: indicator, indikator, …"), which are the
// file's own words in either language.
const englishWords =
  /\b(the|is|are|must|cannot|can't|not|you|your|was|were|has|have|already|invalid|required|unknown|expected|missing|should|please|error|row|column|file|value)\b/i;

function withoutQuotes(text: string): string {
  return text
    .replace(/«[^»]*»/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\(godtatte navn: [^)]*\)/g, "");
}

function expectBokmal(text: string | null, where: string) {
  expect(text ?? "", where).not.toBe("");
  expect(withoutQuotes(text ?? ""), `English in ${where}: ${text}`).not.toMatch(englishWords);
}

async function expectAlertInBokmal(scope: Locator | Page, where: string) {
  const alert = scope.getByRole("alert").first();
  await alert.waitFor();
  await expect.poll(async () => (await alert.textContent())?.trim().length ?? 0).toBeGreaterThan(0);
  expectBokmal(await alert.textContent(), where);
}

// The main error paths, walked as a Norwegian user meets them: every refusal, its field messages
// and the problems of a bad file read in bokmål, with no English word in them.
describe("errors read in bokmål", () => {
  let browser: Browser;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    folder = await mkdtemp(path.join(tmpdir(), "tertial-e2e-errors-"));
  });

  afterAll(async () => {
    await browser?.close();
    await rm(folder, { recursive: true, force: true });
  });

  test("a wrong password", async () => {
    await page.goto("/login");
    await page.getByLabel("Brukernavn").fill("admin");
    await page.getByLabel("Passord").fill("feil-passord");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expectAlertInBokmal(page, "the login page");
  });

  test("a unit with a code in use, and one without a code", async () => {
    await signIn(page, "admin");
    await page.goto("/units");
    await page.getByRole("heading", { level: 1, name: "Organisasjon" }).waitFor();
    await page.getByText("Ny underenhet", { exact: true }).click();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Opprett enhet" }) });
    await form.getByLabel("Kode").fill("UNN");
    await form.getByLabel("Navn").fill("Duplikat");
    await form.getByRole("button", { name: "Opprett enhet" }).click();
    await expectAlertInBokmal(form, "a unit code in use");
    expect(await form.getByRole("alert").first().textContent()).toContain("UNN");

    await form.getByLabel("Kode").fill("");
    await form.getByRole("button", { name: "Opprett enhet" }).click();
    await expect.poll(() => form.getByLabel("Kode").getAttribute("aria-invalid")).toBe("true");
    await expectAlertInBokmal(form, "a unit without a code");
  });

  /** The import's result: the refusal, its wording and the table of row problems. */
  async function importResult(): Promise<string> {
    const result = page.locator("section[aria-labelledby=import-result-heading]");
    await result.getByRole("heading", { level: 3, name: "Filen ble ikke importert" }).waitFor();
    return (await result.textContent()) ?? "";
  }

  test("a measurement file with a bad month and an unknown indicator is refused by row, in bokmål", async () => {
    await page.goto("/import");
    await page.getByRole("heading", { level: 1, name: "Dataimport" }).waitFor();
    const file = path.join(folder, "feil.csv");
    await writeFile(
      file,
      "indicator;unit;month;numerator;denominator\nEPIKRISE;UNN;2024-13;5;10\nFINNESIKKE;UNN;2024-01;5;10\n",
      "utf8",
    );
    await page.getByLabel("Fil (.csv eller .xlsx)").setInputFiles(file);
    await page.getByRole("button", { name: "Prøvekjør", exact: true }).click();
    const text = await importResult();
    expectBokmal(text, "a measurement file with problems");
    expect(text).toContain("2024-13");
    expect(text).toContain("FINNESIKKE");
    await expectNoAxeViolations(page);
  });

  test("a measurement file without the right header", async () => {
    const file = path.join(folder, "uten-topp.csv");
    await writeFile(file, "a;b;c\n1;2;3\n", "utf8");
    await page.getByLabel("Fil (.csv eller .xlsx)").setInputFiles(file);
    await page.getByRole("button", { name: "Prøvekjør", exact: true }).click();
    expectBokmal(await importResult(), "a file without a header");
  });

  test("a user with a password that is too short", async () => {
    await page.goto("/users");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const opener = page.getByText("Ny bruker", { exact: true });
    if (await opener.isVisible()) await opener.click();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Opprett bruker" }) });
    await form.getByLabel("Brukernavn").fill(`kort${Date.now().toString(36)}`);
    await form.getByLabel("Fullt navn").fill("Kari Kort");
    await form.getByLabel("Startpassord").fill("kort");
    await form.getByRole("button", { name: "Opprett bruker" }).click();
    await expectAlertInBokmal(form, "a short password");
  });

  test("refusals of the API itself are worded in bokmål by default", async () => {
    const refusals = [
      await page.request.get("/api/units/999999"),
      await page.request.post("/api/units", { data: {} }),
      await page.request.post("/api/units", {
        data: { code: "X", name: "Y", kind: "nope", parentId: "abc" },
      }),
      await page.request.get("/api/finnes-ikke"),
      await page.request.get("/api/indicators/0"),
      await page.request.get("/api/answers/999999"),
      await page.request.get("/api/rounds/999999"),
      await page.request.get("/api/steering-documents/999999"),
    ];
    for (const response of refusals) {
      expect(response.status(), response.url()).toBeGreaterThanOrEqual(400);
      const body = (await response.json()) as { detail: string; problems?: { message: string }[] };
      expectBokmal(body.detail, `${response.url()} detail`);
      for (const problem of body.problems ?? []) expectBokmal(problem.message, `${response.url()} field`);
    }
  });
});
