import { Alert, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { Link } from "@tanstack/react-router";
import { type ScorecardRow, useIndicatorBreakdown } from "../../api/scorecards.ts";
import type { Unit } from "../../api/types.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { periodName } from "../scorecard/format.ts";
import { periodSearch } from "../scorecard/periods.ts";
import { ScorecardTable } from "../scorecard/ScorecardTable.tsx";

/** The period's figures for the unit and each unit below it, with links to drill down. */
export function BreakdownSection({
  indicatorId,
  unit,
  period,
  onDrill,
}: {
  indicatorId: number;
  unit: Unit;
  period: string;
  onDrill: (unitId: number) => void;
}) {
  const { t, locale } = useLocale();
  const breakdown = useIndicatorBreakdown(indicatorId, unit.id, period);
  const data = breakdown.data;
  type Entry = { key: string; label: string; note: string | null; unitId: number | null; row: ScorecardRow };
  const entries: Entry[] = data
    ? [
        {
          key: "total",
          label: data.unit.name,
          note: t("indicators.breakdown.total"),
          unitId: null,
          row: data.total,
        },
        ...(data.own
          ? [
              {
                key: "own",
                label: data.unit.name,
                note: t("indicators.breakdown.own"),
                unitId: null,
                row: data.own,
              },
            ]
          : []),
        ...data.children.map((child) => ({
          key: `unit-${child.unit.id}`,
          label: child.unit.name,
          note: child.unit.code,
          unitId: child.unit.id,
          row: child.row,
        })),
      ]
    : [];
  const rowOf = new Map(entries.map((entry) => [entry.row, entry]));
  return (
    <section aria-labelledby="breakdown-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="breakdown-heading">
        {t("indicators.breakdown.heading", { period: periodName(period, locale, t) })}
      </Heading>
      <Paragraph data-size="sm" className="page-intro">
        {t("indicators.breakdown.intro")}
      </Paragraph>
      {breakdown.isPending && <Spinner aria-label={t("common.loading")} />}
      {breakdown.isError && <ProblemAlert error={breakdown.error} />}
      {data && data.children.length === 0 && (
        <Alert data-color="info">{t("indicators.breakdown.noChildren", { unit: data.unit.name })}</Alert>
      )}
      {data && (
        <ScorecardTable
          rows={entries.map((entry) => entry.row)}
          caption={t("indicators.breakdown.caption", {
            unit: data.unit.name,
            period: periodName(period, locale, t),
          })}
          firstColumnLabel={t("indicators.breakdown.unit")}
          rowKey={(row) => `breakdown-${rowOf.get(row)?.key ?? "x"}`}
          rowHeading={(row) => {
            const entry = rowOf.get(row);
            if (!entry) return null;
            return (
              <>
                {entry.unitId === null ? (
                  entry.label
                ) : (
                  <Link
                    to="/indicators/$id"
                    params={{ id: String(indicatorId) }}
                    search={{ unit: entry.unitId, ...periodSearch(period) }}
                    onClick={(event) => {
                      // A plain click drills in; modified clicks open a new tab as usual.
                      if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                      event.preventDefault();
                      onDrill(entry.unitId as number);
                    }}
                  >
                    {entry.label}
                  </Link>
                )}
                {entry.note && <span className="cell-note">{entry.note}</span>}
              </>
            );
          }}
        />
      )}
    </section>
  );
}
