// What reading one file may cost: wall-clock time and inflated bytes. Reading also gives the
// event loop a turn every few milliseconds, so other requests (and /api/health) are answered
// while a large file is read.

import { setImmediate as nextTurn } from "node:timers/promises";
import { AppError } from "../errors.ts";

/** Work done between two turns given back to the event loop. */
const SLICE_MILLISECONDS = 8;

const problemsOf = (code: string, problem: string, row?: number) => ({
  problems: [{ field: "file", code, message: problem, ...(row === undefined ? {} : { row }) }],
});

/** The file is damaged, or not what its name says: a 400 naming the reason. */
export const unreadableFile = (message: string, problem: string, row?: number) =>
  new AppError("validation_failed", message, problemsOf("unreadable_file", problem, row));

/** The file goes beyond a limit: a 413 naming the limit. */
export const fileTooLarge = (message: string, problem: string, row?: number) =>
  new AppError("payload_too_large", message, problemsOf("file_too_large", problem, row));

export const formatCount = (count: number) => count.toLocaleString("en-US");

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${formatCount(Math.round(bytes / 1024 / 1024))} MB` : `${formatCount(bytes)} bytes`;

export class ReadingBudget {
  private readonly startedAt = performance.now();
  private lastTurn = performance.now();
  private bytes = 0;

  constructor(
    /** The file as named in messages, e.g. "krav.xlsx". */
    readonly name: string,
    private readonly limits: { maxTotalBytes: number; maxMilliseconds: number },
  ) {}

  /** Counts inflated bytes of all parts together. */
  addBytes(count: number) {
    this.bytes += count;
    if (this.bytes > this.limits.maxTotalBytes) {
      throw fileTooLarge(
        `${this.name} is too large to read: its contents come to more than ${formatBytes(this.limits.maxTotalBytes)} once unpacked.`,
        `more than ${formatBytes(this.limits.maxTotalBytes)} unpacked`,
      );
    }
  }

  checkTime() {
    if (performance.now() - this.startedAt > this.limits.maxMilliseconds) {
      const seconds = formatCount(Math.round(this.limits.maxMilliseconds / 1000));
      throw fileTooLarge(
        `${this.name} took more than ${seconds} seconds to read, so reading it was stopped. Split it into smaller files.`,
        `reading took more than ${seconds} seconds`,
      );
    }
  }

  /** Checks the time, and lets other work run when this reading has had the thread long enough. */
  async breathe() {
    this.checkTime();
    if (performance.now() - this.lastTurn >= SLICE_MILLISECONDS) {
      await nextTurn();
      this.lastTurn = performance.now();
    }
  }
}
