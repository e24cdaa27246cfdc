import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: Helse Nord's editor (hn-redaktor) changes and deletes rows of a programme's registers
// in the page: a group member's role (and a second chair refused at the field), a stakeholder
// activity's status, training changed by someone else meanwhile (409) and then deleted after
// confirming, and a programme risk changed and closed. The owner's approver (hn-godkjenner) reads
// the registers without edit or delete buttons. The programme and its rows are made through the
// API with this run's own code, so other journeys keep their demo data. Axe finds nothing;
// screenshots at 1440 and 390 px go to .shots/regedit/.

const runId = Date.now().toString(36).toUpperCase();
const shots = ".shots/regedit";
const code = `REGED-${runId}`;
const groupName = `Styringsgruppe IKT ${runId}`;
const stakeholderName = `Fagforeningene ${runId}`;
const trainingAudience = `Innkjøpere ${runId}`;
const riskTitle = `Forsinket leveranse ${runId}`;

function checkPage(page: Page, name: string) {
  return checkBothWidths(page, `${shots}/${name}`);
}

async function send<T>(page: Page, method: "post" | "patch", url: string, data: unknown): Promise<T> {
  const response = await page.request[method](url, { data });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

describe("changing and deleting in a programme's registers", () => {
  let browser: Browser;
  let editor: Page;
  let programmeId = 0;
  let registersUrl = "";
  let trainingId = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    await editor.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "hn-redaktor");
    const units: { id: number; code: string }[] = await (await editor.request.get("/api/units")).json();
    const hn = units.find((unit) => unit.code === "HN");
    if (!hn) throw new Error("the demo data has changed: no unit HN");
    const programme = await send<{ id: number }>(editor, "post", "/api/programmes", {
      ownerUnitId: hn.id,
      code,
      title: "Felles IKT-anskaffelser",
      purpose: "Samordne regionenes IKT-anskaffelser.",
    });
    programmeId = programme.id;
    registersUrl = `/programmes/${programmeId}/registers`;
    const base = `/api/programmes/${programmeId}`;
    await send(editor, "post", `${base}/groups`, {
      kind: "steering",
      name: groupName,
      members: [
        { name: "Kari Leder", unitId: hn.id, role: "chair" },
        { name: "Per Medlem", unitId: hn.id, role: "member" },
      ],
    });
    await send(editor, "post", `${base}/stakeholders`, {
      name: stakeholderName,
      activities: [{ title: "Dialogmøte om kravspesifikasjon", on: "2024-10-01", status: "planned" }],
    });
    trainingId = (
      await send<{ id: number }>(editor, "post", `${base}/training`, {
        audience: trainingAudience,
        content: "Nytt avtaleverk",
      })
    ).id;
    const risks = await (await editor.request.get(`${base}/risks?period=2024`)).json();
    await send(editor, "post", `${base}/risks`, {
      area: risks.areas[0],
      title: riskTitle,
      horizon: "this_year",
      rank: 1,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the editor changes a member's role, and a second chair is refused at the field", async () => {
    await editor.goto(registersUrl);
    const card = editor.getByRole("article", { name: `Styringsgruppe: ${groupName}` });
    await card.getByRole("button", { name: `Endre ${groupName}` }).click();
    const panel = card.getByRole("region", { name: `Endre «Styringsgruppe: ${groupName}»` });
    const second = panel.getByRole("group", { name: "Medlem 2" });
    await second.getByLabel("Rolle").selectOption({ label: "Sekretær" });
    await panel.getByRole("button", { name: "Lagre" }).click();
    await panel.waitFor({ state: "detached" });
    expect(await card.getByRole("row", { name: /Per Medlem/ }).innerText()).toContain("Sekretær");
    await editor.getByText(`«${groupName}» er endret.`).waitFor({ state: "attached" });

    await card.getByRole("button", { name: `Endre ${groupName}` }).click();
    await second.getByLabel("Rolle").selectOption({ label: "Leder" });
    await panel.getByRole("button", { name: "Lagre" }).click();
    await second.getByText("bare én leder; «Kari Leder» er allerede leder").waitFor();
    expect(await second.getByLabel("Rolle").getAttribute("aria-invalid")).toBe("true");
    await checkPage(editor, "group-second-chair");
    await panel.getByRole("button", { name: "Avbryt" }).click();
    expect(await card.getByRole("row", { name: /Per Medlem/ }).innerText()).toContain("Sekretær");
  });

  test("the editor marks a stakeholder's activity as done", async () => {
    const card = editor.getByRole("article", { name: stakeholderName });
    await card.getByRole("button", { name: `Endre ${stakeholderName}` }).click();
    const activity = card.getByRole("group", { name: "Aktivitet 1" });
    expect(await activity.getByLabel("Dato").inputValue()).toBe("2024-10-01");
    await activity.getByLabel("Status").selectOption({ label: "Gjennomført" });
    await card.getByRole("button", { name: "Lagre" }).click();
    await card.getByText("Dialogmøte om kravspesifikasjon (gjennomført)").waitFor();
  });

  test("a save over someone else's change is refused in bokmål, and their version can be loaded", async () => {
    const row = editor.getByRole("row", { name: new RegExp(trainingAudience) });
    await row.getByRole("button", { name: `Endre ${trainingAudience}` }).click();
    const panel = editor.getByRole("region", { name: `Endre «${trainingAudience}»` });
    await panel.getByLabel("Innhold").fill("Mitt innhold");
    const url = `/api/programmes/${programmeId}/training`;
    const read: { training: { id: number; version: number }[] } = await (
      await editor.request.get(url)
    ).json();
    await send(editor, "patch", `${url}/${trainingId}`, {
      version: read.training.find((each) => each.id === trainingId)?.version,
      content: "Noen andres innhold",
    });
    await panel.getByRole("button", { name: "Lagre" }).click();
    const alert = panel.getByRole("alert");
    await alert.getByRole("heading", { name: "Noen andre har lagret en endring først" }).waitFor();
    expect(await alert.innerText()).toContain("Endringene dine er ikke lagret");
    await checkPage(editor, "training-stale");
    await alert.getByRole("button", { name: "Hent nyeste versjon" }).click();
    expect(await panel.getByLabel("Innhold").inputValue()).toBe("Noen andres innhold");
    await panel.getByRole("button", { name: "Avbryt" }).click();
  });

  test("the editor deletes training after confirming", async () => {
    const row = editor.getByRole("row", { name: new RegExp(trainingAudience) });
    await row.getByRole("button", { name: `Slett ${trainingAudience}` }).click();
    expect(await row.innerText()).toContain(`Slette «${trainingAudience}»?`);
    await row.getByRole("button", { name: `Ja, slett ${trainingAudience}` }).click();
    await row.waitFor({ state: "detached" });
    await editor.getByText(`«${trainingAudience}» er slettet.`).waitFor({ state: "attached" });
  });

  test("the editor changes a programme risk and closes it", async () => {
    const section = editor.getByRole("region", { name: "Risiko" });
    const change = section.locator("details", { hasText: `Endre eller lukk ${riskTitle}` });
    await change.locator("summary").click();
    await change.getByLabel("Konsekvenser").fill("Nye avtaler kommer for sent i gang.");
    await change.getByLabel("Risikoeier").fill("Programleder");
    await change.getByLabel("Tidshorisont").selectOption({ label: "1–4 år" });
    await change.getByRole("button", { name: "Lagre" }).click();
    const riskRow = section.getByRole("row", { name: new RegExp(riskTitle) });
    await riskRow.getByText("Nye avtaler kommer for sent i gang.").waitFor();
    await editor.getByText(`«${riskTitle}» er endret.`).waitFor({ state: "attached" });

    await change.locator("summary").click();
    expect(await change.getByLabel("Risikoeier").inputValue()).toBe("Programleder");
    await change.getByRole("button", { name: "Lukk risiko" }).click();
    await checkPage(editor, "risk-close");
    await change.getByRole("button", { name: "Ja, lukk risikoen" }).click();
    await riskRow.waitFor({ state: "detached" });
    await editor.getByText(`«${riskTitle}» er lukket.`).waitFor({ state: "attached" });
  });

  test("the owner's approver reads the registers without edit or delete buttons", async () => {
    const reader = await newPage(browser);
    await reader.setViewportSize({ width: 1440, height: 900 });
    await signIn(reader, "hn-godkjenner");
    await reader.goto(registersUrl);
    await reader.getByText("Du kan lese registrene, men ikke endre dem.").waitFor();
    await reader.getByRole("article", { name: `Styringsgruppe: ${groupName}` }).waitFor();
    await reader.getByRole("article", { name: stakeholderName }).waitFor();
    expect(await reader.getByRole("button", { name: /^(Endre|Slett) / }).count()).toBe(0);
    expect(await reader.getByText(/^Endre eller lukk /).count()).toBe(0);
    await checkPage(reader, "reader");
    await reader.close();
  });
});
