import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";
import { actorOf, principalOf, type SessionUser } from "./features/auth/service.ts";

export const sessionCookie = "tertial_session";

declare module "fastify" {
  interface FastifyRequest {
    sessionUser: SessionUser | null;
    sessionToken: string | null;
  }
}

/** The signed-in user, or a 401 problem. Every data route starts with this. */
export function requireUser(request: FastifyRequest) {
  const user = request.sessionUser;
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  return { user, principal: principalOf(user), actor: actorOf(user) };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(sessionCookie, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(sessionCookie, { path: "/" });
}
