import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  checkBothWidths,
  expectNoAxeViolations,
  getJson as json,
  launchBrowser,
  newPage,
  signIn,
} from "./support/browser.ts";

// Journey: the risk assessments of Helse Nord's goals in T2 2024 (the demo's, seed 003). The
// trust's editor opens the round's risk page from the round, sees each goal with the trust's level
// in words, switches to the goals × units grid, opens the trust's assessment carried forward from
// T1, chooses a level, writes a justification, saves and submits; a second session saving over a
// stale version sees both side by side. The trust's approver returns an assessment with the
// comment it requires. The region's overall assessment shows the trusts' levels beside it, and
// Tabell 3 shows "4 forbedret, 10 uendret, 1 forverret" as the seed prints it. Every page passes an
// axe scan and fits a 390 px phone.

type Assessment = {
  id: number;
  requirement: { id: number; number: string; text: string };
  kind: "unit" | "overall";
  unit: { id: number; code: string; name: string };
  level: string | null;
  justification: string;
  carriedForward: boolean;
  state: string;
  version: number;
  returnComment: string | null;
  allowedActions: string[];
};
type RoundRisk = {
  goals: { requirement: { number: string }; overall: Assessment | null; units: Assessment[] }[];
};

const runId = Date.now().toString(36);
const unn = "Universitetssykehuset Nord-Norge HF";
/** Periods and numbers are written with non-breaking hyphens; a pattern takes either. */
const hyphen = "[-\u2011]";

/** The live region's text, which announces what a button did. */
async function statusText(page: Page): Promise<string> {
  return (await page.getByRole("status").allTextContents()).join(" ");
}

/** Axe finds nothing, and at 390 px the page is no wider than the screen (tables scroll inside). */
function checkPage(page: Page) {
  return checkBothWidths(page);
}

describe("risk assessments of goals: the round, the editor, Tabell 3", () => {
  let browser: Browser;
  let editor: Page;
  let documentId: number;
  let roundId: number;
  let chosen: Assessment;
  let stale: Assessment;

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "redaktor", undefined, "Innboks");
    const documents = await json<{ id: number; title: string }[]>(
      editor,
      "/api/steering-documents?year=2024",
    );
    documentId = documents.find((each) => each.title === "Styringskrav og rammer 2024")?.id ?? 0;
    const rounds = await json<{ id: number; period: string }[]>(
      editor,
      `/api/steering-documents/${documentId}/rounds`,
    );
    roundId = rounds.find((each) => each.period === "2024-T2")?.id ?? 0;
    expect(roundId).toBeGreaterThan(0);
    const risk = await json<RoundRisk>(editor, `/api/rounds/${roundId}/risk`);
    const drafts = risk.goals
      .flatMap((goal) => goal.units)
      .filter((each) => each.unit.name === unn && each.allowedActions.includes("submit"));
    const carried = drafts.find((each) => each.carriedForward);
    if (!carried) throw new Error("the demo data has changed: no carried-forward draft for UNN in T2");
    chosen = carried;
    // Preferably a draft not carried forward: the other risk journey needs two carried-forward
    // drafts of UNN's, whichever of the two journeys runs first.
    stale = (drafts.find((each) => each.id !== chosen.id && !each.carriedForward) ??
      drafts.find((each) => each.id !== chosen.id)) as Assessment;
    expect(stale).toBeDefined();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the round links to its risk page: each goal with the units' levels in words", async () => {
    await editor.goto(`/rounds/${roundId}`);
    await editor.getByRole("link", { name: "Risikovurdering av målene i runden" }).click();
    await editor
      .getByRole("heading", { level: 1, name: new RegExp(`^Risikovurdering T2${hyphen}2024$`) })
      .waitFor();
    const goal = editor.locator(".risk-goal", {
      has: editor.getByRole("heading", { level: 3, name: new RegExp(`^${chosen.requirement.number}\\b`) }),
    });
    const row = goal.getByRole("row", { name: new RegExp(unn) });
    await row.waitFor();
    // The level is written, not only coloured; the carried-forward assessment says so.
    expect(await row.textContent()).toMatch(/Grønn|Gul|Rød/);
    expect(await row.textContent()).toContain("Ført videre, ikke gjennomgått");
    expect(await row.textContent()).toContain("Utkast");
    await checkPage(editor);
  });

  test("the grid shows goals × units, each cell's level in words, linking to its assessment", async () => {
    // The toggle's radios are drawn as buttons: the label is what a person clicks.
    await editor.locator("label", { has: editor.getByRole("radio", { name: "Mål × enheter" }) }).click();
    await editor.getByRole("heading", { level: 2, name: "Mål × enheter" }).waitFor();
    expect(new URL(editor.url()).searchParams.get("view")).toBe("grid");
    const cell = editor.getByRole("link", {
      name: new RegExp(`^Mål ${chosen.requirement.number}, ${unn}: (Grønn|Gul|Rød)\\. Utkast\\. Ført videre`),
    });
    await cell.waitFor();
    expect(await cell.getAttribute("href")).toBe(`/risk-assessments/${chosen.id}`);
    await editor.getByRole("heading", { level: 3, name: "Antall per nivå" }).waitFor();
    await checkPage(editor);
    await editor.locator("label", { has: editor.getByRole("radio", { name: "Liste per mål" }) }).click();
    await editor.locator(".risk-goal").first().waitFor();
  });

  test("the heat map counts the assessments per level in words, and a count lists them", async () => {
    const risk = await json<RoundRisk>(editor, `/api/rounds/${roundId}/risk`);
    const levels = risk.goals.flatMap((goal) => goal.units.map((each) => each.level));
    const names: Record<string, string> = { green: "Grønn", yellow: "Gul", red: "Rød" };
    const [key, count] = Object.entries(names)
      .map(([level]) => [level, levels.filter((each) => each === level).length] as const)
      .sort((a, b) => b[1] - a[1])[0] as readonly [string, number];
    expect(count).toBeGreaterThan(0);
    await editor.locator("label", { has: editor.getByRole("radio", { name: "Varmekart" }) }).click();
    await editor.getByRole("heading", { level: 2, name: "Varmekart" }).waitFor();
    expect(new URL(editor.url()).searchParams.get("view")).toBe("heatmap");
    const spot = editor.getByRole("button", { name: `${names[key]}: ${count} vurderinger` });
    await spot.click();
    expect(await spot.getAttribute("aria-pressed")).toBe("true");
    const list = editor.getByRole("heading", { level: 3, name: `${names[key]}: ${count} vurderinger` });
    await list.waitFor();
    const rows = editor.locator(".risk-heat__list tbody tr");
    expect(await rows.count()).toBe(count);
    expect(await rows.first().textContent()).toContain(unn);
    await editor.screenshot({ path: ".shots/risk-heatmap.png", fullPage: true });
    await checkPage(editor);
    await editor.locator("label", { has: editor.getByRole("radio", { name: "Liste per mål" }) }).click();
    await editor.locator(".risk-goal").first().waitFor();
  });

  test("the editor opens the trust's assessment, carried forward from T1 and not reviewed", async () => {
    const goal = editor.locator(".risk-goal", {
      has: editor.getByRole("heading", { level: 3, name: new RegExp(`^${chosen.requirement.number}\\b`) }),
    });
    await goal.getByRole("link", { name: unn }).click();
    await editor
      .getByRole("heading", {
        level: 1,
        name: new RegExp(`^Risikovurdering: mål ${chosen.requirement.number.replace("-", hyphen)}, ${unn}$`),
      })
      .waitFor();
    await editor
      .getByText(
        new RegExp(
          `Vurderingen er ført videre fra T1${hyphen}2024 og ikke gjennomgått\\. Lagre eller send inn for å bekrefte\\.`,
        ),
      )
      .waitFor();
    // Each level is a radio named by its label, with the seed's definition beside it.
    for (const name of ["Grønn", "Gul", "Rød"]) await editor.getByRole("radio", { name }).waitFor();
    await editor.getByText("Har god oversikt og kontroll.", { exact: false }).waitFor();
    // Exactly the steps the server allows: save and submit, not approve.
    await editor.getByRole("button", { name: "Lagre" }).waitFor();
    await editor.getByRole("button", { name: "Send inn" }).waitFor();
    expect(await editor.getByRole("button", { name: "Godkjenn" }).count()).toBe(0);
    await checkPage(editor);
  });

  test("a submit without a justification is refused, the problem shown by the field in bokmål", async () => {
    await editor.getByLabel("Begrunnelse").fill("");
    await editor.getByRole("button", { name: "Send inn" }).click();
    const field = editor.locator(".answer-editor");
    await field.getByText("begrunn vurderingen").first().waitFor();
    await editor.getByRole("alert").filter({ hasText: "Begrunnelse" }).first().waitFor();
    await expectNoAxeViolations(editor);
  });

  test("the editor chooses a level, writes a justification, saves and submits", async () => {
    const level = chosen.level === "yellow" ? "Rød" : "Gul";
    const key = level === "Gul" ? "yellow" : "red";
    const text = `**Gjennomgått ${runId}:** tiltakene følges opp hver måned.\n\n- ny rutine for oppfølging`;
    await editor.getByRole("radio", { name: level }).check();
    await editor.getByLabel("Begrunnelse").fill(text);
    await editor.getByText("Du har endringer som ikke er lagret.").waitFor();
    await editor.getByRole("button", { name: "Lagre" }).click();
    await expect.poll(() => statusText(editor)).toContain("Vurderingen er lagret.");
    let saved = await json<Assessment>(editor, `/api/risk-assessments/${chosen.id}`);
    expect(saved).toMatchObject({ level: key, justification: text, carriedForward: false, state: "draft" });
    // Saved, it is reviewed: the notice is gone.
    expect(await editor.getByText("ført videre fra", { exact: false }).count()).toBe(0);

    await editor.getByRole("button", { name: "Send inn" }).click();
    await expect.poll(() => statusText(editor)).toContain("Vurderingen er sendt inn til godkjenning.");
    saved = await json<Assessment>(editor, `/api/risk-assessments/${chosen.id}`);
    expect(saved.state).toBe("submitted");
    expect(await editor.getByRole("button", { name: "Lagre" }).count()).toBe(0);
    await editor.getByRole("button", { name: "Trekk tilbake" }).waitFor();
    // The justification reads as Markdown, and the history lists each step.
    expect(await editor.locator(".answer-text strong").first().textContent()).toBe(`Gjennomgått ${runId}:`);
    const history = editor.locator("section.answer-history");
    await history.getByRole("cell", { name: "Sendt inn", exact: true }).first().waitFor();
    await history.getByRole("cell", { name: "Lagret", exact: true }).first().waitFor();
    await checkPage(editor);
  });

  test("a save over a newer version shows both side by side, and nothing is lost", async () => {
    const other = await newPage(browser);
    await signIn(other, "redaktor", undefined, "Innboks");
    await editor.goto(`/risk-assessments/${stale.id}`);
    await other.goto(`/risk-assessments/${stale.id}`);
    for (const page of [editor, other]) await page.getByLabel("Begrunnelse").waitFor();

    const first = `Første økt (${runId}).`;
    const second = `Andre økt (${runId}).`;
    await editor.getByLabel("Begrunnelse").fill(first);
    await editor.getByRole("button", { name: "Lagre" }).click();
    await expect.poll(() => statusText(editor)).toContain("Vurderingen er lagret.");

    await other.getByLabel("Begrunnelse").fill(second);
    await other.getByRole("button", { name: "Lagre" }).click();
    const conflict = other.locator(".conflict");
    await conflict
      .getByRole("heading", { name: "Noen andre har lagret vurderingen etter at du åpnet den" })
      .waitFor();
    const mine = conflict.locator(".side-by-side__column", { hasText: "Din vurdering (ikke lagret)" });
    const theirs = conflict.locator(".side-by-side__column", { hasText: "Lagret versjon" });
    expect(await mine.textContent()).toContain(second);
    expect(await theirs.textContent()).toContain(first);
    expect(await other.getByLabel("Begrunnelse").inputValue()).toBe(second);
    await expectNoAxeViolations(other);

    await conflict.getByRole("button", { name: /^Fortsett med ditt nivå/ }).click();
    expect(await other.getByLabel("Begrunnelse").inputValue()).toBe(`${first}\n\n${second}`);
    await other.getByRole("button", { name: "Lagre" }).click();
    await expect.poll(() => statusText(other)).toContain("Vurderingen er lagret.");
    expect((await json<Assessment>(other, `/api/risk-assessments/${stale.id}`)).justification).toBe(
      `${first}\n\n${second}`,
    );
    await other.context().close();
  });

  test("the approver returns the submitted assessment, with the comment it requires", async () => {
    const approver = await newPage(browser);
    await approver.setViewportSize({ width: 1440, height: 900 });
    await signIn(approver, "godkjenner", undefined, "Innboks");
    await approver.goto(`/risk-assessments/${chosen.id}`);
    await approver.getByRole("button", { name: "Godkjenn" }).waitFor();
    await approver.getByRole("button", { name: "Returner", exact: true }).click();
    await approver.getByRole("button", { name: "Returner vurderingen" }).click();
    await approver.getByText("Skriv hvorfor vurderingen returneres.").waitFor();
    await expectNoAxeViolations(approver);
    const comment = `Beskriv effekten av tiltakene (${runId}).`;
    await approver.getByLabel("Kommentar", { exact: true }).fill(comment);
    await approver.getByRole("button", { name: "Returner vurderingen" }).click();
    await expect.poll(() => statusText(approver)).toContain("Vurderingen er returnert med kommentar.");
    const after = await json<Assessment>(approver, `/api/risk-assessments/${chosen.id}`);
    expect(after).toMatchObject({ state: "draft", returnComment: comment });
    await approver.getByRole("heading", { name: "Returnert med kommentar" }).waitFor();
    await approver.context().close();
  });

  test("the region's overall assessment shows the trusts' levels of the goal beside it", async () => {
    const region = await newPage(browser);
    await region.setViewportSize({ width: 1440, height: 900 });
    await signIn(region, "hn-redaktor", undefined, "Innboks");
    const risk = await json<RoundRisk>(region, `/api/rounds/${roundId}/risk`);
    const overall = risk.goals.find(
      (goal) => goal.overall?.requirement.id === chosen.requirement.id,
    )?.overall;
    if (!overall) throw new Error("the goal has no overall assessment the region may read");
    await region.goto(`/risk-assessments/${overall.id}`);
    await region.getByRole("heading", { level: 1, name: /^Helhetlig risikovurdering: mål / }).waitFor();
    const units = region.locator(".risk-unit-levels");
    await units.getByRole("heading", { level: 2, name: "Enhetenes vurderinger av målet" }).waitFor();
    const row = units.getByRole("row", { name: new RegExp(unn) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Grønn|Gul|Rød/);
    await checkPage(region);
    await region.context().close();
  });

  test("Tabell 3 compares T1 and T2 as the seed prints it, from the steering document", async () => {
    const reader = await newPage(browser);
    await reader.setViewportSize({ width: 1440, height: 900 });
    await signIn(reader, "leser");
    await reader.goto(`/steering/${documentId}`);
    await reader.getByRole("link", { name: /^Tabell 3: risikovurdering/ }).click();
    await reader
      .getByRole("heading", {
        level: 1,
        name: new RegExp(`^Tabell 3 Risikovurdering utvikling fra T1${hyphen}2024 til T2${hyphen}2024$`),
      })
      .waitFor();
    await reader.getByText("4 forbedret, 10 uendret, 1 forverret.").waitFor();
    const table = reader.getByRole("table", { name: /^Risikovurdering, utvikling fra T1/ });
    expect(await table.getByRole("row").count()).toBe(16);
    const worsened = table.getByRole("row").filter({ hasText: "Forverret" });
    expect(await worsened.count()).toBe(1);
    expect(await worsened.textContent()).toMatch(/Gul.*Rød/);
    await checkPage(reader);
    await reader.context().close();
  });
});
