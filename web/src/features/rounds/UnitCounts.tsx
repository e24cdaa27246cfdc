import { Heading, Table } from "@digdir/designsystemet-react";
import { Fragment } from "react";
import { answerStates, type RoundMatrix } from "../../api/reporting.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/** The round's answers counted per unit. */
export function UnitCounts({ data }: { data: RoundMatrix }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="unit-counts-heading">
      <Heading level={2} data-size="sm" id="unit-counts-heading">
        {t("rounds.perUnit")}
      </Heading>
      <ScrollRegion label={t("rounds.perUnit")}>
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("rounds.unit")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("rounds.total")}</Table.HeaderCell>
              {answerStates.map((state) => (
                <Table.HeaderCell key={state} scope="col">
                  {t(`answers.state.${state}`)}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col">{t("answers.returned")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("answers.overdue")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.units.map((unit) => (
              <Fragment key={unit.id}>
                <Table.Row>
                  <Table.HeaderCell scope="row">
                    {unit.name}
                    {unit.consolidated && ` (${t("rounds.consolidatedColumn")})`}
                  </Table.HeaderCell>
                  <Table.Cell>{unit.counts.total}</Table.Cell>
                  {answerStates.map((state) => (
                    <Table.Cell key={state}>{unit.counts.byState[state]}</Table.Cell>
                  ))}
                  <Table.Cell>{unit.counts.returned}</Table.Cell>
                  <Table.Cell>{unit.counts.overdue}</Table.Cell>
                </Table.Row>
              </Fragment>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </section>
  );
}
