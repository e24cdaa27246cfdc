import { Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Indicator } from "../../api/indicators.ts";
import type { Unit } from "../../api/types.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { formatNumber } from "../scorecard/format.ts";
import { basisKey, directionKey, trendModeKey, valueKindKey } from "./labels.ts";

/** What the indicator measures and how: its definition and settings. */
export function IndicatorFacts({ indicator, units }: { indicator: Indicator; units: readonly Unit[] }) {
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
