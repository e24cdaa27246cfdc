import { Heading, Spinner, Table } from "@digdir/designsystemet-react";
import { type RiskScale, useRiskAssessmentVersions } from "../../api/risk.ts";
import { formatDateTime } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { hasMessage, useLocale } from "../../i18n/i18n.tsx";
import { StateTag } from "../answers/labels.tsx";
import { LevelBadge } from "./RiskLabels.tsx";
import { levelByKey } from "./riskLevels.ts";

/** Every saved version of an assessment, newest first. */
export function RiskHistory({ assessmentId, scale }: { assessmentId: number; scale: RiskScale }) {
  const { t, locale } = useLocale();
  const versions = useRiskAssessmentVersions(assessmentId);
  const actionName = (action: string) => {
    const key = `risk.action.${action}`;
    return hasMessage(key) ? t(key) : action;
  };
  return (
    <section aria-labelledby="risk-history-heading" className="answer-history">
      <Heading level={2} data-size="sm" id="risk-history-heading">
        {t("risk.history.title")}
      </Heading>
      {versions.isPending && <Spinner aria-label={t("common.loading")} data-size="sm" />}
      <ProblemAlert error={versions.error} headingLevel={3} />
      {versions.data && (
        <ScrollRegion label={t("risk.history.title")}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("risk.history.version")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.history.action")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.history.level")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.history.state")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.history.by")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.history.at")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("risk.history.comment")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {[...versions.data].reverse().map((version) => (
                <Table.Row key={version.version}>
                  <Table.Cell>{version.version}</Table.Cell>
                  <Table.Cell>{actionName(version.action)}</Table.Cell>
                  <Table.Cell>
                    <LevelBadge level={levelByKey(scale, version.level)} />
                  </Table.Cell>
                  <Table.Cell>
                    <StateTag state={version.state} />
                  </Table.Cell>
                  <Table.Cell>{version.actorName}</Table.Cell>
                  <Table.Cell className="nowrap">
                    <time dateTime={version.at}>{formatDateTime(version.at, locale)}</time>
                  </Table.Cell>
                  <Table.Cell className="preserve-lines">{version.comment ?? t("common.none")}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
