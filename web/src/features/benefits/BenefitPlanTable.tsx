import { Button, Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import type { BenefitPlan, BenefitPlanRow } from "../../api/benefits.ts";
import { formatDate } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { formatShare, formatValue } from "./benefitWords.ts";

/** Where a benefit stands on the day, in words: behind plan, on plan, not measured, or described. */
function StatusCell({ row }: { row: BenefitPlanRow }) {
  const { t } = useLocale();
  if (row.kind === "qualitative") return <>{t("benefits.status.qualitative")}</>;
  if (row.toDate.behindPlan === null) return <>{t("benefits.status.noReading")}</>;
  return row.toDate.behindPlan ? (
    <span className="benefit-status--behind">{t("benefits.status.behind")}</span>
  ) : (
    t("benefits.status.onPlan")
  );
}

/**
 * The benefits plan: each benefit with its owner, baseline and target, and what was expected and
 * what is realised on the day, as values and as shares of the planned change.
 */
export function BenefitPlanTable({
  plan,
  chosen,
  onChoose,
  actions,
}: {
  plan: BenefitPlan;
  chosen: number | null;
  onChoose: (id: number) => void;
  /** The editor's buttons for a row (change, remove); none for a reader. */
  actions?: ((row: BenefitPlanRow) => ReactNode) | undefined;
}) {
  const { t, locale } = useLocale();
  const value = (row: BenefitPlanRow, figure: number | null, text: string) =>
    row.kind === "qualitative" ? text || "–" : formatValue(figure, row.measureUnit, locale);
  // A qualitative benefit's baseline and target are words: they wrap, so the table fits the page.
  const valueClass = (row: BenefitPlanRow) =>
    row.kind === "qualitative" ? "numeric benefit-words" : "numeric";
  const share = (figure: number | null) =>
    figure === null ? null : (
      <span className="benefit-share">{t("benefits.share", { share: formatShare(figure, locale) })}</span>
    );
  const caption = t("benefits.table.caption", { on: formatDate(plan.on, locale) });
  return (
    <ScrollRegion label={caption}>
      <Table border data-size="sm" zebra>
        <caption className="sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("benefits.col.benefit")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("benefits.col.kind")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("benefits.col.owner")}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("benefits.col.baseline")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("benefits.col.target")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("benefits.col.expected")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("benefits.col.realised")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("benefits.col.status")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {plan.benefits.map((row) => (
            <Table.Row key={row.id}>
              <Table.HeaderCell scope="row">
                {row.title}
                {row.indicatorCode && (
                  <span className="benefit-share">
                    {t("benefits.fromIndicator", { code: row.indicatorCode })}
                  </span>
                )}
                <div className="benefit-row-actions">
                  {row.kind !== "qualitative" && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-pressed={chosen === row.id}
                      onClick={() => onChoose(row.id)}
                    >
                      {t("benefits.showChart")}
                      <span className="sr-only">: {row.title}</span>
                    </Button>
                  )}
                  {actions?.(row)}
                </div>
              </Table.HeaderCell>
              <Table.Cell>{t(`benefits.kind.${row.kind}`)}</Table.Cell>
              <Table.Cell>
                {row.ownerName}
                {row.ownerUnitName && <span className="benefit-share">{row.ownerUnitName}</span>}
              </Table.Cell>
              <Table.Cell className={valueClass(row)}>
                {value(row, row.baselineValue, row.baselineText)}
                <span className="benefit-share">{formatDate(row.baselineDate, locale)}</span>
              </Table.Cell>
              <Table.Cell className={valueClass(row)}>
                {value(row, row.targetValue, row.targetText)}
                <span className="benefit-share">{formatDate(row.targetDate, locale)}</span>
              </Table.Cell>
              <Table.Cell className="numeric">
                {row.kind === "qualitative" ? "–" : formatValue(row.toDate.expected, row.measureUnit, locale)}
                {share(row.toDate.expectedShare)}
              </Table.Cell>
              <Table.Cell className="numeric">
                {row.toDate.realised ? formatValue(row.toDate.realised.value, row.measureUnit, locale) : "–"}
                {share(row.toDate.realisedShare)}
                {row.toDate.realised && (
                  <span className="benefit-share">
                    {t("benefits.on", { date: formatDate(row.toDate.realised.date, locale) })}
                  </span>
                )}
              </Table.Cell>
              <Table.Cell>
                <StatusCell row={row} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
