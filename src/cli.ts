import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { systemCaller } from "./caller.ts";
import { type Config, loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { demo, hasAnyUnit, loadDemoData } from "./db/demo/load.ts";
import { DatabaseInUseError } from "./db/lock.ts";
import { roles } from "./db/schema.ts";
import { AppError } from "./errors.ts";
import { importMeasurementsHelp, runImportMeasurements } from "./features/measurements/cli.ts";
import { findUnitByCode } from "./features/units/queries.ts";
import { countUsers } from "./features/users/queries.ts";
import { assignRole, createUser } from "./features/users/service.ts";
import { scrubText } from "./logger.ts";
import { buildServer } from "./server.ts";

const help = {
  main: `tertial — steering by goals, indicators and reports

Usage: tertial <command> [options]

Commands:
  serve       run the web server (migrates the database first)
  migrate     apply database migrations
  demo        load the demo organisation and demo users into an empty database
  user add    create a local user
  import measurements FILE   import monthly indicator values (CSV or XLSX); --dry-run checks only

Run 'tertial <command> --help' for a command's options.
The database is PostgreSQL when DATABASE_URL is set, else the embedded PGlite in TERTIAL_DATA_DIR (./data),
which one process at a time may use: while a server runs on it, import through the server.`,
  serve: `Usage: tertial serve [--port N] [--demo]

  --port N   listen on port N (default: PORT or 3000)
  --demo     load the demo data first if the database is empty`,
  migrate: `Usage: tertial migrate

Applies every migration that the database does not have yet. Safe to run repeatedly and from
several servers at once.`,
  demo: `Usage: tertial demo

Loads the demo organisation (the ministry, the four regional health authorities, Helse Nord's
trusts and hospitals) and one demo user per role. Does nothing if the database already has units.`,
  userAdd: `Usage: tertial user add --username NAME --name "Full Name" [--password P] [--admin]
                        [--role ROLE:UNITCODE ...] [--email E]

  --username NAME      sign-in name
  --name TEXT          display name
  --password P         at least 12 characters, not a common password, not containing the
                       username; if left out, a random one is generated and printed
  --admin              make the user a system administrator
  --role ROLE:UNIT     give a role (admin, approver, editor, reader) on a unit, by unit code; repeatable
  --email E            e-mail address`,
};

function printDemoLogins(log: (line: string) => void) {
  log(`Demo users (password "${demo.password}"):`);
  for (const person of demo.users) {
    const what = person.systemAdmin
      ? "system administrator"
      : person.roles.map((r) => `${r.role} on ${r.unit}`).join(", ");
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
  if (values.help) return console.log(help.serve);
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
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

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
  if (values.help) return console.log(help.userAdd);
  if (!values.username || !values.name)
    throw new Error(`--username and --name are required.\n\n${help.userAdd}`);
  const grants = (values.role ?? []).map((spec) => {
    const [role, unitCode] = spec.split(":");
    if (!role || !unitCode || !(roles as readonly string[]).includes(role)) {
      throw new Error(`--role ${spec}: write it as ROLE:UNITCODE with ROLE one of ${roles.join(", ")}.`);
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
          `--role ${grant.role}:${grant.unitCode}: there is no unit with code ${grant.unitCode}.`,
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
    console.log(`Created user ${user.username} (id ${user.id}).`);
    if (generated) console.log(`Password: ${password}`);
  });
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case "serve":
      return serve(config, rest);
    case "migrate":
      if (rest.includes("--help")) return console.log(help.migrate);
      return withDatabase(config, "migrate", async (database) =>
        console.log(`Migrations applied (${database.kind}).`),
      );
    case "demo":
      if (rest.includes("--help")) return console.log(help.demo);
      return withDatabase(config, "demo", async ({ db }) => {
        const result = await loadDemoData(db);
        console.log(
          result.loaded
            ? `Loaded ${result.units} units and ${result.users} users.`
            : "The database already has units; demo data not loaded.",
        );
        if (result.loaded) printDemoLogins(console.log);
      });
    case "import":
      if (rest[0] === "measurements") return runImportMeasurements(config, rest.slice(1));
      console.log(importMeasurementsHelp);
      return rest.includes("--help") ? undefined : process.exit(2);
    case "user":
      if (rest[0] === "add") return userAdd(config, rest.slice(1));
      console.log(help.userAdd);
      return rest.includes("--help") ? undefined : process.exit(2);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return console.log(help.main);
    default:
      console.error(`Unknown command '${command}'.\n\n${help.main}`);
      process.exit(2);
  }
}

/** What to do when the embedded database is held by another process: nothing was opened or written. */
function inUseAdvice(error: DatabaseInUseError): string {
  const lines = [`Error: ${error.message} Nothing was done.`];
  if (error.holder.command.startsWith("serve")) {
    lines.push(
      "Stop the server first, or import through it: upload the file on the Import data page",
      "(Dataimport), or POST it to /api/measurements/import.",
    );
  } else {
    lines.push("Wait until that command has finished, or stop it.");
  }
  if (!error.sameHost) {
    lines.push(
      `Tertial cannot check a process on ${error.holder.hostname} from here. If no Tertial process there`,
      `uses this folder any more, delete ${error.lockPath} and try again.`,
    );
  }
  lines.push("(To run several processes on one database, use PostgreSQL: set DATABASE_URL.)");
  return lines.join("\n");
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DatabaseInUseError) {
    console.error(inUseAdvice(error));
  } else if (error instanceof AppError) {
    const problems = error.details.problems
      ?.map((p) => `  ${p.row === undefined ? "" : `row ${p.row}, `}${p.field}: ${p.message}`)
      .join("\n");
    console.error(`Error: ${error.message}${problems ? `\n${problems}` : ""}`);
  } else if (error instanceof Error && error.name === "ZodError") {
    console.error(`Error: ${error.message}`);
  } else {
    // A database error's message holds the statement's values (a password hash, say): scrubbed.
    console.error(error instanceof Error ? `Error: ${scrubText(error.message)}` : error);
  }
  process.exit(1);
});
