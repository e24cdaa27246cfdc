import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, getJson as json, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey of issue 12, as one tertial runs it: UNN's editor opens T2 2024, sees its T1 assessments
// carried forward, changes two levels, adds a measure linked to a goal and an indicator, and
// submits; UNN's approver approves both; Helse Nord's editor writes the overall assessment of the
// goal with the trust's new level beside it (the region's approver returns the approved one first
// and approves the new text); the T2 tertial report then shows Tabell 3 and the measures annex with
// the new measure. Axe finds nothing on every page.

type Assessment = {
  id: number;
  requirement: { id: number; number: string; text: string };
  unit: { name: string };
  level: string | null;
  carriedForward: boolean;
  state: string;
  allowedActions: string[];
};
type RoundRisk = { goals: { overall: Assessment | null; units: Assessment[] }[] };

const runId = Date.now().toString(36);
const unn = "Universitetssykehuset Nord-Norge HF";
const hyphen = "[-\u2011]";
const levelName: Record<string, string> = { green: "Grønn", yellow: "Gul", red: "Rød" };

async function statusText(page: Page): Promise<string> {
  return (await page.getByRole("status").allTextContents()).join(" ");
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, username);
  return page;
}

/** Another level than `key`: the next one down, or green from red. */
const otherLevel = (key: string | null) => (key === "green" ? "yellow" : key === "yellow" ? "red" : "green");

describe("a tertial's risk work, from the trust's editor to the board document", () => {
  let browser: Browser;
  let roundId: number;
  let documentTitle: string;
  let changed: Assessment[] = [];
  const measureTitle = `Ukentlig tavlemøte om ventetider (${runId})`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the trust's editor opens T2 and changes two levels carried forward from T1", async () => {
    const editor = await signedIn(browser, "redaktor");
    const documents = await json<{ id: number; title: string }[]>(
      editor,
      "/api/steering-documents?year=2024",
    );
    const document = documents.find((each) => each.title === "Styringskrav og rammer 2024");
    if (!document) throw new Error("the demo data has changed: no Styringskrav og rammer 2024");
    documentTitle = document.title;
    const rounds = await json<{ id: number; period: string }[]>(
      editor,
      `/api/steering-documents/${document.id}/rounds`,
    );
    roundId = rounds.find((each) => each.period === "2024-T2")?.id ?? 0;
    const risk = await json<RoundRisk>(editor, `/api/rounds/${roundId}/risk`);
    // The last two carried-forward drafts: the other risk journey takes the first ones.
    changed = risk.goals
      .flatMap((goal) => goal.units)
      .filter(
        (each) => each.unit.name === unn && each.carriedForward && each.allowedActions.includes("submit"),
      )
      .slice(-2);
    expect(changed).toHaveLength(2);

    await editor.goto(`/rounds/${roundId}`);
    await editor.getByRole("link", { name: "Risikovurdering av målene i runden" }).click();
    await editor
      .getByRole("heading", { level: 1, name: new RegExp(`^Risikovurdering T2${hyphen}2024$`) })
      .waitFor();
    await expectNoAxeViolations(editor);

    for (const assessment of changed) {
      await editor.goto(`/risk-assessments/${assessment.id}`);
      await editor
        .getByText(new RegExp(`Vurderingen er ført videre fra T1${hyphen}2024 og ikke gjennomgått`))
        .waitFor();
      await expectNoAxeViolations(editor);
      const level = otherLevel(assessment.level);
      await editor.getByRole("radio", { name: levelName[level] }).check();
      await editor
        .getByLabel("Begrunnelse")
        .fill(`Vurdert på nytt i T2 (${runId}): ny ventelisteoppfølging.`);
      await editor.getByRole("button", { name: "Lagre" }).click();
      await expect.poll(() => statusText(editor)).toContain("Vurderingen er lagret.");
      const saved = await json<Assessment>(editor, `/api/risk-assessments/${assessment.id}`);
      expect(saved).toMatchObject({ level, carriedForward: false, state: "draft" });
    }
    await editor.context().close();
  });

  test("the editor adds a measure linked to the first goal and to an indicator", async () => {
    const editor = await signedIn(browser, "redaktor");
    const [first] = changed as [Assessment];
    const indicators = await json<{ id: number; code: string }[]>(editor, "/api/indicators");
    const indicator = indicators[0];
    if (!indicator) throw new Error("the demo data has no indicators");
    await editor.goto("/measures");
    await editor.getByRole("link", { name: "Nytt tiltak" }).click();
    await editor.getByRole("heading", { level: 1, name: "Nytt tiltak" }).waitFor();
    await editor.getByLabel("Ansvarlig enhet").selectOption({ label: unn });
    await editor.getByLabel("Tittel").fill(measureTitle);
    await editor.getByLabel("Eierens rolle").fill("Klinikksjef");
    await editor.getByLabel("Startdato").fill("2024-09-01");
    await editor.getByLabel("Frist").fill("2025-06-30");
    await editor.getByLabel("Forventet effekt").fill("Kortere ventetid for nyhenviste.");
    await editor.getByLabel("Effektindikator").selectOption(String(indicator.id));
    await editor.getByLabel("Forventet verdi på indikatoren").fill("60,5");
    await editor.getByLabel("Dato for full effekt").fill("2025-06-30");
    await editor.getByLabel("Styringsdokument").selectOption({ label: documentTitle });
    await editor.getByRole("checkbox", { name: new RegExp(`^${first.requirement.number} `) }).check();
    await expectNoAxeViolations(editor);
    await editor.getByRole("button", { name: "Opprett tiltaket" }).click();
    await editor.getByRole("heading", { level: 1, name: measureTitle }).waitFor();
    const links = editor.locator("section", { has: editor.getByRole("heading", { name: "Knyttet til" }) });
    await links
      .getByRole("listitem")
      .filter({ hasText: `Mål: ${first.requirement.number} ` })
      .waitFor();
    await links.getByRole("link", { name: new RegExp(indicator.code) }).waitFor();
    const id = Number(new URL(editor.url()).pathname.split("/").pop());
    const measure = await json<{ effectTarget: number; links: { kind: string; targetId: number }[] }>(
      editor,
      `/api/measures/${id}`,
    );
    expect(measure.effectTarget).toBe(60.5);
    expect(measure.links.map((link) => link.kind).sort()).toEqual(["indicator", "requirement"]);
    await expectNoAxeViolations(editor);
    await editor.context().close();
  });

  test("the editor submits both assessments", async () => {
    const editor = await signedIn(browser, "redaktor");
    for (const assessment of changed) {
      await editor.goto(`/risk-assessments/${assessment.id}`);
      await editor.getByRole("button", { name: "Send inn" }).click();
      await expect.poll(() => statusText(editor)).toContain("Vurderingen er sendt inn til godkjenning.");
    }
    await expectNoAxeViolations(editor);
    await editor.context().close();
  });

  test("the trust's approver approves both", async () => {
    const approver = await signedIn(browser, "godkjenner");
    for (const assessment of changed) {
      await approver.goto(`/risk-assessments/${assessment.id}`);
      await approver.getByRole("button", { name: "Godkjenn" }).click();
      await expect.poll(() => statusText(approver)).toContain("Vurderingen er godkjent.");
      expect((await json<Assessment>(approver, `/api/risk-assessments/${assessment.id}`)).state).toBe(
        "approved",
      );
    }
    await expectNoAxeViolations(approver);
    await approver.context().close();
  });

  test("the region writes the overall assessment with the trust's new level beside it", async () => {
    const [first] = changed as [Assessment];
    const approver = await signedIn(browser, "hn-godkjenner");
    const risk = await json<RoundRisk>(approver, `/api/rounds/${roundId}/risk`);
    const overall = risk.goals.find((goal) => goal.overall?.requirement.id === first.requirement.id)?.overall;
    if (!overall) throw new Error("the goal has no overall assessment");
    // The demo's overall assessments are approved as in the seed: the approver returns it to rewrite.
    if (overall.state === "approved") {
      await approver.goto(`/risk-assessments/${overall.id}`);
      await approver.getByRole("button", { name: "Returner", exact: true }).click();
      await approver.getByLabel("Kommentar", { exact: true }).fill("Ta med helseforetakenes T2-vurderinger.");
      await approver.getByRole("button", { name: "Returner vurderingen" }).click();
      await expect.poll(() => statusText(approver)).toContain("Vurderingen er returnert med kommentar.");
    }

    const region = await signedIn(browser, "hn-redaktor");
    await region.goto(`/risk-assessments/${overall.id}`);
    await region.getByRole("heading", { level: 1, name: /^Helhetlig risikovurdering: mål / }).waitFor();
    const trustRow = region.locator(".risk-unit-levels").getByRole("row", { name: new RegExp(unn) });
    const newLevel = (await json<Assessment>(region, `/api/risk-assessments/${first.id}`)).level ?? "";
    expect(await trustRow.textContent()).toContain(levelName[newLevel]);
    await expectNoAxeViolations(region);
    // The same level as before, so Tabell 3 keeps the seed's counts; the text is new.
    const text = `Helse Nord samlet (${runId}): UNN har endret nivå, tiltak er satt i gang.`;
    await region.getByLabel("Begrunnelse").fill(text);
    await region.getByRole("button", { name: "Lagre" }).click();
    await expect.poll(() => statusText(region)).toContain("Vurderingen er lagret.");
    await region.getByRole("button", { name: "Send inn" }).click();
    await expect.poll(() => statusText(region)).toContain("Vurderingen er sendt inn til godkjenning.");
    await region.context().close();

    await approver.goto(`/risk-assessments/${overall.id}`);
    await approver.getByRole("button", { name: "Godkjenn" }).click();
    await expect.poll(() => statusText(approver)).toContain("Vurderingen er godkjent.");
    const after = await json<Assessment & { justification: string }>(
      approver,
      `/api/risk-assessments/${overall.id}`,
    );
    expect(after).toMatchObject({ state: "approved", level: overall.level, justification: text });
    await approver.context().close();
  });

  test("the T2 tertial report shows Tabell 3 and the measures annex with the new measure", async () => {
    const admin = await signedIn(browser, "hn-admin");
    const title = "Tertialrapport 2. tertial 2024 for Helse Nord RHF";
    const units = await json<{ id: number; code: string }[]>(admin, "/api/units");
    await admin.goto("/documents");
    const form = admin.locator("form", { has: admin.getByRole("button", { name: "Lag dokument" }) });
    await form.getByLabel("Dokumenttype", { exact: true }).selectOption("tertial_report");
    await form
      .getByLabel("Enhet", { exact: true })
      .selectOption(String(units.find((u) => u.code === "HN")?.id));
    await form.getByLabel("År", { exact: true }).fill("2024");
    await form.getByLabel("Periode", { exact: true }).selectOption("T2");
    await form.getByRole("button", { name: "Lag dokument" }).click();
    await expect
      .poll(() => admin.getByRole("status").first().textContent(), { timeout: 30_000 })
      .toContain(`«${title}» er laget og lagret.`);
    await admin
      .getByRole("button", { name: new RegExp(`^Forhåndsvis ${title}`) })
      .first()
      .click();
    const preview = admin.frameLocator(`iframe[title="Forhåndsvisning av ${title}"]`);
    await preview.getByRole("heading", { level: 1, name: title }).waitFor();
    // Tables are numbered in the order they come; the seed's Tabell 3 is the risk table here.
    const period = (tertial: string) => `${tertial}${hyphen}2024`;
    await preview
      .getByText(
        new RegExp(`^Tabell \\d+ Risikovurdering utvikling fra ${period("T1")} til ${period("T2")}$`),
      )
      .waitFor();
    await preview.getByText(/4 mål har forbedret risiko, 10 er uendret og 1 er forverret/).waitFor();
    await preview.getByText(/^Tabell \d+ Status risikoreduserende tiltak$/).waitFor();
    const measureRow = preview.getByRole("row", { name: new RegExp(measureTitle.replace(/[()]/g, "\\$&")) });
    await measureRow.waitFor();
    expect(await measureRow.textContent()).toContain("Klinikksjef");
    await expectNoAxeViolations(admin);
    await admin.context().close();
  });
});
