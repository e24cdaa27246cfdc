import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { setSessionCookie } from "../../http.ts";
import { redirectReplies, replies } from "../../schemas/contract.ts";
import { type Provider, refusalOf } from "./provider.ts";
import { signInOptionsView, ssoCallbackQuery, ssoStartQuery } from "./schema.ts";
import { finishSignIn, startSignIn } from "./service.ts";

/** The cookie that ties the provider's callback to the browser that began the sign-in. */
const pendingCookie = "tertial_sso";
const pendingPath = "/api/auth/sso";

function setPendingCookie(request: FastifyRequest, reply: FastifyReply, key: string) {
  reply.setCookie(pendingCookie, key, {
    path: pendingPath,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level navigation, which carries lax cookies.
    sameSite: "lax",
    secure: request.protocol === "https",
    maxAge: 600,
  });
}

export const ssoRoutes =
  (db: Db, config: Config, provider: Provider | undefined): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/auth/options",
      {
        schema: {
          tags: ["auth"],
          summary: "How one signs in here: password, single sign-on, or both",
          response: replies(signInOptionsView),
        },
      },
      async () => ({
        localSignIn: config.localSignIn,
        sso: config.sso ? { name: config.sso.displayName ?? null } : null,
      }),
    );

    app.get(
      "/api/auth/sso/start",
      {
        schema: {
          tags: ["auth"],
          summary: "Begin single sign-on: sends the browser to the identity provider",
          querystring: ssoStartQuery,
          response: redirectReplies(
            "To the identity provider; back to the sign-in page if it cannot be reached",
          ),
        },
      },
      async (request, reply) => {
        if (!provider) throw new AppError("not_found", "sso_not_configured");
        try {
          const { key, url } = await startSignIn(db, provider, request.query.returnTo);
          setPendingCookie(request, reply, key);
          return reply.redirect(url.href, 302);
        } catch (error) {
          const refusal = refusalOf(error);
          request.log.warn({
            event: "sign_in_refused",
            method: "sso",
            reason: refusal.reason,
            detail: refusal.detail,
          });
          return reply.redirect(`/login?sso_error=${refusal.reason}`, 302);
        }
      },
    );

    app.get(
      "/api/auth/sso/callback",
      {
        schema: {
          tags: ["auth"],
          summary: "Where the identity provider sends the browser back; opens the session",
          querystring: ssoCallbackQuery,
          response: redirectReplies(
            "Into Tertial, or back to the sign-in page with the reason it was refused",
          ),
        },
      },
      async (request, reply) => {
        if (!provider || !config.sso) throw new AppError("not_found", "sso_not_configured");
        // The address registered at the provider, with the answer's parameters: behind a proxy the
        // request's own address differs, and the token request must name the registered one.
        const callbackUrl = new URL(config.sso.redirectUri);
        callbackUrl.search = new URL(request.url, "http://x").search;
        reply.clearCookie(pendingCookie, { path: pendingPath });
        try {
          const signedIn = await finishSignIn(db, { ...config, sso: config.sso }, provider, {
            key: request.cookies[pendingCookie],
            callbackUrl,
            ip: request.ip,
            previousToken: request.sessionToken,
          });
          for (const code of signedIn.unknownUnitCodes) {
            request.log.warn(
              { event: "sso_group_unit_unknown", unitCode: code },
              "OIDC_GROUP_ROLES names a unit code no unit has",
            );
          }
          setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
          return reply.redirect(signedIn.returnTo, 302);
        } catch (error) {
          const refusal = refusalOf(error);
          // A security event for the log (ASVS 16.3.1), as for a refused password.
          request.log.warn(
            { event: "sign_in_refused", method: "sso", reason: refusal.reason, detail: refusal.detail },
            "Single sign-on refused",
          );
          return reply.redirect(`/login?sso_error=${refusal.reason}`, 302);
        }
      },
    );
  };
