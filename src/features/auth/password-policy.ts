import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { AppError } from "../../errors.ts";

export const minimumPasswordLength = 12;

// zxcvbn's scale is 0–4; 3 means "safely unguessable" for an online attack such as ours, where
// login throttling limits the guesses.
const minimumScore = 3;

/** Stable reasons, sent with the problem so that the web app can explain them in its language. */
export type PasswordProblem = "too_short" | "contains_username" | "too_common";

const messages: Record<PasswordProblem, string> = {
  too_short: `must be at least ${minimumPasswordLength} characters`,
  contains_username: "must not contain the username",
  too_common: "is too common or too easy to guess; use a few unrelated words or a longer password",
};

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
  const reason = passwordProblem(password, user);
  if (!reason) return;
  const problem = { field, code: reason, message: messages[reason] };
  throw new AppError("validation_failed", `The password ${messages[reason]}.`, { problems: [problem] });
}
