import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demo } from "./db/demo/load.ts";
import { lockFileName } from "./db/lock.ts";
import { freePort, httpSignIn, type RunningServer, runCli, startServer } from "./testing/process.ts";

// The embedded PGlite is a one-process database: a second process on its folder used to
// overwrite the first one's files, and committed writes of either were lost. These tests run real
// processes on one data folder, as an operator would.
const folders: string[] = [];
const servers: RunningServer[] = [];

function newFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-two-"));
  folders.push(folder);
  const dataDir = path.join(folder, "data");
  return {
    folder,
    lockPath: path.join(dataDir, lockFileName),
    env: { TERTIAL_DATA_DIR: dataDir, DATABASE_URL: "" },
  };
}

afterEach(() => {
  for (const server of servers.splice(0)) server.process.kill("SIGKILL");
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

async function createUnit(url: string, cookie: string, code: string) {
  const units = (await (await fetch(`${url}/api/units`, { headers: { cookie } })).json()) as {
    id: number;
    code: string;
  }[];
  const response = await fetch(`${url}/api/units`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({
      code,
      name: code,
      kind: "clinic",
      parentId: units.find((u) => u.code === "UNN")?.id,
    }),
  });
  return response.status;
}

describe("two processes on one embedded database", { timeout: 180_000 }, () => {
  it("refuses a second process while the server runs, and loses no write of either", async () => {
    const { folder, lockPath, env } = newFolder();
    const server = await startServer(env, ["--demo"]);
    servers.push(server);
    const lockText = fs.readFileSync(lockPath, "utf8");
    expect(JSON.parse(lockText)).toMatchObject({
      pid: server.process.pid,
      hostname: os.hostname(),
      command: expect.stringMatching(/^serve on port \d+$/),
    });
    const cookie = await httpSignIn(server.url, "admin", demo.password);
    expect(await createUnit(server.url, cookie, "BEFORE-IMPORT")).toBe(201);

    const csv = path.join(folder, "rows.csv");
    fs.writeFileSync(
      csv,
      [
        "indikator;enhet;måned;teller;nevner",
        "EPIKRISE;UNN-HAR;2026-01;7;13",
        "EPIKRISE;UNN-HAR;2026-02;8;13",
      ].join("\n"),
    );
    const refused = await runCli(["import", "measurements", csv], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).not.toContain("Importert");
    expect(refused.stderr).toContain(
      `brukes av en annen Tertial-prosess (pid ${server.process.pid}, «serve on port`,
    );
    expect(refused.stderr).toContain("send den med POST til /api/measurements/import");
    expect(refused.stderr).toContain("sett DATABASE_URL");
    for (const command of [["migrate"], ["demo"], ["serve", "--port", String(await freePort())]]) {
      const result = await runCli(command, env);
      expect(result.code, command.join(" ")).toBe(1);
      expect(result.stderr, command.join(" ")).toContain("brukes av en annen Tertial-prosess");
    }

    // The server is untouched: same lock, still answering and writing.
    expect(fs.readFileSync(lockPath, "utf8")).toBe(lockText);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await createUnit(server.url, cookie, "AFTER-IMPORT")).toBe(201);
    server.process.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(lockPath)).toBe(false);

    // The refused import wrote nothing: both rows would still be new.
    const check = await runCli(["import", "measurements", "--dry-run", csv], env);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("ville endret 2 (2 nye");

    // The server's own writes survived its restart.
    const again = await startServer(env);
    servers.push(again);
    const cookieAgain = await httpSignIn(again.url, "admin", demo.password);
    const units = (await (
      await fetch(`${again.url}/api/units`, { headers: { cookie: cookieAgain } })
    ).json()) as {
      code: string;
    }[];
    expect(units.map((u) => u.code)).toEqual(expect.arrayContaining(["BEFORE-IMPORT", "AFTER-IMPORT"]));
  });

  it("starts after the server was killed with SIGKILL, taking over its stale lock", async () => {
    const { lockPath, env } = newFolder();
    const server = await startServer(env);
    servers.push(server);
    server.process.kill("SIGKILL");
    await server.exited;
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(server.process.pid);

    const migrate = await runCli(["migrate"], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stderr).toContain(`Taking over the stale lock ${lockPath}`);
    expect(migrate.stderr).toContain(`process ${server.process.pid} is gone`);
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});
