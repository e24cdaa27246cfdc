import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { assertPasswordAllowed, passwordProblem } from "./password-policy.ts";

const kari = { username: "kari", displayName: "Kari Nordmann" };

describe("the password policy", () => {
  it("accepts a long password that is not common", () => {
    expect(passwordProblem("Nordlys-bak-fjellet-9", kari)).toBeNull();
    expect(passwordProblem("test-password-1", { username: "user1abcd" })).toBeNull();
  });

  it("wants at least 12 characters, counting characters rather than bytes", () => {
    expect(passwordProblem("Fj3ll-tur-7", kari)).toBe("too_short");
    expect(passwordProblem("æøåæøåæøåæø", kari)).toBe("too_short");
  });

  it("refuses spaces only, whatever the length", () => {
    expect(passwordProblem(" ".repeat(10), kari)).toBe("too_short");
    expect(passwordProblem(" ".repeat(16), kari)).toBe("too_common");
  });

  it("refuses the username, or a password containing it, in any case", () => {
    expect(passwordProblem("kari-lang-tur-7", kari)).toBe("contains_username");
    expect(passwordProblem("KARIKARIKARI", kari)).toBe("contains_username");
    expect(passwordProblem("ola.nordmann", { username: "Ola.Nordmann" })).toBe("contains_username");
  });

  it("refuses common and easily guessed passwords, and ones built from the user's name", () => {
    expect(passwordProblem("password1234", kari)).toBe("too_common");
    expect(passwordProblem("qwertyuiop12", kari)).toBe("too_common");
    expect(passwordProblem("aaaaaaaaaaaa", kari)).toBe("too_common");
    expect(passwordProblem("nordmann2024", kari)).toBe("too_common");
  });

  it("explains a refusal as a 400 naming the field, with a stable reason", () => {
    const refusal = (() => {
      try {
        assertPasswordAllowed("short", kari);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    // The English wording is for the log; the answer is worded in the caller's language.
    expect(refusal).toMatchObject({
      code: "validation_failed",
      message: "The password must be at least 12 characters.",
      details: {
        reason: "password_too_short",
        params: { minimum: 12 },
        problems: [
          {
            field: "password",
            code: "too_short",
            message: "must be at least 12 characters",
            params: { minimum: 12 },
          },
        ],
      },
    });
  });
});
