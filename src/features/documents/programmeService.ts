// Downloads of a programme's status board case and of an action plan as Word files, built from the
// data as they stand (not stored: the secretary downloads, completes and sends). Whoever reads the
// owner unit's portfolio may download; an id they may not read answers 404, as if it did not exist.

import { z } from "zod";
import type { Caller } from "../../caller.ts";
import type { Db } from "../../db/client.ts";
import { PeriodError, parsePeriod } from "../../domain/periods.ts";
import { canReadPortfolio } from "../../domain/programmeAccess.ts";
import { notFound } from "../../errors.ts";
import { isoDate, plainText } from "../../schemas/common.ts";
import { ruleMessage } from "../../schemas/rules.ts";
import { buildActionPlanDocument } from "./actionPlanBuild.ts";
import { collectActionPlan, findActionPlan } from "./actionPlanCollect.ts";
import { renderDocx } from "./docx.ts";
import type { DocumentContent } from "./model.ts";
import { buildProgrammeCase } from "./programmeBuild.ts";
import { collectProgrammeCase, findProgramme } from "./programmeCollect.ts";
import { fileNameFor } from "./service.ts";

/** What the secretary may give for the front matter; everything optional and bounded. */
export const programmeCaseQuery = z.object({
  /** The day the case shows the programme on; today (in Norway) when left out. */
  date: isoDate.optional(),
  caseNumber: plainText(40).min(1).optional(),
  meetingDate: isoDate.optional(),
  caseOfficer: plainText(120).min(1).optional(),
});

/** "2009-T2", "2009-06" or "2009": the period whose progress the document shows. */
export const actionPlanDocumentQuery = z.object({
  period: plainText(20)
    .refine(
      (period) => {
        try {
          parsePeriod(period);
          return true;
        } catch (error) {
          if (error instanceof PeriodError) return false;
          throw error;
        }
      },
      { message: ruleMessage("document_period") },
    )
    .optional(),
});

/** Today's date in Norway, YYYY-MM-DD. */
export function osloToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(now);
}

async function asDocx(content: DocumentContent) {
  return {
    title: content.title,
    fileName: `${fileNameFor(content.title)}.docx`,
    bytes: await renderDocx(content),
  };
}

export async function programmeCaseContent(
  db: Db,
  { principal }: Caller,
  programmeId: number,
  query: z.infer<typeof programmeCaseQuery>,
  now: Date = new Date(),
): Promise<DocumentContent> {
  const found = await findProgramme(db, programmeId);
  if (!found || !canReadPortfolio(principal, found.unitPath))
    throw notFound("document_not_found", { id: programmeId });
  const data = await collectProgrammeCase(
    db,
    found,
    query.date ?? osloToday(now),
    {
      caseNumber: query.caseNumber ?? null,
      meetingDate: query.meetingDate ?? null,
      caseOfficer: query.caseOfficer ?? null,
    },
    now,
  );
  return buildProgrammeCase(data);
}

export async function programmeCaseDocx(
  db: Db,
  caller: Caller,
  programmeId: number,
  query: z.infer<typeof programmeCaseQuery>,
  now: Date = new Date(),
) {
  return asDocx(await programmeCaseContent(db, caller, programmeId, query, now));
}

export async function actionPlanContent(
  db: Db,
  { principal }: Caller,
  planId: number,
  query: z.infer<typeof actionPlanDocumentQuery>,
  now: Date = new Date(),
): Promise<DocumentContent> {
  const found = await findActionPlan(db, planId);
  if (!found || !canReadPortfolio(principal, found.unitPath))
    throw notFound("document_not_found", { id: planId });
  return buildActionPlanDocument(await collectActionPlan(db, found, query.period ?? null, now));
}

export async function actionPlanDocx(
  db: Db,
  caller: Caller,
  planId: number,
  query: z.infer<typeof actionPlanDocumentQuery>,
  now: Date = new Date(),
) {
  return asDocx(await actionPlanContent(db, caller, planId, query, now));
}
