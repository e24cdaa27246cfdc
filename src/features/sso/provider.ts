import * as oidc from "openid-client";
import type { SsoSettings } from "./settings.ts";

// The one file that speaks OpenID Connect to the identity provider, through openid-client
// (authorisation code flow with PKCE, state and nonce).

/** Why a sign-in through the provider was refused; the web says each in the user's language. */
export const ssoRefusals = [
  "sso_expired",
  "sso_state_mismatch",
  "sso_nonce_mismatch",
  "sso_code_refused",
  "sso_provider_error",
  "sso_unreachable",
  "sso_claim_missing",
  "sso_unknown_user",
  "sso_user_inactive",
  "sso_username_taken",
  "sso_busy",
] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export type Provider = {
  authorizationUrl(input: { state: string; nonce: string; codeChallenge: string }): Promise<URL>;
  /** Exchanges the code in `callbackUrl`, checking state, nonce and the ID token; its claims and the token. */
  redeem(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ claims: Record<string, unknown>; idToken: string | undefined }>;
  /** Where to send the browser to end the provider's session too; undefined when it cannot. */
  endSessionUrl(idToken: string | null): Promise<URL | undefined>;
};

/** Plain HTTP to the provider only on this machine (the tests' provider); a real one needs HTTPS. */
function isLocalHttp(url: URL): boolean {
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

async function clientAuthentication(settings: SsoSettings): Promise<oidc.ClientAuth> {
  if (settings.clientPrivateKey) {
    const jwk = JSON.parse(settings.clientPrivateKey) as JsonWebKey & { kid?: string; alg?: string };
    const algorithm =
      jwk.kty === "EC"
        ? { name: "ECDSA", namedCurve: jwk.crv ?? "P-256" }
        : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
    const key = await crypto.subtle.importKey("jwk", jwk, algorithm, false, ["sign"]);
    return oidc.PrivateKeyJwt({ key, kid: jwk.kid });
  }
  return settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
}

/** The refusal an error from openid-client stands for. */
export function refusalOf(error: unknown): SsoRefused {
  if (error instanceof SsoRefused) return error;
  if (error instanceof oidc.AuthorizationResponseError)
    return new SsoRefused("sso_provider_error", error.error);
  if (error instanceof oidc.ResponseBodyError) return new SsoRefused("sso_code_refused", error.error);
  // openid-client wraps oauth4webapi's error, whose cause names the claim that did not match.
  const code = (error as { code?: unknown }).code;
  const inner = (error as { cause?: { cause?: { claim?: unknown }; message?: unknown } }).cause;
  if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && inner?.cause?.claim === "nonce") {
    return new SsoRefused("sso_nonce_mismatch");
  }
  if (code === "OAUTH_INVALID_RESPONSE" && /"state"/.test(String(inner?.message))) {
    return new SsoRefused("sso_state_mismatch");
  }
  return new SsoRefused("sso_code_refused", error instanceof Error ? error.message : String(error));
}

/**
 * The provider, found by discovery at first use and kept: a provider that cannot be reached at
 * start-up does not stop Tertial, and the next sign-in tries again.
 */
export function providerOf(settings: SsoSettings): Provider {
  let found: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    found ??= (async () => {
      const local = isLocalHttp(settings.issuer);
      return oidc.discovery(
        settings.issuer,
        settings.clientId,
        undefined,
        await clientAuthentication(settings),
        { execute: local ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      );
    })().catch((error: unknown) => {
      found = undefined;
      throw new SsoRefused("sso_unreachable", error instanceof Error ? error.message : String(error));
    });
    return found;
  };

  return {
    async authorizationUrl({ state, nonce, codeChallenge }) {
      const config = await configuration();
      const parameters = {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        response_type: "code",
        state,
        nonce,
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
      };
      // Pushed (PAR): the parameters go to the provider directly, the browser carries only a reference.
      const pushed =
        settings.usePar || config.serverMetadata().require_pushed_authorization_requests === true;
      if (!pushed) return oidc.buildAuthorizationUrl(config, parameters);
      try {
        return await oidc.buildAuthorizationUrlWithPAR(config, parameters);
      } catch (error) {
        throw new SsoRefused("sso_unreachable", error instanceof Error ? error.message : String(error));
      }
    },
    async redeem(callbackUrl, checks) {
      const config = await configuration();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        return { claims: { ...tokens.claims() }, idToken: tokens.id_token };
      } catch (error) {
        throw refusalOf(error);
      }
    },
    async endSessionUrl(idToken) {
      const config = await configuration().catch(() => undefined);
      if (!config?.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}
