import { Table } from "@digdir/designsystemet-react";
import type { RiskLevel, RiskScale } from "../../api/risk.ts";
import type { UnitRiskRow } from "../../api/unitRisks.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { ChangeText, LevelCell } from "../risk/RiskLabels.tsx";
import { useAreaName } from "./areaNames.ts";
import { riskPeriodName } from "./unitRiskWords.ts";

export const levelOf = (scale: RiskScale, key: string | null | undefined): RiskLevel | null =>
  scale.levels.find((level) => level.key === key) ?? null;

/**
 * The open risks on one screen, as the board's risk table prints them: rank, risk, the level in
 * the period before and now (each its name on its colour), the change and the area; the levels come
 * before the area so that a phone shows them without scrolling. Each title leads to
 * the risk's card below, where its details and forms are.
 */
export function UnitRiskOverview({
  risks,
  scale,
  period,
  previousPeriod,
}: {
  risks: UnitRiskRow[];
  scale: RiskScale;
  period: string;
  previousPeriod: string | null;
}) {
  const { t } = useLocale();
  const nameOfArea = useAreaName();
  return (
    <ScrollRegion label={t("unitRisks.overview.title")}>
      <Table className="unit-risks-overview" data-size="sm" border>
        <caption className="unit-risks-hidden">{t("unitRisks.overview.title")}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>
              <abbr title={t("unitRisks.field.rank")}>{t("unitRisks.overview.rank")}</abbr>
            </Table.HeaderCell>
            <Table.HeaderCell>{t("unitRisks.field.title")}</Table.HeaderCell>
            <Table.HeaderCell>
              {previousPeriod ? riskPeriodName(previousPeriod, t) : t("unitRisks.level.noPrevious")}
            </Table.HeaderCell>
            <Table.HeaderCell>{riskPeriodName(period, t)}</Table.HeaderCell>
            <Table.HeaderCell>{t("unitRisks.level.change")}</Table.HeaderCell>
            <Table.HeaderCell>{t("unitRisks.field.area")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {risks.map((risk) => (
            <Table.Row key={risk.id}>
              <Table.Cell className="unit-risks-overview__rank">{risk.rank}</Table.Cell>
              <Table.Cell>
                <a href={`#unit-risk-${risk.id}`}>{risk.title}</a>
              </Table.Cell>
              <LevelCell level={levelOf(scale, risk.previous?.level)} />
              <LevelCell level={levelOf(scale, risk.assessment?.level)} />
              <Table.Cell>
                <ChangeText change={risk.change} />
              </Table.Cell>
              <Table.Cell>{nameOfArea(risk.area)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
