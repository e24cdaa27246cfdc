import { Heading, Link, Paragraph, Table } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { Link as RouterLink } from "@tanstack/react-router";
import type { RiskWorkView } from "../../../../src/features/risk/schema.ts";
import { api } from "../../api/client.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { periodLabel } from "../answers/labels.tsx";

/** The person's risk assessments to write or approve, a line per round and unit, linking to the round's risk page. */
export function InboxRisk() {
  const { t } = useLocale();
  const work = useQuery({
    queryKey: ["risk", "work"],
    queryFn: () => api.get<RiskWorkView>("/api/risk-assessments/work"),
  });
  const rows = work.data ?? [];
  if (work.isPending || work.isError) return null;
  const total = rows.reduce((sum, row) => sum + row.toWrite + row.toApprove, 0);
  return (
    <section aria-labelledby="risk-work-heading">
      <Heading level={2} data-size="sm" id="risk-work-heading">
        {t("inbox.risk.heading", { count: total })}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t("inbox.risk.empty")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t("inbox.risk.intro")}</Paragraph>
          <ScrollRegion label={t("inbox.risk.heading", { count: total })}>
            <Table data-size="sm" zebra className="work-table">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("inbox.risk.column.round")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.risk.column.unit")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.risk.column.toWrite")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.risk.column.toApprove")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((row) => (
                  <Table.Row key={`${row.round.id}-${row.unit.id}`}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to="/rounds/$roundId/risk" params={{ roundId: String(row.round.id) }}>
                          {row.document.title}, {periodLabel(row.round.period, t)}
                        </RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{row.unit.name}</Table.Cell>
                    <Table.Cell>
                      <strong>{row.toWrite}</strong>
                      {row.carriedForward > 0 && (
                        <> · {t("inbox.risk.carried", { count: row.carriedForward })}</>
                      )}
                      {row.returned > 0 && <> · {t("inbox.risk.returned", { count: row.returned })}</>}
                    </Table.Cell>
                    <Table.Cell>
                      <strong>{row.toApprove}</strong>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
