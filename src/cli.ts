import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { systemCaller } from "./caller.ts";
import { type Config, loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { demo, hasAnyUnit, loadDemoData } from "./db/demo/load.ts";
import { DatabaseInUseError } from "./db/lock.ts";
import { roles } from "./db/schema.ts";
import { AppError } from "./errors.ts";
import { runBackup, runRestore } from "./features/backup/cli.ts";
import { importMeasurementsHelp, runImportMeasurements } from "./features/measurements/cli.ts";
import { startNotificationWorker } from "./features/notifications/worker.ts";
import { findUnitByCode } from "./features/units/queries.ts";
import { countUsers } from "./features/users/queries.ts";
import { assignRole, createUser } from "./features/users/service.ts";
import { type CliMessage, cliMessages } from "./i18n/cli.ts";
import type { Locale } from "./i18n/locale.ts";
import { isProblemReason, reasonText } from "./i18n/problemText.ts";
import { fillMessage, type MessageValues } from "./i18n/render.ts";
import { scrubText } from "./logger.ts";
import { wordFieldProblem } from "./problemReply.ts";
import { buildServer } from "./server.ts";

/** The command line's words in the terminal's language (config.cliLocale), set in main(). */
let locale: Locale = "nb";
let say = (key: CliMessage, values?: MessageValues) => fillMessage("nb", cliMessages.nb[key], values);

function printDemoLogins(log: (line: string) => void) {
  log(say("demoUsers", { password: demo.password }));
  for (const person of demo.users) {
    const what = person.systemAdmin
      ? say("systemAdmin")
      : person.roles.map((r) => say("roleOn", { role: r.role, unit: r.unit })).join(", ");
    log(`  ${person.username.padEnd(12)} ${what}`);
  }
}

/** Runs `work` on the migrated database; `holder` names the command in the embedded database's lock. */
async function withDatabase<T>(
  config: Config,
  holder: string,
  work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder });
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

async function serve(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string" }, demo: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) return console.log(say("serve"));
  const port = values.port === undefined ? config.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not ${values.port}`);

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    holder: `serve on port ${port}`,
  });
  await database.migrate();
  const app = await buildServer(config, database);
  const log = (line: string) => app.log.info(line);

  if (values.demo) {
    const result = await loadDemoData(database.db);
    if (result.loaded) log(`Loaded demo data: ${result.units} units, ${result.users} users.`);
  }
  if ((await countUsers(database.db)) === 0) {
    log("No users yet. Create the first administrator with:");
    log('  npm run tertial -- user add --username admin --name "Your Name" --admin');
  } else if (values.demo || (await hasAnyUnit(database.db))) {
    if (values.demo) printDemoLogins(log);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal} received: finishing open requests, then stopping.`);
    await app.close();
    await notifier.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  // Reminders and mail run beside the server, and stop before the database closes.
  const notifier = await startNotificationWorker(database, config, app.log);
  const address = await app.listen({ port, host: config.host });
  log(`Tertial is running on ${address.replace("0.0.0.0", "localhost")} (database: ${database.kind}).`);
}

async function userAdd(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      email: { type: "string" },
      admin: { type: "boolean" },
      role: { type: "string", multiple: true },
      help: { type: "boolean" },
    },
  });
  if (values.help) return console.log(say("userAdd"));
  if (!values.username || !values.name)
    throw new Error(`${say("usernameAndNameRequired")}\n\n${say("userAdd")}`);
  const grants = (values.role ?? []).map((spec) => {
    const [role, unitCode] = spec.split(":");
    if (!role || !unitCode || !(roles as readonly string[]).includes(role)) {
      throw new Error(say("roleFormat", { spec, roles: roles.join(", ") }));
    }
    return { role: role as (typeof roles)[number], unitCode };
  });
  const generated = values.password === undefined;
  // 20 random characters: far beyond any guessing, and always within the password policy.
  const password = values.password ?? randomBytes(15).toString("base64url");

  await withDatabase(config, "user add", async ({ db }) => {
    const units = [];
    for (const grant of grants) {
      const unit = await findUnitByCode(db, grant.unitCode);
      if (!unit)
        throw new Error(
          say("roleUnknownUnit", { spec: `${grant.role}:${grant.unitCode}`, code: grant.unitCode }),
        );
      units.push({ unit, role: grant.role });
    }
    const user = await createUser(db, systemCaller, {
      username: values.username as string,
      displayName: values.name as string,
      email: values.email ?? null,
      password,
      isSystemAdmin: values.admin === true,
    });
    for (const { unit, role } of units) {
      await assignRole(db, systemCaller, user.id, { unitId: unit.id, role });
    }
    console.log(say("userCreated", { username: user.username, id: user.id }));
    if (generated) console.log(say("password", { password }));
  });
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  locale = config.cliLocale;
  say = (key, values) => fillMessage(locale, cliMessages[locale][key], values);
  switch (command) {
    case "serve":
      return serve(config, rest);
    case "migrate":
      if (rest.includes("--help")) return console.log(say("migrate"));
      return withDatabase(config, "migrate", async (database) =>
        console.log(say("migrated", { kind: database.kind })),
      );
    case "demo":
      if (rest.includes("--help")) return console.log(say("demo"));
      return withDatabase(config, "demo", async ({ db }) => {
        const result = await loadDemoData(db);
        console.log(
          result.loaded
            ? say("demoLoaded", { units: result.units, users: result.users })
            : say("demoSkipped"),
        );
        if (result.loaded) printDemoLogins(console.log);
      });
    case "import":
      if (rest[0] === "measurements") return runImportMeasurements(config, rest.slice(1));
      console.log(importMeasurementsHelp(locale));
      return rest.includes("--help") ? undefined : process.exit(2);
    case "backup":
      return runBackup(config, rest);
    case "restore":
      return runRestore(config, rest);
    case "user":
      if (rest[0] === "add") return userAdd(config, rest.slice(1));
      console.log(say("userAdd"));
      return rest.includes("--help") ? undefined : process.exit(2);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return console.log(say("main"));
    default:
      console.error(`${say("unknownCommand", { command })}\n\n${say("main")}`);
      process.exit(2);
  }
}

/** What to do when the embedded database is held by another process: nothing was opened or written. */
function inUseAdvice(error: DatabaseInUseError): string {
  const { holder } = error;
  const where = error.sameHost ? "" : say("onHost", { host: holder.hostname });
  const lines = [
    say("inUse", {
      dataDir: error.dataDir,
      pid: holder.pid,
      where,
      command: holder.command,
      since: holder.startedAt,
    }),
  ];
  lines.push(holder.command.startsWith("serve") ? say("inUseServer") : say("inUseOther"));
  if (!error.sameHost) lines.push(say("inUseRemote", { host: holder.hostname, lockPath: error.lockPath }));
  lines.push(say("inUsePostgres"));
  return lines.join("\n");
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DatabaseInUseError) {
    console.error(inUseAdvice(error));
  } else if (error instanceof AppError) {
    const { reason, params } = error.details;
    const message = isProblemReason(reason) ? reasonText(locale, reason, params) : error.message;
    const problems = error.details.problems
      ?.map((p) => {
        const worded = wordFieldProblem(locale, p).message;
        const line =
          p.row === undefined
            ? say("field", { field: p.field, message: worded })
            : say("rowField", { row: p.row, field: p.field, message: worded });
        return `  ${line}`;
      })
      .join("\n");
    console.error(`${say("error", { message })}${problems ? `\n${problems}` : ""}`);
  } else if (error instanceof Error && error.name === "ZodError") {
    console.error(say("error", { message: error.message }));
  } else {
    // A database error's message holds the statement's values (a password hash, say): scrubbed.
    console.error(error instanceof Error ? say("error", { message: scrubText(error.message) }) : error);
  }
  process.exit(1);
});
