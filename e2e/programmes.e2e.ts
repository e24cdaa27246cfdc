import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey (issue 14): Helse Nord's programme manager (hn-redaktor) writes and submits a status
// report and asks for the gate decision; the owner's approver (hn-godkjenner) approves the gate;
// the manager starts phase 1 and sees it as the current phase in the portfolio. The programme
// with phases 0 and 1 is made through the API first. Every page passes an axe scan; screenshots
// at 1440 and 390 px go to .shots/programmes/.

const runId = Date.now().toString(36).toUpperCase();
const shots = ".shots/programmes";
const code = `E2E-${runId}`;
const title = "Felles lønns- og personalsystem";

/** Axe finds nothing at 1440 and at 390 px, where the page is no wider than the screen. */
function checkPage(page: Page, name: string) {
  return checkBothWidths(page, `${shots}/${name}`);
}

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const response = await page.request.post(url, { data });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

describe("a programme through its gate", () => {
  let browser: Browser;
  let editor: Page;
  let approver: Page;
  let programmeUrl = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "hn-redaktor");
    const units: { id: number; code: string }[] = await (await editor.request.get("/api/units")).json();
    const hn = units.find((unit) => unit.code === "HN");
    if (!hn) throw new Error("the demo data has changed: no unit HN");
    const programme = await post<{ id: number }>(editor, "/api/programmes", {
      ownerUnitId: hn.id,
      code,
      title,
      sponsorName: "Administrerende direktør, Helse Nord RHF",
      managerName: "Programleder i Helse Nord",
      approverTitle: "Prosjekteier ved administrerende direktør",
      purpose: "Ett felles system for lønn og personal i foretaksgruppen.",
    });
    programmeUrl = `/programmes/${programme.id}`;
    await post(editor, `/api/programmes/${programme.id}/phases`, {
      number: 0,
      name: "Forprosjekt",
      plannedStart: "2024-01-01",
      plannedEnd: "2024-06-30",
      mainActivities: ["Kartlegge dagens systemer", "Beskrive gevinster"],
    });
    const withPhases = await post<{ phases: { version: number }[] }>(
      editor,
      `/api/programmes/${programme.id}/phases`,
      {
        number: 1,
        name: "Innføring",
        plannedStart: "2024-06-30",
        plannedEnd: "2025-12-31",
        milestones: [{ title: "Første foretak i drift", due: "2025-03-01" }],
      },
    );
    await post(editor, `/api/programmes/${programme.id}/phases/0/start`, {
      version: withPhases.phases[0]?.version,
      actualStart: "2024-01-15",
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the manager finds the programme in the portfolio, in phase 0 with its gate undecided", async () => {
    await editor.goto("/programmes");
    await editor.getByRole("heading", { level: 1, name: "Programmer og prosjekter" }).waitFor();
    const row = editor.getByRole("row", { name: new RegExp(code) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Fase 0: Forprosjekt/);
    expect(await row.innerText()).toMatch(/G-0-1 \(før fase 1\)\s*Ikke bedt om beslutning/);
    expect(await row.innerText()).toContain("Ingen innsendt rapport");
    await checkPage(editor, "portfolio-before");
  });

  test("the manager writes and submits a status report; a missing colour is named first", async () => {
    await editor.goto(programmeUrl);
    await editor.getByRole("heading", { level: 1, name: `${code}: ${title}` }).waitFor();
    await checkPage(editor, "programme-before");
    await editor.getByLabel("Periode").fill("2024-05");
    await editor.getByRole("button", { name: "Opprett" }).click();
    await editor.getByRole("heading", { level: 1, name: "Statusrapport 2024-05" }).waitFor();

    const colours: [string, string][] = [
      ["Omfang", "Grønn"],
      ["Tid", "Gul"],
      ["Kostnad", "Grønn"],
      ["Gevinster", "Grønn"],
      ["Risiko", "Gul"],
    ];
    for (const [aspect, colour] of colours) {
      await editor.getByRole("group", { name: aspect, exact: true }).getByLabel(colour).check();
    }
    await editor.getByLabel("Forklaring: tid").fill("Anskaffelsen tok to uker lenger enn planlagt.");
    await editor.getByRole("button", { name: "Send inn" }).click();
    const alert = editor.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("velg grønn, gul eller rød");
    await checkPage(editor, "report-missing-colour");

    await editor.getByRole("group", { name: "Samlet vurdering", exact: true }).getByLabel("Gul").check();
    await editor.getByLabel("Forklaring: samlet vurdering").fill("På vei, men forsinket.");
    await editor.getByRole("button", { name: "Send inn" }).click();
    await editor.getByRole("status").getByText("Statusrapporten er sendt inn.").waitFor();
    await editor.getByText("Status: Sendt inn").waitFor();
    await checkPage(editor, "report-submitted");
  });

  test("the manager asks for the gate decision", async () => {
    await editor.goto(programmeUrl);
    const gate = editor.getByRole("article", { name: /Beslutningspunkt G-0-1/ });
    await gate
      .getByLabel("Hva ber dere om, og hvorfor?")
      .fill("Forprosjektet er ferdig. Vi ber om å starte fase 1.");
    await gate.getByRole("button", { name: "Be om beslutning" }).click();
    await editor.getByRole("status").getByText("Beslutning er bedt om i G-0-1.").waitFor();
    await gate.getByText(/Beslutning bedt om/).waitFor();
    expect(await editor.getByRole("button", { name: "Start fase 1" }).count()).toBe(0);
    await checkPage(editor, "gate-asked");
  });

  test("the owner's approver approves the gate", async () => {
    approver = await newPage(browser);
    await approver.setViewportSize({ width: 1440, height: 900 });
    await signIn(approver, "hn-godkjenner");
    await approver.goto(programmeUrl);
    const gate = approver.getByRole("article", { name: /Beslutningspunkt G-0-1/ });
    await gate.getByText("Forprosjektet er ferdig. Vi ber om å starte fase 1.").waitFor();
    await gate.getByRole("group", { name: "Beslutning" }).getByLabel("Godkjent", { exact: true }).check();
    await gate.getByLabel("Beslutningstekst").fill("Fase 1 startes som planlagt.");
    await gate.getByRole("button", { name: "Lagre beslutning" }).click();
    await approver.getByRole("status").getByText("Beslutningen i G-0-1 er lagret: Godkjent.").waitFor();
    await gate.getByText(/Gjeldende beslutning: Godkjent/).waitFor();
    await checkPage(approver, "gate-approved");
  });

  test("the manager starts phase 1 and sees it as current in the portfolio", async () => {
    await editor.goto(programmeUrl);
    await editor.getByRole("button", { name: "Start fase 1" }).click();
    await editor.getByRole("status").getByText("Fase 1 er startet.").waitFor();
    await editor.getByRole("heading", { level: 3, name: "Fase 1: Innføring (pågår)" }).waitFor();
    await editor.getByRole("heading", { level: 3, name: "Fase 0: Forprosjekt (avsluttet)" }).waitFor();
    await checkPage(editor, "phase-1-started");

    await editor.goto("/programmes");
    const row = editor.getByRole("row", { name: new RegExp(code) });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/Fase 1: Innføring/);
    expect(text).toMatch(/Gul\s*Statusrapport 2024-05/);
    expect(text).toContain("Første rapport");
    await checkPage(editor, "portfolio-after");
  });
});
