import type { FastifyReply, FastifyRequest } from "fastify";
import type { Caller } from "./caller.ts";
import { AppError } from "./errors.ts";
import { actorOf, principalOf, type SessionUser } from "./features/auth/service.ts";

export const sessionCookie = "tertial_session";

/** A caller with a session: services get the Caller part, a few routes the user too. */
export type SignedInCaller = Caller & { user: SessionUser };

declare module "fastify" {
  interface FastifyRequest {
    sessionUser: SessionUser | null;
    sessionToken: string | null;
  }
}

/**
 * The API routes anyone may call without signing in; every other /api route answers 401 to an
 * anonymous caller before its handler runs (and before an upload's body is read). Keep this list
 * short: src/publicRoutes.int.test.ts walks the route table against it.
 */
export const publicRoutes: ReadonlySet<string> = new Set([
  "GET /api/health",
  "GET /api/health/live",
  "GET /api/health/ready",
  "GET /api/setup",
  "POST /api/auth/login",
  "GET /api/auth/options",
  "GET /api/auth/sso/start",
  "GET /api/auth/sso/callback",
]);

/** The API reference (a page and the OpenAPI document) is public, like the web app's files. */
export const docsPrefix = "/api/docs";

/** Whether a matched route needs a signed-in caller. `url` is the route's pattern. */
export function requiresSignIn(method: string, url: string | undefined): boolean {
  if (url === undefined || !url.startsWith("/api/")) return false;
  if (url === docsPrefix || url.startsWith(`${docsPrefix}/`)) return false;
  return !publicRoutes.has(`${method} ${url}`);
}

/** Refuses an anonymous caller on every route outside the public list. */
export async function requireSignInHook(request: FastifyRequest) {
  if (request.sessionUser) return;
  // HEAD is answered by the GET route.
  const method = request.method === "HEAD" ? "GET" : request.method;
  if (requiresSignIn(method, request.routeOptions.url)) {
    throw new AppError("unauthenticated", "unauthenticated");
  }
}

/** The signed-in caller. Routes outside the public list always have one (requireSignInHook). */
export function callerOf(request: FastifyRequest): SignedInCaller {
  const user = request.sessionUser;
  if (!user) throw new AppError("unauthenticated", "unauthenticated");
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
