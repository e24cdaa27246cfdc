import { Heading, Table } from "@digdir/designsystemet-react";
import type { Colour, SummaryTable, SummaryTables as Tables } from "../../api/scorecards.ts";
import { formatDate } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";
import { formatShare } from "./format.ts";
import { isYearEndPeriod } from "./periods.ts";
import { ColourSymbol } from "./StatusTags.tsx";

const attainmentRowKey: Record<Colour, MessageKey> = {
  green: "scorecard.summary.attainment.green",
  yellow: "scorecard.summary.attainment.yellow",
  red: "scorecard.summary.attainment.red",
  grey: "scorecard.summary.attainment.grey",
};

const trendRowKey: Record<Colour, MessageKey> = {
  green: "scorecard.summary.trend.green",
  yellow: "scorecard.summary.trend.yellow",
  red: "scorecard.summary.trend.red",
  grey: "scorecard.summary.trend.grey",
};

/** `13/27 (48,1 %)`, allowed to break only before the parenthesis, so a narrow column stays whole. */
function ShareText({ text }: { text: string }) {
  const at = text.indexOf(" (");
  if (at === -1) return <span className="share-part">{text}</span>;
  return (
    <>
      <span className="share-part">{text.slice(0, at)}</span>{" "}
      <span className="share-part">{text.slice(at + 1)}</span>
    </>
  );
}

function SummaryTableView({
  table,
  caption,
  kind,
  columns,
}: {
  table: SummaryTable;
  caption: string;
  kind: "attainment" | "trend";
  columns: Tables["columns"];
}) {
  const { t, locale } = useLocale();
  // The year-end column is the annual report's ("Årlig melding"); tertials keep the seed's `T1-2024`.
  const columnLabel = (period: string, label: string) =>
    isYearEndPeriod(period) ? t("scorecard.summary.yearEnd") : label;
  const rowKeys = kind === "attainment" ? attainmentRowKey : trendRowKey;
  return (
    <ScrollRegion label={caption}>
      <Table border data-size="sm" className="summary-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">
              {kind === "attainment" ? t("scorecard.column.attainment") : t("scorecard.column.trend")}
            </Table.HeaderCell>
            {table.columns.map((column, index) => {
              const source = columns[index];
              return (
                <Table.HeaderCell scope="col" key={column.period} className="numeric">
                  {columnLabel(column.period, column.label)}
                  <span className="cell-note">
                    {source?.source === "published"
                      ? t("scorecard.summary.published", {
                          date: formatDate(source.extractedAt.slice(0, 10), locale),
                        })
                      : t("scorecard.summary.live")}
                  </span>
                </Table.HeaderCell>
              );
            })}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {table.rows.map((row) => (
            <Table.Row key={row.colour}>
              <Table.HeaderCell scope="row">
                <ColourSymbol colour={row.colour} kind={kind} /> {t(rowKeys[row.colour])}
              </Table.HeaderCell>
              {row.cells.map((cell, index) => (
                <Table.Cell key={table.columns[index]?.period ?? index} className="numeric">
                  <ShareText text={formatShare(cell, locale)} />
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

/** Tabell 1 (attainment) and Tabell 2 (trend) at T1, T2 and year end, as in the annual report. */
export function SummaryTables({ tables }: { tables: Tables }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="summary-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="summary-heading">
        {t("scorecard.summary.heading", { year: tables.year })}
      </Heading>
      <div className="summary-grid">
        <SummaryTableView
          table={tables.attainment}
          columns={tables.columns}
          kind="attainment"
          caption={t("scorecard.summary.table1", { year: tables.year })}
        />
        <SummaryTableView
          table={tables.trend}
          columns={tables.columns}
          kind="trend"
          caption={t("scorecard.summary.table2", { year: tables.year })}
        />
      </div>
    </section>
  );
}
