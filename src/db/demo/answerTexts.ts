// The demo answers' texts, in bokmål as a Norwegian health trust or region would write them:
// one per requirement of source/requirements_*.json (whose summaries of the real reports are in
// English, as notes for developers), and closing sentences that make the trusts' answers differ.

import { z } from "zod";
import answersFile from "./answers.nb.json" with { type: "json" };

const answersSchema = z.object({
  requirements: z.record(z.string(), z.string().min(1)),
  closings: z.array(z.string().min(1)).min(1),
});

const answers = answersSchema.parse(answersFile);

/** The answer to a requirement by its source id ("HF-001", "HOD-042"). */
export function answerText(requirementId: string | undefined): string {
  return (requirementId && answers.requirements[requirementId]) || "Arbeidet pågår.";
}

/** A closing sentence for one unit's answer, the same for the same requirement and unit. */
export function closingFor(requirementIndex: number, unitCode: string): string {
  let hash = requirementIndex * 31;
  for (const character of unitCode) hash = (hash * 17 + character.charCodeAt(0)) % 104_729;
  return answers.closings[hash % answers.closings.length] ?? "";
}
