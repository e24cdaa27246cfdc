import { Button, Details, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { type MailStatus, useSentMail } from "../../api/notifications.ts";
import { formatDateTime } from "../../components/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import "./notifications.css";

const statuses = ["queued", "sent", "failed"] as const satisfies readonly MailStatus[];

/** The log of mail Tertial has sent, for system administrators (the server refuses anyone else). */
export function SentMailPage() {
  const { t, locale } = useLocale();
  const [status, setStatus] = useState<MailStatus | undefined>(undefined);
  const mail = useSentMail(status);
  const mails = mail.data?.pages.flatMap((page) => page.mails) ?? [];

  return (
    <div className="page mail-log">
      <PageTitle>{t("mail.title")}</PageTitle>
      <Paragraph className="page-intro">{t("mail.intro")}</Paragraph>
      <div className="notifications-actions">
        <SelectField
          label={t("mail.filter")}
          value={status ?? ""}
          onChange={(event) => setStatus((event.target.value || undefined) as MailStatus | undefined)}
        >
          <option value="">{t("mail.filter.all")}</option>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`mail.status.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ProblemAlert error={mail.error} headingLevel={2} />
      {mail.isPending && <Spinner aria-label={t("common.loading")} />}
      {mail.data && mails.length === 0 && <Paragraph>{t("mail.empty")}</Paragraph>}
      {mails.length > 0 && (
        <ScrollRegion label={t("mail.caption")}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("mail.col.time")}</Table.HeaderCell>
                <Table.HeaderCell>{t("mail.col.recipient")}</Table.HeaderCell>
                <Table.HeaderCell>{t("mail.col.subject")}</Table.HeaderCell>
                <Table.HeaderCell>{t("mail.col.status")}</Table.HeaderCell>
                <Table.HeaderCell>{t("mail.col.attempts")}</Table.HeaderCell>
                <Table.HeaderCell>{t("mail.col.sentAt")}</Table.HeaderCell>
                <Table.HeaderCell>{t("mail.col.error")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {mails.map((row) => (
                <Table.Row key={row.id}>
                  <Table.Cell>{formatDateTime(row.createdAt, locale)}</Table.Cell>
                  <Table.Cell>{row.recipient}</Table.Cell>
                  <Table.Cell>
                    <Details>
                      <Details.Summary>{row.subject}</Details.Summary>
                      <Details.Content>
                        <pre>{row.text}</pre>
                      </Details.Content>
                    </Details>
                  </Table.Cell>
                  <Table.Cell>{t(`mail.status.${row.status}`)}</Table.Cell>
                  <Table.Cell>{row.attempts}</Table.Cell>
                  <Table.Cell>{row.sentAt ? formatDateTime(row.sentAt, locale) : "–"}</Table.Cell>
                  <Table.Cell>{row.lastError ?? "–"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {mail.hasNextPage && (
        <Button
          type="button"
          variant="tertiary"
          onClick={() => mail.fetchNextPage()}
          loading={mail.isFetchingNextPage}
        >
          {t("mail.more")}
        </Button>
      )}
    </div>
  );
}
