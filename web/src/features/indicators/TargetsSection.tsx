import { Details, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { type Indicator, useTargets } from "../../api/indicators.ts";
import type { Unit } from "../../api/types.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { TargetForm } from "./TargetForm.tsx";
import { TargetRow } from "./TargetRow.tsx";

/** The indicator's targets in words; thresholds and limits can be set and changed here. */
export function TargetsSection({
  indicator,
  units,
  mayEdit,
  onDone,
}: {
  indicator: Indicator;
  units: readonly Unit[];
  mayEdit: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const targets = useTargets(indicator.id);
  const list = [...(targets.data ?? [])].sort(
    (a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.unitId ?? 0) - (b.unitId ?? 0),
  );
  return (
    <section aria-labelledby="targets-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="targets-heading">
        {t("indicators.targets.heading")}
      </Heading>
      <Paragraph data-size="sm" className="page-intro">
        {t("indicators.targets.intro")}
      </Paragraph>
      {targets.isError && <ProblemAlert error={targets.error} />}
      {targets.data && list.length === 0 && <Paragraph>{t("indicators.targets.none")}</Paragraph>}
      {list.length > 0 && (
        <ScrollRegion label={t("indicators.targets.heading")}>
          <Table border data-size="sm">
            <caption className="sr-only">{t("indicators.targets.heading")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("indicators.targets.year")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("indicators.targets.unit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("indicators.targets.kind")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("indicators.targets.rule")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("indicators.targets.note")}</Table.HeaderCell>
                {mayEdit && (
                  <Table.HeaderCell scope="col">{t("indicators.targets.actions")}</Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.map((target) => (
                <TargetRow
                  key={target.id}
                  target={target}
                  indicator={indicator}
                  units={units}
                  mayEdit={mayEdit}
                  onDone={onDone}
                />
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {mayEdit && (
        <Details>
          <Details.Summary>{t("indicators.targets.new")}</Details.Summary>
          <Details.Content>
            <TargetForm indicator={indicator} units={units} target={null} onDone={onDone} />
          </Details.Content>
        </Details>
      )}
    </section>
  );
}
