import { AppError } from "../errors.ts";

/** The SQLSTATE of a database error, possibly wrapped by Drizzle (the driver's error is its `cause`). */
export function databaseErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === "object" && current !== null && "code" in current) {
      const code = current.code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
    current =
      typeof current === "object" && current !== null && "cause" in current ? current.cause : undefined;
  }
  return undefined;
}

/** True when a database error (possibly wrapped by Drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return databaseErrorCode(error) === "23505";
}

// Reasons named to the client. The database's own message is not passed on: it can quote the
// value it refused, and the statement's other values must not leave the server either.
const badValueReasons: Record<string, string> = {
  "22001": "a text is longer than its field allows",
  "22003": "a number is out of range",
  "22007": "a date or time is not valid",
  "22008": "a date or time is out of range",
  "22021": "a text holds a character that cannot be stored (such as a NUL byte)",
  "22P02": "a value has the wrong form for its field",
  "22P05": "a text holds a character that cannot be stored (such as a NUL byte)",
  "23502": "a required value is missing",
  "23514": "a value breaks a rule of its field",
  "54000": "a value is too large to store",
};

const conflictReasons: Record<string, string> = {
  "23505": "something with the same key already exists",
  "23503": "it refers to something that does not exist, or something else still refers to it",
  "23P01": "it overlaps something that already exists",
};

/**
 * A safety net under the input schemas: a database error that a request's values caused
 * becomes a 400 or 409 problem instead of a 500. Null for any other error.
 */
export function problemForDatabaseError(error: unknown): AppError | null {
  const code = databaseErrorCode(error);
  if (!code) return null;
  const conflict = conflictReasons[code];
  if (conflict) return new AppError("conflict", "database_conflict", { params: { cause: conflict } });
  // Class 22 is "data exception": a value the database cannot take.
  const reason = badValueReasons[code] ?? (code.startsWith("22") ? "a value is not valid" : undefined);
  if (!reason) return null;
  return new AppError("bad_request", "database_bad_value", { params: { cause: reason } });
}
