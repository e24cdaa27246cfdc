import { Card, Heading, Paragraph, Spinner, Table, Tag } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { type Round, useRounds } from "../../api/reporting.ts";
import type { SteeringDocument } from "../../api/steering.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { overdueIcon, periodLabel } from "../answers/labels.tsx";
import { OpenRoundForm } from "./OpenRoundForm.tsx";

/** A published document's reporting rounds with their progress, and opening a new round. */
export function RoundsSection({ document }: { document: SteeringDocument }) {
  const { t, locale } = useLocale();
  const rounds = useRounds(document.id);
  return (
    <section aria-labelledby="rounds-heading">
      <Heading level={2} data-size="sm" id="rounds-heading">
        {t("steering.rounds.title")}
      </Heading>
      {rounds.isPending && <Spinner aria-label={t("common.loading")} data-size="sm" />}
      <ProblemAlert error={rounds.error} headingLevel={3} />
      {rounds.data && rounds.data.length === 0 && <Paragraph>{t("steering.rounds.none")}</Paragraph>}
      {rounds.data && rounds.data.length > 0 && (
        <ScrollRegion label={t("steering.rounds.title")}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("steering.rounds.period")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("steering.rounds.deadline")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("rounds.state")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("steering.rounds.progress")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("answers.overdue")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rounds.data.map((round: Round) => (
                <Table.Row key={round.id}>
                  <Table.Cell>
                    <RouterLink to="/rounds/$roundId" params={{ roundId: String(round.id) }}>
                      {periodLabel(round.period, t)}
                    </RouterLink>
                  </Table.Cell>
                  <Table.Cell>{formatDate(round.deadline, locale)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={round.state === "open" ? "success" : "neutral"} data-size="sm">
                      {t(`rounds.state.${round.state}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {round.counts
                      ? t("steering.rounds.approvedOf", {
                          approved: round.counts.byState.approved,
                          total: round.counts.total,
                        })
                      : t("common.none")}
                  </Table.Cell>
                  <Table.Cell>
                    {round.counts && round.counts.overdue > 0 ? (
                      <strong>
                        <span aria-hidden="true">{overdueIcon}</span> {round.counts.overdue}
                      </strong>
                    ) : (
                      (round.counts?.overdue ?? 0)
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {document.can.manageRounds && rounds.data && (
        <Card className="subcard">
          <Heading level={3} data-size="xs">
            {t("steering.rounds.openTitle")}
          </Heading>
          <OpenRoundForm documentId={document.id} year={document.year} rounds={rounds.data} />
        </Card>
      )}
    </section>
  );
}
