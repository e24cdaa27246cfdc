import { Button, Heading, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { type OverdueList, useOverdue, useRoundOverdue } from "../../api/reporting.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { AnswerBadges, periodLabel } from "../answers/labels.tsx";
import { WorkItemLink } from "./WorkItemLink.tsx";

const pageSize = 25;

/** Answers past their round's deadline and not approved: one round's, or every open round's. */
export function OverdueTable({ roundId, headingLevel }: { roundId?: number; headingLevel: 2 | 3 }) {
  const roundList = useRoundOverdue(roundId ?? 0, roundId !== undefined);
  const allList = useOverdue(roundId === undefined);
  const list = roundId === undefined ? allList : roundList;
  return (
    <OverdueView
      list={list.data}
      error={list.error}
      pending={list.isPending}
      headingLevel={headingLevel}
      showRound={roundId === undefined}
    />
  );
}

function OverdueView({
  list,
  error,
  pending,
  headingLevel,
  showRound,
}: {
  list: OverdueList | undefined;
  error: unknown;
  pending: boolean;
  headingLevel: 2 | 3;
  showRound: boolean;
}) {
  const { t, locale } = useLocale();
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const items = list?.items ?? [];
  const shown = showAll ? items : items.slice(0, pageSize);
  return (
    <section aria-labelledby={headingId} className="overdue">
      <Heading level={headingLevel} data-size="sm" id={headingId}>
        {list ? t("rounds.overdueHeadingCount", { count: list.count }) : t("rounds.overdueHeading")}
      </Heading>
      {pending && <Spinner aria-label={t("common.loading")} data-size="sm" />}
      <ProblemAlert error={error} headingLevel={headingLevel === 2 ? 3 : 4} />
      {list && items.length === 0 && <Paragraph>{t("rounds.overdueNone")}</Paragraph>}
      {items.length > 0 && (
        <>
          <ScrollRegion label={t("rounds.overdueHeading")}>
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("inbox.column.requirement")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.column.unit")}</Table.HeaderCell>
                  {showRound && <Table.HeaderCell scope="col">{t("inbox.column.round")}</Table.HeaderCell>}
                  <Table.HeaderCell scope="col">{t("inbox.column.deadline")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("rounds.daysLate")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("inbox.column.answer")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.map((item) => (
                  <Table.Row key={item.answerId}>
                    <Table.Cell>
                      <WorkItemLink item={item} />
                    </Table.Cell>
                    <Table.Cell>
                      {item.unit.name}
                      {item.kind === "consolidated" && ` (${t("rounds.consolidatedColumn")})`}
                    </Table.Cell>
                    {showRound && (
                      <Table.Cell>
                        {item.document.title}, {periodLabel(item.round.period, t)}
                      </Table.Cell>
                    )}
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
          {items.length > pageSize && (
            <div>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                aria-expanded={showAll}
                onClick={() => setShowAll((current) => !current)}
              >
                {showAll ? t("rounds.overdueShowFewer") : t("rounds.overdueShowAll", { count: items.length })}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
