import type { FieldProblemView as FieldProblem } from "../../../src/schemas/contract.ts";

export type { FieldProblem };

/**
 * An error answer from the API, parsed from problem+json. `code` is the server's stable error
 * code (e.g. "stale_version"); `body` keeps extra members such as `current` on a stale write.
 * A request that never reached the server has status 0 and code "network".
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly problems: FieldProblem[];
  readonly body: Record<string, unknown>;

  constructor(status: number, code: string, detail: string, problems: FieldProblem[], body = {}) {
    super(detail);
    this.name = "ApiProblem";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.problems = problems;
    this.body = body;
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/**
 * The version now stored, which the server sends with a stale_version refusal. Its shape is the
 * resource's own answer schema (src/schemas/contract.ts `problem.current`), so it is typed as such.
 */
export function staleCurrent<Resource>(error: unknown): Resource | null {
  if (!isApiProblem(error) || error.code !== "stale_version") return null;
  return (error.body.current ?? null) as Resource | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  // The server's problems follow the contract; a proxy's error page may hold anything.
  return value.filter(isRecord).map((item) => ({
    field: typeof item.field === "string" ? item.field : "",
    code: typeof item.code === "string" ? item.code : "invalid",
    message: typeof item.message === "string" ? item.message : "",
    ...(isRecord(item.params) ? { params: item.params as FieldProblem["params"] } : {}),
    ...(typeof item.row === "number" ? { row: item.row } : {}),
  }));
}

async function problemFrom(response: Response): Promise<ApiProblem> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or crash page may answer with HTML; the status still tells what happened.
  }
  if (!isRecord(body)) {
    return new ApiProblem(
      response.status,
      "http_error",
      response.statusText || `HTTP ${response.status}`,
      [],
    );
  }
  return new ApiProblem(
    response.status,
    typeof body.code === "string" ? body.code : "http_error",
    typeof body.detail === "string" ? body.detail : response.statusText,
    parseProblems(body.problems),
    body,
  );
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The page's language (set on <html lang> by the locale provider), so that the server words its
 * problems as the page does — also before sign-in, when it does not know the user's choice.
 */
function languageHeader(): { "accept-language": string } {
  return { "accept-language": document.documentElement.lang === "en" ? "en" : "nb" };
}

/** Calls the API with the session cookie; resolves to the JSON body, or throws an ApiProblem. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        ...languageHeader(),
        ...(body === undefined ? { accept: "application/json" } : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiProblem(0, "network", error instanceof Error ? error.message : String(error), []);
  }
  if (!response.ok) throw await problemFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends a file as multipart/form-data (field `file`); resolves to the JSON body, or throws an ApiProblem. */
export async function apiUpload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { ...languageHeader(), accept: "application/json" },
      body: form,
    });
  } catch (error) {
    throw new ApiProblem(0, "network", error instanceof Error ? error.message : String(error), []);
  }
  if (!response.ok) throw await problemFrom(response);
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>("GET", path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>("PUT", path, body),
  delete: <T>(path: string) => apiRequest<T>("DELETE", path),
};
