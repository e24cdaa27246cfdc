import {
  Alert,
  Button,
  Card,
  Details,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Tag,
} from "@digdir/designsystemet-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { lazy, Suspense, useId, useState } from "react";
import { type Indicator, indicatorName, useIndicator, useSetIndicatorRetired } from "../../api/indicators.ts";
import {
  type IndicatorSeries,
  type ScorecardRow,
  useIndicatorBreakdown,
  useIndicatorSeries,
} from "../../api/scorecards.ts";
import type { Me, Unit } from "../../api/types.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { intlLocale, useLocale } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { canManageIndicator } from "../scorecard/access.ts";
import { describeRule, formatNumber, periodName, withUnit } from "../scorecard/format.ts";
import { PeriodPicker } from "../scorecard/PeriodPicker.tsx";
import {
  formatMonth,
  latestFinishedPeriod,
  periodEndMonth,
  periodFromSearch,
  periodSearch,
} from "../scorecard/periods.ts";
import { ScorecardTable } from "../scorecard/ScorecardTable.tsx";
import { AttainmentTag } from "../scorecard/StatusTags.tsx";
import "../scorecard/scorecard.css";
import { useUnitInUrl } from "../scorecard/useUnitInUrl.ts";
import { IndicatorChangeProblem, IndicatorForm } from "./IndicatorForm.tsx";
import { basisKey, directionKey, trendModeKey, valueKindKey } from "./labels.ts";
import { TargetsSection } from "./TargetsSection.tsx";

const IndicatorChart = lazy(() => import("./IndicatorChart.tsx"));

const route = getRouteApi("/app/indicators/$id");

export function IndicatorPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const indicatorId = Number(id);
  const period = periodFromSearch(search, latestFinishedPeriod());
  const indicator = useIndicator(indicatorId);
  const { unit, units } = useUnitInUrl(search.unit, (unitId) =>
    navigate({ search: (previous) => ({ ...previous, unit: unitId }), replace: true }),
  );
  const [status, setStatus] = useState<string | null>(null);

  if (indicator.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (indicator.isError) {
    return (
      <div className="page">
        <PageTitle>{t("indicators.notFoundTitle")}</PageTitle>
        <ProblemAlert error={indicator.error} headingLevel={2} />
        <Link to="/indicators">{t("indicators.backToCatalogue")}</Link>
      </div>
    );
  }
  const data = indicator.data;
  const ownerPath = units.data?.find((candidate) => candidate.id === data.ownerUnitId)?.path ?? null;
  const mayManage = canManageIndicator(me, data.ownerUnitId === null ? null : (ownerPath ?? "\u0000"));
  const mayEditTargets = mayManage || me.roles.some((role) => role.role === "admin");

  return (
    <div className="page indicator-page">
      <nav aria-label={t("indicators.breadcrumbs")} className="crumbs">
        <Link to="/indicators">{t("indicators.title")}</Link>
        <span aria-hidden="true"> / </span>
        <Link to="/scorecard" search={{ unit: unit?.id, ...periodSearch(period) }}>
          {t("indicators.backToScorecard")}
        </Link>
      </nav>
      <PageTitle>{indicatorName(data, locale)}</PageTitle>
      <div className="indicator-subtitle">
        <span className="code">{data.code}</span>
        {data.retired && (
          <Tag data-color="warning" data-size="sm">
            {t("indicators.retired")}
          </Tag>
        )}
      </div>
      <LiveStatus message={status} />

      <IndicatorFacts indicator={data} units={units.data ?? []} />
      <TargetsSection indicator={data} units={units.data ?? []} mayEdit={mayEditTargets} onDone={setStatus} />

      <Card className="scorecard-filter">
        <div className="scorecard-filter__unit">
          <span className="scorecard-filter__label">{t("scorecard.unitLabel")}</span>
          <strong>{unit ? `${unit.code} – ${unit.name}` : t("header.unitPickerNone")}</strong>
          <span className="cell-note">{t("scorecard.unitHelp")}</span>
        </div>
        <PeriodPicker
          period={period}
          onChange={(next) => navigate({ search: (previous) => ({ ...previous, ...periodSearch(next) }) })}
        />
      </Card>

      {unit && <MonthlySection indicatorId={indicatorId} unit={unit} period={period} />}
      {unit && (
        <BreakdownSection
          indicatorId={indicatorId}
          unit={unit}
          period={period}
          onDrill={(child) =>
            // The link clicked is gone once the table shows the unit below, so focus moves to
            // the new unit's figures.
            navigate({ search: (previous) => ({ ...previous, unit: child }) }).then(() =>
              document.getElementById("monthly-heading")?.focus(),
            )
          }
        />
      )}
      {mayManage && units.data && (
        <ManageSection indicator={data} me={me} units={units.data} onDone={setStatus} />
      )}
    </div>
  );
}

function IndicatorFacts({ indicator, units }: { indicator: Indicator; units: readonly Unit[] }) {
  const { t, locale } = useLocale();
  const owner = units.find((unit) => unit.id === indicator.ownerUnitId);
  return (
    <section aria-labelledby="about-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="about-heading">
        {t("indicators.about")}
      </Heading>
      <Card>
        {indicator.definition ? (
          <Paragraph className="definition">{indicator.definition}</Paragraph>
        ) : (
          <Paragraph className="muted">{t("indicators.noDefinition")}</Paragraph>
        )}
        <dl className="facts facts--columns">
          <dt>{t("indicators.field.unitLabel")}</dt>
          <dd>{indicator.unitLabel}</dd>
          <dt>{t("indicators.field.direction")}</dt>
          <dd>{t(directionKey[indicator.direction])}</dd>
          <dt>{t("indicators.field.valueKind")}</dt>
          <dd>{t(valueKindKey[indicator.valueKind])}</dd>
          {indicator.valueKind === "ratio" && indicator.scale !== 1 && (
            <>
              <dt>{t("indicators.field.scale")}</dt>
              <dd>{formatNumber(indicator.scale, locale)}</dd>
            </>
          )}
          <dt>{t("indicators.field.decimals")}</dt>
          <dd>{indicator.decimals}</dd>
          <dt>{t("indicators.field.lagMonths")}</dt>
          <dd>
            {indicator.lagMonths === 0
              ? t("indicators.noLag")
              : t("indicators.lagValue", { months: indicator.lagMonths })}
          </dd>
          {indicator.minDenominator !== null && (
            <>
              <dt>{t("indicators.field.minDenominator")}</dt>
              <dd>{formatNumber(indicator.minDenominator, locale)}</dd>
            </>
          )}
          <dt>{t("indicators.field.evaluationBasis")}</dt>
          <dd>{t(basisKey[indicator.evaluationBasis])}</dd>
          <dt>{t("indicators.field.trendMode")}</dt>
          <dd>{t(trendModeKey[indicator.trendMode])}</dd>
          <dt>{t("indicators.field.dataSource")}</dt>
          <dd>{indicator.dataSource ?? t("common.none")}</dd>
          <dt>{t("indicators.field.ownerUnitId")}</dt>
          <dd>{owner ? `${owner.code} – ${owner.name}` : t("indicators.ownerOrganisation")}</dd>
        </dl>
      </Card>
    </section>
  );
}

function MonthlySection({ indicatorId, unit, period }: { indicatorId: number; unit: Unit; period: string }) {
  const { t, locale } = useLocale();
  const to = periodEndMonth(period);
  const from = `${Number(to.slice(0, 4)) - 1}-01`;
  const series = useIndicatorSeries(indicatorId, unit.id, from, to);
  const descriptionId = useId();
  const intl = intlLocale[locale];
  return (
    <section aria-labelledby="monthly-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="monthly-heading" tabIndex={-1} className="page-title">
        {t("indicators.monthly.heading", { unit: unit.name })}
      </Heading>
      {series.isPending && <Spinner aria-label={t("common.loading")} />}
      {series.isError && <ProblemAlert error={series.error} />}
      {series.data && (
        <>
          <Paragraph data-size="sm" id={descriptionId} className="page-intro">
            {chartDescription(series.data, t, locale)}
          </Paragraph>
          <Card className="chart-card">
            <Suspense fallback={<Spinner aria-label={t("common.loading")} />}>
              <IndicatorChart
                series={series.data}
                describedBy={descriptionId}
                label={t("indicators.chart.label", {
                  name: indicatorName(series.data.indicator, locale),
                  unit: series.data.unit.name,
                  from: formatMonth(series.data.from, intl),
                  to: formatMonth(series.data.to, intl),
                })}
              />
            </Suspense>
          </Card>
          <Details>
            <Details.Summary>{t("indicators.monthly.tableToggle")}</Details.Summary>
            <Details.Content>
              <MonthlyTable series={series.data} />
            </Details.Content>
          </Details>
        </>
      )}
    </section>
  );
}

function chartDescription(
  series: IndicatorSeries,
  t: ReturnType<typeof useLocale>["t"],
  locale: "nb" | "en",
) {
  const withValue = series.months.filter((month) => month.value !== null);
  const last = withValue.at(-1);
  const targets = series.targets
    .filter((entry) => entry.target)
    .map((entry) =>
      entry.target
        ? `${entry.year}: ${describeRule(entry.target.rule, {
            unitLabel: series.indicator.unitLabel,
            direction: series.indicator.direction,
            locale,
            t,
            year: entry.year,
          })}`
        : "",
    )
    .join("; ");
  const parts = [
    t("indicators.chart.description", {
      count: withValue.length,
      total: series.months.length,
    }),
  ];
  if (last) {
    parts.push(
      t("indicators.chart.latest", {
        month: formatMonth(last.month, intlLocale[locale]),
        value: withUnit(
          last.displayedValue && locale === "nb"
            ? last.displayedValue
            : formatNumber(last.value ?? 0, locale, series.indicator.decimals),
          series.indicator.unitLabel,
        ),
      }),
    );
  }
  parts.push(targets ? t("indicators.chart.targets", { targets }) : t("indicators.chart.noTargets"));
  return parts.join(" ");
}

function MonthlyTable({ series }: { series: IndicatorSeries }) {
  const { t, locale } = useLocale();
  const intl = intlLocale[locale];
  const isRatio = series.indicator.valueKind === "ratio";
  const sum = (value: number | null) => (value === null ? t("common.none") : formatNumber(value, locale));
  return (
    <ScrollRegion label={t("indicators.monthly.tableCaption")}>
      <Table border data-size="sm" zebra>
        <caption className="sr-only">{t("indicators.monthly.tableCaption")}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("indicators.monthly.month")}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t("indicators.monthly.value", { unit: series.indicator.unitLabel })}
            </Table.HeaderCell>
            {isRatio && (
              <Table.HeaderCell scope="col" className="numeric">
                {t("indicators.monthly.numerator")}
              </Table.HeaderCell>
            )}
            {isRatio && (
              <Table.HeaderCell scope="col" className="numeric">
                {t("indicators.monthly.denominator")}
              </Table.HeaderCell>
            )}
            <Table.HeaderCell scope="col" className="numeric">
              {t("indicators.monthly.target")}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("indicators.monthly.status")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {series.months.map((month) => (
            <Table.Row key={month.month}>
              <Table.HeaderCell scope="row">{formatMonth(month.month, intl)}</Table.HeaderCell>
              <Table.Cell className="numeric">
                {month.value === null
                  ? (month.displayedValue ?? t("scorecard.noData"))
                  : locale === "nb" && month.displayedValue
                    ? month.displayedValue
                    : formatNumber(month.value, locale, series.indicator.decimals)}
              </Table.Cell>
              {isRatio && (
                <Table.Cell className="numeric">
                  {sum(month.state === "value" ? month.numeratorSum : null)}
                </Table.Cell>
              )}
              {isRatio && (
                <Table.Cell className="numeric">
                  {sum(month.state === "value" ? month.denominatorSum : null)}
                </Table.Cell>
              )}
              <Table.Cell className="numeric">
                {month.targetValue === null ? t("common.none") : formatNumber(month.targetValue, locale)}
              </Table.Cell>
              <Table.Cell>
                <AttainmentTag
                  colour={month.colour}
                  reason={
                    month.state === "too_few"
                      ? "too_few"
                      : month.value === null
                        ? "no_data"
                        : month.targetValue === null
                          ? "no_target"
                          : "met"
                  }
                />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

function BreakdownSection({
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

function ManageSection({
  indicator,
  me,
  units,
  onDone,
}: {
  indicator: Indicator;
  me: Me;
  units: readonly Unit[];
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const retire = useSetIndicatorRetired();
  return (
    <section aria-labelledby="manage-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="manage-heading">
        {t("indicators.manage.heading")}
      </Heading>
      <Details>
        <Details.Summary>{t("indicators.edit.title")}</Details.Summary>
        <Details.Content>
          <IndicatorForm
            indicator={indicator}
            me={me}
            units={units}
            onDone={(saved) => onDone(t("indicators.edit.done", { code: saved.code }))}
          />
        </Details.Content>
      </Details>
      <Details>
        <Details.Summary>
          {indicator.retired ? t("indicators.reinstate.title") : t("indicators.retire.title")}
        </Details.Summary>
        <Details.Content>
          <div className="form-stack">
            <Paragraph data-size="sm">
              {indicator.retired ? t("indicators.reinstate.body") : t("indicators.retire.body")}
            </Paragraph>
            <IndicatorChangeProblem error={retire.error} />
            <div>
              <Button
                type="button"
                variant="secondary"
                data-color={indicator.retired ? undefined : "danger"}
                loading={retire.isPending}
                onClick={() =>
                  retire
                    .mutateAsync({
                      id: indicator.id,
                      version: indicator.version,
                      retired: !indicator.retired,
                    })
                    .then(
                      (saved) =>
                        onDone(
                          t(saved.retired ? "indicators.retire.done" : "indicators.reinstate.done", {
                            code: saved.code,
                          }),
                        ),
                      () => undefined,
                    )
                }
              >
                {indicator.retired ? t("indicators.reinstate.submit") : t("indicators.retire.submit")}
              </Button>
            </div>
          </div>
        </Details.Content>
      </Details>
    </section>
  );
}
