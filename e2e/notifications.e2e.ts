import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, getJson, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: UNN's editor submits an answer; UNN's approver sees the bell's count go up, opens the
// list, follows the notification to the answer, and the count goes down. The approver then picks
// e-mail at once on the account page, and the administrator opens the log of sent mail. Every page
// passes an axe scan and fits a 390 px phone; screenshots at 1440 and 390 px go to .shots/notifications/.

const runId = Date.now().toString(36);
const shots = ".shots/notifications";

type WorkItem = { answerId: number; kind: string; requirement: { number: string } };

function checkPage(page: Page, name: string) {
  return checkBothWidths(page, `${shots}/${name}`);
}

const bell = (page: Page) => page.getByRole("link", { name: /^Varsler, / });

describe("notifications: the bell, the list, the e-mail choice and the mail log", () => {
  let browser: Browser;
  let editor: Page;
  let approver: Page;
  let item: WorkItem;

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await newPage(browser);
    approver = await newPage(browser);
    for (const page of [editor, approver]) await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(editor, "redaktor");
    await signIn(approver, "godkjenner");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the approver starts with every notification read", async () => {
    await approver.goto("/notifications");
    await approver.getByRole("heading", { level: 1, name: "Varsler" }).waitFor();
    const markAll = approver.getByRole("button", { name: "Merk alle som lest" });
    await markAll.waitFor();
    if (await markAll.isEnabled()) {
      await markAll.click();
      await approver.getByText("Alle varsler er merket som lest.").waitFor();
    }
    await expect.poll(() => bell(approver).getAttribute("aria-label")).toBe("Varsler, ingen uleste");
  });

  test("the editor submits an answer for approval", async () => {
    const inbox = await getJson<{ toWrite: WorkItem[] }>(editor, "/api/inbox");
    const drafts = inbox.toWrite.filter((work) => work.kind === "unit");
    expect(drafts.length).toBeGreaterThan(0);
    item = drafts.at(-1) as WorkItem;
    await editor.goto(`/answers/${item.answerId}`);
    await editor
      .getByRole("heading", { level: 1, name: new RegExp(`^Krav ${item.requirement.number}: svar fra`) })
      .waitFor();
    await editor.getByLabel("Måloppnåelse").selectOption("partly_fulfilled");
    await editor.getByLabel("Svartekst").fill(`Varslet svar ${runId}.`);
    await editor.getByRole("button", { name: "Send til godkjenning" }).click();
    await editor.getByText("Svaret er sendt til godkjenning.").waitFor();
  });

  test("the approver's bell counts the new notification, and the list shows it unread", async () => {
    await approver.goto("/inbox");
    await expect.poll(() => bell(approver).getAttribute("aria-label")).toBe("Varsler, 1 ulest");
    await checkPage(approver, "bell");
    await bell(approver).click();
    await approver.getByRole("heading", { level: 1, name: "Varsler" }).waitFor();
    const list = approver.getByRole("list", { name: "Varslene dine, nyeste først" });
    const newest = list.getByRole("listitem").first();
    await expect
      .poll(() => newest.textContent())
      .toContain(`har sendt inn svaret på krav ${item.requirement.number}`);
    expect(await newest.textContent()).toContain("Ulest");
    await approver.getByText("1 ulest", { exact: true }).waitFor();
    await checkPage(approver, "list");
  });

  test("following the notification opens the answer and the count drops", async () => {
    const list = approver.getByRole("list", { name: "Varslene dine, nyeste først" });
    await list.getByRole("listitem").first().getByRole("link").click();
    await approver.waitForURL(`**/answers/${item.answerId}`);
    await approver
      .getByRole("heading", { level: 1, name: new RegExp(`^Krav ${item.requirement.number}: svar fra`) })
      .waitFor();
    await expect.poll(() => bell(approver).getAttribute("aria-label")).toBe("Varsler, ingen uleste");
    await approver.goto("/notifications");
    const newest = approver
      .getByRole("list", { name: "Varslene dine, nyeste først" })
      .getByRole("listitem")
      .first();
    await expect.poll(() => newest.textContent()).toContain("Lest");
    expect(await approver.getByRole("button", { name: "Merk alle som lest" }).isDisabled()).toBe(true);
  });

  test("the approver chooses e-mail at once on the account page", async () => {
    await approver.goto("/account");
    await approver.getByRole("heading", { level: 2, name: "E-post om varsler" }).waitFor();
    await approver.getByRole("radio", { name: "Hvert varsel med én gang" }).check();
    await approver.getByRole("button", { name: "Lagre e-postvalget" }).click();
    await approver.getByText("E-postvalget er lagret.").waitFor();
    const preferences = await getJson<{ notifyMode: string }>(approver, "/api/notifications/preferences");
    expect(preferences.notifyMode).toBe("immediate");
    await checkPage(approver, "account");
    // Back to the default, so that other journeys find the demo as it was.
    await approver.getByRole("radio", { name: "Én oppsummering om dagen" }).check();
    await approver.getByRole("button", { name: "Lagre e-postvalget" }).click();
    await expect
      .poll(
        async () =>
          (await getJson<{ notifyMode: string }>(approver, "/api/notifications/preferences")).notifyMode,
      )
      .toBe("digest");
  });

  test("the administrator opens the log of sent mail; others are refused", async () => {
    const admin = await newPage(browser);
    await admin.setViewportSize({ width: 1440, height: 900 });
    await signIn(admin, "admin");
    await admin.goto("/notifications");
    await admin.getByRole("link", { name: "Sendt e-post" }).click();
    await admin.getByRole("heading", { level: 1, name: "Sendt e-post" }).waitFor();
    await admin.getByLabel("Status").waitFor();
    await checkPage(admin, "mail-log");
    const refused = await approver.request.get("/api/notifications/mail");
    expect(refused.status()).toBe(403);
  });
});
