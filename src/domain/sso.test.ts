import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  claimGroups,
  claimText,
  displayNameForNewUser,
  rolesFromGroups,
  safeReturnPath,
  usernameForNewUser,
} from "./sso.ts";

describe("safeReturnPath", () => {
  it("keeps a path inside the app, with its query", () => {
    expect(safeReturnPath("/rounds/4/matrix?unit=2")).toBe("/rounds/4/matrix?unit=2");
    expect(safeReturnPath("/")).toBe("/");
  });

  it.each([
    ["another site by scheme", "https://evil.example/"],
    ["another site without scheme", "//evil.example/x"],
    ["a backslash some browsers read as a slash", "/\\evil.example"],
    ["a backslash later on", "/rounds\\..\\x"],
    ["a relative path", "rounds"],
    ["javascript", "javascript:alert(1)"],
    ["a header split", "/a\r\nSet-Cookie: x=1"],
    ["the sign-in page itself", "/login"],
    ["the sign-in page with a query", "/login?redirect=/x"],
    ["nothing", undefined],
    ["null", null],
    ["empty", ""],
    ["too long", `/${"a".repeat(1000)}`],
  ])("sends %s to the start page", (_case, value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("keeps a page whose name only begins like the sign-in page", () => {
    expect(safeReturnPath("/loginhelp")).toBe("/loginhelp");
  });

  it("never answers anything but a single-slash path on this site", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (value) => {
        const path = safeReturnPath(value);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(new URL(path, "https://tertial.example").origin).toBe("https://tertial.example");
      }),
    );
  });
});

describe("claims", () => {
  it("reads a string or number claim as text, trimmed, and nothing else", () => {
    const claims = { a: " x ", n: 42, empty: "  ", list: ["x"], object: { x: 1 }, nan: Number.NaN };
    expect(claimText(claims, "a")).toBe("x");
    expect(claimText(claims, "n")).toBe("42");
    for (const name of ["empty", "list", "object", "nan", "missing"])
      expect(claimText(claims, name)).toBeUndefined();
  });

  it("reads groups from a list or a single value, once each, leaving out what is not text", () => {
    expect(claimGroups({ groups: ["a", "b", "a", 3, "", null] }, "groups")).toEqual(["a", "b"]);
    expect(claimGroups({ groups: "a" }, "groups")).toEqual(["a"]);
    expect(claimGroups({}, "groups")).toEqual([]);
  });
});

describe("rolesFromGroups", () => {
  const table = [
    { group: "g-editors", unitCode: "UNN", role: "editor" as const },
    { group: "g-all", unitCode: "UNN", role: "editor" as const },
    { group: "g-approvers", unitCode: "HN", role: "approver" as const },
    { group: "G-EDITORS", unitCode: "NLSH", role: "editor" as const },
  ];

  it("gives each role of the groups the user is in, each unit and role once", () => {
    expect(rolesFromGroups(["g-editors", "g-all", "g-approvers"], table)).toEqual([
      { unitCode: "UNN", role: "editor" },
      { unitCode: "HN", role: "approver" },
    ]);
  });

  it("compares groups exactly, case and all", () => {
    expect(rolesFromGroups(["g-editors"], table)).toEqual([{ unitCode: "UNN", role: "editor" }]);
  });

  it("gives nothing to someone in no listed group, or with an empty table", () => {
    expect(rolesFromGroups(["other"], table)).toEqual([]);
    expect(rolesFromGroups(["g-editors"], [])).toEqual([]);
  });
});

describe("a user made at first sign-in", () => {
  it("takes the preferred username, else the e-mail, else the matched claim", () => {
    expect(usernameForNewUser({ preferred_username: "kari@hn.no", email: "k@x.no" }, "oid-1")).toBe(
      "kari@hn.no",
    );
    expect(usernameForNewUser({ email: "k@x.no" }, "oid-1")).toBe("k@x.no");
    expect(usernameForNewUser({}, "oid-1")).toBe("oid-1");
  });

  it("makes any name fit the username rule", () => {
    expect(usernameForNewUser({ preferred_username: "Kari Nordmann (HN)" }, "x")).toBe("Kari_Nordmann__HN_");
    expect(usernameForNewUser({}, "a")).toBe("a_");
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (name) => {
        expect(usernameForNewUser({}, name)).toMatch(/^[\p{L}\p{N}._@-]{2,100}$/u);
      }),
    );
  });

  it("is shown by name, else given and family name, else the username", () => {
    expect(displayNameForNewUser({ name: "Kari Nordmann" }, "kari")).toBe("Kari Nordmann");
    expect(displayNameForNewUser({ given_name: "Kari", family_name: "Nordmann" }, "kari")).toBe(
      "Kari Nordmann",
    );
    expect(displayNameForNewUser({}, "kari")).toBe("kari");
  });
});
