import "../answers/reporting.css";
import { Alert, Card, Heading, Link, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { type ReturnedItem, useInbox, type WorkItem } from "../../api/reporting.ts";
import { formatDate, formatDateTime } from "../../components/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { AnswerBadges, overdueIcon, periodLabel, returnedIcon } from "../answers/labels.tsx";
import { WorkItemLink } from "../rounds/WorkItemLink.tsx";
import { InboxMeasures, InboxMeasuresCount } from "./InboxMeasures.tsx";
import { InboxOverdue } from "./InboxOverdue.tsx";
import { InboxRisk } from "./InboxRisk.tsx";

/**
 * The signed-in person's open work: answers returned to them, to write, and to approve; and the
 * late ones among them. Every count comes from the list it sums up.
 */
export function InboxPage() {
  const { t } = useLocale();
  const inbox = useInbox();

  return (
    <div className="page">
      <PageTitle>{t("inbox.title")}</PageTitle>
      <Paragraph className="page-intro">{t("inbox.intro")}</Paragraph>
      {inbox.isPending && <Spinner aria-label={t("common.loading")} />}
      <ProblemAlert error={inbox.error} headingLevel={2} />
      {inbox.data && (
        <>
          <Card data-color="neutral" className="inbox-summary">
            <Heading level={2} data-size="xs">
              {t("inbox.summaryHeading")}
            </Heading>
            <ul className="count-list">
              <li>
                <span aria-hidden="true">{returnedIcon}</span> {t("inbox.summary.returned")}:{" "}
                <strong>{inbox.data.counts.returned}</strong>
              </li>
              <li>
                <span aria-hidden="true">✎</span> {t("inbox.summary.toWrite")}:{" "}
                <strong>{inbox.data.counts.toWrite}</strong>
              </li>
              <li>
                <span aria-hidden="true">➤</span> {t("inbox.summary.toApprove")}:{" "}
                <strong>{inbox.data.counts.toApprove}</strong>
              </li>
              <li>
                <span aria-hidden="true">{overdueIcon}</span> {t("inbox.summary.overdue")}:{" "}
                <strong>{inbox.data.counts.overdue}</strong>
              </li>
              <InboxMeasuresCount />
            </ul>
          </Card>
          {!inbox.data.hasWorkRoles && <Alert data-color="info">{t("inbox.noWorkRolesStart")}</Alert>}

          <ReturnedList items={inbox.data.returned} />
          <WorkList
            id="to-write"
            title={t("inbox.toWriteHeading", { count: inbox.data.toWrite.length })}
            empty={t("inbox.toWriteEmpty")}
            items={inbox.data.toWrite}
          />
          <WorkList
            id="to-approve"
            title={t("inbox.toApproveHeading", { count: inbox.data.toApprove.length })}
            empty={t("inbox.toApproveEmpty")}
            items={inbox.data.toApprove}
          />
          <InboxRisk />
          <InboxMeasures />
          <InboxOverdue items={inbox.data.overdue} />
        </>
      )}
      <ul className="link-list">
        <li>
          <Link asChild>
            <RouterLink to="/start">{t("inbox.startLink")}</RouterLink>
          </Link>
        </li>
        <li>
          <Link asChild>
            <RouterLink to="/steering">{t("inbox.allDocuments")}</RouterLink>
          </Link>
        </li>
      </ul>
    </div>
  );
}

function Deadline({ item }: { item: WorkItem }) {
  const { t, locale } = useLocale();
  return (
    <>
      <span className="nowrap">{formatDate(item.round.deadline, locale)}</span>
      {item.overdue && (
        <>
          {" "}
          <strong className="overdue-flag">
            <span aria-hidden="true">{overdueIcon}</span> {t("answers.overdue")}
          </strong>
        </>
      )}
    </>
  );
}

function WorkList({
  id,
  title,
  empty,
  items,
}: {
  id: string;
  title: string;
  empty: string;
  items: WorkItem[];
}) {
  const { t } = useLocale();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Heading level={2} data-size="sm" id={`${id}-heading`}>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <ScrollRegion label={title}>
          <Table data-size="sm" zebra className="work-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("inbox.column.requirement")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("inbox.column.unit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("inbox.column.round")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("inbox.column.deadline")}</Table.HeaderCell>
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
                  <Table.Cell>
                    <Deadline item={item} />
                  </Table.Cell>
                  <Table.Cell>
                    <AnswerBadges status={item.status} state={item.state} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** Returned answers come first: someone is waiting for a better answer, and the comment says what. */
function ReturnedList({ items }: { items: ReturnedItem[] }) {
  const { t, locale } = useLocale();
  return (
    <section aria-labelledby="returned-heading">
      <Heading level={2} data-size="sm" id="returned-heading">
        {t("inbox.returnedHeading", { count: items.length })}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t("inbox.returnedEmpty")}</Paragraph>
      ) : (
        <ul className="returned-list">
          {items.map((item) => (
            <li key={item.answerId}>
              <Card className="returned-card">
                <Heading level={3} data-size="2xs">
                  <WorkItemLink item={item} />
                </Heading>
                <Paragraph data-size="sm">
                  {item.unit.name} · {item.document.title}, {periodLabel(item.round.period, t)} ·{" "}
                  {t("inbox.column.deadline")}: <Deadline item={item} />
                </Paragraph>
                <AnswerBadges status={item.status} state={item.state} returned />
                <blockquote className="return-quote">
                  <p className="preserve-lines">{item.returnComment}</p>
                  <footer>
                    {item.returnedBy && item.returnedAt
                      ? t("inbox.returnedBy", {
                          name: item.returnedBy,
                          time: formatDateTime(item.returnedAt, locale),
                        })
                      : t("inbox.returnedComment")}
                  </footer>
                </blockquote>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
