// A programme's groups: steering groups per procurement category with members from each region,
// their unit and role (at most one chair); the owner unit's editors change them, its readers read.

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, programmeGroupMembers } from "../../db/schema.ts";
import {
  base,
  call,
  json,
  otherProgrammeId,
  problemsOf,
  region,
  setUpRegistersApp,
  t,
  trustA,
  trustB,
  userIds,
} from "./programmeRegisters.fixture.ts";
import type { GroupListView, GroupView } from "./schema.ts";

setUpRegistersApp();

const steering = () => ({
  kind: "steering",
  name: "Styringsgruppe legemidler",
  category: "Legemidler",
  mandate: "Prioritere og beslutte anskaffelser i kategorien.",
  members: [
    { name: "Kari Nord", unitId: trustA.id, role: "chair", userId: userIds.regEditor },
    { name: "Ola Sør", unitId: trustB.id },
    { name: "Per Sekretær", unitId: region.id, role: "secretary" },
  ],
});

describe("groups of a programme", () => {
  it("adds a steering group with members, each with the unit they represent and their role", async () => {
    const created = await json<GroupView>("POST", "regEditor", `${base()}/groups`, steering());
    expect(created).toMatchObject({ kind: "steering", category: "Legemidler", version: 1 });
    expect(created.members.map((m) => [m.name, m.unitName, m.role])).toEqual([
      ["Kari Nord", "Trust A HF", "chair"],
      ["Ola Sør", "Trust B HF", "member"],
      ["Per Sekretær", "Region RHF", "secretary"],
    ]);
    expect(created.members[0]?.userName).toBeTruthy();

    const list = await json<GroupListView>("GET", "regReader", `${base()}/groups`);
    expect(list.can.edit).toBe(false);
    expect(list.groups.map((g) => g.name)).toContain("Styringsgruppe legemidler");
    expect((await json<GroupListView>("GET", "regEditor", `${base()}/groups`)).can.edit).toBe(true);

    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "programme_group"), eq(auditLog.entityId, String(created.id))));
    expect(entry).toMatchObject({ action: "create", unitId: region.id });
    expect((entry?.after as { members?: unknown[] } | undefined)?.members).toHaveLength(3);
  });

  it("lists steering groups before project and reference groups", async () => {
    await json("POST", "regEditor", `${base()}/groups`, { kind: "reference", name: "Referansegruppe" });
    await json("POST", "regEditor", `${base()}/groups`, { kind: "project", name: "Arbeidsgruppen" });
    const kinds = (await json<GroupListView>("GET", "regEditor", `${base()}/groups`)).groups.map(
      (g) => g.kind,
    );
    expect(kinds.indexOf("steering")).toBeLessThan(kinds.indexOf("project"));
    expect(kinds.indexOf("project")).toBeLessThan(kinds.indexOf("reference"));
  });

  it("refuses a second chair and a unit or user that does not exist, naming the member, and adds nothing", async () => {
    const before = (await json<GroupListView>("GET", "regEditor", `${base()}/groups`)).groups.length;
    const response = await call("POST", "regEditor", `${base()}/groups`, {
      ...steering(),
      members: [
        { name: "A", role: "chair" },
        { name: "B", role: "chair", unitId: 999_999 },
        { name: "C", userId: 999_999 },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(problemsOf(response)).toEqual([
      ["members.1.role", "group_one_chair"],
      ["members.1.unitId", "member_unit_unknown"],
      ["members.2.userId", "member_user_unknown"],
    ]);
    expect((await json<GroupListView>("GET", "regEditor", `${base()}/groups`)).groups).toHaveLength(before);
  });

  it("changes a group and replaces its members; a stale version gets 409 and changes nothing", async () => {
    const group = await json<GroupView>("POST", "regEditor", `${base()}/groups`, steering());
    const changed = await json<GroupView>("PATCH", "regEditor", `${base()}/groups/${group.id}`, {
      version: group.version,
      mandate: "Nytt mandat",
      members: [{ name: "Ny leder", role: "chair", unitId: trustB.id }],
    });
    expect(changed).toMatchObject({ mandate: "Nytt mandat", name: group.name, version: 2 });
    expect(changed.members.map((m) => [m.name, m.role])).toEqual([["Ny leder", "chair"]]);

    const stale = await call("PATCH", "regEditor2", `${base()}/groups/${group.id}`, {
      version: group.version,
      name: "Gammelt navn",
    });
    expect(stale.statusCode).toBe(409);
    const members = await t.db
      .select()
      .from(programmeGroupMembers)
      .where(eq(programmeGroupMembers.groupId, group.id));
    expect(members.map((m) => m.name)).toEqual(["Ny leder"]);
  });

  it("keeps one chair on a change as well", async () => {
    const group = await json<GroupView>("POST", "regEditor", `${base()}/groups`, steering());
    const response = await call("PATCH", "regEditor", `${base()}/groups/${group.id}`, {
      version: group.version,
      members: [...steering().members, { name: "Enda en leder", role: "chair" }],
    });
    expect(response.statusCode).toBe(400);
    expect(problemsOf(response)).toEqual([["members.3.role", "group_one_chair"]]);
  });

  it("removes a group with the version read, and audits it", async () => {
    const group = await json<GroupView>("POST", "regEditor", `${base()}/groups`, steering());
    expect((await call("DELETE", "regEditor", `${base()}/groups/${group.id}?version=7`)).statusCode).toBe(
      409,
    );
    expect((await call("DELETE", "regEditor", `${base()}/groups/${group.id}?version=1`)).statusCode).toBe(
      204,
    );
    const list = await json<GroupListView>("GET", "regEditor", `${base()}/groups`);
    expect(list.groups.some((g) => g.id === group.id)).toBe(false);
    const actions = (
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "programme_group"), eq(auditLog.entityId, String(group.id))))
    ).map((e) => e.action);
    expect(actions).toEqual(["create", "delete"]);
  });

  it("is read-only for readers (403) and hidden from who may not read the owner unit (404)", async () => {
    const group = await json<GroupView>("POST", "regEditor", `${base()}/groups`, steering());
    expect((await call("POST", "regReader", `${base()}/groups`, steering())).statusCode).toBe(403);
    expect(
      (await call("PATCH", "regReader", `${base()}/groups/${group.id}`, { version: 1, name: "X" }))
        .statusCode,
    ).toBe(403);
    // Trust A's editor sits below the owner unit and may not read its programmes.
    for (const [method, url] of [
      ["GET", `${base()}/groups`],
      ["POST", `${base()}/groups`],
      ["PATCH", `${base()}/groups/${group.id}`],
    ] as const) {
      const response = await call(method, "taEditor", url, method === "GET" ? undefined : { version: 1 });
      expect(response.statusCode).toBe(404);
    }
    // A reader's refusal comes before the body is read: a broken body still answers 403.
    expect((await call("POST", "regReader", `${base()}/groups`, { kind: 42 })).statusCode).toBe(403);
    expect((await call("GET", "root", `${base(999_999)}/groups`)).statusCode).toBe(404);
  });

  it("answers 404 for a group of another programme", async () => {
    const group = await json<GroupView>("POST", "regEditor", `${base()}/groups`, steering());
    const response = await call("PATCH", "root", `${base(otherProgrammeId)}/groups/${group.id}`, {
      version: 1,
      name: "Kapret",
    });
    expect(response.statusCode).toBe(404);
  });
});
