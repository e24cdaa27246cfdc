import { Heading, Link, Paragraph, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { type MeasureListItem, useMeasuresNeedingAttention } from "../../api/measures.ts";
import { formatDate } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { usePhaseStatus } from "../measures/MeasureLabels.tsx";

/** Why a measure is in the inbox, in words: past its deadline since a day, reported delayed, or both. */
function useReasons() {
  const { t, locale } = useLocale();
  return (item: MeasureListItem) =>
    [
      item.overdue && item.deadline
        ? t("measures.inbox.overdueSince", { date: formatDate(item.deadline, locale) })
        : null,
      item.status === "delayed" ? t("measures.inbox.delayed") : null,
    ]
      .filter(Boolean)
      .join(". ");
}

/** The inbox summary's line for measures; the count is the list's own, so the two agree. */
export function InboxMeasuresCount() {
  const { t } = useLocale();
  const measures = useMeasuresNeedingAttention();
  if (!measures.data) return null;
  return (
    <li>
      <span aria-hidden="true">◆</span> {t("measures.inbox.summary")}: <strong>{measures.data.total}</strong>
    </li>
  );
}

/**
 * The person's measures that are past their deadline or reported delayed: those they own, and
 * those of units where they are an editor (GET /api/measures/attention decides which).
 */
export function InboxMeasures() {
  const { t } = useLocale();
  const measures = useMeasuresNeedingAttention();
  const words = usePhaseStatus();
  const reasons = useReasons();
  if (!measures.data) return null;
  const { items, total } = measures.data;
  const title = t("measures.inbox.heading", { count: total });
  return (
    <section aria-labelledby="inbox-measures-heading">
      <Heading level={2} data-size="sm" id="inbox-measures-heading">
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t("measures.inbox.empty")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t("measures.inbox.intro")}</Paragraph>
          <ScrollRegion label={title}>
            <Table data-size="sm" zebra className="work-table">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("measures.col.title")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.unit")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.owner")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.deadline")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">
                    {t("measures.col.phase")}, {t("measures.col.status").toLowerCase()}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.inbox.why")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((item) => (
                  <Table.Row key={item.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to="/measures/$id" params={{ id: String(item.id) }}>
                          {item.title}
                        </RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{item.unit.name}</Table.Cell>
                    <Table.Cell>
                      {[item.ownerName, item.ownerRole].filter(Boolean).join(", ") || t("measures.noOwner")}
                    </Table.Cell>
                    <Table.Cell className="nowrap">{words.date(item.deadline)}</Table.Cell>
                    <Table.Cell>
                      {words.phase(item.phase)}, {words.status(item.status).toLowerCase()}
                    </Table.Cell>
                    <Table.Cell>
                      <strong>{reasons(item)}</strong>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
          {total > items.length && (
            <Paragraph data-size="sm">
              <Link asChild>
                <RouterLink to="/measures">
                  {t("measures.inbox.more", { shown: items.length, total })}
                </RouterLink>
              </Link>
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}
