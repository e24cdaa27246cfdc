import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { callerOf, clearSessionCookie, setSessionCookie } from "../../http.ts";
import { noContentReplies, replies } from "../../schemas/contract.ts";
import type { Provider } from "../sso/provider.ts";
import { signOutView } from "../sso/schema.ts";
import { dummyPasswordHash } from "./password.ts";
import { findSessionIdToken } from "./queries.ts";
import { changePasswordInput, loginInput, meView, preferencesInput } from "./schema.ts";
import {
  changeOwnPassword,
  hashToken,
  login,
  logout,
  logoutEverywhere,
  presentSessionUser,
  updatePreferences,
} from "./service.ts";

export const authRoutes =
  (db: Db, config: Config, provider?: Provider): FastifyPluginAsyncZod =>
  async (app) => {
    // Made now, so that even the first refused sign-in costs no more than the others.
    await dummyPasswordHash();

    app.post(
      "/api/auth/login",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in with username and password",
          body: loginInput,
          response: replies(meView),
        },
      },
      async (request, reply) => {
        const attempt = { ip: request.ip, previousToken: request.sessionToken };
        const session = await login(db, config, request.body, attempt).catch((error: unknown) => {
          // A security event for the log (ASVS 16.3.1): who was tried and why it was refused.
          if (error instanceof AppError) {
            request.log.warn(
              { event: "sign_in_refused", username: request.body.username, reason: error.code },
              "Sign-in refused",
            );
          }
          throw error;
        });
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return presentSessionUser(session.user);
      },
    );

    app.post(
      "/api/auth/logout",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign out: ends the session, and answers where to end the identity provider's too",
          response: replies(signOutView),
        },
      },
      async (request, reply) => {
        const { user } = callerOf(request);
        const token = request.sessionToken;
        // RP-initiated logout: a session begun at the provider is ended there too, when it can be.
        const idToken = token && provider ? await findSessionIdToken(db, hashToken(token)) : null;
        if (token) await logout(db, token, user);
        clearSessionCookie(reply);
        const signOutUrl = idToken && provider ? await provider.endSessionUrl(idToken) : undefined;
        return { signOutUrl: signOutUrl?.href ?? null };
      },
    );

    app.post(
      "/api/auth/logout-all",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign out everywhere: end all of the user's sessions",
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await logoutEverywhere(db, callerOf(request).user);
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/auth/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Change the signed-in user's password; ends every other session",
          body: changePasswordInput,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        const { user } = callerOf(request);
        const session = await changeOwnPassword(db, config, user, request.body, request.ip);
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return reply.code(204).send(null);
      },
    );

    app.patch(
      "/api/auth/me",
      {
        schema: {
          tags: ["auth"],
          summary: "Change the signed-in user's own preferences",
          body: preferencesInput,
          response: replies(meView),
        },
      },
      async (request) => {
        const { user, actor } = callerOf(request);
        return presentSessionUser(await updatePreferences(db, user, actor, request.body));
      },
    );

    app.get(
      "/api/auth/me",
      {
        schema: {
          tags: ["auth"],
          summary: "The signed-in user, their roles and what they may do",
          querystring: z.object({}),
          response: replies(meView),
        },
      },
      async (request) => presentSessionUser(callerOf(request).user),
    );
  };
