import { isApiProblem } from "../../api/client.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import type { Translate } from "../../i18n/i18n.tsx";

// The server's stable reasons for refusing a password (src/features/auth/password-policy.ts).
const reasons = ["too_short", "contains_username", "too_common", "wrong_password"] as const;

function reasonFor(error: unknown, field: string) {
  if (!isApiProblem(error) || !Array.isArray(error.body.problems)) return undefined;
  for (const problem of error.body.problems) {
    if (typeof problem === "object" && problem !== null && problem.field === field) {
      return reasons.find((reason) => reason === problem.code);
    }
  }
  return undefined;
}

/**
 * A password field's error in the user's language, by the server's stable reason; the server's
 * own words for anything else.
 */
export function passwordError(error: unknown, t: Translate, field = "password"): string | undefined {
  const reason = reasonFor(error, field);
  return reason ? t(`password.problem.${reason}`) : fieldError(error, field);
}

/** The password forms' fields whose problems `passwordError` words in the user's language. */
export function passwordMessageFor(error: unknown, t: Translate) {
  return (field: string) =>
    field === "password" || field === "currentPassword" ? passwordError(error, t, field) : undefined;
}
