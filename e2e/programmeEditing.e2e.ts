import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey (programmes from the web): Helse Nord's editor (hn-redaktor) creates a programme from
// the portfolio, edits it (and meets someone else's save first), adds two phases, sees an
// overlapping third refused beside its start date, names the gate, starts and ends phase 0;
// a reader (leser) sees the programme without any of the forms. Starting phase 1 through its
// gate is e2e/programmes.e2e.ts. Every page passes an axe scan; screenshots at 1440 and 390 px go
// to .shots/progedit/.

const runId = Date.now().toString(36).toUpperCase();
const shots = ".shots/progedit";
const code = `PE-${runId}`;
const title = `Felles journalløsning ${runId}`;

/** Axe finds nothing at 1440 and at 390 px, where the page is no wider than the screen. */
function checkPage(page: Page, name: string) {
  return checkBothWidths(page, `${shots}/${name}`);
}

/** The text a screen reader gives as the field's description: its help and its error. */
async function describedBy(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe("a programme made and planned from the web", () => {
  let browser: Browser;
  let editor: Page;
  let programmeUrl = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "hn-redaktor");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the editor creates a programme from the portfolio and lands on its page", async () => {
    await editor.goto("/programmes");
    await editor.getByRole("heading", { level: 1, name: "Programmer og prosjekter" }).waitFor();
    await editor.locator("summary", { hasText: "Nytt program eller prosjekt" }).click();
    const form = editor.getByRole("form", { name: "Nytt program eller prosjekt" });
    expect(await form.getByLabel("Eierenhet").locator("option:checked").textContent()).toMatch(/Helse Nord/);
    await form.getByLabel("Kode", { exact: true }).fill(code);
    await form.getByLabel("Tittel", { exact: true }).fill(title);
    await form.getByLabel("Prosjekteier", { exact: true }).fill("Administrerende direktør");
    await form.getByLabel("Formål", { exact: true }).fill("Én journal for alle foretakene.");
    await checkPage(editor, "new-programme");
    await form.getByRole("button", { name: "Opprett program" }).click();
    await editor.getByRole("heading", { level: 1, name: `${code}: ${title}` }).waitFor();
    programmeUrl = new URL(editor.url()).pathname;
    expect(programmeUrl).toMatch(/^\/programmes\/\d+$/);
    await editor.locator(".programme-facts").getByText("Én journal for alle foretakene.").waitFor();
  });

  test("the editor edits the programme; someone else's save first is named, and reloading shows it", async () => {
    await editor.locator("summary", { hasText: "Rediger programmet" }).click();
    const form = editor.getByRole("form", { name: "Rediger programmet" });
    // Someone else saves the programme after the form was filled.
    const id = programmeUrl.split("/").at(-1);
    const current = (await (await editor.request.get(`/api/programmes/${id}`)).json()) as { version: number };
    const other = await editor.request.patch(`/api/programmes/${id}`, {
      data: { version: current.version, managerName: "Kari Annen" },
    });
    expect(other.status()).toBe(200);

    await form.getByLabel("Omfang", { exact: true }).fill("Alle fire helseforetak.");
    await form.getByRole("button", { name: "Lagre programmet" }).click();
    const stale = form.getByRole("alert");
    await stale.getByText(/Noen andre lagret endringer i programmet før deg/).waitFor();
    expect(await stale.textContent()).toContain("Last inn på nytt");
    await checkPage(editor, "edit-stale");

    await stale.getByRole("button", { name: "Last inn på nytt" }).click();
    expect(await form.getByLabel("Leder", { exact: true }).inputValue()).toBe("Kari Annen");
    await form.getByLabel("Omfang", { exact: true }).fill("Alle fire helseforetak.");
    await form.getByRole("button", { name: "Lagre programmet" }).click();
    await editor.getByRole("status").getByText("Programmet er lagret.").waitFor();
    await editor.locator(".programme-facts").getByText("Alle fire helseforetak.").waitFor();
  });

  test("the editor adds two phases; an overlapping third is refused beside its start date", async () => {
    await editor.locator("summary", { hasText: "Legg til fase" }).click();
    const form = editor.getByRole("form", { name: "Legg til fase" });
    expect(await form.getByLabel("Fasenummer").inputValue()).toBe("0");
    await form.getByLabel("Navn på fasen").fill("Forprosjekt");
    await form.getByLabel("Planlagt start").fill("2025-01-01");
    await form.getByLabel("Planlagt slutt").fill("2025-06-30");
    await form.getByLabel("Hovedaktiviteter").fill("Kartlegge dagens journaler\nBeskrive gevinster");
    await form.getByRole("button", { name: "Legg til fasen" }).click();
    await editor.getByRole("status").getByText("Fase 0 er lagt til.").waitFor();
    await editor.getByRole("heading", { level: 3, name: "Fase 0: Forprosjekt (ikke startet)" }).waitFor();

    // The next phase is numbered and dated to follow on.
    expect(await form.getByLabel("Fasenummer").inputValue()).toBe("1");
    expect(await form.getByLabel("Planlagt start").inputValue()).toBe("2025-06-30");
    await form.getByLabel("Navn på fasen").fill("Innføring");
    await form.getByLabel("Planlagt slutt").fill("2026-06-30");
    await form.getByRole("button", { name: "Legg til milepæl" }).click();
    await form.getByLabel("Milepæl 1", { exact: true }).fill("Første foretak i drift");
    await form.getByLabel("Frist for milepæl 1").fill("2025-12-01");
    await form.getByRole("button", { name: "Legg til fasen" }).click();
    await editor.getByRole("status").getByText("Fase 1 er lagt til.").waitFor();
    await editor.getByRole("heading", { level: 3, name: "Fase 1: Innføring (ikke startet)" }).waitFor();
    await editor.getByText("Første foretak i drift, frist").waitFor();

    await form.getByLabel("Navn på fasen").fill("Overlapp");
    await form.getByLabel("Planlagt start").fill("2026-01-01");
    await form.getByLabel("Planlagt slutt").fill("2026-12-31");
    await form.getByRole("button", { name: "Legg til fasen" }).click();
    const start = form.getByLabel("Planlagt start");
    await expect.poll(() => start.getAttribute("aria-invalid")).toBe("true");
    expect(await describedBy(start)).toContain("fase 2 starter før fase 1 slutter");
    const alert = form.getByRole("alert");
    await alert.getByText("Noen felt er ikke fylt ut riktig.").waitFor();
    expect(await alert.textContent()).toContain("Planlagt start: fase 2 starter før fase 1 slutter");
    expect(await editor.getByRole("heading", { level: 3, name: /Overlapp/ }).count()).toBe(0);
    await checkPage(editor, "phase-overlap");
  });

  test("the editor names the gate before phase 1", async () => {
    const gate = editor.getByRole("article", { name: /Beslutningspunkt G-0-1/ });
    await gate.locator("summary", { hasText: "Endre navn og kriterier" }).click();
    await gate.getByLabel("Navn på beslutningspunktet").fill("BP1");
    await gate.getByLabel("Kriterier for å gå videre").fill("Gevinstene er beskrevet og finansiert.");
    await gate.getByRole("button", { name: "Lagre navn og kriterier" }).click();
    await editor.getByRole("status").getByText("Beslutningspunktet BP1 er lagret.").waitFor();
    const renamed = editor.getByRole("article", { name: "Beslutningspunkt BP1: før fase 1" });
    await renamed.locator("p", { hasText: "Gevinstene er beskrevet og finansiert." }).waitFor();
  });

  test("the editor starts phase 0, is refused a future end, and ends it today", async () => {
    const phase = editor.getByRole("article", { name: /Fase 0: Forprosjekt/ });
    await phase.getByRole("button", { name: "Start fase 0" }).click();
    await editor.getByRole("status").getByText("Fase 0 er startet.").waitFor();
    await editor.getByRole("heading", { level: 3, name: "Fase 0: Forprosjekt (pågår)" }).waitFor();

    const end = phase.getByRole("form", { name: "Avslutt fase 0" });
    const nextYear = `${Number(today().slice(0, 4)) + 1}${today().slice(4)}`;
    await end.getByLabel("Faktisk slutt").fill(nextYear);
    await end.getByRole("button", { name: "Avslutt fase 0" }).click();
    const day = end.getByLabel("Faktisk slutt");
    await expect.poll(() => day.getAttribute("aria-invalid")).toBe("true");
    expect(await describedBy(day)).toMatch(/etter i dag/);
    await checkPage(editor, "phase-end-refused");

    await day.fill(today());
    await end.getByRole("button", { name: "Avslutt fase 0" }).click();
    await editor.getByRole("status").getByText("Fase 0 er avsluttet.").waitFor();
    await editor.getByRole("heading", { level: 3, name: "Fase 0: Forprosjekt (avsluttet)" }).waitFor();
    expect(await editor.getByRole("button", { name: /Avslutt fase/ }).count()).toBe(0);
    // Phase 1 waits for its gate, which e2e/programmes.e2e.ts takes through.
    expect(await editor.getByRole("button", { name: "Start fase 1" }).count()).toBe(0);
    await checkPage(editor, "phase-ended");
  });

  test("a reader sees the programme and its phases but no forms to change them", async () => {
    const reader = await newPage(browser);
    await reader.setViewportSize({ width: 1440, height: 900 });
    await signIn(reader, "leser");
    await reader.goto("/programmes");
    await reader.getByRole("heading", { level: 1, name: "Programmer og prosjekter" }).waitFor();
    await reader.getByRole("link", { name: new RegExp(code) }).waitFor();
    expect(await reader.locator("summary", { hasText: "Nytt program eller prosjekt" }).count()).toBe(0);

    await reader.goto(programmeUrl);
    await reader.getByRole("heading", { level: 1, name: `${code}: ${title}` }).waitFor();
    await reader.getByRole("heading", { level: 3, name: "Fase 0: Forprosjekt (avsluttet)" }).waitFor();
    expect(await reader.locator("summary", { hasText: /Rediger|Legg til fase|Endre navn/ }).count()).toBe(0);
    expect(await reader.getByRole("button", { name: /Lagre|Avslutt|Legg til|Slett/ }).count()).toBe(0);
    await checkPage(reader, "reader");
  });
});
