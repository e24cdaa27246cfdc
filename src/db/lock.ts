// The lock that keeps a second process off an embedded database. PGlite is PostgreSQL in one
// process: a second process on the same data folder does not wait or fail, it overwrites the
// first one's files, and committed writes of either are lost. So whoever opens a data folder
// first writes `tertial.lock` into it, naming itself, and everyone else is refused until it closes.
//
// Node has no file locks that die with their process, so the lock is a file with the holder's
// pid: a lock whose process is gone (after kill -9 or a power cut) is stale and is taken over.

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type LockHolder = {
  pid: number;
  hostname: string;
  /** Linux's id of the running boot: a lock from an earlier boot is stale whatever its pid. */
  bootId: string | null;
  /** What the holder is doing, for the person it is refused to, e.g. "serve on port 3000". */
  command: string;
  /** ISO time the lock was taken. */
  startedAt: string;
};

export const lockFileName = "tertial.lock";

const sinceText = (startedAt: string) => {
  const since = new Date(startedAt);
  if (Number.isNaN(since.getTime())) return startedAt;
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(since.getHours())}:${pad(since.getMinutes())}`;
  const sameDay = since.toDateString() === new Date().toDateString();
  return sameDay
    ? time
    : `${since.getFullYear()}-${pad(since.getMonth() + 1)}-${pad(since.getDate())} ${time}`;
};

/** Another live process holds the data folder; nothing was opened. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly holder: LockHolder,
    /** False when the holder runs on another host, where its pid cannot be checked from here. */
    readonly sameHost: boolean,
  ) {
    const where = sameHost ? "" : ` on host ${holder.hostname}`;
    super(
      `The embedded database in ${dataDir} is in use by another Tertial process ` +
        `(pid ${holder.pid}${where}, \`${holder.command}\`, since ${sinceText(holder.startedAt)}).`,
    );
  }
}

export type DataDirLock = { path: string; holder: LockHolder; release(): void };

function readBootId(): string | null {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null;
  } catch {
    return null; // not Linux
  }
}

// Locks this process holds, by path, with the exact text written, so that release removes only
// our own file and a second open of the same folder in this process is refused too.
const held = new Map<string, string>();

function releaseFile(lockPath: string) {
  const ours = held.get(lockPath);
  if (ours === undefined) return;
  held.delete(lockPath);
  try {
    // If another process wrongly took it over, the file is theirs now: leave it.
    if (fs.readFileSync(lockPath, "utf8") === ours) fs.unlinkSync(lockPath);
  } catch {
    // Already gone.
  }
}

// process.exit() and uncaught errors skip `close()`; this still frees the folder. (SIGKILL runs
// nothing: the next process finds the lock stale.)
process.on("exit", () => {
  for (const lockPath of [...held.keys()]) releaseFile(lockPath);
});

type Verdict = { live: true; sameHost: boolean } | { live: false; why: string };

function judge(holder: LockHolder, lockPath: string): Verdict {
  if (holder.hostname !== os.hostname()) {
    // Another machine or container on a shared folder: its pid means nothing here, so assume it
    // runs. The person refused can delete the file when sure (the CLI says so).
    return { live: true, sameHost: false };
  }
  const bootId = readBootId();
  if (bootId && holder.bootId && bootId !== holder.bootId)
    return { live: false, why: "from an earlier boot" };
  if (holder.pid === process.pid) {
    // Our own pid: either this process holds it already, or a process before a restart had the
    // same pid (common in containers, where the server is often pid 1).
    return held.has(lockPath)
      ? { live: true, sameHost: true }
      : { live: false, why: "left by an earlier run" };
  }
  try {
    process.kill(holder.pid, 0);
    return { live: true, sameHost: true };
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === "EPERM") return { live: true, sameHost: true };
    return { live: false, why: `process ${holder.pid} is gone` };
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== "number" || typeof value.hostname !== "string") return undefined;
    return {
      pid: value.pid,
      hostname: value.hostname,
      bootId: typeof value.bootId === "string" ? value.bootId : null,
      command: typeof value.command === "string" ? value.command : "unknown command",
      startedAt: typeof value.startedAt === "string" ? value.startedAt : "",
    };
  } catch {
    return undefined;
  }
}

/**
 * Moves a stale lock out of the way, but only if it is still the one judged stale: two processes
 * may find the same stale lock, and the slower one must not remove the faster one's new lock.
 * The rename is atomic, so whoever moved the file checks what it moved and puts a live one back.
 */
function removeStale(lockPath: string, judged: string) {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (fs.readFileSync(aside, "utf8") !== judged) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // A third process has taken the lock meanwhile; the next attempt will find it.
    }
  }
  fs.unlinkSync(aside);
}

/**
 * Takes the lock on a data folder (which must exist) for `command`, or throws DatabaseInUseError
 * when a live process holds it. The lock file is written whole under a temporary name and then
 * hard-linked into place: the link fails if the name exists, so exactly one process wins, and no
 * one ever reads a half-written lock.
 */
export function lockDataDir(
  dataDir: string,
  options: { command: string; log?: (line: string) => void },
): DataDirLock {
  const lockPath = path.resolve(dataDir, lockFileName);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: readBootId(),
    command: options.command,
    startedAt: new Date().toISOString(),
  };
  const text = `${JSON.stringify(holder, null, 2)}\n`;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  // A few rounds at most: each one either wins, is refused, or clears a stale lock for the next.
  for (let attempt = 0; attempt < 5; attempt++) {
    const temporary = `${lockPath}.${process.pid}-${randomBytes(4).toString("hex")}`;
    const fd = fs.openSync(temporary, "wx");
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    let existing: string;
    try {
      try {
        fs.linkSync(temporary, lockPath);
        held.set(lockPath, text);
        return { path: lockPath, holder, release: () => releaseFile(lockPath) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      try {
        existing = fs.readFileSync(lockPath, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // released meanwhile
        throw error;
      }
    } finally {
      fs.rmSync(temporary, { force: true });
    }
    const other = parseHolder(existing);
    if (other) {
      const verdict = judge(other, lockPath);
      if (verdict.live) throw new DatabaseInUseError(dataDir, lockPath, other, verdict.sameHost);
      log(
        `Taking over the stale lock ${lockPath} (pid ${other.pid}, \`${other.command}\`, since ${other.startedAt}): ${verdict.why}.`,
      );
    } else {
      log(`Taking over the lock ${lockPath}: it is unreadable.`);
    }
    removeStale(lockPath, existing);
  }
  throw new Error(`Could not take the lock ${lockPath}: other processes keep changing it. Try again.`);
}
