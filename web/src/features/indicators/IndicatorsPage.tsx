import {
  Card,
  Checkbox,
  Details,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { Link, useNavigate } from "@tanstack/react-router";
import { useDeferredValue, useState } from "react";
import { useUnits } from "../../api/hooks.ts";
import { indicatorName, useIndicators } from "../../api/indicators.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { intlLocale, useLocale } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import "../scorecard/scorecard.css";
import { IndicatorForm } from "./IndicatorForm.tsx";
import { directionKey, valueKindKey } from "./labels.ts";

/** Lower case without accents, so "epikrise" finds "Epikriser" and "ventetid" finds "Ventetid". */
function normalise(text: string) {
  return text.toLocaleLowerCase("nb").normalize("NFKD");
}

export function IndicatorsPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [includeRetired, setIncludeRetired] = useState(false);
  const indicators = useIndicators(includeRetired);
  const units = useUnits();
  const deferredQuery = useDeferredValue(query);

  const words = normalise(deferredQuery).split(/\s+/).filter(Boolean);
  const all = indicators.data ?? [];
  const matches = all
    .filter((indicator) => {
      const text = normalise(`${indicator.code} ${indicator.nameNb} ${indicator.nameEn ?? ""}`);
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => a.code.localeCompare(b.code, intlLocale[locale]));
  const unitName = (id: number | null) => {
    if (id === null) return t("indicators.ownerOrganisation");
    const unit = units.data?.find((candidate) => candidate.id === id);
    return unit ? unit.code : String(id);
  };

  return (
    <div className="page">
      <PageTitle>{t("indicators.title")}</PageTitle>
      <Paragraph className="page-intro">{t("indicators.intro")}</Paragraph>

      <Card className="catalogue-filter">
        <Textfield
          className="catalogue-filter__search"
          label={t("indicators.search")}
          description={t("indicators.searchHelp")}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Checkbox
          label={t("indicators.includeRetired")}
          checked={includeRetired}
          onChange={(event) => setIncludeRetired(event.target.checked)}
        />
      </Card>

      {indicators.isPending && <Spinner aria-label={t("common.loading")} />}
      {indicators.isError && <ProblemAlert error={indicators.error} headingLevel={2} />}
      {indicators.data && (
        <section aria-labelledby="catalogue-heading" className="scorecard-section">
          <Heading level={2} data-size="sm" id="catalogue-heading">
            {t("indicators.listHeading")}
          </Heading>
          <p role="status" className="muted catalogue-count">
            {t("indicators.count", { shown: matches.length, total: all.length })}
          </p>
          {matches.length > 0 && (
            <ScrollRegion label={t("indicators.listHeading")}>
              <Table border data-size="sm" zebra>
                <caption className="sr-only">{t("indicators.listHeading")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t("indicators.field.code")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("indicators.column.name")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("indicators.field.unitLabel")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("indicators.field.direction")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("indicators.field.valueKind")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("indicators.field.ownerUnitId")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("indicators.status")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {matches.map((indicator) => (
                    <Table.Row key={indicator.id}>
                      <Table.Cell className="code nowrap">{indicator.code}</Table.Cell>
                      <Table.HeaderCell scope="row" className="scorecard-table__name">
                        <Link to="/indicators/$id" params={{ id: String(indicator.id) }}>
                          {indicatorName(indicator, locale)}
                        </Link>
                      </Table.HeaderCell>
                      <Table.Cell>{indicator.unitLabel}</Table.Cell>
                      <Table.Cell>{t(directionKey[indicator.direction])}</Table.Cell>
                      <Table.Cell>{t(valueKindKey[indicator.valueKind])}</Table.Cell>
                      <Table.Cell>{unitName(indicator.ownerUnitId)}</Table.Cell>
                      <Table.Cell>
                        {indicator.retired ? (
                          <Tag data-color="warning" data-size="sm">
                            {t("indicators.retired")}
                          </Tag>
                        ) : (
                          t("indicators.inUse")
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )}
        </section>
      )}

      {me.can.createIndicators && units.data && (
        <section aria-labelledby="create-indicator-heading" className="scorecard-section">
          <Heading level={2} data-size="sm" id="create-indicator-heading">
            {t("indicators.create.heading")}
          </Heading>
          <Details>
            <Details.Summary>{t("indicators.create.title")}</Details.Summary>
            <Details.Content>
              <IndicatorForm
                me={me}
                units={units.data}
                onDone={(created) =>
                  navigate({ to: "/indicators/$id", params: { id: String(created.id) }, search: {} })
                }
              />
            </Details.Content>
          </Details>
        </section>
      )}
    </div>
  );
}
