import "../scorecard/scorecard.css";
import "./benefits.css";
import { Heading, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { type BenefitPortfolio, useBenefitPortfolio } from "../../api/benefits.ts";
import { useUnits } from "../../api/hooks.ts";
import { formatDate } from "../../components/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { PortfolioTabs } from "../programmes/PortfolioTabs.tsx";
import { formatNok } from "./benefitWords.ts";

/** The sums in the order of the columns: gains first, then what they are weighed against. */
const sums = [
  ["economicTarget", "benefits.portfolio.target"],
  ["economicExpected", "benefits.portfolio.expected"],
  ["economicRealised", "benefits.portfolio.realised"],
  ["investmentPlanned", "benefits.portfolio.investmentPlanned"],
  ["investmentActual", "benefits.portfolio.investmentActual"],
] as const;

type Row = BenefitPortfolio["rows"][number];

/** The row's title leads to its benefits plan. */
function OwnerLink({ row }: { row: Row }) {
  return row.kind === "programme" ? (
    <RouterLink to="/programmes/$id/benefits" params={{ id: String(row.id) }}>
      {row.title}
    </RouterLink>
  ) : (
    <RouterLink to="/action-plans/$id/benefits" params={{ id: String(row.id) }}>
      {row.title}
    </RouterLink>
  );
}

/**
 * The portfolio's economic benefits (issue 14): for each programme and action plan under the
 * selected unit, the yearly target and the gain expected and realised to date, against the
 * investment planned and spent, and the sum of them all. Each row leads to its benefits plan.
 */
export function PortfolioBenefitsPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit } = useSelectedUnit(me, units.data);
  const portfolio = useBenefitPortfolio(selectedUnit?.id);
  const data = portfolio.data;
  const nok = (value: number) => formatNok(value, locale);

  return (
    <div className="page benefits-page">
      <PageTitle>{t("benefits.portfolio.title")}</PageTitle>
      <PortfolioTabs />
      {selectedUnit
        ? data && (
            <Paragraph className="page-intro">
              {t("benefits.portfolio.intro", { unit: data.unit.name, on: formatDate(data.on, locale) })}
            </Paragraph>
          )
        : units.data && <Paragraph>{t("benefits.portfolio.noUnit")}</Paragraph>}
      <ProblemAlert error={units.error ?? portfolio.error} headingLevel={2} />
      {(units.isPending || (selectedUnit && portfolio.isPending)) && (
        <Spinner aria-label={t("common.loading")} />
      )}
      {data && data.rows.length === 0 && (
        <Paragraph>{t("benefits.portfolio.none", { unit: data.unit.name })}</Paragraph>
      )}
      {data && data.rows.length > 0 && (
        <section aria-labelledby="benefit-portfolio-title">
          {/* The heading stands outside the scroll area, so that it wraps on a phone; the caption names the table. */}
          <Heading level={2} data-size="xs" id="benefit-portfolio-title">
            {t("benefits.portfolio.caption", { on: formatDate(data.on, locale) })}
          </Heading>
          <ScrollRegion label={t("benefits.portfolio.caption", { on: formatDate(data.on, locale) })}>
            <Table border data-size="sm" zebra className="benefit-portfolio-table">
              <caption className="sr-only">
                {t("benefits.portfolio.caption", { on: formatDate(data.on, locale) })}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("benefits.portfolio.owner")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("benefits.portfolio.kind")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t("benefits.portfolio.benefits")}
                  </Table.HeaderCell>
                  {sums.map(([key, label]) => (
                    <Table.HeaderCell key={key} scope="col" className="numeric">
                      {t(label)}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.rows.map((row) => (
                  <Table.Row key={`${row.kind}-${row.id}`}>
                    <Table.HeaderCell scope="row">
                      <OwnerLink row={row} />
                    </Table.HeaderCell>
                    <Table.Cell>{t(`benefits.portfolio.kind.${row.kind}`)}</Table.Cell>
                    <Table.Cell className="numeric">{row.benefits}</Table.Cell>
                    {sums.map(([key]) => (
                      <Table.Cell key={key} className="numeric">
                        {nok(row[key])}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
              </Table.Body>
              <Table.Foot>
                <Table.Row className="benefit-portfolio-total">
                  <Table.HeaderCell scope="row" colSpan={3}>
                    {t("benefits.portfolio.total")}
                  </Table.HeaderCell>
                  {sums.map(([key]) => (
                    <Table.Cell key={key} className="numeric">
                      {nok(data.total[key])}
                    </Table.Cell>
                  ))}
                </Table.Row>
              </Table.Foot>
            </Table>
          </ScrollRegion>
        </section>
      )}
    </div>
  );
}
