import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";

// Single sign-on's settings as an administrator writes them in the environment.

const base = {
  OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
  OIDC_CLIENT_ID: "client",
  OIDC_CLIENT_SECRET: "secret",
  TERTIAL_PUBLIC_URL: "https://tertial.helse-nord.no/",
};

describe("single sign-on settings", () => {
  it("are off without an issuer, with password sign-in on", () => {
    const config = loadConfig({});
    expect(config.sso).toBeUndefined();
    expect(config.localSignIn).toBe(true);
  });

  it("derive the callback and sign-out addresses from the public address", () => {
    const { sso } = loadConfig(base);
    expect(sso?.redirectUri).toBe("https://tertial.helse-nord.no/api/auth/sso/callback");
    expect(sso?.postLogoutRedirectUri).toBe("https://tertial.helse-nord.no/login");
    expect(sso).toMatchObject({
      userClaim: "sub",
      userField: "external_id",
      createUsers: false,
      groupRoles: [],
    });
  });

  it("read the group table: group=UNIT:role by commas or lines", () => {
    const { sso } = loadConfig({
      ...base,
      OIDC_GROUP_ROLES: "3f2a-11=UNN:editor,\n 8b1c = HN : approver\n\n",
      OIDC_CREATE_USERS: "yes",
    });
    expect(sso?.groupRoles).toEqual([
      { group: "3f2a-11", unitCode: "UNN", role: "editor" },
      { group: "8b1c", unitCode: "HN", role: "approver" },
    ]);
    expect(sso?.createUsers).toBe(true);
  });

  it.each([
    ["a role that does not exist", { OIDC_GROUP_ROLES: "g=UNN:owner" }, /OIDC_GROUP_ROLES/],
    ["a line without a unit", { OIDC_GROUP_ROLES: "g=editor" }, /OIDC_GROUP_ROLES/],
    ["no client id", { OIDC_CLIENT_ID: "" }, /OIDC_CLIENT_ID/],
    ["no public address", { TERTIAL_PUBLIC_URL: "" }, /TERTIAL_PUBLIC_URL/],
    ["a private key that is not a JWK", { OIDC_CLIENT_PRIVATE_KEY: "-----BEGIN" }, /OIDC_CLIENT_PRIVATE_KEY/],
    ["a yes/no that is neither", { OIDC_CREATE_USERS: "maybe" }, /OIDC_CREATE_USERS/],
    ["an unknown user field", { OIDC_USER_FIELD: "phone" }, /OIDC_USER_FIELD/],
  ])("refuse %s, naming the setting", (_case, change, message) => {
    expect(() => loadConfig({ ...base, ...change })).toThrow(message);
  });

  it("refuse password sign-in off when there is no provider to sign in with", () => {
    expect(() => loadConfig({ LOCAL_SIGN_IN: "off" })).toThrow(/LOCAL_SIGN_IN/);
    expect(loadConfig({ ...base, LOCAL_SIGN_IN: "off" }).localSignIn).toBe(false);
  });
});
