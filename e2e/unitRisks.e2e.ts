import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: UNN's editor opens UNN's own risks ("Topp 5") from the organisation page, reads the demo
// top five in rank order with their levels in words, adds a risk, meets a field error in
// Norwegian, assesses the new risk for the period shown, and closes it; a reader of the region sees
// the same register without a single button to change it. Every state passes an axe scan and fits
// a 390 px phone; screenshots at 1440 and 390 px go to .shots/unitRisks/.

const runId = Date.now().toString(36);
const phone = { width: 390, height: 844 };
const shots = ".shots/unitRisks";

const unnTopFive = [
  "Mangel på spesialsykepleiere",
  "Økonomisk resultat under krav",
  "Fristbrudd i psykisk helsevern",
  "Utfall av kritiske IKT-systemer",
  "Høyt sykefravær i akuttmottaket",
];

/** Axe finds nothing, and at 390 px the page is no wider than the screen. */
async function checkPage(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/${name}-1440.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize(phone);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(
    phone.width,
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  await page.screenshot({ path: `${shots}/${name}-390-top.png` });
  if (size) await page.setViewportSize(size);
}

const openList = (page: Page) => page.locator("section ol.unit-risks-list > li");
const cardOf = (page: Page, title: string) => page.locator("article.unit-risk", { hasText: title });

async function unnId(page: Page): Promise<number> {
  const units: { id: number; code: string }[] = await (await page.request.get("/api/units")).json();
  const unn = units.find((unit) => unit.code === "UNN");
  if (!unn) throw new Error("the demo data has changed: no unit UNN");
  return unn.id;
}

async function openTitles(page: Page): Promise<string[]> {
  return openList(page).locator("h3.unit-risk__title").allTextContents();
}

describe("a unit's own risks (Topp 5)", () => {
  let browser: Browser;
  let editor: Page;
  let unnRisksUrl = "";
  const title = `Brudd i legemiddelforsyningen ${runId}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    // A fold opens over 0.4 s unless motion is reduced; a click meanwhile may land beside its target.
    await editor.emulateMedia({ reducedMotion: "reduce" });
    await signIn(editor, "redaktor");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the editor opens UNN's register from the unit page and reads the top five by rank", async () => {
    await editor.goto("/units");
    await editor.getByRole("heading", { level: 2, name: "Universitetssykehuset Nord-Norge HF" }).waitFor();
    await editor.screenshot({ path: `${shots}/unit-page-link-1440.png` });
    await editor.getByRole("link", { name: "Egne risikoer (Topp 5)" }).click();
    await editor.getByRole("heading", { level: 1, name: "Egne risikoer (Topp 5)" }).waitFor();
    await editor.getByText(/Universitetssykehuset Nord-Norge HF selv har meldt/).waitFor();
    unnRisksUrl = new URL(editor.url()).pathname;

    // The demo assessed T1 and T2 2024: T2 shows each level in words, T1 beside it, and the change.
    await editor.getByLabel("År", { exact: true }).selectOption("2024");
    await editor.getByLabel("Periode", { exact: true }).selectOption({ label: "2. tertial" });
    await editor.getByRole("heading", { level: 2, name: "Risikoer i T2 2024" }).waitFor();
    const titles = await openTitles(editor);
    expect(titles.slice(0, 5)).toEqual(unnTopFive.map((name, index) => `${index + 1}. ${name}`));
    // The overview table: the level before and now, each its name on its colour, and the change.
    const row = editor.getByRole("row", { name: /Økonomisk resultat under krav/ });
    expect(await row.getByRole("cell").allInnerTexts()).toEqual([
      "2",
      "Økonomisk resultat under krav",
      "Rød",
      "Gul",
      "Forbedret",
      "Økonomi",
    ]);
    const finances = cardOf(editor, "Økonomisk resultat under krav");
    expect(await finances.locator(".unit-risk__levels").innerText()).toMatch(
      /Vurdering T2 2024\s*Gul\s*Vurdering T1 2024\s*Rød\s*Endring\s*Forbedret/,
    );
    expect(await finances.textContent()).toContain("Økonomidirektør");
    expect(await finances.textContent()).toContain("Mindre rom for investeringer i bygg og utstyr.");
    // The level's colour is its own, not the card's: red on T1.
    const t1 = finances.locator(".risk-badge").nth(1);
    expect(await t1.evaluate((badge) => getComputedStyle(badge).backgroundColor)).not.toBe(
      await finances.evaluate((card) => getComputedStyle(card).backgroundColor),
    );
    expect(await editor.getByRole("button", { name: "Lukk risikoen" }).count()).toBe(5);
    await checkPage(editor, "register-2024-T2");
  });

  test("adding a risk without a title names the field in Norwegian; with one it joins the list", async () => {
    await editor.goto(unnRisksUrl);
    await editor.getByRole("heading", { level: 2, name: /^Risikoer i / }).waitFor();
    await editor.locator("summary", { hasText: "Legg til risiko" }).click();
    const form = editor.locator("form", { has: editor.getByRole("button", { name: "Legg til risikoen" }) });
    expect(await form.getByLabel("Rangering").inputValue()).toBe("6");
    await form.getByLabel("Område").selectOption({ label: "Sikkerhet og beredskap" });
    await form.getByRole("button", { name: "Legg til risikoen" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Risiko: Skriv hva risikoen er.");
    expect(await form.textContent()).toContain("Skriv hva risikoen er.");
    await checkPage(editor, "add-error");

    await form.getByLabel("Risiko", { exact: true }).fill(title);
    await form
      .getByLabel("Sannsynlige hendelser")
      .fill("Leverandører i Europa stanser leveranser av antibiotika.");
    await form.getByLabel("Konsekvenser").fill("Utsatte behandlinger og bruk av dårligere alternativer.");
    await form.getByLabel("Eier").fill("Sykehusapoteksjef");
    await form.getByLabel("Tidsperspektiv").selectOption({ label: "1–4 år" });
    await form.getByRole("button", { name: "Legg til risikoen" }).click();
    await editor.getByRole("status").getByText(`Risikoen «${title}» er lagt til.`).waitFor();
    await expect.poll(() => openTitles(editor)).toContain(`6. ${title}`);
    const card = cardOf(editor, title);
    expect(await card.textContent()).toContain("Sykehusapoteksjef");
    expect(await card.locator(".unit-risk__levels").innerText()).toMatch(/Ikke vurdert/);
  });

  test("changing the risk: a taken rank is named, and someone else's save meanwhile is not overwritten", async () => {
    const card = cardOf(editor, title);
    await card.locator("summary", { hasText: "Endre risikoen" }).click();
    const form = card.locator("form", { has: editor.getByRole("button", { name: "Lagre endringene" }) });
    await form.getByLabel("Rangering").fill("1");
    await form.getByRole("button", { name: "Lagre endringene" }).click();
    await expect
      .poll(() => form.getByRole("alert").textContent())
      .toContain(
        "Rangering: rangering 1 har allerede «Mangel på spesialsykepleiere»; velg en ledig rangering",
      );

    // Someone else changes the owner from another window while the form is open.
    const id = Number(
      (await card.locator("h3.unit-risk__title").getAttribute("id"))?.replace("unit-risk-", ""),
    );
    const risks = await (
      await editor.request.get(`/api/units/${await unnId(editor)}/risks?period=2024`)
    ).json();
    const stored = risks.risks.find((risk: { id: number }) => risk.id === id);
    const theirs = await editor.request.patch(`/api/unit-risks/${id}`, {
      data: { version: stored.version, ownerName: "Beredskapssjef" },
    });
    expect(theirs.status()).toBe(200);

    await form.getByLabel("Rangering").fill("6");
    await form.getByLabel("Eier").fill("Sykehusapoteker");
    await form.getByRole("button", { name: "Lagre endringene" }).click();
    await expect
      .poll(() => form.getByRole("alert").textContent())
      .toContain("Noen andre har endret dette etter at du åpnet det.");
    await expect.poll(() => card.locator(".unit-risk__facts").innerText()).toContain("Beredskapssjef");
    expect(await form.getByLabel("Eier").inputValue()).toBe("Sykehusapoteker");
    await checkPage(editor, "edit-stale");

    // Saving again, knowingly, replaces their owner with the editor's.
    await form.getByRole("button", { name: "Lagre endringene" }).click();
    await editor.getByRole("status").getByText(`Endringene i «${title}» er lagret.`).waitFor();
    await expect.poll(() => card.locator(".unit-risk__facts").innerText()).toContain("Sykehusapoteker");
  });

  test("the editor assesses the new risk for the period shown and sees its level in words", async () => {
    const card = cardOf(editor, title);
    await card.locator("summary", { hasText: /^Vurder for / }).click();
    await card.getByRole("radio", { name: /Rød/ }).check();
    await card
      .getByLabel("Begrunnelse", { exact: true })
      .fill("To leverandører har varslet stans; lagrene rekker i seks uker.");
    await card.getByRole("button", { name: "Lagre vurderingen" }).click();
    await editor
      .getByRole("status")
      .getByText(new RegExp(`Vurderingen av «${title}» for .* er lagret`))
      .waitFor();
    await expect.poll(() => card.locator(".unit-risk__levels").innerText()).toMatch(/Rød[\s\S]*Endring\s*Ny/);
    expect(await card.textContent()).toContain("lagrene rekker i seks uker");
    await checkPage(editor, "assessed");
  });

  test("closing the risk takes it off the list and keeps it under the closed ones", async () => {
    const card = cardOf(editor, title);
    await card.getByRole("button", { name: "Lukk risikoen" }).click();
    expect(await card.textContent()).toContain("frigjør rangering 6");
    await card.getByRole("button", { name: "Ja, lukk risikoen" }).click();
    await editor.getByRole("status").getByText(`Risikoen «${title}» er lukket.`).waitFor();
    await expect.poll(() => openTitles(editor)).not.toContain(`6. ${title}`);
    const closed = editor.getByText(/^Lukkede risikoer \(\d+\)$/);
    await closed.click();
    const closedCard = editor.locator(".unit-risks-closed article.unit-risk", { hasText: title });
    await closedCard.waitFor();
    expect(await closedCard.textContent()).toMatch(/Lukket \d/);
    expect(await closedCard.getByRole("button").count()).toBe(0);
    await checkPage(editor, "closed");
  });

  test("a reader of the region reads UNN's register without any button to change it", async () => {
    const reader = await newPage(browser);
    await reader.setViewportSize({ width: 1440, height: 900 });
    await signIn(reader, "leser");
    await reader.goto(`${unnRisksUrl}?year=2024&part=T2`);
    await reader.getByRole("heading", { level: 2, name: "Risikoer i T2 2024" }).waitFor();
    expect((await openTitles(reader)).slice(0, 5)).toEqual(
      unnTopFive.map((name, index) => `${index + 1}. ${name}`),
    );
    await reader.getByText("Du kan lese risikoene, men ikke endre dem.", { exact: false }).waitFor();
    expect(await reader.locator("main").getByRole("button").count()).toBe(0);
    expect(await reader.getByText("Legg til risiko", { exact: true }).count()).toBe(0);
    expect(await reader.getByText(/^Vurder for /).count()).toBe(0);
    await checkPage(reader, "reader");

    // In English the page's own words change; the risks keep the words the unit wrote.
    try {
      await reader.getByRole("button", { name: "English" }).click();
      await reader.getByRole("heading", { level: 1, name: "Own risks (top 5)" }).waitFor();
      await reader.getByRole("heading", { level: 2, name: "Risks in T2 2024" }).waitFor();
      const row = reader.getByRole("row", { name: /Økonomisk resultat under krav/ });
      expect(await row.getByRole("cell").allInnerTexts()).toEqual([
        "2",
        "Økonomisk resultat under krav",
        "Red",
        "Yellow",
        "Improved",
        "Finances",
      ]);
      await checkPage(reader, "reader-en");
    } finally {
      // The language is saved with the user, whom other journeys expect in bokmål.
      await reader.request.patch("/api/auth/me", { data: { locale: "nb" } });
    }
    await reader.context().close();
  });
});
