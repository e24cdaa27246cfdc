import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { type SsoSettings, ssoEnvironment, ssoSettingsOf } from "./features/sso/settings.ts";
import type { Locale } from "./i18n/locale.ts";

// The one place that reads process.env. Everything else receives a Config.

// `DATABASE_URL=` (set but empty) means "not set", as shells and .env files often write it.
const emptyAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema);
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: emptyAsUnset(z.string().url().optional()),
  TERTIAL_DATA_DIR: z.string().default("./data"),
  // The built web app's folder; web/dist unless set (used to serve a build made elsewhere).
  TERTIAL_WEB_ROOT: emptyAsUnset(z.string().optional()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  TRUST_PROXY: z.string().default("false").transform(parseTrustProxy),
  // The command line's language: TERTIAL_LANG, else the terminal's (LC_ALL, LC_MESSAGES, LANG).
  TERTIAL_LANG: emptyAsUnset(z.string().optional()),
  LC_ALL: emptyAsUnset(z.string().optional()),
  LC_MESSAGES: emptyAsUnset(z.string().optional()),
  LANG: emptyAsUnset(z.string().optional()),
  TEST_DATABASE_URL: emptyAsUnset(z.string().url().optional()),
  TEST_DB: z.enum(["pglite", "postgres"]).optional(),
  ...ssoEnvironment,
  // Notifications by e-mail (src/features/notifications): without SMTP_URL, in the app only.
  SMTP_URL: emptyAsUnset(z.string().url().optional()),
  MAIL_FROM: z.string().default("Tertial <tertial@localhost>"),
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  REMINDER_DAYS: z
    .string()
    .default("7,1")
    .transform((text) =>
      text
        .split(",")
        .filter((d) => d.trim() !== "")
        .map(Number),
    )
    .pipe(z.array(z.number().int().min(1).max(366)).max(10)),
});

/**
 * Which reverse proxies may tell us the client's address and scheme: none, the nearest N hops,
 * or the proxies at these addresses. Never "everyone": Fastify would then take the left-most
 * X-Forwarded-For, which the client writes itself.
 */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/**
 * Trusts the nearest `hops` proxies whatever their address. Fastify dropped numeric trustProxy
 * (it cannot tell a proxy from a client that reaches the server directly), so the count is a
 * function; it is safe only when the server can be reached through the proxy alone.
 */
export function trustNearestHops(hops: number): TrustProxy {
  return (_address, hop) => hop < hops;
}

// proxy-addr's names for the private ranges a proxy usually sits in.
const namedRanges = ["loopback", "linklocal", "uniquelocal"];

function isAddressOrCidr(entry: string): boolean {
  if (namedRanges.includes(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * `false`, a number of hops (`true` = 1, as before hop counts existed), or a comma-separated
 * list of proxy addresses, CIDRs or the names loopback, linklocal, uniquelocal.
 */
function parseTrustProxy(value: string, context: z.RefinementCtx): TrustProxy {
  const text = value.trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return false;
  if (text === "true") return trustNearestHops(1);
  if (/^\d+$/.test(text)) return trustNearestHops(Number(text));
  const entries = text.split(",").map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length > 0) {
    context.addIssue({
      code: "custom",
      message: `must be false, a number of proxy hops, or proxy addresses/CIDRs (not ${bad.join(", ")})`,
    });
    return z.NEVER;
  }
  return entries;
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  sessionHours: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  trustProxy: TrustProxy;
  webRoot: string | undefined;
  /** The language the command line writes in. */
  cliLocale: Locale;
  /** The address users reach Tertial at (TERTIAL_PUBLIC_URL), without a trailing slash. */
  publicUrl: string | undefined;
  /** Single sign-on with OpenID Connect, when OIDC_ISSUER is set. */
  sso: SsoSettings | undefined;
  /** Whether users may sign in with a username and password (LOCAL_SIGN_IN, on by default). */
  localSignIn: boolean;
  /** E-mail and reminders: the SMTP server (none: in the app only), sender, digest hour in Norway, reminder days. */
  notifications: {
    smtpUrl: string | undefined;
    mailFrom: string;
    digestHour: number;
    reminderDays: number[];
  };
};

/**
 * A POSIX locale ("nb_NO.UTF-8", "en_GB", "C") as one of ours: English only when it says
 * English; bokmål otherwise, C and POSIX included, since bokmål is Tertial's default.
 */
export function localeFromPosix(value: string | undefined): Locale {
  return value?.toLowerCase().startsWith("en") ? "en" : "nb";
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  const sso = ssoSettingsOf(env);
  if (sso.problems.length > 0) throw new Error(`Invalid configuration: ${sso.problems.join("; ")}`);
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.TERTIAL_DATA_DIR),
    logLevel: env.LOG_LEVEL,
    sessionHours: env.SESSION_HOURS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    uploadLimitBytes: env.UPLOAD_LIMIT_BYTES,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginWindowMinutes: env.LOGIN_WINDOW_MINUTES,
    trustProxy: env.TRUST_PROXY,
    webRoot: env.TERTIAL_WEB_ROOT ? path.resolve(env.TERTIAL_WEB_ROOT) : undefined,
    cliLocale: localeFromPosix(env.TERTIAL_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG),
    publicUrl: env.TERTIAL_PUBLIC_URL?.replace(/\/+$/, ""),
    sso: sso.settings,
    localSignIn: env.LOCAL_SIGN_IN,
    notifications: {
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      digestHour: env.NOTIFY_DIGEST_HOUR,
      reminderDays: env.REMINDER_DAYS,
    },
  };
}

/** Test-only settings, read here too so that no other file touches process.env. */
export function loadTestDatabaseSettings(environment: NodeJS.ProcessEnv = process.env) {
  const env = environmentSchema.parse(environment);
  return { kind: env.TEST_DB ?? "pglite", postgresUrl: env.TEST_DATABASE_URL };
}
