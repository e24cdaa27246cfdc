import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, runCli, startServer } from "../../testing/process.ts";

// `tertial backup` and `tertial restore` as an administrator runs them, on the embedded database
// (the PostgreSQL side is covered by backup.int.test.ts on the postgres project).
const folders: string[] = [];
const servers: RunningServer[] = [];

function newFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-backup-cli-"));
  folders.push(folder);
  return folder;
}
const embedded = (dataDir: string) => ({ TERTIAL_DATA_DIR: dataDir, DATABASE_URL: "" });

afterEach(() => {
  for (const server of servers.splice(0)) server.process.kill("SIGKILL");
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("tertial backup and restore", { timeout: 240_000 }, () => {
  it("refuse to open the embedded database while the server holds it, saying to stop the server", async () => {
    const folder = newFolder();
    const server = await startServer(embedded(path.join(folder, "data")), ["--demo"]);
    servers.push(server);
    const file = path.join(folder, "backup.tertial.gz");
    const refused = await runCli(["backup", file], embedded(path.join(folder, "data")));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/brukes av en annen Tertial-prosess .*serve on port/);
    expect(refused.stderr).toMatch(/stopp serveren/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(folder).filter((name) => name.includes("partial"))).toEqual([]);
  });

  it("back up a stopped server's database and restore it into a new folder, refusing it a second time", async () => {
    const folder = newFolder();
    const source = embedded(path.join(folder, "source"));
    expect((await runCli(["demo"], source)).code).toBe(0);
    const file = path.join(folder, "backup.tertial.gz");
    const backup = await runCli(["backup", file], source);
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(
      /Sikkerhetskopi skrevet til .*backup\.tertial\.gz: \d+ tabeller, [\d ]+ rader/,
    );

    const target = embedded(path.join(folder, "target"));
    const restored = await runCli(["restore", file], target);
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toMatch(/Lest inn fra/);

    const again = await runCli(["restore", file], { ...target, TERTIAL_LANG: "en" });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data .* add --replace/);

    // The restored folder serves the demo's users.
    const server = await startServer(target);
    servers.push(server);
    const signIn = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "demo-passord" }),
    });
    expect(signIn.status).toBe(200);
  });
});
