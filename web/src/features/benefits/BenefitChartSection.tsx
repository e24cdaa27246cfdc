import {
  Button,
  Card,
  Details,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { expectedOn } from "../../../../src/domain/benefits.ts";
import { type BenefitChart, useBenefitChart, useSaveReadings } from "../../api/benefits.ts";
import { formatDate, todayIsoDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { formatValue, numberOf, problemFor } from "./benefitWords.ts";
import { useBenefitChartComponent } from "./chartLoader.ts";

/** The chart in words, for the chart's description: from where to where, the latest reading, what was expected. */
function summaryOf(
  chart: BenefitChart,
  t: ReturnType<typeof useLocale>["t"],
  locale: ReturnType<typeof useLocale>["locale"],
) {
  const { benefit } = chart;
  const unit = benefit.measureUnit;
  const latest = chart.readings.filter((reading) => reading.date <= chart.on).at(-1);
  const values = {
    baseline: formatValue(benefit.baselineValue, unit, locale),
    baselineDate: formatDate(benefit.baselineDate, locale),
    target: formatValue(benefit.targetValue, unit, locale),
    targetDate: formatDate(benefit.targetDate, locale),
    on: formatDate(chart.on, locale),
    expected:
      benefit.baselineValue === null || benefit.targetValue === null
        ? "–"
        : formatValue(
            expectedOn(
              { ...benefit, baselineValue: benefit.baselineValue, targetValue: benefit.targetValue },
              chart.on,
            ),
            unit,
            locale,
          ),
  };
  return latest
    ? t("benefits.chart.summary", {
        ...values,
        realised: `${formatValue(latest.value, unit, locale)} (${formatDate(latest.date, locale)})`,
      })
    : t("benefits.chart.summaryNoReading", values);
}

/** Enters one reading for a benefit measured by hand; the plan and chart follow. */
function ReadingForm({ chart, onDone }: { chart: BenefitChart; onDone: (message: string) => void }) {
  const { t, locale } = useLocale();
  const save = useSaveReadings(chart.benefit.id);
  const [date, setDate] = useState(todayIsoDate());
  const [value, setValue] = useState("");
  const [comment, setComment] = useState("");
  const unit = chart.benefit.measureUnit;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The last save's message goes, so a refusal now is not read beside an earlier success.
    onDone("");
    save.mutate(
      { readings: [{ date, value: numberOf(value) as number, comment }] },
      {
        onSuccess: () => {
          setValue("");
          setComment("");
          onDone(t("benefits.readings.done", { date: formatDate(date, locale), title: chart.benefit.title }));
        },
      },
    );
  };
  return (
    <form className="benefits-form" onSubmit={submit} noValidate aria-labelledby="benefit-reading-title">
      <Heading level={3} data-size="xs" id="benefit-reading-title">
        {t("benefits.readings.title")}
      </Heading>
      <div className="form-row">
        <Textfield
          label={t("benefits.readings.date")}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          error={problemFor(save.error, "readings.0.date", t)}
        />
        <Textfield
          label={unit ? t("benefits.readings.value", { unit }) : t("benefits.readings.valueNoUnit")}
          inputMode="decimal"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={problemFor(save.error, "readings.0.value", t)}
        />
      </div>
      <Textfield
        label={t("benefits.readings.comment")}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      {save.error !== null && (
        <ProblemAlert
          error={save.error}
          headingLevel={4}
          labelFor={(field) =>
            field.endsWith(".date")
              ? t("benefits.readings.date")
              : field.endsWith(".value")
                ? t("benefits.readings.valueNoUnit")
                : undefined
          }
        />
      )}
      <div className="form-actions">
        <Button type="submit" disabled={save.isPending}>
          {t("benefits.readings.submit")}
        </Button>
      </div>
    </form>
  );
}

/** One benefit's expected and realised values over time: chart, its figures as a table, and the readings form. */
export function BenefitChartSection({
  benefitId,
  ownerUnitName,
  onDone,
}: {
  benefitId: number;
  ownerUnitName: string;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useLocale();
  const query = useBenefitChart(benefitId);
  const Chart = useBenefitChartComponent();
  const descriptionId = useId();
  if (query.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (query.isError) return <ProblemAlert error={query.error} headingLevel={3} />;
  const chart = query.data;
  const { benefit } = chart;
  const unit = benefit.measureUnit;
  return (
    <section aria-labelledby="benefit-chart-title">
      <Heading level={2} data-size="sm" id="benefit-chart-title">
        {t("benefits.chart.title", { title: benefit.title })}
      </Heading>
      {chart.points.length === 0 ? (
        <Paragraph>{t("benefits.chart.none")}</Paragraph>
      ) : (
        <>
          <Paragraph id={descriptionId}>{summaryOf(chart, t, locale)}</Paragraph>
          <Card className="chart-card">
            {Chart ? (
              <Chart
                chart={chart}
                label={t("benefits.chart.label", { title: benefit.title })}
                describedBy={descriptionId}
              />
            ) : (
              <Spinner aria-label={t("common.loading")} />
            )}
          </Card>
          <Details>
            <Details.Summary>{t("benefits.chart.tableTitle")}</Details.Summary>
            <Details.Content>
              <ScrollRegion label={t("benefits.chart.tableTitle")}>
                <Table border data-size="sm" zebra>
                  <caption className="sr-only">{t("benefits.chart.tableTitle")}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t("benefits.chart.month")}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="numeric">
                        {t("benefits.chart.expected")}
                      </Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="numeric">
                        {t("benefits.chart.realised")}
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {chart.points.map((point) => (
                      <Table.Row key={point.date}>
                        <Table.HeaderCell scope="row">{formatDate(point.date, locale)}</Table.HeaderCell>
                        <Table.Cell className="numeric">
                          {formatValue(point.expected, unit, locale)}
                        </Table.Cell>
                        <Table.Cell className="numeric">
                          {formatValue(point.realised, unit, locale)}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </ScrollRegion>
            </Details.Content>
          </Details>
        </>
      )}
      {chart.source === "indicator" ? (
        <Paragraph>
          {t("benefits.readings.fromIndicator", { code: benefit.indicatorCode ?? "", unit: ownerUnitName })}
        </Paragraph>
      ) : (
        chart.can.edit && <ReadingForm key={benefit.id} chart={chart} onDone={onDone} />
      )}
    </section>
  );
}
