import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demo } from "./db/demo/load.ts";
import { httpSignIn, type RunningServer, runCli, startServer } from "./testing/process.ts";

// Process-level behaviour on the embedded database (so not repeated on PostgreSQL): the command
// line, shutdown and crash safety.
const dataDirs: string[] = [];
const servers: RunningServer[] = [];

function newDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-cli-"));
  dataDirs.push(dir);
  return { TERTIAL_DATA_DIR: dir, DATABASE_URL: "" };
}

afterEach(() => {
  for (const server of servers.splice(0)) server.process.kill("SIGKILL");
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the tertial command", { timeout: 120_000 }, () => {
  it("prints help for each command, in bokmål unless the terminal's language is English", async () => {
    for (const args of [
      ["--help"],
      ["serve", "--help"],
      ["migrate", "--help"],
      ["demo", "--help"],
      ["user", "add", "--help"],
    ]) {
      const result = await runCli(args, {});
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stdout).toMatch(/Bruk: tertial/);
    }
    const english = await runCli(["--help"], {
      TERTIAL_LANG: "",
      LC_ALL: "",
      LC_MESSAGES: "",
      LANG: "en_GB.UTF-8",
    });
    expect(english.stdout).toMatch(/Usage: tertial/);
    const posix = await runCli(["--help"], {
      TERTIAL_LANG: "",
      LC_ALL: "",
      LC_MESSAGES: "",
      LANG: "C.UTF-8",
    });
    expect(posix.stdout).toMatch(/Bruk: tertial/);
  });

  it("creates a user with a role, and refuses an unknown unit with a clear error", async () => {
    const env = newDataDir();
    expect((await runCli(["demo"], env)).code).toBe(0);
    const created = await runCli(
      ["user", "add", "--username", "ola", "--name", "Ola Nordmann", "--role", "editor:UNN"],
      env,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Opprettet brukeren ola/);
    expect(created.stdout).toMatch(/Passord: \S{10,}/);

    const unknown = await runCli(
      [
        "user",
        "add",
        "--username",
        "per",
        "--name",
        "Per",
        "--password",
        "long-enough-pw",
        "--role",
        "editor:NOPE",
      ],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("det finnes ingen enhet med koden NOPE");
  });

  it("stops gracefully on SIGTERM", async () => {
    const server = await startServer(newDataDir(), ["--demo"]);
    servers.push(server);
    server.process.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("loses no committed change when killed with SIGKILL", async () => {
    const env = newDataDir();
    const first = await startServer(env, ["--demo"]);
    servers.push(first);
    const cookie = await httpSignIn(first.url, "admin", demo.password);
    const units = (await (await fetch(`${first.url}/api/units`, { headers: { cookie } })).json()) as {
      id: number;
      code: string;
    }[];
    const parent = units.find((u) => u.code === "UNN");
    const created = await fetch(`${first.url}/api/units`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        code: "CRASH-SAFE",
        name: "Overlever krasj",
        kind: "clinic",
        parentId: parent?.id,
      }),
    });
    expect(created.status).toBe(201);
    first.process.kill("SIGKILL");
    await first.exited;

    const second = await startServer(env);
    servers.push(second);
    const again = await httpSignIn(second.url, "admin", demo.password);
    const after = (await (await fetch(`${second.url}/api/units`, { headers: { cookie: again } })).json()) as {
      code: string;
    }[];
    expect(after.map((u) => u.code)).toContain("CRASH-SAFE");
  });
});
