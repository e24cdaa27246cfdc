// Asking for a gate decision tells the ones who decide it: the approvers of the programme's owner
// (given there or above), in the app and by mail, with a link to the programme. Editors, readers
// and other units' approvers are not told, and a refused request tells no one.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema.ts";
import { testConfig } from "../../testing/app.ts";
import { eventually, startSmtpServer } from "../notifications/smtp.fixture.ts";
import { type NotificationWorker, startNotificationWorker } from "../notifications/worker.ts";
import {
  call,
  type Programme,
  programmeWithPhases,
  region,
  setUpProgrammesApp,
  t,
  trustB,
} from "./programmes.fixture.ts";

setUpProgrammesApp();

type Bell = { notifications: { kind: string; text: string; path: string }[]; unreadCount: number };

const publicUrl = "https://tertial.example.no";
const address = (username: string) => `${username}@example.no`;
/** Sessions of the people this file adds to the fixture's. */
const ownCookies: Record<string, string> = {};
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let worker: NotificationWorker;

async function bell(who: string): Promise<Bell> {
  const cookie = ownCookies[who];
  const response = cookie
    ? await t.app.inject({ method: "GET", url: "/api/notifications", headers: { cookie } })
    : await call("GET", who, "/api/notifications");
  expect(response.statusCode).toBe(200);
  return response.json() as Bell;
}

const asked = async (who: string) =>
  (await bell(who)).notifications.filter((n) => n.kind === "gate_decision_requested");

beforeAll(async () => {
  const added = {
    regApprover: region.id,
    tbApprover: trustB.id,
  };
  for (const [username, unitId] of Object.entries(added)) {
    await t.make.user({ username, roles: [{ unitId, role: "approver" }] });
    ownCookies[username] = await t.signIn(username);
  }
  for (const username of ["taApprover", "regApprover", "tbApprover", "taEditor", "taReader"])
    await t.db
      .update(users)
      .set({
        email: address(username),
        notifyMode: "immediate",
        locale: username === "regApprover" ? "en" : "nb",
      })
      .where(eq(users.username, username));
  smtp = await startSmtpServer();
  worker = await startNotificationWorker(
    t.database,
    testConfig({
      publicUrl,
      notifications: {
        smtpUrl: smtp.url,
        mailFrom: "Tertial <tertial@example.no>",
        digestHour: 7,
        reminderDays: [7],
      },
    }),
    { info: () => {}, error: () => {} },
    { schedule: false, pollingIntervalSeconds: 0.5 },
  );
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
});

describe("asking for a gate decision", () => {
  let programme: Programme;

  it("tells no one when the request is refused", async () => {
    programme = await programmeWithPhases({ title: "Felles innkjøp" });
    const gate = programme.gates[0] as Programme["gates"][number];
    const url = `/api/programmes/${programme.id}/gates/1/request`;
    const body = { version: gate.version, requestText: "Klar for fase 1." };
    // Another trust's editor may not ask; nor may the owner's reader or approver; a stale version is refused.
    expect((await call("POST", "tbEditor", url, body)).statusCode).toBe(404);
    expect((await call("POST", "taReader", url, body)).statusCode).toBe(403);
    expect((await call("POST", "taEditor", url, { ...body, version: gate.version + 5 })).statusCode).toBe(
      409,
    );
    for (const who of ["taApprover", "regApprover", "tbApprover"]) expect(await asked(who)).toEqual([]);
  });

  it("tells exactly the owner's approvers, in the app, with the programme's page", async () => {
    const gate = programme.gates[0] as Programme["gates"][number];
    const response = await call("POST", "taEditor", `/api/programmes/${programme.id}/gates/1/request`, {
      version: gate.version,
      requestText: "Forprosjektet er ferdig.",
    });
    expect(response.statusCode).toBe(200);

    const [told] = await asked("taApprover");
    expect(told).toMatchObject({ path: `/programmes/${programme.id}` });
    expect(told?.text).toBe(
      `Trust A HF ber om beslutning ved G-0-1 i programmet ${programme.code} «Felles innkjøp» før fase 1 kan starte.`,
    );
    // An approver above the owner decides its gates too, so is told as well.
    expect(await asked("regApprover")).toHaveLength(1);
    for (const who of ["taEditor", "taReader", "tbApprover", "tbEditor", "regReader"])
      expect(await asked(who)).toEqual([]);
  });

  it("mails the approvers who want mail at once, in their language, with the full link", async () => {
    await eventually(
      () => smtp.to(address("taApprover")).length > 0 && smtp.to(address("regApprover")).length > 0,
    );
    const [bokmal] = smtp.to(address("taApprover"));
    expect(bokmal?.subject).toBe(`Tertial: Beslutning ønskes: G-0-1 i ${programme.code}`);
    expect(bokmal?.text).toContain(`Åpne: ${publicUrl}/programmes/${programme.id}`);
    const [english] = smtp.to(address("regApprover"));
    expect(english?.subject).toBe(`Tertial: Decision asked for: G-0-1 in ${programme.code}`);
    for (const who of ["taEditor", "taReader", "tbApprover"]) expect(smtp.to(address(who))).toEqual([]);
  });

  it("tells them again when the request is made again with a new text", async () => {
    const current = (await (
      await call("GET", "taEditor", `/api/programmes/${programme.id}`)
    ).json()) as Programme;
    const gate = current.gates[0] as Programme["gates"][number];
    const again = await call("POST", "taEditor", `/api/programmes/${programme.id}/gates/1/request`, {
      version: gate.version,
      requestText: "Oppdatert: risikoene er vurdert.",
    });
    expect(again.statusCode).toBe(200);
    expect(await asked("taApprover")).toHaveLength(2);
    expect(await asked("tbApprover")).toEqual([]);
  });
});
