import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, getJson as json, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: the demo administrator opens the risk-reducing measures, filters the delayed ones,
// opens one, adds a status entry and sees it at the top of the log. Every page passes an axe scan
// and fits a 390 px phone; screenshots at 1440 and 390 px go to .shots/measures/.

const runId = Date.now().toString(36);
const shots = ".shots/measures";

type Measure = { id: number; title: string; links: { kind: string; targetId: number; readable: boolean }[] };

/** Axe finds nothing, and at 390 px the page is no wider than the screen (tables scroll inside). */
function checkPage(page: Page, name: string) {
  return checkBothWidths(page, `${shots}/${name}`);
}

describe("risk-reducing measures: the list, one measure, its status log", () => {
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await newPage(browser);
    await admin.setViewportSize({ width: 1440, height: 900 });
    await signIn(admin, "admin");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the list filters the delayed measures, with phase, status and flags in words", async () => {
    await admin.getByRole("link", { name: "Tiltak", exact: true }).click();
    await admin.getByRole("heading", { level: 1, name: "Risikoreduserende tiltak" }).waitFor();
    await admin.getByRole("table").waitFor();
    await admin.getByLabel("Status", { exact: true }).selectOption({ label: "Forsinket" });
    await admin.waitForFunction(() => {
      const rows = [...document.querySelectorAll("table tbody tr")];
      return (
        rows.length > 0 && rows.every((row) => row.querySelectorAll("td")[3]?.textContent === "Forsinket")
      );
    });
    const first = admin.locator("table tbody tr").first();
    expect(await first.textContent()).toMatch(/Vedtatt|I gjennomføring/);
    await checkPage(admin, "list");
  });

  test("one measure: facts and log; a new status entry shows at the top of the log", async () => {
    const link = admin.locator("table tbody tr").first().getByRole("link");
    const title = (await link.textContent()) ?? "";
    await link.click();
    await admin.getByRole("heading", { level: 1, name: title }).waitFor();
    await admin.getByRole("heading", { level: 2, name: "Statuslogg" }).waitFor();
    await checkPage(admin, "measure");

    const text = `Ny fremdrift ${runId}`;
    const form = admin.locator("form", { has: admin.getByRole("group", { name: "Legg til statusmelding" }) });
    await form.getByLabel("Periode").fill("2024-T3");
    await form.getByLabel("Status", { exact: true }).selectOption({ label: "Iht. plan" });
    await form.getByRole("textbox", { name: "Melding" }).fill(text);
    await form.getByRole("button", { name: "Lagre statusmelding" }).click();
    await admin.getByText("Statusmeldingen er lagret.").waitFor();
    const newest = admin.locator(".measure-log li").first();
    await expect.poll(() => newest.textContent()).toContain(text);
    expect(await newest.textContent()).toContain("2024-T3");
    expect(await newest.textContent()).toContain("Iht. plan");
    await checkPage(admin, "measure-logged");
  });

  test("the list narrows to one goal's measures, and to the measures the user owns", async () => {
    const all = await json<{ items: { goals: { id: number; number: string }[] }[] }>(
      admin,
      "/api/measures?limit=500",
    );
    const goal = all.items.flatMap((item) => item.goals)[0];
    if (!goal) throw new Error("the demo measures have no goals");
    const onGoal = await json<{ total: number }>(admin, `/api/measures?requirementId=${goal.id}`);
    expect(onGoal.total).toBeGreaterThan(0);
    await admin.goto("/measures");
    await admin.getByRole("table").waitFor();
    await admin.getByLabel("Styringsdokument").selectOption({ label: "Styringskrav og rammer 2024" });
    await admin.getByLabel("Mål", { exact: true }).selectOption(String(goal.id));
    await admin.getByRole("region", { name: `Tiltak, ${onGoal.total} i alt` }).waitFor();
    expect(await admin.locator("table tbody tr").count()).toBe(Math.min(onGoal.total, 50));

    // A measure the administrator owns, made through the API; only it is left with "mine".
    const me = await json<{ id: number }>(admin, "/api/auth/me");
    const units = await json<{ id: number; code: string }[]>(admin, "/api/units");
    const title = `Eget tiltak ${runId}`;
    const created = await admin.request.post("/api/measures", {
      data: { responsibleUnitId: units.find((unit) => unit.code === "HN")?.id, title, ownerUserId: me.id },
    });
    expect(created.status()).toBe(201);
    await admin.goto("/measures");
    await admin.getByRole("table").waitFor();
    await admin.getByLabel("Bare tiltak jeg eier").check();
    await admin.waitForFunction((wanted) => {
      const rows = [...document.querySelectorAll("table tbody tr")];
      return rows.length === 1 && rows[0]?.textContent?.includes(wanted);
    }, title);
    await checkPage(admin, "list-filtered");
  });

  test("the new-measure form is reachable from the list", async () => {
    await admin.goto("/measures");
    await admin.getByRole("link", { name: "Nytt tiltak" }).click();
    await admin.getByRole("heading", { level: 1, name: "Nytt tiltak" }).waitFor();
    await checkPage(admin, "new");
  });

  test("the indicator's chart marks its measures, and lists them in words under it", async () => {
    const list = await json<{ items: { id: number }[] }>(admin, "/api/measures?limit=100");
    let found: { id: number; title: string; indicatorId: number } | null = null;
    for (const item of list.items) {
      const measure = await json<Measure>(admin, `/api/measures/${item.id}`);
      const link = measure.links.find((each) => each.kind === "indicator" && each.readable);
      if (link) {
        found = { id: measure.id, title: measure.title, indicatorId: link.targetId };
        break;
      }
    }
    if (!found) throw new Error("the demo data has changed: no measure linked to an indicator");
    await admin.goto(`/indicators/${found.indicatorId}`);
    const section = admin.locator("section.indicator-measures", {
      has: admin.getByRole("heading", { name: "Tiltak på denne indikatoren" }),
    });
    await section.waitFor();
    const item = section.getByRole("listitem").filter({ hasText: found.title });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Start .*full effekt/);
    await admin.locator(".indicator-chart canvas").first().waitFor();
    await checkPage(admin, "indicator");
  });
});
