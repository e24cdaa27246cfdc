import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { clearSessionCookie, requireUser, setSessionCookie } from "../../http.ts";
import { dummyPasswordHash } from "./password.ts";
import {
  changeOwnPassword,
  changePasswordInput,
  login,
  loginInput,
  logout,
  logoutEverywhere,
  preferencesInput,
  type SessionUser,
  updatePreferences,
} from "./service.ts";

function presentSessionUser(user: SessionUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    isSystemAdmin: user.isSystemAdmin,
    roles: user.roles.map(({ unitId, unitName, unitPath, role }) => ({ unitId, unitName, unitPath, role })),
  };
}

export const authRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    // Made now, so that even the first refused sign-in costs no more than the others.
    await dummyPasswordHash();

    app.post(
      "/api/auth/login",
      { schema: { tags: ["auth"], summary: "Sign in with username and password", body: loginInput } },
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
      { schema: { tags: ["auth"], summary: "Sign out and end the session" } },
      async (request, reply) => {
        const { user } = requireUser(request);
        if (request.sessionToken) await logout(db, request.sessionToken, user);
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );

    app.post(
      "/api/auth/logout-all",
      { schema: { tags: ["auth"], summary: "Sign out everywhere: end all of the user's sessions" } },
      async (request, reply) => {
        const { user } = requireUser(request);
        await logoutEverywhere(db, user);
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );

    app.post(
      "/api/auth/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Change the signed-in user's password; ends every other session",
          body: changePasswordInput,
        },
      },
      async (request, reply) => {
        const { user } = requireUser(request);
        const session = await changeOwnPassword(db, config, user, request.body, request.ip);
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return reply.code(204).send();
      },
    );

    app.patch(
      "/api/auth/me",
      {
        schema: {
          tags: ["auth"],
          summary: "Change the signed-in user's own preferences",
          body: preferencesInput,
        },
      },
      async (request) => {
        const { user, actor } = requireUser(request);
        return presentSessionUser(await updatePreferences(db, user, actor, request.body));
      },
    );

    app.get(
      "/api/auth/me",
      {
        schema: { tags: ["auth"], summary: "The signed-in user and their roles", querystring: z.object({}) },
      },
      async (request) => presentSessionUser(requireUser(request).user),
    );
  };
