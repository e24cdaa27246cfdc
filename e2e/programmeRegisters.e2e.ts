import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey (issue 14): Helse Nord's editor (hn-redaktor) opens a programme's registers, adds a
// steering group with its chair and the unit each member represents, and a stakeholder with an
// engagement activity. The programme is made through the API first. Axe finds nothing; screenshots
// at 1440 and 390 px go to .shots/programmeRegisters/.

const runId = Date.now().toString(36).toUpperCase();
const phone = { width: 390, height: 844 };
const shots = ".shots/programmeRegisters";
const code = `REG-${runId}`;
const title = "Styringsmodell for anskaffelser";

async function checkPage(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/${name}-1440.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize(phone);
  // Names the widest elements when the page is wider than the phone, so a failure says what to fix.
  const widest = await page.evaluate(() => {
    const clipped = (element: Element | null): boolean =>
      element !== null &&
      element !== document.body &&
      (getComputedStyle(element).overflowX !== "visible" || clipped(element.parentElement));
    return [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((element) => !clipped(element.parentElement))
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 6)
      .map(
        (element) =>
          `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`,
      )
      .join("; ");
  });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), widest).toBeLessThanOrEqual(
    phone.width,
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const response = await page.request.post(url, { data });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

describe("a programme's registers", () => {
  let browser: Browser;
  let editor: Page;
  let registersUrl = "";
  let hnName = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "hn-redaktor");
    const units: { id: number; code: string; name: string }[] = await (
      await editor.request.get("/api/units")
    ).json();
    const hn = units.find((unit) => unit.code === "HN");
    if (!hn) throw new Error("the demo data has changed: no unit HN");
    hnName = hn.name;
    const programme = await post<{ id: number }>(editor, "/api/programmes", {
      ownerUnitId: hn.id,
      code,
      title,
      purpose: "Sikre at foretakenes strategiske føringer ivaretas i anskaffelsene.",
    });
    registersUrl = `/programmes/${programme.id}/registers`;
    await post(editor, `/api/programmes/${programme.id}/training`, {
      audience: "Styringsgruppemedlemmer",
      content: "Mandat, roller og saksgang",
      startsOn: "2024-09-01",
      endsOn: "2024-10-15",
    });
    await post(editor, `/api/programmes/${programme.id}/resources`, {
      unitId: hn.id,
      plannedMonths: 8,
      usedMonths: 2.5,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the editor adds a steering group with a chair and the unit each member represents", async () => {
    await editor.goto(registersUrl);
    await editor.getByRole("heading", { level: 1, name: `Registre for ${code}: ${title}` }).waitFor();
    await editor.getByText("Programmet har ingen grupper ennå.").waitFor();
    await editor.locator("summary", { hasText: "Legg til gruppe" }).click();
    const form = editor.locator("form").filter({ has: editor.getByLabel("Type gruppe") });
    await form.getByLabel("Type gruppe").selectOption({ label: "Styringsgruppe" });
    await form.getByLabel("Navn", { exact: true }).first().fill("Styringsgruppe legemidler");
    await form.getByLabel("Kategori").fill("Legemidler");
    await form.getByLabel("Mandat").fill("Prioritere og beslutte nasjonale anskaffelser i kategorien.");
    const first = form.getByRole("group", { name: "Medlem 1" });
    await first.getByLabel("Navn", { exact: true }).fill("Kari Nordmann");
    await first.getByLabel("Representerer").selectOption({ label: hnName });
    await first.getByLabel("Rolle").selectOption({ label: "Leder" });
    await form.getByRole("button", { name: "Legg til medlem" }).click();
    const second = form.getByRole("group", { name: "Medlem 2" });
    await second.getByLabel("Navn", { exact: true }).fill("Ola Sekretær");
    await second.getByLabel("Rolle").selectOption({ label: "Sekretær" });
    await form.getByRole("button", { name: "Legg til gruppe" }).click();

    const card = editor.getByRole("article", { name: "Styringsgruppe: Styringsgruppe legemidler" });
    await card.waitFor();
    const chairRow = card.getByRole("row", { name: /Kari Nordmann/ });
    expect(await chairRow.innerText()).toContain(hnName);
    expect(await chairRow.innerText()).toContain("Leder");
    expect(await card.getByRole("row", { name: /Ola Sekretær/ }).innerText()).toContain("Sekretær");
    await editor.getByText("«Styringsgruppe legemidler» er lagt til.").waitFor({ state: "attached" });
  });

  test("a second chair is refused, naming the member", async () => {
    await editor.locator("summary", { hasText: "Legg til gruppe" }).click();
    const form = editor.locator("form").filter({ has: editor.getByLabel("Type gruppe") });
    await form.getByLabel("Navn", { exact: true }).first().fill("Referansegruppe");
    await form.getByLabel("Type gruppe").selectOption({ label: "Referansegruppe" });
    await form.getByRole("group", { name: "Medlem 1" }).getByLabel("Navn", { exact: true }).fill("A");
    await form.getByRole("group", { name: "Medlem 1" }).getByLabel("Rolle").selectOption({ label: "Leder" });
    await form.getByRole("button", { name: "Legg til medlem" }).click();
    await form.getByRole("group", { name: "Medlem 2" }).getByLabel("Navn", { exact: true }).fill("B");
    await form.getByRole("group", { name: "Medlem 2" }).getByLabel("Rolle").selectOption({ label: "Leder" });
    await form.getByRole("button", { name: "Legg til gruppe" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Medlem 2: Rolle");
    expect(await alert.innerText()).toContain("bare én leder");
  });

  test("the editor adds a stakeholder with an engagement activity", async () => {
    await editor.goto(registersUrl);
    await editor.getByRole("heading", { level: 2, name: "Interessenter" }).waitFor();
    await editor.locator("summary", { hasText: "Legg til interessent" }).click();
    const form = editor.locator("form").filter({ has: editor.getByLabel("Påvirkning") });
    await form.getByLabel("Interessent").fill("RHF – interregionale fora");
    await form.getByLabel("Interesse", { exact: true }).fill("Forankring av styringsmodellen");
    await form.getByLabel("Grad av interesse").selectOption({ label: "Høy" });
    await form.getByLabel("Påvirkning").selectOption({ label: "Høy" });
    await form.getByRole("button", { name: "Legg til aktivitet" }).click();
    const activity = form.getByRole("group", { name: "Aktivitet 1" });
    await activity.getByLabel("Aktivitet", { exact: true }).fill("Informasjon i AD-møtet");
    await activity.getByLabel("Dato").fill("2024-09-12");
    await form.getByRole("button", { name: "Legg til interessent" }).click();

    const card = editor.getByRole("article", { name: "RHF – interregionale fora" });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain("Forankring av styringsmodellen");
    expect(text).toMatch(/Påvirkning\s*Høy/);
    expect(text).toContain("Informasjon i AD-møtet (planlagt)");
    await editor.getByRole("heading", { level: 2, name: "Ressurser" }).scrollIntoViewIfNeeded();
    expect(await editor.getByRole("row", { name: /Totalt/ }).innerText()).toMatch(/8\s+2,5/);
    await checkPage(editor, "registers");
  });
});
