import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: an administrator browses the organisation, adds a unit under a health trust, and
// finds that change in the audit log. Every page on the way passes an axe scan.
describe("organisation as administrator", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the login page has no accessibility violations", async () => {
    await page.goto("/login");
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    await expectNoAxeViolations(page);
  });

  test("wrong password gives a clear message", async () => {
    await page.getByLabel("Brukernavn").fill("admin");
    await page.getByLabel("Passord").fill("not-the-password");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Feil brukernavn eller passord");
  });

  test("browse the tree: open Helse Nord and see UNN", async () => {
    // An administrator starts at the overview; the organisation is one click away.
    await signIn(page, "admin", undefined, "Oversikt");
    await page.goto("/units");
    await page.getByRole("heading", { level: 1, name: "Organisasjon" }).waitFor();
    const unn = page.getByRole("button", { name: /^Universitetssykehuset Nord-Norge HF/ });
    expect(await unn.isVisible()).toBe(false);

    const toggle = page.getByRole("button", { name: "Underenhetene til Helse Nord RHF" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await unn.waitFor({ state: "visible" });

    await unn.click();
    await page.getByRole("heading", { level: 2, name: "Universitetssykehuset Nord-Norge HF" }).waitFor();
    expect(await unn.getAttribute("aria-current")).toBe("true");
  });

  test("the organisation page, with a form open, has no accessibility violations", async () => {
    await page.getByText("Ny underenhet", { exact: true }).click();
    await page.getByRole("button", { name: "Opprett enhet" }).waitFor();
    await expectNoAxeViolations(page);
  });

  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const name = `Klinikk for ende-til-ende-testing ${code}`;

  test("create a unit under the trust; it appears in the tree", async () => {
    const form = page.locator("form", { has: page.getByRole("button", { name: "Opprett enhet" }) });
    await form.getByLabel("Kode").fill(code);
    await form.getByLabel("Navn").fill(name);
    await form.getByLabel("Type").selectOption("clinic");
    await form.getByRole("button", { name: "Opprett enhet" }).click();

    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(`Enheten ${name} er opprettet.`);
    await page.getByRole("button", { name: new RegExp(`^${name}`) }).waitFor({ state: "visible" });
  });

  test("a duplicate code is refused with the field named", async () => {
    const form = page.locator("form", { has: page.getByRole("button", { name: "Opprett enhet" }) });
    await form.getByLabel("Kode").fill("UNN");
    await form.getByLabel("Navn").fill("Duplikat");
    await form.getByRole("button", { name: "Opprett enhet" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Kode");
    expect(await form.getByLabel("Kode").getAttribute("aria-invalid")).toBe("true");
  });

  test("an empty code is refused in bokmål, and the message goes once a code is typed", async () => {
    const form = page.locator("form", { has: page.getByRole("button", { name: "Opprett enhet" }) });
    const codeField = form.getByLabel("Kode");
    await codeField.fill("");
    await form.getByLabel("Navn").fill("Uten kode");
    await form.getByRole("button", { name: "Opprett enhet" }).click();
    await expect.poll(() => codeField.getAttribute("aria-invalid")).toBe("true");
    const alert = form.getByRole("alert");
    expect(await alert.textContent()).toContain("Noen felt er ikke fylt ut riktig.");
    expect(await alert.textContent()).toContain("Kode");
    // The field's own message is the server's bokmål wording ("har feil format"), never its English.
    const fieldMessage = await form.locator(".ds-validation-message").first().textContent();
    expect(fieldMessage).toMatch(/^(må|har|er|kan) /);
    expect(fieldMessage).not.toMatch(/\b(must|invalid|required)\b/i);
    await expectNoAxeViolations(page);

    await codeField.fill("NY");
    await expect.poll(() => codeField.getAttribute("aria-invalid")).not.toBe("true");
    expect(await form.getByRole("alert").count()).toBe(0);
    expect(await form.locator(".ds-validation-message").count()).toBe(0);
  });

  test("a stale edit shows the other person's version and can reload it", async () => {
    await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
    await page.getByRole("heading", { level: 2, name }).waitFor();
    await page.getByText("Endre kode, navn og type", { exact: true }).click();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Lagre endringer" }) });
    await form.getByLabel("Navn").fill(`${name} (min endring)`);

    // Someone else saves first, from another window.
    const units = (await (await page.request.get("/api/units")).json()) as { id: number; code: string }[];
    const created = units.find((unit) => unit.code === code);
    const theirName = `${name} (deres endring)`;
    const theirs = await page.request.patch(`/api/units/${created?.id}`, {
      data: { version: 1, name: theirName },
    });
    expect(theirs.status()).toBe(200);

    await form.getByRole("button", { name: "Lagre endringer" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Noen andre har endret enheten");
    expect(await alert.textContent()).toContain(theirName);

    await alert.getByRole("button", { name: "Last inn gjeldende versjon" }).click();
    await expect.poll(() => form.getByLabel("Navn").inputValue()).toBe(theirName);
    expect(await form.getByRole("alert").count()).toBe(0);

    // Put the name back, through the form, so the audit check below finds the unit by name.
    await form.getByLabel("Navn").fill(name);
    await form.getByRole("button", { name: "Lagre endringer" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("er lagret");
  });

  test("the creation is in the audit log", async () => {
    await page
      .getByRole("navigation", { name: "Hovedmeny" })
      .getByRole("link", { name: "Revisjonslogg" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Revisjonslogg" }).waitFor();
    await page.getByLabel("Type").selectOption("unit");
    await page.getByRole("button", { name: "Bruk filter" }).click();
    await page.waitForURL(/entityType=unit/);

    // The entry names the unit in words, "Enhet <name>", not by its table and id.
    const row = page
      .getByRole("row")
      .filter({ hasText: "Opprettet" })
      .filter({ has: page.getByRole("cell", { name: `Enhet ${name}`, exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Ada Administrator");

    // What it changed, field by field: the field in words and the new value.
    const showChanges = row.getByRole("button", { name: "Vis endringene" });
    expect(await showChanges.getAttribute("aria-expanded")).toBe("false");
    await showChanges.click();
    expect(await showChanges.getAttribute("aria-expanded")).toBe("true");
    const changes = page.locator(`#${await showChanges.getAttribute("aria-controls")}`);
    const codeRow = changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Kode" }) });
    await expect.poll(() => codeRow.textContent()).toContain(code);
    expect(await changes.getByRole("row").filter({ hasText: "Navn" }).first().textContent()).toContain(name);
    expect(await changes.textContent()).not.toContain("{");
  });

  test("the audit page has no accessibility violations", async () => {
    await expectNoAxeViolations(page);
  });

  test("a reporting round's closing reads in words: the round's name, the verb, the state before and after", async () => {
    await page.getByLabel("Type").selectOption({ label: "Rapporteringsrunde" });
    await page.getByRole("button", { name: "Bruk filter" }).click();
    await page.waitForURL(/entityType=reporting_round/);
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Lukket", exact: true }) })
      .filter({
        has: page.getByRole("cell", {
          name: "Rapporteringsrunde T1 2024 – Helse- og omsorgsdepartementet",
          exact: true,
        }),
      })
      .first();
    await row.waitFor();
    const showChanges = row.getByRole("button", { name: "Vis endringene" });
    await showChanges.click();
    const changes = page.locator(`#${await showChanges.getAttribute("aria-controls")}`);
    const state = changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Status" }) });
    expect((await state.getByRole("cell").allTextContents()).map((text) => text.trim())).toEqual([
      "Åpen",
      "Lukket",
    ]);
    await expectNoAxeViolations(page);
  });

  test("the users page has no accessibility violations", async () => {
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Brukere" }).click();
    await page.getByRole("heading", { level: 1, name: "Brukere" }).waitFor();
    await page.getByRole("cell", { name: "Lars Leser", exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });

  test("on a phone each user is a card, with every action within the screen", async () => {
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    const deactivate = page.getByRole("button", { name: /^Deaktiver Lars Leser/ });
    await deactivate.scrollIntoViewIfNeeded();
    const box = await deactivate.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    if (desktop) await page.setViewportSize(desktop);
  });

  test("an unknown address shows the 404 page", async () => {
    await page.goto("/finnes-ikke");
    await page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
    await expectNoAxeViolations(page);
  });

  const topCode = `${code}-TOPP`;
  const topName = `Eier for ende-til-ende-testing ${code}`;

  test("a system administrator creates a top-level unit", async () => {
    await page.goto("/units");
    await page.getByRole("heading", { level: 1, name: "Organisasjon" }).waitFor();
    await page.getByText("Ny enhet på øverste nivå", { exact: true }).click();
    const form = page.locator("form", { hasText: "legges øverst i treet" });
    await form.getByRole("button", { name: "Opprett enhet" }).waitFor();
    await expectNoAxeViolations(page);

    await form.getByLabel("Kode").fill(topCode);
    await form.getByLabel("Navn").fill(topName);
    await form.getByLabel("Gyldig fra").fill("2020-01-01");
    await form.getByRole("button", { name: "Opprett enhet" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(`Enheten ${topName} er opprettet.`);

    await page.getByRole("button", { name: new RegExp(`^${topName}`) }).click();
    await page.getByRole("heading", { level: 2, name: topName }).waitFor();
    expect(await page.locator("dl.facts").textContent()).toContain("Øverste nivå");
  });

  test("a 'deactivated from' date ends the unit, and clearing it reactivates it", async () => {
    const details = page.locator(".units-layout__details");
    await details.getByText("Endre kode, navn og type", { exact: true }).click();
    const form = details.locator("form", { has: page.getByRole("button", { name: "Lagre endringer" }) });
    await form.getByLabel("Deaktivert fra").fill("2021-01-01");
    await form.getByRole("button", { name: "Lagre endringer" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("er lagret");
    await details.getByText("Inaktiv", { exact: true }).waitFor();
    await expectNoAxeViolations(page);

    await form.getByLabel("Deaktivert fra").fill("");
    await form.getByRole("button", { name: "Lagre endringer" }).click();
    await details.getByText("Aktiv", { exact: true }).waitFor();
    expect(await details.getByText("Ingen sluttdato", { exact: true }).count()).toBe(1);
  });
});
