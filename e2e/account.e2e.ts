import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: a user changes their own password, is told in Norwegian why a weak one is refused,
// and ends the session on another computer with "sign out everywhere".
describe("a user looks after their own account", () => {
  let browser: Browser;
  let page: Page;
  let otherComputer: Page;
  const username = `konto${Date.now().toString(36)}`;
  const firstPassword = "Fjellbekk-Ravn-Tåke-71";
  const newPassword = "Nordlys over Lofoten 2026";

  beforeAll(async () => {
    browser = await launchBrowser();
    // A user of the test's own, so the demo users other journeys sign in as keep their passwords.
    const admin = await newPage(browser);
    await signIn(admin, "admin");
    const created = await admin.request.post("/api/users", {
      data: { username, displayName: "Konto Testesen", password: firstPassword, isSystemAdmin: false },
    });
    expect(created.status()).toBe(201);
    await admin.context().close();

    page = await newPage(browser);
    otherComputer = await newPage(browser);
    await signIn(page, username, firstPassword);
    await signIn(otherComputer, username, firstPassword);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the header leads to the account page", async () => {
    await page.getByRole("link", { name: "Min konto" }).click();
    await page.getByRole("heading", { level: 1, name: "Min konto" }).waitFor();
    await page.getByText("Du er logget inn som Konto Testesen", { exact: false }).waitFor();
    await expectNoAxeViolations(page);
  });

  test("a password that is too short or holds the username is refused with the reason", async () => {
    await page.getByLabel("Nåværende passord").fill(firstPassword);
    await page.getByLabel("Nytt passord").fill("kort");
    await page.getByRole("button", { name: "Bytt passord" }).click();
    await page.getByText("Passordet må ha minst 12 tegn.").first().waitFor();

    await page.getByLabel("Nytt passord").fill(`${username}-Fjellvann`);
    await page.getByRole("button", { name: "Bytt passord" }).click();
    await page.getByText("Passordet kan ikke inneholde brukernavnet.").first().waitFor();
    await expectNoAxeViolations(page);
  });

  test("a strong password is taken, and the other computer is signed out", async () => {
    await page.getByLabel("Nytt passord").fill(newPassword);
    await page.getByRole("button", { name: "Bytt passord" }).click();
    await page.getByText("Passordet er byttet. Du er logget ut i alle andre nettlesere.").waitFor();

    const elsewhere = await otherComputer.request.get("/api/auth/me");
    expect(elsewhere.status()).toBe(401);
    expect((await page.request.get("/api/auth/me")).status()).toBe(200);
  });

  test("sign out everywhere ends this session too, and the new password signs in", async () => {
    await signIn(otherComputer, username, newPassword);
    await page.getByRole("button", { name: "Logg ut overalt" }).click();
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    expect((await otherComputer.request.get("/api/auth/me")).status()).toBe(401);
    await expectNoAxeViolations(page);
  });
});
