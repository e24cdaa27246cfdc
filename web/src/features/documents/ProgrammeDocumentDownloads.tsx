import { Fieldset, Link, Textfield } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { todayIsoDate } from "../../components/dates.ts";
import { useT } from "../../i18n/i18n.tsx";

// Downloads of the two Word documents built from a programme or an action plan as they stand
// (src/features/documents/programmeService.ts). The programme and plan pages place these; the
// files are made on each download, not stored.

/** The download addresses, with what the secretary gave for the front matter. */
export const programmeDocumentUrls = {
  statusCase: (
    programmeId: number,
    front: { date?: string; caseNumber?: string; meetingDate?: string; caseOfficer?: string } = {},
  ) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(front)) if (value?.trim()) query.set(key, value.trim());
    const search = query.toString();
    return `/api/documents/programmes/${programmeId}/status-case.docx${search ? `?${search}` : ""}`;
  },
  actionPlan: (planId: number, period?: string) =>
    `/api/documents/action-plans/${planId}/plan.docx${period?.trim() ? `?period=${encodeURIComponent(period.trim())}` : ""}`,
};

/** The programme's status board case: the day, and the front matter the secretary knows now. */
export function ProgrammeCaseDownload({ programmeId }: { programmeId: number }) {
  const t = useT();
  const id = useId();
  const [date, setDate] = useState(todayIsoDate());
  const [caseNumber, setCaseNumber] = useState("");
  const [meetingDate, setMeetingDate] = useState("");
  const [caseOfficer, setCaseOfficer] = useState("");
  return (
    <Fieldset className="programme-document-download" aria-describedby={`${id}-help`}>
      <Fieldset.Legend>{t("documents.programmeCase.heading")}</Fieldset.Legend>
      <Fieldset.Description id={`${id}-help`}>{t("documents.programmeCase.help")}</Fieldset.Description>
      <Textfield
        label={t("documents.programmeCase.date")}
        type="date"
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      <Textfield
        label={t("documents.programmeCase.caseNumber")}
        maxLength={40}
        value={caseNumber}
        onChange={(event) => setCaseNumber(event.target.value)}
      />
      <Textfield
        label={t("documents.programmeCase.meetingDate")}
        type="date"
        value={meetingDate}
        onChange={(event) => setMeetingDate(event.target.value)}
      />
      <Textfield
        label={t("documents.programmeCase.caseOfficer")}
        maxLength={120}
        value={caseOfficer}
        onChange={(event) => setCaseOfficer(event.target.value)}
      />
      <Link
        href={programmeDocumentUrls.statusCase(programmeId, { date, caseNumber, meetingDate, caseOfficer })}
        download
      >
        {t("documents.programmeCase.download")}
      </Link>
    </Fieldset>
  );
}

/** The action plan in the seed's form, with a period's progress when one is chosen. */
export function ActionPlanDownload({ planId }: { planId: number }) {
  const t = useT();
  const [period, setPeriod] = useState("");
  const valid = period.trim() === "" || /^\d{4}(-T[1-3]|-(0[1-9]|1[0-2]))?$/.test(period.trim());
  return (
    <Fieldset className="programme-document-download">
      <Fieldset.Legend>{t("documents.actionPlan.heading")}</Fieldset.Legend>
      <Textfield
        label={t("documents.actionPlan.period")}
        description={t("documents.actionPlan.periodHelp")}
        maxLength={20}
        value={period}
        onChange={(event) => setPeriod(event.target.value)}
        error={valid ? undefined : t("documents.actionPlan.periodInvalid")}
      />
      {valid && (
        <Link href={programmeDocumentUrls.actionPlan(planId, period)} download>
          {t("documents.actionPlan.download")}
        </Link>
      )}
    </Fieldset>
  );
}
