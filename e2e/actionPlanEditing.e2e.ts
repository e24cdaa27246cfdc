import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, getJson, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey (issue 14): Helse Sør-Øst's controller (hso-kontroller, the RHF's editor, who keeps the
// demo's action plan) makes a new action plan in the browser: a sub-goal, a key indicator linked to
// the catalogue's e-procurement share (its yearly target shown from the catalogue) and a milestone,
// and a measure, whose year outside the plan is refused at the field in bokmål. She changes the
// measure, meets someone else's save of the plan as a clear message, and takes the measure out.
// The RHF's approver reads the plan without any edit controls. Then the controller deletes the
// milestone, is refused (in bokmål) the sub-goal while it still holds the catalogue key indicator,
// and deletes that and then the sub-goal. Every state passes an axe scan and fits a 390 px phone;
// screenshots at 1440 and 390 px go to .shots/planedit/ (the deletions' to .shots/plandelete/).

const runId = Date.now().toString(36);
const shots = ".shots/planedit";
const deleteShots = ".shots/plandelete";
const title = `Handlingsplan e-handel ${runId}`;
const measureTitle = "Innføre e-handel i alle HF";

function checkPage(page: Page, name: string, folder = shots) {
  return checkBothWidths(page, `${folder}/${name}`);
}

/** Opens the fold-out whose summary reads `summary` and gives what it holds. */
async function openPanel(page: Page, summary: string): Promise<Locator> {
  const heading = page.locator("summary", { hasText: summary });
  const panel = heading.locator("xpath=..");
  // A fold-out opened earlier on the same page stays open; a click would close it.
  if (!(await panel.evaluate((element) => element.hasAttribute("open")))) await heading.click();
  return panel;
}

/** The text that describes a field (its help and its error), as a screen reader reads it. */
function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

describe("a controller makes and edits an action plan in the browser", () => {
  let browser: Browser;
  let editor: Page;
  let planId = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "hso-kontroller");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("creates a draft plan for Helse Sør-Øst from the list and lands on its page", async () => {
    const units = await getJson<{ id: number; code: string }[]>(editor, "/api/units");
    const hso = units.find((unit) => unit.code === "HSO");
    if (!hso) throw new Error("the demo data has changed: no unit HSO");
    await editor.goto("/action-plans");
    await editor.getByRole("heading", { level: 1, name: "Handlingsplaner" }).waitFor();
    const form = await openPanel(editor, "Ny handlingsplan");
    await form.getByLabel("Eier").selectOption(String(hso.id));
    await form.getByLabel("Tittel").fill(title);
    await form.getByLabel("Første år").fill("2009");
    await form.getByLabel("Siste år").fill("2012");
    await form.getByLabel("Formål").fill("Planen prioriterer tiltak for økt bruk av e-handel.");
    await checkPage(editor, "new-plan");
    await form.getByRole("button", { name: "Opprett handlingsplan" }).click();
    await editor.getByRole("heading", { level: 1, name: title }).waitFor();
    planId = Number(new URL(editor.url()).pathname.split("/").at(-1));
    expect(planId).toBeGreaterThan(0);
    expect(await editor.locator(".action-plan-version").innerText()).toContain("Utkast");
  });

  test("adds a sub-goal, a key indicator from the catalogue with its yearly target, and a milestone", async () => {
    const indicators = await getJson<{ id: number; code: string }[]>(editor, "/api/indicators");
    const eProcurement = indicators.find((indicator) => indicator.code === "HSO-EHANDEL");
    if (!eProcurement) throw new Error("the demo data has changed: no indicator HSO-EHANDEL");

    const subGoalForm = await openPanel(editor, "Nytt delmål");
    await subGoalForm.getByLabel("Delmål").fill("Økt andel e-handel");
    await subGoalForm.getByRole("button", { name: "Legg til delmål" }).click();
    const section = editor.getByRole("region", { name: "Delmål 1: Økt andel e-handel" });
    await section.waitFor();

    const kiForm = await openPanel(editor, "Ny nøkkelindikator under Delmål 1");
    await kiForm.getByLabel("Nøkkelindikator").fill("Andel av innkjøpt volum gjennom e-handel");
    await kiForm.getByLabel("Indikator", { exact: true }).selectOption(String(eProcurement.id));
    // The catalogue's yearly steps for the plan's years.
    await kiForm.getByText("2009: ≥ 50 %").waitFor();
    await kiForm.getByText("2012: > 90 %").waitFor();
    await kiForm.getByRole("button", { name: "Legg til nøkkelindikator" }).click();
    await section.getByRole("row", { name: /Andel av innkjøpt volum gjennom e-handel/ }).waitFor();

    await kiForm.getByLabel("Type").selectOption({ label: "Milepæl: gjennomført eller ikke" });
    await kiForm.getByLabel("Nøkkelindikator").fill("Felles logistikkstrategi vedtatt");
    await kiForm.getByLabel("Frist").fill("2009-07-01");
    await kiForm.getByRole("button", { name: "Legg til nøkkelindikator" }).click();
    const milestone = section.getByRole("row", { name: /Felles logistikkstrategi vedtatt/ });
    await expect.poll(() => milestone.textContent()).toMatch(/Gjennomført innen 1\. juli 2009/);

    const plan = await getJson<{ subGoals: { keyIndicators: { kind: string; indicator: unknown }[] }[] }>(
      editor,
      `/api/action-plans/${planId}`,
    );
    expect(plan.subGoals[0]?.keyIndicators.map((each) => each.kind)).toEqual(["indicator", "milestone_done"]);
  });

  test("a measure with a year outside the plan is refused at the field in bokmål; within it, it is added", async () => {
    const form = await openPanel(editor, "Nytt tiltak under Delmål 1");
    await form.getByLabel("Tiltak", { exact: true }).fill(measureTitle);
    await form.getByLabel("Nr.").fill("1.1");
    const years = form.getByLabel("År", { exact: true });
    await years.fill("2009, 2015");
    await form.getByLabel("Ressurs").fill("Prosjektleder");
    await form.getByLabel("Ansvar").selectOption({ label: "Alle HF" });
    await form.getByRole("button", { name: "Legg til tiltak" }).click();
    await form.getByRole("alert").waitFor();
    expect(await years.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(years)).toContain("årene 2015 ligger utenfor planens år 2009–2012");
    await checkPage(editor, "measure-refused");

    await years.fill("2009, 2010");
    await form.getByRole("button", { name: "Legg til tiltak" }).click();
    const row = editor.getByRole("region", { name: "Delmål 1: Økt andel e-handel" }).getByRole("row", {
      name: new RegExp(measureTitle),
    });
    await expect.poll(() => row.textContent()).toMatch(/1\.1.*2009, 2010.*Prosjektleder.*Alle HF/);
  });

  test("changes the measure's priority and resource", async () => {
    const form = await openPanel(editor, `Endre tiltak: ${measureTitle}`);
    await form.getByRole("radio", { name: "2" }).check();
    await form.getByLabel("Ressurs").fill("2 årsverk");
    await form.getByRole("button", { name: "Lagre" }).click();
    const row = editor.getByRole("row", { name: new RegExp(measureTitle) });
    await expect.poll(() => row.textContent()).toMatch(/2009, 20102 årsverk/);
    await editor.getByText(`Tiltaket «${measureTitle}» er lagret.`).waitFor({ state: "attached" });
    await checkPage(editor, "plan-edited");
  });

  test("a save over someone else's change of the plan is refused with a clear message", async () => {
    const form = await openPanel(editor, "Endre planens tittel, år, formål og hovedmål");
    await form.getByLabel("Hovedmål").fill("All handel elektronisk innen 2012");
    // Meanwhile the plan is saved elsewhere (another tab of the same editor).
    const current = await getJson<{ version: number }>(editor, `/api/action-plans/${planId}`);
    const elsewhere = await editor.request.patch(`/api/action-plans/${planId}`, {
      data: { version: current.version, purpose: "Endret i en annen fane." },
    });
    expect(elsewhere.status()).toBe(200);
    await form.getByRole("button", { name: "Lagre" }).click();
    const alert = form.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/Noen andre har lagret planen/);
    await checkPage(editor, "stale");

    await form.getByRole("button", { name: "Hent lagret versjon" }).click();
    expect(await form.getByLabel("Formål").inputValue()).toBe("Endret i en annen fane.");
    await form.getByLabel("Hovedmål").fill("All handel elektronisk innen 2012");
    await form.getByRole("button", { name: "Lagre" }).click();
    await editor.getByText("Planen er lagret.").waitFor({ state: "attached" });
    await expect
      .poll(() => editor.locator(".action-plan-facts").textContent())
      .toMatch(/All handel elektronisk/);
  });

  test("takes the measure out of the plan", async () => {
    const form = await openPanel(editor, `Endre tiltak: ${measureTitle}`);
    await form.getByRole("button", { name: "Ta tiltaket ut av planen" }).click();
    await form.getByRole("button", { name: "Ja, ta ut tiltaket" }).click();
    await editor.getByText(`Tiltaket «${measureTitle}» er tatt ut av planen.`).waitFor({ state: "attached" });
    const section = editor.getByRole("region", { name: "Delmål 1: Økt andel e-handel" });
    await expect.poll(() => section.getByRole("row", { name: new RegExp(measureTitle) }).count()).toBe(0);
  });

  test("the approver, who reads the plan but does not edit it, sees no edit controls", async () => {
    const reader = await newPage(browser);
    await reader.setViewportSize({ width: 1440, height: 900 });
    await signIn(reader, "hso-godkjenner");
    await reader.goto("/action-plans");
    await reader.getByRole("heading", { level: 1, name: "Handlingsplaner" }).waitFor();
    await reader.getByRole("link", { name: title }).waitFor();
    expect(await reader.locator("summary", { hasText: "Ny handlingsplan" }).count()).toBe(0);
    await reader.getByRole("link", { name: title }).click();
    await reader.getByRole("heading", { level: 2, name: "Delmål 1: Økt andel e-handel" }).waitFor();
    expect(await reader.getByRole("heading", { name: "Rediger handlingsplanen" }).count()).toBe(0);
    expect(
      await reader
        .locator("summary")
        .filter({ hasText: /^(Endre|Nytt|Ny) / })
        .count(),
    ).toBe(0);
    expect(await reader.getByRole("button", { name: "Lagre" }).count()).toBe(0);
    await checkPage(reader, "reader");
    await reader.context().close();
  });

  test("deletes the milestone key indicator after a question on the page", async () => {
    const milestone = "Felles logistikkstrategi vedtatt";
    const panel = await openPanel(editor, `Endre nøkkelindikator: ${milestone}`);
    await panel.getByRole("button", { name: "Slett nøkkelindikator" }).click();
    await panel.getByText(`Slette nøkkelindikatoren «${milestone}» fra planen?`).waitFor();
    await checkPage(editor, "key-indicator-confirm", deleteShots);
    await panel.getByRole("button", { name: "Ja, slett" }).click();
    await editor.getByText(`Nøkkelindikatoren «${milestone}» er slettet.`).waitFor({ state: "attached" });
    const section = editor.getByRole("region", { name: "Delmål 1: Økt andel e-handel" });
    await expect.poll(() => section.getByRole("row", { name: new RegExp(milestone) }).count()).toBe(0);
    await section.getByRole("row", { name: /Andel av innkjøpt volum gjennom e-handel/ }).waitFor();
  });

  test("the sub-goal is refused in bokmål while it holds a key indicator, and deleted once it is empty", async () => {
    const catalogueIndicator = "Andel av innkjøpt volum gjennom e-handel";
    const subGoalPanel = await openPanel(editor, "Endre Delmål 1");
    await subGoalPanel.getByRole("button", { name: "Slett delmål" }).click();
    await subGoalPanel.getByText(/^Slette delmål 1\?/).waitFor();
    await subGoalPanel.getByRole("button", { name: "Ja, slett" }).click();
    const refusal = subGoalPanel.getByRole("alert");
    await expect
      .poll(() => refusal.textContent())
      .toContain(
        "Delmål 1 har fortsatt nøkkelindikatorer eller tiltak. Flytt eller fjern dem før du sletter delmålet.",
      );
    await checkPage(editor, "sub-goal-refused", deleteShots);

    const kiPanel = await openPanel(editor, `Endre nøkkelindikator: ${catalogueIndicator}`);
    await kiPanel.getByRole("button", { name: "Slett nøkkelindikator" }).click();
    await kiPanel.getByRole("button", { name: "Ja, slett" }).click();
    await editor
      .getByText(`Nøkkelindikatoren «${catalogueIndicator}» er slettet.`)
      .waitFor({ state: "attached" });

    await subGoalPanel.getByRole("button", { name: "Ja, slett" }).click();
    await editor.getByText("Delmål 1 er slettet.").waitFor({ state: "attached" });
    await expect
      .poll(() => editor.getByRole("heading", { level: 2, name: "Delmål 1: Økt andel e-handel" }).count())
      .toBe(0);
    const plan = await getJson<{ subGoals: unknown[] }>(editor, `/api/action-plans/${planId}`);
    expect(plan.subGoals).toEqual([]);
    // The new sub-goal's suggested number follows the plan: 1 again, now that the plan has none.
    const newSubGoal = await openPanel(editor, "Nytt delmål");
    await expect.poll(() => newSubGoal.getByLabel("Nummer", { exact: true }).inputValue()).toBe("1");
    await checkPage(editor, "sub-goal-deleted", deleteShots);
  });
});
