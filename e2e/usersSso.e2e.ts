import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkBothWidths, launchBrowser, newPage, signIn } from "./support/browser.ts";

// Journey: the demo administrator links a user to the organisation's sign-in service on the users
// page, sees the sign-in id in the table, is told in bokmål that an id another user has is taken
// (naming that user), and unlinks by emptying the field. Axe scans; screenshots at 1440 and 390 px
// go to .shots/usersSso/.

const runId = Date.now().toString(36);
const shots = ".shots/usersSso";
const oid = `3f2504e0-4f89-41d3-9a0c-0305e82c${runId.slice(-4).padStart(4, "0")}`;

/** Axe finds nothing, and at 390 px the page is no wider than the screen (tables scroll inside). */
function checkPage(page: Page, name: string) {
  return checkBothWidths(page, `${shots}/${name}`);
}

describe("an administrator links a user to the sign-in service", () => {
  let browser: Browser;
  let admin: Page;
  const linked = { username: `sso-kari-${runId}`, displayName: `Kari Koblet ${runId}` };
  const other = { username: `sso-ola-${runId}`, displayName: `Ola Annen ${runId}` };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await newPage(browser);
    await admin.setViewportSize({ width: 1440, height: 900 });
    await signIn(admin, "admin");
    // Users of the test's own, so the demo users other journeys rely on keep their links.
    for (const user of [linked, other]) {
      const created = await admin.request.post("/api/users", {
        data: { ...user, password: "Fjellbekk-Ravn-Tåke-71", isSystemAdmin: false },
      });
      expect(created.status()).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  const form = () => admin.locator("form", { has: admin.getByRole("button", { name: "Lagre koblingen" }) });
  const idField = () => form().getByLabel("Innloggings-ID (fra organisasjonens innloggingstjeneste)");
  const rowOf = (name: string) => admin.getByRole("row", { name: new RegExp(name) });

  test("links a user by the id and sees it in the table", async () => {
    await admin.goto("/users");
    await admin.getByRole("heading", { level: 1, name: "Brukere" }).waitFor();
    await admin.getByRole("heading", { level: 2, name: "Koble til innloggingstjenesten" }).waitFor();
    await admin.getByText("For Entra ID er det brukerens objekt-ID (oid).", { exact: false }).waitFor();

    await form()
      .getByLabel("Bruker", { exact: true })
      .selectOption({ label: `${linked.displayName} (${linked.username})` });
    await idField().fill(`  ${oid} `);
    await form().getByRole("button", { name: "Lagre koblingen" }).click();
    await admin.getByText(`${linked.displayName} er koblet til innloggingstjenesten.`).waitFor();
    await rowOf(linked.displayName).getByText(`Innloggings-ID: ${oid}`).waitFor();
    await rowOf(linked.displayName).scrollIntoViewIfNeeded();
    await checkPage(admin, "linked");
  });

  test("an id another user has is refused in bokmål, naming that user", async () => {
    await form()
      .getByLabel("Bruker", { exact: true })
      .selectOption({ label: `${other.displayName} (${other.username})` });
    await idField().fill(oid);
    await form().getByRole("button", { name: "Lagre koblingen" }).click();
    await form()
      .getByText(`Innloggings-ID-en er allerede koblet til ${linked.displayName} (${linked.username}).`, {
        exact: false,
      })
      .waitFor();
    await form().scrollIntoViewIfNeeded();
    await checkPage(admin, "taken");
    expect(await rowOf(other.displayName).getByText("Innloggings-ID:").count()).toBe(0);
  });

  test("an empty field unlinks", async () => {
    await form()
      .getByLabel("Bruker", { exact: true })
      .selectOption({ label: `${linked.displayName} (${linked.username})` });
    expect(await idField().inputValue()).toBe(oid);
    await idField().fill("");
    await form().getByRole("button", { name: "Lagre koblingen" }).click();
    await admin
      .getByText(`Koblingen mellom ${linked.displayName} og innloggingstjenesten er fjernet.`)
      .waitFor();
    await rowOf(linked.displayName).getByText("Innloggings-ID:").waitFor({ state: "detached" });
  });

  test("a role the sign-in service gave is marked, with what removing it does", async () => {
    // The demo server has no groups from the provider, so its answer is given one such role; the
    // server's own marking of sso roles is tested in src/features/users/externalId.int.test.ts.
    await admin.route("**/api/users", async (route) => {
      const response = await route.fetch();
      const users: { username: string; roles: { source: string }[] }[] = await response.json();
      const given = users.find((user) => user.username === "hn-admin")?.roles[0];
      if (given) given.source = "sso";
      await route.fulfill({ response, json: users });
    });
    await admin.reload();
    const row = rowOf("Hilde Nordadmin");
    await row.getByText("fra innloggingstjenesten", { exact: true }).waitFor();
    expect(await rowOf("Lars Leser").getByText("fra innloggingstjenesten").count()).toBe(0);
    await admin
      .getByText("Roller merket «fra innloggingstjenesten» gis av gruppene", { exact: false })
      .waitFor();
    await row.scrollIntoViewIfNeeded();
    await checkPage(admin, "sso-role");
    await admin.unroute("**/api/users");
  });
});
