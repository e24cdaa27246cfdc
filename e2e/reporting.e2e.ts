import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

type WorkItem = {
  answerId: number;
  kind: "unit" | "consolidated";
  round: { id: number; period: string };
  requirement: { id: number; number: string };
};
type Inbox = { toWrite: WorkItem[]; returned: WorkItem[]; toApprove: WorkItem[] };
type Answer = {
  id: number;
  text: string;
  status: string;
  state: string;
  version: number;
  returnComment: string | null;
};

const runId = Date.now().toString(36);

async function inboxOf(page: Page): Promise<Inbox> {
  const response = await page.request.get("/api/inbox");
  expect(response.status()).toBe(200);
  return (await response.json()) as Inbox;
}

async function answerOf(page: Page, id: number): Promise<Answer> {
  return (await (await page.request.get(`/api/answers/${id}`)).json()) as Answer;
}

/** The live region's text, which announces what a button did. */
async function statusText(page: Page): Promise<string> {
  return (await page.getByRole("status").allTextContents()).join(" ");
}

/** A section of the inbox, found by its heading. */
function inboxSection(page: Page, heading: RegExp): Locator {
  return page.locator("section", { has: page.getByRole("heading", { level: 2, name: heading }) });
}

// Journey: one reporting round from start to finish. The trust's editor writes and submits an
// answer, withdraws it and submits it again, and goes on to the next answer waiting; the trust's
// approver approves it with a comment, which the editor sees, and returns another with a comment,
// which the editor finds in the inbox; two sessions saving the same draft see each other's text side by side;
// the regional authority consolidates the requirement and approves it; the round matrix shows
// every state. Every page on the way passes an axe scan.
describe("a reporting round: write, approve, return, consolidate", () => {
  let browser: Browser;
  let editor: Page;
  let written: WorkItem;
  let stale: WorkItem;
  let returned: WorkItem;
  const answerText = `**Tiltak i ${runId}:** UNN har styrket arbeidet med Bransjeprogram IA.\n\n- to nye partssammensatte team\n- oppfølging hver måned`;
  const comment = `Beskriv effekten av tiltakene (${runId}).`;
  const approval = `Godt svar; ta med tallene neste tertial (${runId}).`;

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the trust editor starts at the inbox, with open work and deadlines", async () => {
    await signIn(editor, "redaktor", undefined, "Innboks");
    expect(new URL(editor.url()).pathname).toBe("/inbox");
    const inbox = await inboxOf(editor);
    const drafts = inbox.toWrite.filter((item) => item.kind === "unit");
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    written = drafts[0] as WorkItem;
    stale = drafts[1] as WorkItem;

    const toWrite = inboxSection(editor, /^Til skriving/);
    await toWrite
      .getByRole("link", { name: new RegExp(`^Krav ${written.requirement.number}\\b`) })
      .first()
      .waitFor();
    await inboxSection(editor, /^Returnert til deg/).waitFor();
    // The summary's count of late answers is the length of the list of them below.
    const late = inboxSection(editor, /^Forsinket \(\d+\)$/);
    await late.waitFor();
    const heading = (await late.getByRole("heading", { level: 2 }).textContent()) ?? "";
    const summary = (await editor.locator(".inbox-summary").textContent()) ?? "";
    expect(summary).toContain(`Forsinket: ${heading.match(/\d+/)?.[0]}`);
    await expectNoAxeViolations(editor);
  });

  test("the editor writes the answer in Markdown, sees the preview, saves and compares versions", async () => {
    await editor.goto(`/answers/${written.answerId}`);
    await editor
      .getByRole("heading", { level: 1, name: new RegExp(`^Krav ${written.requirement.number}: svar fra`) })
      .waitFor();

    await editor.getByLabel("Måloppnåelse").selectOption("partly_fulfilled");
    await editor.getByLabel("Svartekst").fill(answerText);
    const preview = editor.locator("section.markdown-preview");
    await expect.poll(() => preview.locator("strong").first().textContent()).toBe(`Tiltak i ${runId}:`);
    expect(await preview.locator("li").count()).toBe(2);
    await editor.getByText("Du har endringer som ikke er lagret.").waitFor();
    await expectNoAxeViolations(editor);

    await editor.getByRole("button", { name: "Lagre utkast" }).click();
    await expect.poll(() => statusText(editor)).toContain("Utkastet er lagret.");
    expect((await answerOf(editor, written.answerId)).text).toBe(answerText);

    // The history has the new version; the diff between the two latest shows the new words.
    const history = editor.locator("section.answer-history");
    await history.getByRole("cell", { name: "Lagret" }).first().waitFor();
    await history.getByRole("button", { name: "Vis endringer" }).click();
    await history.getByRole("heading", { name: /^Endringer fra versjon \d+ til \d+$/ }).waitFor();
    await expect
      .poll(() => history.locator(".diff-text ins").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining("partssammensatte")]));
    await expectNoAxeViolations(editor);
  });

  test("the editor submits the answer; the editor's controls give way to the read-only answer", async () => {
    await editor.getByRole("button", { name: "Send til godkjenning" }).click();
    await expect.poll(() => statusText(editor)).toContain("Svaret er sendt til godkjenning.");
    expect(await editor.getByRole("button", { name: "Lagre utkast" }).count()).toBe(0);
    // Focus moved to the answer's heading, as the form it was in went away.
    expect(await editor.evaluate(() => document.activeElement?.tagName)).toBe("H2");
    const answer = await answerOf(editor, written.answerId);
    expect(answer.state).toBe("submitted");
    expect(answer.status).toBe("partly_fulfilled");
    await expectNoAxeViolations(editor);
  });

  test("the editor withdraws the submitted answer to draft, and submits it again", async () => {
    await editor.getByText("Du kan trekke det tilbake for å endre det", { exact: false }).waitFor();
    await editor.getByRole("button", { name: "Trekk tilbake til utkast" }).click();
    await expect.poll(() => statusText(editor)).toContain("Svaret er trukket tilbake og er et utkast igjen.");
    expect(await editor.getByLabel("Svartekst").inputValue()).toBe(answerText);
    expect((await answerOf(editor, written.answerId)).state).toBe("draft");
    const history = editor.locator("section.answer-history");
    await history.getByRole("cell", { name: "Trukket tilbake" }).first().waitFor();
    await expectNoAxeViolations(editor);

    await editor.getByRole("button", { name: "Send til godkjenning" }).click();
    await expect.poll(() => statusText(editor)).toContain("Svaret er sendt til godkjenning.");
    expect((await answerOf(editor, written.answerId)).state).toBe("submitted");
  });

  test("after submitting, the editor goes on to the next answer waiting in the round", async () => {
    const next = editor
      .locator(".answer-workflow")
      .getByRole("navigation", { name: "Neste svar" })
      .getByRole("link", { name: /^Neste svar: krav / });
    await next.waitFor();
    const number = ((await next.textContent()) ?? "").match(/krav ([^,]+),/)?.[1];
    expect(number).toBeDefined();
    await expectNoAxeViolations(editor);
    await next.click();
    await editor.getByRole("heading", { level: 1, name: new RegExp(`^Krav ${number}: svar fra`) }).waitFor();
    expect(new URL(editor.url()).pathname).not.toBe(`/answers/${written.answerId}`);
    await expectNoAxeViolations(editor);
  });

  test("two sessions edit the same draft: the second save shows both versions side by side", async () => {
    const other = await newPage(browser);
    await signIn(other, "redaktor", undefined, "Innboks");
    await editor.goto(`/answers/${stale.answerId}`);
    await other.goto(`/answers/${stale.answerId}`);
    for (const page of [editor, other]) await page.getByLabel("Svartekst").waitFor();

    const first = `Første økt skrev dette (${runId}).`;
    const second = `Andre økt skrev noe annet (${runId}).`;
    await editor.getByLabel("Svartekst").fill(first);
    await editor.getByRole("button", { name: "Lagre utkast" }).click();
    await expect.poll(() => statusText(editor)).toContain("Utkastet er lagret.");

    await other.getByLabel("Svartekst").fill(second);
    await other.getByRole("button", { name: "Lagre utkast" }).click();
    const conflict = other.locator(".conflict");
    await conflict
      .getByRole("heading", { name: "Noen andre har lagret svaret etter at du åpnet det" })
      .waitFor();
    const mine = conflict.locator(".side-by-side__column", { hasText: "Din tekst (ikke lagret)" });
    const theirs = conflict.locator(".side-by-side__column", { hasText: "Lagret versjon" });
    expect(await mine.textContent()).toContain(second);
    expect(await theirs.textContent()).toContain(first);
    // Nothing was lost: the editor still holds the second session's text.
    expect(await other.getByLabel("Svartekst").inputValue()).toBe(second);
    await expectNoAxeViolations(other);

    await conflict.getByRole("button", { name: /^Fortsett med begge/ }).click();
    const merged = await other.getByLabel("Svartekst").inputValue();
    expect(merged).toBe(`${first}\n\n${second}`);
    expect(await other.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await other.getByRole("button", { name: "Lagre utkast" }).click();
    await expect.poll(() => statusText(other)).toContain("Utkastet er lagret.");
    expect((await answerOf(other, stale.answerId)).text).toBe(merged);
    await other.context().close();
  });

  test("the approver approves the submitted answer", async () => {
    const approver = await newPage(browser);
    await signIn(approver, "godkjenner", undefined, "Innboks");
    const toApprove = inboxSection(approver, /^Til godkjenning/);
    await toApprove
      .getByRole("link", { name: new RegExp(`^Krav ${written.requirement.number}\\b`) })
      .first()
      .click();
    await approver
      .getByRole("heading", { level: 1, name: new RegExp(`^Krav ${written.requirement.number}: svar fra`) })
      .waitFor();
    expect(await approver.locator(".answer-text strong").first().textContent()).toBe(`Tiltak i ${runId}:`);
    expect(await approver.getByLabel("Svartekst").count()).toBe(0);
    await expectNoAxeViolations(approver);

    await approver.getByLabel("Kommentar til godkjenningen (valgfritt)").fill(approval);
    await approver.getByRole("button", { name: "Godkjenn" }).click();
    await expect.poll(() => statusText(approver)).toContain("Svaret er godkjent.");
    expect((await answerOf(approver, written.answerId)).state).toBe("approved");
    await approver.locator(".approval-note").getByText(approval).waitFor();

    // Another submitted answer is returned with a comment, by keyboard from the comment field on.
    const inbox = await inboxOf(approver);
    returned = inbox.toApprove.find(
      (item) => item.kind === "unit" && item.answerId !== written.answerId,
    ) as WorkItem;
    expect(returned).toBeDefined();
    await approver.goto(`/answers/${returned.answerId}`);
    await approver.getByRole("button", { name: "Returner med kommentar" }).click();
    const field = approver.getByLabel("Kommentar", { exact: true });
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await approver.keyboard.type(comment);
    await expectNoAxeViolations(approver);
    await approver.keyboard.press("Tab");
    await approver.keyboard.press("Enter");
    await expect.poll(() => statusText(approver)).toContain("Svaret er returnert med kommentar.");
    const after = await answerOf(approver, returned.answerId);
    expect(after.state).toBe("draft");
    expect(after.returnComment).toBe(comment);
    await approver.context().close();
  });

  test("the editor finds the returned answer in the inbox, with the comment", async () => {
    await editor.goto("/inbox");
    await editor.getByRole("heading", { level: 1, name: "Innboks" }).waitFor();
    const section = inboxSection(editor, /^Returnert til deg/);
    const card = section.locator("li", { hasText: comment });
    await card.waitFor();
    expect(await card.textContent()).toContain(`Krav ${returned.requirement.number}`);
    expect(await card.textContent()).toContain("Returnert av Gunn Godkjenner");

    await card.getByRole("link", { name: new RegExp(`^Krav ${returned.requirement.number}\\b`) }).click();
    await editor.getByRole("heading", { level: 3, name: "Returnert med kommentar" }).waitFor();
    expect(await editor.locator(".return-comment").textContent()).toContain(comment);
    await expectNoAxeViolations(editor);
  });

  test("the editor sees the approval and the approver's comment on the answer and in its history", async () => {
    await editor.goto(`/answers/${written.answerId}`);
    const note = editor.locator(".approval-note");
    await note.getByRole("heading", { name: "Godkjent" }).waitFor();
    expect(await note.textContent()).toContain("Godkjent av Gunn Godkjenner");
    expect(await note.textContent()).toContain(approval);
    const history = editor.locator("section.answer-history");
    await history.getByRole("cell", { name: approval }).waitFor();
    expect(await editor.getByRole("button", { name: "Trekk tilbake til utkast" }).count()).toBe(0);
    await expectNoAxeViolations(editor);
  });

  test("the regional editor consolidates the requirement from the round matrix", async () => {
    const region = await newPage(browser);
    await signIn(region, "hn-redaktor", undefined, "Innboks");
    const navigation = region.getByRole("navigation", { name: "Hovedmeny" });
    await navigation.getByRole("link", { name: "Styringsdokumenter" }).click();
    await region.getByRole("heading", { level: 1, name: "Styringsdokumenter" }).waitFor();
    await expectNoAxeViolations(region);
    await region.getByRole("link", { name: "Styringskrav og rammer 2024" }).click();
    await region.getByRole("heading", { level: 1, name: "Styringskrav og rammer 2024" }).waitFor();
    await expectNoAxeViolations(region);

    await region.getByRole("link", { name: "2. tertial 2024" }).click();
    await region.getByRole("heading", { level: 1, name: /2\. tertial 2024$/ }).waitFor();
    await region.getByRole("link", { name: new RegExp(`^Krav ${written.requirement.number}, HN:`) }).click();
    await region
      .getByRole("heading", { level: 1, name: `Krav ${written.requirement.number}: sammenstilling` })
      .waitFor();

    // Every unit's answer side by side, the trust's new text among them.
    const unn = region.locator(".answer-card", { hasText: "Universitetssykehuset Nord-Norge HF" });
    expect(await unn.textContent()).toContain(`Tiltak i ${runId}:`);
    expect(await unn.textContent()).toContain("Godkjent");
    await expectNoAxeViolations(region);

    const consolidated = region.locator(".consolidated-card");
    await consolidated.getByLabel("Måloppnåelse").selectOption("partly_fulfilled");
    await consolidated
      .getByLabel("Svartekst")
      .fill(`Samlet for foretaksgruppen (${runId}): alle foretak har tiltak for Bransjeprogram IA.`);
    // Submitting saves the unsaved text first.
    await consolidated.getByRole("button", { name: "Send til godkjenning" }).click();
    await expect.poll(() => statusText(region)).toContain("Svaret er sendt til godkjenning.");
    await consolidated
      .locator(".answer-workflow__meta")
      .getByText(/Sendt inn$/)
      .waitFor();
    await region.context().close();
  });

  test("the regional approver approves the consolidated answer; the matrix shows every state", async () => {
    const regionApprover = await newPage(browser);
    await signIn(regionApprover, "hn-godkjenner", undefined, "Innboks");
    await regionApprover.goto(`/rounds/${written.round.id}/requirements/${written.requirement.id}`);
    const consolidated = regionApprover.locator(".consolidated-card");
    await consolidated.getByRole("button", { name: "Godkjenn" }).click();
    await expect.poll(() => statusText(regionApprover)).toContain("Svaret er godkjent.");

    await regionApprover
      .getByRole("navigation", { name: "Du er her" })
      .getByRole("link", { name: "2. tertial 2024" })
      .click();
    await regionApprover.getByRole("heading", { level: 1, name: /2\. tertial 2024$/ }).waitFor();
    const cell = (number: string, unit: string) =>
      regionApprover.getByRole("link", { name: new RegExp(`^Krav ${number}, ${unit}:`) });
    await expect.poll(() => cell(written.requirement.number, "UNN").textContent()).toContain("Godkjent");
    expect(await cell(written.requirement.number, "UNN").textContent()).toContain("Delvis");
    expect(await cell(written.requirement.number, "HN").textContent()).toContain("Godkjent");
    // The colour repeats the text: background by attainment, edge by workflow state.
    const cellClass = await cell(written.requirement.number, "UNN").evaluate(
      (link) => link.closest("td")?.className ?? "",
    );
    expect(cellClass).toContain("cell--status-partly_fulfilled");
    expect(cellClass).toContain("cell--state-approved");
    expect(await cell(returned.requirement.number, "UNN").textContent()).toContain("Returnert");
    expect(await cell(stale.requirement.number, "UNN").textContent()).toContain("Utkast");
    await regionApprover.getByRole("button", { name: "Lukk runden" }).waitFor();
    await expectNoAxeViolations(regionApprover);

    // The filter narrows the matrix to requirements with returned answers.
    await regionApprover.getByLabel("Vis krav med svar som er").selectOption("returned");
    await cell(returned.requirement.number, "UNN").waitFor();
    const count = regionApprover.locator(".matrix-filter__count");
    await expect.poll(() => count.textContent()).toMatch(/^Viser \d+ av \d+ krav\.$/);
    const [shown, total] = ((await count.textContent()) ?? "").match(/\d+/g)?.map(Number) ?? [];
    expect(shown).toBeLessThan(total as number);

    await regionApprover.context().close();
  });

  test("a joint assignment shows the lead's text as «Fellesrapport <lead>» with the region's answer", async () => {
    const region = await newPage(browser);
    await signIn(region, "hn-redaktor", undefined, "Innboks");
    type Doc = { id: number; title: string };
    type Matrix = {
      rows: { requirement: { leadUnitId: number | null }; cells: Record<string, { answerId: number }> }[];
    };
    const documents = (await (await region.request.get("/api/steering-documents")).json()) as Doc[];
    const od = documents.find((document) => document.title.startsWith("Oppdragsdokument")) as Doc;
    const rounds = (await (await region.request.get(`/api/steering-documents/${od.id}/rounds`)).json()) as {
      id: number;
      period: string;
    }[];
    const annual = rounds.find((round) => round.period === "2024") as { id: number };
    const matrix = (await (await region.request.get(`/api/rounds/${annual.id}/matrix`)).json()) as Matrix;
    // A joint assignment led by another region: Helse Nord's answer then carries the lead's text.
    const joint = matrix.rows.find(
      (row) =>
        row.requirement.leadUnitId !== null &&
        !Object.keys(row.cells).includes(String(row.requirement.leadUnitId)),
    );
    const answerId = Object.values(joint?.cells ?? {})[0]?.answerId;
    expect(answerId).toBeDefined();

    await region.goto(`/answers/${answerId}`);
    const card = region.locator(".joint-text");
    await card.getByRole("heading", { level: 2, name: /^Fellesrapport / }).waitFor();
    expect(await card.textContent()).toMatch(/Fellesrapport Helse (Sør-Øst|Vest|Midt-Norge) RHF/);
    await expectNoAxeViolations(region);
    await region.context().close();
  });
});
