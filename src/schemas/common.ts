// Shared building blocks for input schemas: ids, whole numbers, dates, months, versions, paging and
// text. Every input that reaches the database goes through one of these, so no input can make
// PostgreSQL refuse a value (integer overflow, NUL in text, year 0) and turn a bad request into a 500.

import { z } from "zod";
import { MAX_YEAR, MIN_YEAR } from "../domain/periods.ts";
import { fieldProblemText } from "../i18n/problemText.ts";
import { ruleMessage } from "./rules.ts";

/** The largest value of a PostgreSQL `integer` column, which ids, versions and years are. */
export const MAX_INT32 = 2_147_483_647;

/**
 * A whole number from `min` to `max`, as a JSON number or as text in a path or query string.
 * Text must be plain digits: "1e3", "0x10", " 7", "+7", "07" and "-0" are refused rather than
 * read by Number()'s lenient rules, so one id has one spelling.
 */
export function wholeNumber(min: number, max: number) {
  const rule = { message: ruleMessage("whole_number", { min, max }) };
  const digits = z
    .string()
    .regex(/^(0|[1-9]\d*)$/, rule)
    .transform(Number);
  return z.union([z.number(), digits], rule).pipe(z.number().int(rule).min(min, rule).max(max, rule));
}

export const id = wholeNumber(1, MAX_INT32);
export const idParams = z.object({ id });

/** Ids of `bigint` columns (the audit trail): as far as a JavaScript number is exact. */
export const bigId = wholeNumber(1, Number.MAX_SAFE_INTEGER);

/** The version an editor read; a stale one answers 409. */
export const version = wholeNumber(1, MAX_INT32);
export const versionQuery = z.object({ version });

export const year = wholeNumber(MIN_YEAR, MAX_YEAR);

/** How many rows a page holds: 1 to `max`, `fallback` when not given. */
export const pageLimit = (max: number, fallback: number) => wholeNumber(1, max).default(fallback);

const dateMessage = ruleMessage("date");
const yearRangeMessage = ruleMessage("date_in_range", { min: MIN_YEAR, max: MAX_YEAR });

/** YYYY-MM-DD, a real calendar day (no 2024-02-30), in the years the periods allow. */
export const isoDate = z.iso
  .date({ message: dateMessage })
  .refine((value) => inYearRange(Number(value.slice(0, 4))), { message: yearRangeMessage });

/**
 * A moment in time, for filters: an ISO date or date-time as browsers send it. Bounded like
 * isoDate, since PostgreSQL has no year 0 and JavaScript dates reach year 275760.
 */
export const instant = z.coerce
  .date({ message: ruleMessage("instant") })
  .refine((value) => inYearRange(value.getUTCFullYear()), { message: yearRangeMessage });

/** YYYY-MM; the period parser then checks the month and year. */
export const monthText = z.string().regex(/^\d{4}-\d{2}$/, { message: ruleMessage("month") });

function inYearRange(value: number): boolean {
  return value >= MIN_YEAR && value <= MAX_YEAR;
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * Why text cannot be stored: PostgreSQL text cannot hold NUL, jsonb (the audit trail) refuses NUL
 * and lone surrogates, and other control characters are never typed on purpose but confuse
 * terminals, CSV and Word. Tab, line feed and carriage return are allowed where lines are.
 */
export function textProblem(
  value: string,
  multiLine: boolean,
): { code: "lone_surrogate" | "control_character"; params: { character: string; position: number } } | null {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = value.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        index++; // a pair: one character outside the Basic Multilingual Plane
        continue;
      }
      return { code: "lone_surrogate", params: { character: hex(code), position: index + 1 } };
    }
    const isControl = code < 0x20 || code === 0x7f;
    const isLineOrTab = code === 0x09 || code === 0x0a || code === 0x0d;
    if (isControl && !(multiLine && isLineOrTab)) {
      return { code: "control_character", params: { character: hex(code), position: index + 1 } };
    }
  }
  return null;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

function checkedText(max: number, multiLine: boolean, trim: boolean) {
  return (trim ? z.string().trim() : z.string()).max(max).superRefine((value, context) => {
    const problem = textProblem(value, multiLine);
    if (problem) {
      context.addIssue({
        code: "custom",
        message: fieldProblemText("en", problem.code, problem.params) ?? problem.code,
        // The server words the problem from `rule` in the caller's language (src/problemReply.ts).
        params: { rule: problem.code, ...problem.params },
      });
    }
  });
}

/** One line (names, titles, codes, filters): trimmed, no control characters at all. */
export const plainText = (max: number) => checkedText(max, false, true);

/** Several lines (definitions, comments): trimmed; tab and line breaks allowed. */
export const text = (max: number) => checkedText(max, true, true);

/** Markdown and answers: kept as written, since leading spaces and blank lines are markup. */
export const markdownText = (max: number) => checkedText(max, true, false);
