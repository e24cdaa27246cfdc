// The log a person reads at a terminal, and the JSON a log collector gets everywhere else.
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { defaultLogStream, formatLogLine, readableLogStream } from "./logPretty.ts";
import { buildServer } from "./server.ts";
import { createTestApp, testConfig } from "./testing/app.ts";

const at = new Date(2026, 11, 6, 20, 41, 2).getTime();

function terminal(isTTY: boolean) {
  return Object.assign(new PassThrough(), { isTTY }) as unknown as NodeJS.WriteStream;
}

describe("the log's form", () => {
  it("is readable lines on a terminal and JSON (pino's own output) otherwise", () => {
    expect(defaultLogStream(terminal(true), {})).toBeDefined();
    expect(defaultLogStream(terminal(false), {})).toBeUndefined();
  });

  it("writes time, level and message, then the other fields", () => {
    const json = JSON.stringify({ level: 40, time: at, pid: 1, hostname: "h", msg: "Slow import", rows: 12 });
    expect(formatLogLine(json, false)).toBe("20:41:02 WARN  Slow import rows=12\n");
  });

  it("colours the level only when asked (NO_COLOR turns it off)", () => {
    const json = JSON.stringify({ level: 50, time: at, msg: "Failed" });
    expect(formatLogLine(json, true)).toContain("\u001b[31mERROR\u001b[0m");
    const lines: string[] = [];
    const output = terminal(true);
    output.on("data", (chunk) => lines.push(String(chunk)));
    defaultLogStream(output, { NO_COLOR: "1" })?.write(`${json}\n`);
    expect(lines.join("")).toBe("20:41:02 ERROR Failed\n");
  });

  it("shows an error's stack under its line", () => {
    const json = JSON.stringify({
      level: 50,
      time: at,
      msg: "unhandled error",
      err: {
        type: "TypeError",
        message: "x is undefined",
        stack: "TypeError: x is undefined\n    at f (a.js:1:1)",
      },
    });
    expect(formatLogLine(json, false)).toBe(
      "20:41:02 ERROR unhandled error\n    TypeError: x is undefined\n        at f (a.js:1:1)\n",
    );
  });

  it("passes a line that is not JSON on unchanged", () => {
    expect(formatLogLine("plain words", false)).toBe("plain words\n");
  });
});

describe("the server's request log at a terminal", () => {
  const lines: string[] = [];
  const output = new PassThrough();
  output.on("data", (chunk) => lines.push(...String(chunk).split("\n").filter(Boolean)));
  let t: Awaited<ReturnType<typeof createTestApp>> | undefined;
  afterAll(() => t?.close());

  it("names each request's method, address, status and time", async () => {
    t = await createTestApp();
    // createTestApp logs nowhere; a second server on the same database logs to the terminal stream.
    const app = await buildServer(testConfig({ logLevel: "info" }), t.database, {
      logStream: readableLogStream(output, false),
    });
    await app.inject({ method: "GET", url: "/api/health/live" });
    await app.close();
    expect(
      lines.some((line) =>
        /^\d\d:\d\d:\d\d INFO {2}incoming request \(req-1 GET \/api\/health\/live\)$/.test(line),
      ),
    ).toBe(true);
    expect(
      lines.some((line) =>
        /^\d\d:\d\d:\d\d INFO {2}request completed \(req-1 → 200 in \d+\.\d ms\)$/.test(line),
      ),
    ).toBe(true);
    expect(lines.some((line) => line.startsWith("{"))).toBe(false);
  });
});
