import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import scalar from "@scalar/fastify-api-reference";
import Fastify, { type FastifyError, type FastifySchema } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { problemForDatabaseError } from "./db/errors.ts";
import { AppError } from "./errors.ts";
import { actionPlanRoutes } from "./features/actionPlans/routes.ts";
import { auditRoutes } from "./features/audit/routes.ts";
import { authRoutes } from "./features/auth/routes.ts";
import { userForSessionToken } from "./features/auth/service.ts";
import { benefitRoutes } from "./features/benefits/routes.ts";
import { documentRoutes } from "./features/documents/routes.ts";
import { healthRoutes } from "./features/health/routes.ts";
import { indicatorRoutes } from "./features/indicators/routes.ts";
import { measurementRoutes } from "./features/measurements/routes.ts";
import { measureRoutes } from "./features/measures/routes.ts";
import { notificationRoutes } from "./features/notifications/routes.ts";
import { programmeRegisterRoutes } from "./features/programmeRegisters/routes.ts";
import { programmeRoutes } from "./features/programmes/routes.ts";
import { reportingRoutes } from "./features/reporting/routes.ts";
import { riskRoutes } from "./features/risk/routes.ts";
import { scorecardRoutes } from "./features/scorecards/routes.ts";
import { providerOf } from "./features/sso/provider.ts";
import { ssoRoutes } from "./features/sso/routes.ts";
import { steeringRoutes } from "./features/steering/routes.ts";
import { unitRiskRoutes } from "./features/unitRisks/routes.ts";
import { unitRoutes } from "./features/units/routes.ts";
import { userRoutes } from "./features/users/routes.ts";
import { brokenMultipartReason } from "./files/upload.ts";
import { docsPrefix, requireSignInHook, sessionCookie } from "./http.ts";
import { reasonText } from "./i18n/problemText.ts";
import { formatSize } from "./i18n/render.ts";
import { loggerOptions } from "./logger.ts";
import { sendProblem, validationProblems } from "./problemReply.ts";
import { registerStaticFiles } from "./staticFiles.ts";

const builtWebApp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web/dist");

export type RouteEntry = { method: string; url: string; schema: FastifySchema | undefined };

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/**
 * `logStream` replaces standard output as the log's destination (tests read the log there);
 * `webRoot` the folder the web app is served from (web/dist).
 */
export type ServerOptions = { logStream?: DestinationStream; webRoot?: string };

/** The host of an Origin header; undefined for "null" (an opaque origin) or anything unparsable. */
function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : undefined;
  } catch {
    return undefined;
  }
}

/** The API reference page (Scalar) starts itself with an inline script: allow exactly that script. */
function docsPolicy(policy: string, html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) =>
      `'sha256-${createHash("sha256")
        .update(body ?? "")
        .digest("base64")}'`,
  );
  return policy.replace("script-src 'self'", `script-src 'self' ${hashes.join(" ")}`);
}

export async function buildServer(config: Config, database: Database, options: ServerOptions = {}) {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // A path that is not valid UTF-8 (400) or has a parameter over 100 characters (414) is refused
    // by the router before any route or hook; it still gets a problem, and nothing is cached.
    frameworkErrors: (error, request, reply) => {
      reply.header("cache-control", "no-store");
      if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
        return sendProblem(reply, request, 414, "uri_too_long", "A part of the address is too long.", {
          reason: "uri_too_long",
        });
      }
      if (error.code === "FST_ERR_BAD_URL") {
        return sendProblem(reply, request, 400, "bad_url", "The address is not valid.", {
          reason: "bad_url",
        });
      }
      request.log.error({ err: error }, "framework error");
      return sendProblem(
        reply,
        request,
        500,
        "internal",
        "Something went wrong on the server. It has been logged.",
      );
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Every route as registered, for the test that walks them (src/publicRoutes.int.test.ts).
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      routeTable.push({ method, url: route.url, schema: route.schema });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // No inline script: the built app is files only. The API reference page gets its own
        // policy with the hashes of its inline script (docsPolicy).
        scriptSrc: ["'self'"],
        // Inline styles stay: React style attributes and the components' injected styles need them.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const pathname = request.url.split("?")[0];
    // API answers are per user and change at any time: no cache (browser or proxy) may keep them.
    if (pathname?.startsWith("/api/")) reply.header("cache-control", "no-store");
    if (pathname === `${docsPrefix}/` && typeof payload === "string") {
      const policy = reply.getHeader("content-security-policy");
      if (typeof policy === "string") reply.header("content-security-policy", docsPolicy(policy, payload));
    }
    return payload;
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Tertial API",
        description:
          "Steering documents, indicators, scorecards and reports. Every error is RFC 9457 problem+json.",
        version: "0.1.0",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: sessionCookie } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas given an id (.meta({ id })) become named components that the routes refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(scalar, {
    routePrefix: docsPrefix,
    // The default fonts come from Scalar's servers, which the policy does not allow.
    configuration: { title: "Tertial API", withDefaultFonts: false },
  });

  app.decorateRequest("sessionUser", null);
  app.decorateRequest("sessionToken", null);

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    // A cross-site page must not drive state changes with the user's cookie.
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) {
      const origin = request.headers.origin;
      // An opaque ("null") or unparsable Origin is refused too: it cannot be shown to be ours.
      if (origin !== undefined && (!request.headers.host || originHost(origin) !== request.headers.host)) {
        throw new AppError("forbidden", "foreign_origin");
      }
    }
    const token = request.cookies[sessionCookie];
    if (token) {
      request.sessionToken = token;
      request.sessionUser = await userForSessionToken(database.db, token);
    }
    await requireSignInHook(request);
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === "too_many_requests" && typeof error.details.retryAfterSeconds === "number") {
        reply.header("retry-after", String(error.details.retryAfterSeconds));
      }
      return sendProblem(reply, request, error.status, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const problems = validationProblems(error);
      const summary = problems.map((p) => `${p.field || "body"}: ${p.message}`).join("; ");
      return sendProblem(reply, request, 400, "validation_failed", `The request is not valid. ${summary}`, {
        reason: "validation_failed",
        problems,
      });
    }
    const multipartReason = brokenMultipartReason(error);
    if (multipartReason) {
      return sendProblem(reply, request, 400, "bad_request", reasonText("en", multipartReason), {
        reason: multipartReason,
      });
    }
    const databaseProblem = problemForDatabaseError(error);
    if (databaseProblem) {
      // The input schemas should have refused the value; the log shows which one slipped through.
      request.log.warn({ err: error }, "the database refused a value from the request");
      return sendProblem(
        reply,
        request,
        databaseProblem.status,
        databaseProblem.code,
        databaseProblem.message,
        databaseProblem.details,
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return sendProblem(
        reply,
        request,
        413,
        "payload_too_large",
        `The request is larger than the limit of ${config.bodyLimitBytes} bytes.`,
        { reason: "payload_too_large", params: { limit: formatSize(config.bodyLimitBytes) } },
      );
    }
    if (status >= 400 && status < 500) {
      return sendProblem(reply, request, status, "bad_request", error.message);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(
      reply,
      request,
      500,
      "internal",
      "Something went wrong on the server. It has been logged.",
    );
  });

  await app.register(healthRoutes(database.db, database.kind));
  const identityProvider = config.sso ? providerOf(config.sso) : undefined;
  await app.register(authRoutes(database.db, config, identityProvider));
  await app.register(ssoRoutes(database.db, config, identityProvider));
  await app.register(unitRoutes(database.db));
  await app.register(userRoutes(database.db));
  await app.register(auditRoutes(database.db));
  await app.register(indicatorRoutes(database.db));
  await app.register(measurementRoutes(database.db, config));
  await app.register(scorecardRoutes(database.db));
  await app.register(documentRoutes(database.db));
  await app.register(steeringRoutes(database.db, config));
  await app.register(reportingRoutes(database.db));
  await app.register(riskRoutes(database.db));
  await app.register(unitRiskRoutes(database.db));
  await app.register(measureRoutes(database.db));
  await app.register(programmeRoutes(database.db));
  await app.register(programmeRegisterRoutes(database.db));
  await app.register(actionPlanRoutes(database.db));
  await app.register(benefitRoutes(database.db));
  await app.register(notificationRoutes(database.db, config));

  // The web app is served from web/dist as it is on disk, so a rebuild needs no restart.
  const webRoot = options.webRoot ?? config.webRoot ?? builtWebApp;
  await registerStaticFiles(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split("?")[0] ?? "";
    // A missing file (a script after a rebuild, say) is a 404, never the app's HTML shell.
    if (pathname.startsWith("/api/") || request.method !== "GET" || /\.[a-z0-9]+$/i.test(pathname)) {
      return sendProblem(reply, request, 404, "not_found", `There is no ${request.method} ${pathname}.`, {
        reason: "no_such_route",
        params: { method: request.method, path: pathname },
      });
    }
    if (!fs.existsSync(path.join(webRoot, "index.html"))) {
      return reply.code(404).type("text/plain").send("The web app is not built. Run `npm run build:web`.");
    }
    // The web app routes on the client: every other page gets its shell.
    return reply.type("text/html").sendFile("index.html");
  });

  return app;
}
