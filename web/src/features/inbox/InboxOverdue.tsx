import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Inbox } from "../../api/reporting.ts";
import { formatDate } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { AnswerBadges, periodLabel } from "../answers/labels.tsx";
import { WorkItemLink } from "../rounds/WorkItemLink.tsx";

/**
 * The late ones of the person's own work, from the inbox's own list: the summary's count is this
 * list's length, so the two always agree. Late answers elsewhere are on the start page.
 */
export function InboxOverdue({ items }: { items: Inbox["overdue"] }) {
  const { t, locale } = useLocale();
  const title = t("inbox.overdueHeading", { count: items.length });
  return (
    <section aria-labelledby="inbox-overdue-heading">
      <Heading level={2} data-size="sm" id="inbox-overdue-heading">
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t("inbox.overdueEmpty")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t("inbox.overdueIntro")}</Paragraph>
          <ScrollRegion label={title}>
            <Table data-size="sm" zebra className="work-table">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("inbox.column.requirement")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.column.unit")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.column.round")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.column.deadline")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.column.daysLate")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.column.answer")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((item) => (
                  <Table.Row key={item.answerId}>
                    <Table.Cell>
                      <WorkItemLink item={item} />
                    </Table.Cell>
                    <Table.Cell>
                      {item.unit.name}
                      {item.kind === "consolidated" && ` (${t("rounds.consolidatedColumn")})`}
                    </Table.Cell>
                    <Table.Cell>
                      {item.document.title}, {periodLabel(item.round.period, t)}
                    </Table.Cell>
                    <Table.Cell className="nowrap">{formatDate(item.round.deadline, locale)}</Table.Cell>
                    <Table.Cell>{t("rounds.days", { count: item.daysOverdue })}</Table.Cell>
                    <Table.Cell>
                      <AnswerBadges status={item.status} state={item.state} />
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
