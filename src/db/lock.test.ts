import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseInUseError, type LockHolder, lockDataDir, lockFileName } from "./lock.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function newFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tertial-lock-"));
  folders.push(folder);
  return folder;
}

/** The pid of a process that has run and ended (and been reaped), so no longer exists. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  if (child.pid === undefined) throw new Error("could not start a process");
  return child.pid;
}

const bootId = () => {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return null;
  }
};

function writeLock(folder: string, holder: Partial<LockHolder>) {
  const full: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: bootId(),
    command: "serve on port 3000",
    startedAt: new Date().toISOString(),
    ...holder,
  };
  fs.writeFileSync(path.join(folder, lockFileName), JSON.stringify(full));
}

const readLock = (folder: string) =>
  JSON.parse(fs.readFileSync(path.join(folder, lockFileName), "utf8")) as LockHolder;

const quiet = { log: () => {} };

describe("the data folder lock", () => {
  it("is taken with the holder's pid, host and command, and released", () => {
    const folder = newFolder();
    const lock = lockDataDir(folder, { command: "import measurements", ...quiet });
    expect(readLock(folder)).toMatchObject({
      pid: process.pid,
      hostname: os.hostname(),
      command: "import measurements",
    });
    expect(Date.parse(readLock(folder).startedAt)).not.toBeNaN();
    lock.release();
    expect(fs.readdirSync(folder)).toEqual([]);
    lock.release(); // twice is harmless
    lockDataDir(folder, { command: "again", ...quiet }).release();
  });

  it("refuses while a live process holds it, and leaves its lock alone", () => {
    const folder = newFolder();
    // The test runner's parent process is alive and is not this one.
    writeLock(folder, { pid: process.ppid, startedAt: "2020-03-02T08:12:00.000Z" });
    const before = fs.readFileSync(path.join(folder, lockFileName), "utf8");
    let refusal: unknown;
    try {
      lockDataDir(folder, { command: "import measurements", ...quiet });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseInUseError);
    const error = refusal as DatabaseInUseError;
    expect(error.holder.pid).toBe(process.ppid);
    expect(error.sameHost).toBe(true);
    expect(error.message).toContain(
      `The embedded database in ${folder} is in use by another Tertial process`,
    );
    expect(error.message).toContain(`pid ${process.ppid}, \`serve on port 3000\`, since 2020-03-02`);
    expect(fs.readFileSync(path.join(folder, lockFileName), "utf8")).toBe(before);
    expect(fs.readdirSync(folder)).toEqual([lockFileName]); // no temporary files left
  });

  it("refuses a second open in the same process", () => {
    const folder = newFolder();
    const lock = lockDataDir(folder, { command: "serve on port 3000", ...quiet });
    expect(() => lockDataDir(folder, { command: "demo", ...quiet })).toThrow(DatabaseInUseError);
    lock.release();
  });

  it("takes over a stale lock whose process is gone, and says so", () => {
    const folder = newFolder();
    const pid = deadPid();
    writeLock(folder, { pid });
    const lines: string[] = [];
    const lock = lockDataDir(folder, { command: "migrate", log: (line) => lines.push(line) });
    expect(readLock(folder)).toMatchObject({ pid: process.pid, command: "migrate" });
    expect(lines.join("\n")).toMatch(new RegExp(`stale lock .*pid ${pid}.*process ${pid} is gone`));
    lock.release();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it("takes over a lock with its own pid that it does not hold (a restarted container)", () => {
    const folder = newFolder();
    writeLock(folder, { pid: process.pid });
    const lock = lockDataDir(folder, { command: "serve on port 3000", ...quiet });
    expect(readLock(folder).pid).toBe(process.pid);
    lock.release();
  });

  it.runIf(bootId())("takes over a lock from an earlier boot even if its pid is alive now", () => {
    const folder = newFolder();
    writeLock(folder, { pid: process.ppid, bootId: "00000000-0000-0000-0000-000000000000" });
    const lock = lockDataDir(folder, { command: "serve on port 3000", ...quiet });
    expect(readLock(folder).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over an unreadable lock", () => {
    const folder = newFolder();
    fs.writeFileSync(path.join(folder, lockFileName), "");
    const lock = lockDataDir(folder, { command: "demo", ...quiet });
    expect(readLock(folder).command).toBe("demo");
    lock.release();
  });

  it("refuses a lock from another host, whose process it cannot check", () => {
    const folder = newFolder();
    writeLock(folder, { pid: deadPid(), hostname: "another-host" });
    let refusal: unknown;
    try {
      lockDataDir(folder, { command: "demo", ...quiet });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseInUseError);
    expect((refusal as DatabaseInUseError).sameHost).toBe(false);
    expect((refusal as DatabaseInUseError).message).toContain("on host another-host");
  });

  it("on release, leaves a lock that another process has taken over meanwhile", () => {
    const folder = newFolder();
    const lock = lockDataDir(folder, { command: "demo", ...quiet });
    writeLock(folder, { pid: process.ppid, command: "serve on port 4000" });
    lock.release();
    expect(readLock(folder).command).toBe("serve on port 4000");
  });
});
