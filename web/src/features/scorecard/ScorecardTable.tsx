import { Button, Table } from "@digdir/designsystemet-react";
import { Link } from "@tanstack/react-router";
import { Fragment, type ReactNode, useState } from "react";
import { indicatorName } from "../../api/indicators.ts";
import type { ScorecardRow, WindowView } from "../../api/scorecards.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { FigureExplanation } from "./FigureExplanation.tsx";
import { describeRowTarget, formatFigure, judgedKindOf, judgedWindowText } from "./format.ts";
import { periodSearch } from "./periods.ts";
import { AttainmentTag, TrendTag } from "./StatusTags.tsx";

const columnCount = 9;

/** A figure, or a dash that a screen reader reads as "no data". */
export function Figure({ window, decimals }: { window: WindowView; decimals: number }) {
  const { t, locale } = useLocale();
  const figure = formatFigure(window, decimals, locale);
  if (figure === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{t("scorecard.noData")}</span>
      </>
    );
  }
  if (window.state === "too_few") {
    return <abbr title={t("scorecard.tooFewTitle")}>{figure}</abbr>;
  }
  return <>{figure}</>;
}

/** The figure the target is checked on, with its window named: "352,6" over "Siste 12 mnd mai 2024–apr 2025". */
export function JudgedFigure({ row }: { row: ScorecardRow }) {
  const { t, locale } = useLocale();
  return (
    <>
      <strong>
        <Figure window={row.evaluated} decimals={row.indicator.decimals} />
      </strong>
      <span className="cell-note">{judgedWindowText(judgedKindOf(row), row.evaluated, locale, t)}</span>
    </>
  );
}

export function TargetText({ row }: { row: ScorecardRow }) {
  const { t, locale } = useLocale();
  const target = describeRowTarget(row.target, row.attainment, {
    unitLabel: row.indicator.unitLabel,
    direction: row.indicator.direction,
    decimals: row.indicator.decimals,
    locale,
    t,
    year: row.targetYear,
  });
  if (!target) return <span className="muted">{t("scorecard.noTarget")}</span>;
  return (
    <>
      {target.rule}
      {target.computed && <span className="cell-note">{target.computed}</span>}
    </>
  );
}

type ScorecardTableProps = {
  rows: ScorecardRow[];
  caption: string;
  /** The first column: the indicator's name linking to its page, or a child unit's name. */
  rowHeading: (row: ScorecardRow) => ReactNode;
  rowKey: (row: ScorecardRow) => string;
  firstColumnLabel: string;
};

/**
 * Scorecard rows: the figure judged (on the indicator's evaluation basis, its window named), this
 * period, year to date, last year to date, target, attainment and trend,
 * each with a button that opens how the figures were computed in a row below.
 */
export function ScorecardTable({ rows, caption, rowHeading, rowKey, firstColumnLabel }: ScorecardTableProps) {
  const { t } = useLocale();
  return (
    <ScrollRegion label={caption}>
      <Table border className="scorecard-table" data-size="sm">
        <caption className="sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col" className="scorecard-table__name">
              {firstColumnLabel}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric scorecard-table__judged">
              {t("scorecard.column.judged")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("scorecard.column.thisPeriod")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("scorecard.column.yearToDate")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("scorecard.column.lastYearToDate")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="scorecard-table__target">
              {t("scorecard.column.target")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("scorecard.column.attainment")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("scorecard.column.trend")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("scorecard.column.calculation")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <ScorecardTableRow key={rowKey(row)} row={row} heading={rowHeading(row)} id={rowKey(row)} />
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

function ScorecardTableRow({ row, heading, id }: { row: ScorecardRow; heading: ReactNode; id: string }) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const detailsId = `calc-${id}`;
  const name = indicatorName(row.indicator, locale);
  const { decimals } = row.indicator;
  return (
    <Fragment>
      <Table.Row>
        <Table.HeaderCell scope="row" className="scorecard-table__name">
          {heading}
        </Table.HeaderCell>
        <Table.Cell className="numeric scorecard-table__judged">
          <JudgedFigure row={row} />
        </Table.Cell>
        <Table.Cell className="numeric">
          <Figure window={row.thisPeriod} decimals={decimals} />
        </Table.Cell>
        <Table.Cell className="numeric">
          <Figure window={row.yearToDate} decimals={decimals} />
        </Table.Cell>
        <Table.Cell className="numeric">
          <Figure window={row.lastYearToDate} decimals={decimals} />
        </Table.Cell>
        <Table.Cell>
          <TargetText row={row} />
        </Table.Cell>
        <Table.Cell>
          <AttainmentTag colour={row.attainment.colour} reason={row.attainment.reason} />
        </Table.Cell>
        <Table.Cell>
          <TrendTag trend={row.trend} />
        </Table.Cell>
        <Table.Cell>
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t("scorecard.showCalculationFor", { name })}
            onClick={() => setOpen((current) => !current)}
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
            {t("scorecard.showCalculationShort")}
          </Button>
        </Table.Cell>
      </Table.Row>
      <Table.Row id={detailsId} hidden={!open} className="scorecard-table__details">
        <Table.Cell colSpan={columnCount}>{open && <FigureExplanation row={row} />}</Table.Cell>
      </Table.Row>
    </Fragment>
  );
}

/** The indicator's name linking to its page, with its code and unit label beneath. */
export function IndicatorHeading({ row, to }: { row: ScorecardRow; to: { unitId: number; period: string } }) {
  const { locale } = useLocale();
  return (
    <>
      <Link
        to="/indicators/$id"
        params={{ id: String(row.indicator.id) }}
        search={{ unit: to.unitId, ...periodSearch(to.period) }}
      >
        {indicatorName(row.indicator, locale)}
      </Link>
      <span className="cell-note">
        {row.indicator.code} · {row.indicator.unitLabel}
      </span>
    </>
  );
}
