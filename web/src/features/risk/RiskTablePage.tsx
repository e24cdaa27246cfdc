import "../answers/reporting.css";
import "./risk.css";
import "./riskTable.css";
import { Link as DsLink, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useRiskTable } from "../../api/risk.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { ChangeText, LevelCell } from "./RiskLabels.tsx";
import { changeCountParts, levelByKey, shortPeriod } from "./riskLevels.ts";

const tableRoute = getRouteApi("/app/steering/$documentId/risk");

/**
 * Tabell 3 in seed 003's form: area, goal, the issuer's overall assessment in the earlier and the
 * later period, and the change; under it the counts, "4 forbedret, 10 uendret, 1 forverret".
 */
export function RiskTablePage() {
  const { t } = useLocale();
  const { documentId } = tableRoute.useParams();
  const table = useRiskTable(Number(documentId));

  const crumbs = (title: string | null) => (
    <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
      <RouterLink to="/steering">{t("steering.title")}</RouterLink>
      {title && (
        <>
          <span aria-hidden="true"> › </span>
          <RouterLink to="/steering/$documentId" params={{ documentId }}>
            {title}
          </RouterLink>
        </>
      )}
    </nav>
  );

  if (table.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (table.isError) {
    return (
      <div className="page">
        {crumbs(null)}
        <PageTitle>{t("risk.table.titlePlain")}</PageTitle>
        <ProblemAlert error={table.error} headingLevel={2} />
      </div>
    );
  }
  const data = table.data;
  const from = shortPeriod(data.from);
  const to = shortPeriod(data.to);
  const counts = changeCountParts(data.counts)
    .map(({ change, count }) => t(`risk.table.count.${change}`, { count }))
    .join(", ");

  return (
    <div className="page risk-page">
      {crumbs(data.title)}
      <PageTitle>{t("risk.table.title", { from, to })}</PageTitle>
      <Paragraph className="page-intro">
        {t("risk.table.intro", { issuer: data.issuer.name, from, to })}
      </Paragraph>
      <p className="round-downloads">
        <DsLink href={`/api/steering-documents/${data.documentId}/risk-table.xlsx`} download>
          <span aria-hidden="true">⤓</span> {t("risk.table.download")}
        </DsLink>
      </p>
      {data.rows.length === 0 ? (
        <Paragraph>{t("risk.table.none")}</Paragraph>
      ) : (
        <>
          <ScrollRegion label={t("risk.table.caption", { from, to })}>
            <Table data-size="sm" className="risk-table">
              <caption className="visually-hidden">{t("risk.table.caption", { from, to })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col" className="risk-table__area">
                    {t("risk.table.area")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="risk-table__goal">
                    {t("risk.table.goal")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="risk-table__period">
                    <span className="risk-table__overall-word">{t("risk.table.overall")} </span>
                    {from}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="risk-table__period">
                    <span className="risk-table__overall-word">{t("risk.table.overall")} </span>
                    {to}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="risk-table__change">
                    {t("risk.table.change")}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.rows.map((row) => (
                  <Table.Row key={row.requirementId}>
                    <Table.Cell className="risk-table__area">{row.area ?? t("risk.noArea")}</Table.Cell>
                    <Table.HeaderCell scope="row" className="risk-table__goal">
                      <span className="risk-table__area-inline">{row.area ?? t("risk.noArea")}</span>
                      {row.goal}
                      {!row.approved && (
                        <span className="risk-table__pending">{t("risk.table.notApproved")}</span>
                      )}
                    </Table.HeaderCell>
                    <LevelCell level={levelByKey(data.scale, row.fromLevel)} />
                    <LevelCell level={levelByKey(data.scale, row.toLevel)} />
                    <Table.Cell className="risk-table__change">
                      <ChangeText change={row.change} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
          <Paragraph className="risk-table__counts">
            <strong>{t("risk.table.countsLead", { from, to })}</strong> {counts}.
          </Paragraph>
        </>
      )}
    </div>
  );
}
