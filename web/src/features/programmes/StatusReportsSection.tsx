import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { Link as RouterLink, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useCreateStatusReport, useStatusReports } from "../../api/programmes.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { ColourBadge, stateWord } from "./programmeWords.tsx";

/** A programme's status reports, latest first, and (for its editors) a new one for a period. */
export function StatusReportsSection({
  programmeId,
}: {
  programmeId: number;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const reports = useStatusReports(programmeId);
  const create = useCreateStatusReport(programmeId);
  const navigate = useNavigate();
  const [period, setPeriod] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { period },
      {
        onSuccess: (report) =>
          void navigate({
            to: "/programmes/$id/status-reports/$reportId",
            params: { id: String(programmeId), reportId: String(report.id) },
          }),
      },
    );
  };
  return (
    <section aria-labelledby="programme-reports">
      <Heading level={2} data-size="sm" id="programme-reports">
        {t("programmes.reports")}
      </Heading>
      <ProblemAlert error={reports.error} headingLevel={3} />
      {reports.data && reports.data.reports.length === 0 && (
        <Paragraph>{t("programmes.reports.none")}</Paragraph>
      )}
      {reports.data && reports.data.reports.length > 0 && (
        <ul className="programme-reports">
          {reports.data.reports.map((report) => (
            <li key={report.id}>
              <RouterLink
                to="/programmes/$id/status-reports/$reportId"
                params={{ id: String(programmeId), reportId: String(report.id) }}
              >
                {t("programmes.reports.open", { period: report.period })}
              </RouterLink>
              {": "}
              {stateWord(report.state, t)}
              {", "}
              <ColourBadge colour={report.overallColour} t={t} label={t("programmes.aspect.overall")} />
            </li>
          ))}
        </ul>
      )}
      {reports.data?.can.create && (
        <form className="programme-form" onSubmit={submit} aria-label={t("programmes.reports.new")}>
          <Heading level={3} data-size="xs">
            {t("programmes.reports.new")}
          </Heading>
          <Textfield
            label={t("programmes.reports.period")}
            description={t("programmes.reports.periodHelp")}
            value={period}
            onChange={(event) => setPeriod(event.target.value)}
            error={fieldError(create.error, "period")}
          />
          <ProblemAlert
            error={create.error}
            headingLevel={4}
            labelFor={() => t("programmes.reports.period")}
          />
          <div className="programme-actions">
            <Button type="submit" variant="secondary" loading={create.isPending}>
              {t("programmes.reports.create")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
