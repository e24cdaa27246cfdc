import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

// A real OpenID provider for the tests (the `oidc-provider` package), on a free port of this
// machine. Its sign-in page takes any login: the login becomes the subject, with the claims the
// test gives that login. Consent is taken as given, as a company's provider does for its own apps.

export type TestAccount = { name?: string; email?: string; groups?: string[]; oid?: string };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** A second client that signs its token requests with a private key (private_key_jwt, as HelseID). */
  keyClientId: string;
  /** That client's private key, a JWK as OIDC_CLIENT_PRIVATE_KEY takes it. */
  keyClientPrivateJwk: string;
  /** The claims of each login; a login not listed gets only `sub` and `preferred_username`. */
  accounts: Map<string, TestAccount>;
  /** How long an authorisation code lives, in seconds (60 unless a test shortens it). */
  setCodeSeconds(seconds: number): void;
  close(): Promise<void>;
};

export async function startTestProvider(tertialUrl: string, port = 0): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  let codeSeconds = 60;
  const clientId = "tertial";
  const clientSecret = "tertial-test-secret";
  const keyClientId = "tertial-with-key";
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "tertial-test-key";
  const publicJwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256" };
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${tertialUrl}/api/auth/sso/callback`],
        post_logout_redirect_uris: [`${tertialUrl}/login`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
      {
        client_id: keyClientId,
        redirect_uris: [`${tertialUrl}/api/auth/sso/callback`],
        post_logout_redirect_uris: [`${tertialUrl}/login`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "RS256",
        jwks: { keys: [publicJwk] },
      },
    ],
    cookies: { keys: ["tertial-test-provider"] },
    claims: {
      openid: ["sub"],
      profile: ["name", "preferred_username", "groups", "oid"],
      email: ["email"],
    },
    // The ID token carries the scopes' claims, as Entra ID's does (groups and oid among them).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: () => codeSeconds,
      Interaction: 600,
      Grant: 3600,
      Session: 3600,
      AccessToken: 600,
      IdToken: 600,
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_context, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, preferred_username: id, ...accounts.get(id) };
        },
      };
    },
    async loadExistingGrant(context) {
      const { oidc } = context;
      if (!oidc.client || !oidc.session?.accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({
        clientId: oidc.client.clientId,
        accountId: oidc.session.accountId,
      });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  };
  const server = await new Promise<Server>((resolve) => {
    const listener = createServer();
    listener.listen(port, "127.0.0.1", () => resolve(listener));
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration);
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    keyClientId,
    keyClientPrivateJwk: JSON.stringify(privateJwk),
    accounts,
    setCodeSeconds(seconds) {
      codeSeconds = seconds;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
