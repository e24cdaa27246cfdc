// What the reporting routes take: the zod inputs of rounds and answers.

import { z } from "zod";
import { type AnswerStatus, answerStatuses } from "../../db/schema.ts";
import { isoDate, markdownText, plainText, text, version } from "../../schemas/common.ts";

export const openRoundInput = z.object({
  period: plainText(40).min(1, { message: "is required" }),
  deadline: isoDate,
});

export const roundVersionInput = z.object({ version });

const writtenStatuses = answerStatuses.filter((s) => s !== "not_started") as [
  Exclude<AnswerStatus, "not_started">,
  ...Exclude<AnswerStatus, "not_started">[],
];

export const saveAnswerInput = z
  .object({
    version,
    status: z.enum(writtenStatuses).optional(),
    text: markdownText(200_000).optional(),
  })
  .refine((input) => input.status !== undefined || input.text !== undefined, {
    message: "give a status, a text or both",
    path: ["text"],
  });

export const answerVersionInput = z.object({ version });

export const returnAnswerInput = z.object({
  version,
  comment: text(5000).min(1, { message: "say why the answer is returned" }),
});

/** Two saved versions of an answer, by their version numbers. */
export const diffQuery = z.object({ from: version, to: version });
