import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, getJson, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey (issue 14): Helse Nord's editor has an action plan for 2009-2012 with two sub-goals and
// their measures, one of them completed, which Helse Nord's approver has adopted. In the browser the
// editor (a controller) finds the plan, reads it in the seed's form, revises it for 2010 and sees the
// unfinished measures carried over with the years still ahead, and the comparison with the version
// before: the completed measure is finished, not carried. Every state passes an axe scan and fits a
// 390 px phone; screenshots at 1440 and 390 px go to .shots/actionPlans/.

const runId = Date.now().toString(36);
const shots = ".shots/actionPlans";
const title = `Handlingsplan innkjøp og logistikk ${runId}`;

function checkPage(page: Page, name: string) {
  return checkBothWidths(page, `${shots}/${name}`);
}

async function send<T>(page: Page, method: "POST" | "PATCH", url: string, data: object): Promise<T> {
  const response = await page.request.fetch(url, { method, data });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

type Plan = { id: number; version: number };

/** The plan as the editor makes it through the API: two sub-goals, four measures, one completed. */
async function makePlan(page: Page): Promise<Plan> {
  const units = await getJson<{ id: number; code: string }[]>(page, "/api/units");
  const hn = units.find((unit) => unit.code === "HN");
  if (!hn) throw new Error("the demo data has changed: no unit HN");
  const plan = await send<Plan>(page, "POST", "/api/action-plans", {
    ownerUnitId: hn.id,
    title,
    fromYear: 2009,
    toYear: 2012,
    purpose: "Planen angir og prioriterer tiltak for å utvikle innkjøp og logistikk i Helse Nord.",
    mainGoal:
      "En samordnet og samhandlende bestillerorganisasjon for å frigjøre midler til pasientbehandling",
    boardCases: ["Styresak 085-2008"],
  });
  const one = await send<{ id: number }>(page, "POST", `/api/action-plans/${plan.id}/sub-goals`, {
    number: 1,
    text: "Økt andel e-handel",
  });
  const two = await send<{ id: number }>(page, "POST", `/api/action-plans/${plan.id}/sub-goals`, {
    number: 2,
    text: "Bedre logistikk og vareforsyning",
  });
  await send(page, "POST", `/api/action-plans/${plan.id}/sub-goals/${one.id}/key-indicators`, {
    kind: "milestone_value",
    text: "Antall HF som bruker e-handel",
    milestoneValue: 3,
    milestoneTarget: 5,
    milestoneUnit: "HF",
    milestoneOn: "2009-11-01",
    dueOn: "2010-12-31",
  });
  await send(page, "POST", `/api/action-plans/${plan.id}/sub-goals/${two.id}/key-indicators`, {
    kind: "milestone_done",
    text: "Felles logistikkstrategi vedtatt",
    dueOn: "2009-07-01",
  });
  const measure = (fields: object) =>
    send<{ measureId: number }>(page, "POST", `/api/action-plans/${plan.id}/measures`, {
      responsibility: "all_trusts",
      ...fields,
    });
  await measure({
    title: "Innføre e-handel i alle HF",
    subGoalId: one.id,
    label: "1.1",
    priority: 1,
    years: [2009, 2010],
    resource: "Prosjektleder",
  });
  const done = await measure({
    title: "Felles varekatalog",
    subGoalId: one.id,
    label: "1.2",
    priority: 1,
    years: [2009],
    resource: "Innkjøpsrådgiver",
  });
  await measure({
    title: "Felles lagerstyring",
    subGoalId: two.id,
    label: "2.1",
    priority: 2,
    years: [2010, 2011],
    resource: "2 årsverk",
    responsibility: "owner",
  });
  await measure({
    title: "Kompetanseplan for innkjøpere",
    label: "3.1",
    priority: 2,
    years: [2009],
    resource: "HR",
  });
  const current = await getJson<{ version: number }>(page, `/api/measures/${done.measureId}`);
  await send(page, "POST", `/api/measures/${done.measureId}/log`, {
    version: current.version,
    period: "2009-T2",
    on: "2009-08-15",
    phase: "completed",
    status: null,
    text: "Katalogen er tatt i bruk.",
  });
  return getJson<Plan>(page, `/api/action-plans/${plan.id}`);
}

describe("a controller revises an action plan", () => {
  let browser: Browser;
  let editor: Page;
  let planId = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "hn-redaktor");
    const plan = await makePlan(editor);
    planId = plan.id;
    const approver = await newPage(browser);
    await signIn(approver, "hn-godkjenner");
    await send(approver, "POST", `/api/action-plans/${plan.id}/adopt`, {
      version: plan.version,
      adoptedOn: "2009-02-10",
    });
    await approver.context().close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the editor finds the adopted plan in the list and reads it in the seed's form", async () => {
    await editor.goto("/action-plans");
    await editor.getByRole("heading", { level: 1, name: "Handlingsplaner" }).waitFor();
    const row = editor.getByRole("row", { name: new RegExp(title) });
    await expect.poll(() => row.textContent()).toMatch(/2009–2012.*1.*Vedtatt/);
    await checkPage(editor, "list");

    await editor.getByRole("link", { name: title }).click();
    await editor.getByRole("heading", { level: 1, name: title }).waitFor();
    await editor.getByRole("heading", { level: 2, name: "Delmål 1: Økt andel e-handel" }).waitFor();
    await editor.getByRole("heading", { level: 2, name: "Andre tiltak" }).waitFor();
    await editor.getByLabel("Tertial").selectOption("2009-T3");
    const completed = editor.getByRole("row", { name: /Felles varekatalog/ });
    await expect.poll(() => completed.textContent()).toMatch(/Gjennomført/);
    await expect.poll(() => completed.textContent()).toMatch(/rapportert 15\. aug\. 2009/);
    const milestone = editor.getByRole("row", { name: /Felles logistikkstrategi vedtatt/ });
    await expect.poll(() => milestone.textContent()).toMatch(/Forfalt/);
    await checkPage(editor, "plan");
  });

  test("revises the plan for 2010 and sees the unfinished measures carried over, and the comparison", async () => {
    await editor.goto(`/action-plans/${planId}`);
    await editor.getByRole("heading", { level: 1, name: title }).waitFor();
    await editor.getByLabel("Revisjonsår").selectOption("2010");
    await editor.getByRole("button", { name: "Revider" }).click();
    await editor.getByText("Versjon 2, revidert 2010").waitFor();
    await editor
      .getByRole("status")
      .getByText(/Versjon 2 er laget/)
      .waitFor();
    expect(new URL(editor.url()).pathname).not.toBe(`/action-plans/${planId}`);

    // Carried over: 1.1 (now 2010 only), 2.1 and 3.1 (moved to 2010); the completed 1.2 is not.
    const measureRows = editor.locator("table.plan-measures tbody tr");
    await expect.poll(() => measureRows.count()).toBe(3);
    const carried = await measureRows.allTextContents();
    expect(carried.every((text) => text.includes("Overført"))).toBe(true);
    expect(carried.join("\n")).not.toContain("Felles varekatalog");
    await expect
      .poll(() => editor.getByRole("row", { name: /Innføre e-handel i alle HF/ }).textContent())
      .toMatch(/2010/);

    const finished = editor.getByRole("region", { name: "Fullført" });
    await expect.poll(() => finished.textContent()).toMatch(/Felles varekatalog/);
    await expect
      .poll(() => editor.getByRole("region", { name: "Endret" }).textContent())
      .toMatch(/Innføre e-handel i alle HF/);
    await expect
      .poll(() => editor.getByRole("region", { name: "Overført" }).textContent())
      .toMatch(/Felles lagerstyring/);
    await editor.getByRole("heading", { name: "Sammenligning av versjoner" }).scrollIntoViewIfNeeded();
    await checkPage(editor, "revision");

    // The first version is now read-only and says where the newest one is.
    await editor.getByRole("link", { name: "Versjon 1" }).click();
    await editor.getByText("Dette er en eldre versjon av planen").waitFor();
    expect(await editor.getByRole("button", { name: "Revider" }).count()).toBe(0);
    await checkPage(editor, "old-version");
  });
});
