// What reading one file may cost: wall-clock time and inflated bytes. Reading also gives the
// event loop a turn every few milliseconds, so other requests (and /api/health) are answered
// while a large file is read.

import { setImmediate as nextTurn } from "node:timers/promises";
import { AppError, fieldProblem } from "../errors.ts";
import type { FileReason } from "../i18n/problems/files.ts";
import { formatSize } from "../i18n/render.ts";
import type { ProblemParams } from "../schemas/contract.ts";

/** Work done between two turns given back to the event loop. */
const SLICE_MILLISECONDS = 8;

const details = (reason: FileReason, params: ProblemParams, row?: number) => ({
  params,
  problems: [fieldProblem("file", reason, params, row)],
});

/** The file is damaged, or not what its name says: a 400 naming the reason. */
export const unreadableFile = (reason: FileReason, params: ProblemParams, row?: number) =>
  new AppError("validation_failed", reason, details(reason, params, row));

/** The file goes beyond a limit: a 413 naming the limit. */
export const fileTooLarge = (reason: FileReason, params: ProblemParams, row?: number) =>
  new AppError("payload_too_large", reason, details(reason, params, row));

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
      throw fileTooLarge("file_unpacked_too_large", {
        file: this.name,
        limit: formatSize(this.limits.maxTotalBytes),
      });
    }
  }

  checkTime() {
    if (performance.now() - this.startedAt > this.limits.maxMilliseconds) {
      throw fileTooLarge("file_read_too_slow", {
        file: this.name,
        seconds: Math.round(this.limits.maxMilliseconds / 1000),
      });
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
