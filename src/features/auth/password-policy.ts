import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { AppError, fieldProblem } from "../../errors.ts";

export const minimumPasswordLength = 12;

// zxcvbn's scale is 0–4; 3 means "safely unguessable" for an online attack such as ours, where
// login throttling limits the guesses.
const minimumScore = 3;

/**
 * Stable codes of the field problem, sent with the problem so that the web app can explain them
 * in its language; the server words them from src/i18n/problems/users.ts.
 */
export type PasswordProblem = "too_short" | "contains_username" | "too_common";

// Built once: the common-password dictionary takes a moment to load.
let checker: ZxcvbnFactory | undefined;
function strengthChecker(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  return checker;
}

/** What is wrong with a new password for this user, or null when it may be used. */
export function passwordProblem(
  password: string,
  user: { username: string; displayName?: string },
): PasswordProblem | null {
  const normalized = password.normalize("NFC");
  if ([...normalized].length < minimumPasswordLength) return "too_short";
  if (normalized.toLowerCase().includes(user.username.trim().toLowerCase())) return "contains_username";
  const names = user.displayName ? [user.displayName, ...user.displayName.split(/\s+/)] : [];
  const inputs = [user.username, ...names].filter((input) => input.length > 0);
  if (strengthChecker().check(normalized, inputs).score < minimumScore) return "too_common";
  return null;
}

/** Refuses a password that breaks the policy, as a 400 naming `field` with a stable reason. */
export function assertPasswordAllowed(
  password: string,
  user: { username: string; displayName?: string },
  field = "password",
) {
  const problem = passwordProblem(password, user);
  if (!problem) return;
  const params = problem === "too_short" ? { minimum: minimumPasswordLength } : undefined;
  throw new AppError("validation_failed", `password_${problem}`, {
    ...(params ? { params } : {}),
    problems: [fieldProblem(field, problem, params)],
  });
}
