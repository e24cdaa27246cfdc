import type { DestinationStream, LogFn, LoggerOptions } from "pino";
import { defaultLogStream } from "./logPretty.ts";

// What the server logs. A log line may be read by more people than the database is, so it must
// carry neither secrets (passwords, their hashes, session tokens, cookies) nor a failed SQL
// statement's parameters, which hold whatever the request wrote, password hashes included.

const redacted = "[redacted]";

/** Keys whose values are secrets, wherever they appear in a logged object. */
const secretKey = /password|token|secret|cookie|authorization/i;

/**
 * Properties of database errors that echo the statement or its values: Drizzle's `query` and
 * `params`, PGlite's `query`, `params` and `queryOptions`, PostgreSQL's `detail`
 * ("Key (username)=(…) already exists") and `internalQuery`.
 */
const statementKeys = new Set(["query", "params", "parameters", "queryOptions", "internalQuery", "detail"]);

const maxDepth = 8;

/** Drizzle's message is "Failed query: <sql>\nparams: <values>"; only its first words are kept. */
export function scrubText(text: string): string {
  return text
    .replace(/Failed query:[\s\S]*/, "Failed query (statement and parameters not logged)")
    .replace(/scrypt\$[^\s"',]*/g, `scrypt$${redacted}`);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The stack starts with the message; a stack we cannot clean is dropped rather than risked. */
function scrubStack(error: Error): string | undefined {
  const { stack, message } = error;
  if (typeof stack !== "string") return undefined;
  const cleaned = message && stack.includes(message) ? stack.replace(message, scrubText(message)) : stack;
  return cleaned.includes("Failed query:") || /scrypt\$/.test(cleaned) ? undefined : cleaned;
}

/** An error as a plain object: type, message, stack, its own fields and its cause chain, all scrubbed. */
export function serializeError(error: unknown, depth = 0): unknown {
  // An error serialized already is a plain object, and scrubbing it again is harmless.
  if (!(error instanceof Error)) return scrub(error, depth);
  const result: Record<string, unknown> = {
    type: error.constructor?.name ?? error.name,
    message: scrubText(error.message),
    stack: scrubStack(error),
  };
  for (const [key, value] of Object.entries(error)) {
    if (key === "cause" || statementKeys.has(key) || key in result) continue;
    result[key] = secretKey.test(key) ? redacted : scrub(value, depth + 1);
  }
  if (error.cause !== undefined) {
    result.cause = depth < maxDepth ? serializeError(error.cause, depth + 1) : "[too deep]";
  }
  return result;
}

/**
 * Plain objects and arrays are copied with secrets redacted at any depth; errors are serialized.
 * Other objects (Fastify's request and reply) are left to their own serializers.
 */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (typeof value !== "object" || value === null) return value;
  if (depth > maxDepth) return "[too deep]";
  if (value instanceof Error) return serializeError(value, depth);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = secretKey.test(key) ? redacted : scrub(item, depth + 1);
  }
  return result;
}

/**
 * Pino options for the server; `stream` lets a test read what is logged. Without one the log is
 * readable lines on a terminal and JSON otherwise (logPretty.ts).
 */
export function loggerOptions(
  level: string,
  stream?: DestinationStream,
): LoggerOptions & {
  stream?: DestinationStream;
} {
  const destination = stream ?? defaultLogStream();
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    serializers: { err: serializeError, error: serializeError },
    // Belt and braces for the request and reply serializers, which run after `formatters.log`.
    redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
    formatters: { log: (object) => scrub(object) as Record<string, unknown> },
    hooks: {
      // Messages too: Fastify logs `error.message`, and pino takes an error's message as the line's.
      logMethod(this: unknown, args: Parameters<LogFn>, method: LogFn) {
        const [first, ...rest] = args as unknown[];
        if (first instanceof Error && typeof rest[0] !== "string") {
          return (method as (...a: unknown[]) => void).apply(this, [
            first,
            scrubText(first.message),
            ...rest,
          ]);
        }
        const cleaned = (args as unknown[]).map((arg) => (typeof arg === "string" ? scrubText(arg) : arg));
        return (method as (...a: unknown[]) => void).apply(this, cleaned);
      },
    },
  };
}
