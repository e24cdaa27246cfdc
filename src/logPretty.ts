import type { DestinationStream } from "pino";

// Log lines for a person at a terminal: time, level, message, then the line's other fields. The
// server logs JSON (one object a line) everywhere else, for a log collector to read; this only
// rewrites what pino has already produced (and scrubbed, see logger.ts), so both say the same.

const levelNames: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};
const levelColours: Record<number, string> = { 10: "90", 20: "90", 30: "32", 40: "33", 50: "31", 60: "35" };

/** Fields every line has, or that the start of the line already shows. */
const shownFirst = new Set(["level", "time", "pid", "hostname", "msg", "reqId", "req", "res", "err"]);

type Line = Record<string, unknown>;

function clock(time: unknown): string {
  const date = typeof time === "number" ? new Date(time) : new Date();
  return date.toTimeString().slice(0, 8);
}

function requestPart(line: Line): string {
  const parts: string[] = [];
  if (typeof line.reqId === "string") parts.push(line.reqId);
  const req = line.req as { method?: unknown; url?: unknown } | undefined;
  if (req && typeof req.method === "string") parts.push(`${req.method} ${String(req.url ?? "")}`);
  const res = line.res as { statusCode?: unknown } | undefined;
  if (res && typeof res.statusCode === "number") parts.push(`→ ${res.statusCode}`);
  if (typeof line.responseTime === "number") parts.push(`in ${line.responseTime.toFixed(1)} ms`);
  return parts.join(" ");
}

function errorPart(error: unknown): string {
  if (typeof error !== "object" || error === null) return "";
  const { type, message, stack } = error as { type?: unknown; message?: unknown; stack?: unknown };
  const text = typeof stack === "string" ? stack : `${String(type ?? "Error")}: ${String(message ?? "")}`;
  return `\n    ${text.split("\n").join("\n    ")}`;
}

/** One JSON log line as one or more readable lines; anything not JSON is passed on as it is. */
export function formatLogLine(json: string, colour: boolean): string {
  let line: Line;
  try {
    line = JSON.parse(json) as Line;
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const level = typeof line.level === "number" ? line.level : 30;
  const name = (levelNames[level] ?? String(level)).padEnd(5);
  const label = colour ? `\u001b[${levelColours[level] ?? "0"}m${name}\u001b[0m` : name;
  const request = requestPart(line);
  const extras = Object.entries(line)
    .filter(([key]) => !shownFirst.has(key) && key !== "responseTime")
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const text = [typeof line.msg === "string" ? line.msg : "", request && `(${request})`, ...extras]
    .filter((part) => part !== "")
    .join(" ");
  return `${clock(line.time)} ${label} ${text}${errorPart(line.err)}\n`;
}

/** A pino destination that writes readable lines to `output` (a terminal). */
export function readableLogStream(output: NodeJS.WritableStream, colour: boolean): DestinationStream {
  return {
    write(chunk: string) {
      // pino writes whole lines, one per call; split anyway in case several arrive together.
      for (const json of chunk.split("\n")) if (json.trim() !== "") output.write(formatLogLine(json, colour));
    },
  };
}

/**
 * Where the server logs when no test gives a stream: readable lines to a terminal, JSON otherwise
 * (undefined: pino's own standard output). NO_COLOR turns the colours off.
 */
export function defaultLogStream(
  output: NodeJS.WriteStream = process.stdout,
  environment: NodeJS.ProcessEnv = process.env,
): DestinationStream | undefined {
  if (!output.isTTY) return undefined;
  return readableLogStream(output, !environment.NO_COLOR);
}
