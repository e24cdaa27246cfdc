import { Heading, Paragraph, Table, ToggleGroup } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import type { RoundRisk } from "../../api/risk.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { type HeatMapEntry, type HeatMapWho, heatMapGroups } from "./heatMap.ts";
import { LevelBadge, levelStyle, useLevelName } from "./RiskLabels.tsx";
import { levelByKey } from "./riskLevels.ts";

type Spot = { key: string; label: string };

/** One spot of the map: its count in a button (a click lists the assessments), or a plain 0. */
function SpotButton({
  spot,
  count,
  selected,
  onSelect,
  style,
  children,
}: {
  spot: Spot;
  count: number;
  selected: boolean;
  onSelect: (spot: Spot) => void;
  style: React.CSSProperties;
  children?: React.ReactNode;
}) {
  const { t } = useLocale();
  const label = t("risk.heat.spotLabel", { spot: spot.label, count });
  if (count === 0) {
    return (
      <span className="risk-heat__spot risk-heat__spot--empty" style={style} title={label}>
        <span className="visually-hidden">{label}</span>
        <span aria-hidden="true" className="risk-heat__count">
          0
        </span>
        <span aria-hidden="true">{children}</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="risk-heat__spot"
      style={style}
      aria-pressed={selected}
      aria-label={label}
      title={label}
      onClick={() => onSelect(spot)}
    >
      <span className="risk-heat__count">{count}</span>
      {children}
    </button>
  );
}

function SpotList({ spot, entries, data }: { spot: Spot; entries: HeatMapEntry[]; data: RoundRisk }) {
  const { t } = useLocale();
  const title = t("risk.heat.listHeading", { count: entries.length, spot: spot.label });
  return (
    <section aria-labelledby="risk-heat-list-heading" className="risk-heat__list">
      <Heading level={3} data-size="xs" id="risk-heat-list-heading">
        {title}
      </Heading>
      <ScrollRegion label={title}>
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("risk.grid.goalColumn")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("risk.column.unit")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("risk.column.level")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("risk.column.state")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {entries.map(({ goal, assessment }) => (
              <Table.Row key={assessment.id}>
                <Table.Cell>
                  <RouterLink
                    to="/risk-assessments/$id"
                    params={{ id: String(assessment.id) }}
                    aria-label={t("risk.openLabel", {
                      number: goal.requirement.number,
                      unit: assessment.unit.name,
                    })}
                  >
                    {goal.requirement.number} {goal.requirement.text}
                  </RouterLink>
                </Table.Cell>
                <Table.Cell>{assessment.unit.name}</Table.Cell>
                <Table.Cell>
                  <LevelBadge level={levelByKey(data.scale, assessment.level)} />
                </Table.Cell>
                <Table.Cell>{t(`answers.state.${assessment.state}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </section>
  );
}

/**
 * "Varmekart": how many of the round's assessments are at each level, or in each cell of a
 * likelihood × consequence matrix, in numbers on the level's colour with its name; a click on a
 * count lists those assessments.
 */
export function RiskHeatMap({ data }: { data: RoundRisk }) {
  const { t, locale } = useLocale();
  const levelName = useLevelName();
  const [who, setWho] = useState<HeatMapWho>("units");
  const [selected, setSelected] = useState<Spot | null>(null);
  const groups = heatMapGroups(data.scale, data.goals, who);
  const countOf = (key: string) => groups.get(key)?.length ?? 0;
  const spotProps = (spot: Spot) => ({
    spot,
    count: countOf(spot.key),
    selected: selected?.key === spot.key,
    onSelect: (picked: Spot) => setSelected(selected?.key === picked.key ? null : picked),
  });
  const levels = [...data.scale.levels].sort((a, b) => a.rank - b.rank);
  const levelSpots = levels
    .map((level) => ({ level, spot: { key: `level:${level.key}`, label: levelName(level) } }))
    // On a matrix, a level outside the cells is only shown when an assessment has one.
    .filter(({ spot }) => data.scale.kind === "levels" || countOf(spot.key) > 0);
  const none = { key: "none", label: levelName(null) };
  const scale = data.scale;

  return (
    <section aria-labelledby="risk-heat-heading" className="risk-heat">
      <Heading level={2} data-size="sm" id="risk-heat-heading">
        {t("risk.heat.heading")}
      </Heading>
      <Paragraph data-size="sm">
        {t(scale.kind === "matrix" ? "risk.heat.introMatrix" : "risk.heat.introLevels")}
      </Paragraph>
      <ToggleGroup
        aria-label={t("risk.heat.who")}
        value={who}
        data-size="sm"
        onChange={(value) => {
          setWho(value === "overall" ? "overall" : "units");
          setSelected(null);
        }}
      >
        <ToggleGroup.Item value="units">{t("risk.heat.units")}</ToggleGroup.Item>
        <ToggleGroup.Item value="overall">
          {t("risk.heat.overall", { unit: data.issuer.code })}
        </ToggleGroup.Item>
      </ToggleGroup>
      {scale.kind === "matrix" && (
        <ScrollRegion label={t("risk.heat.matrixCaption")}>
          <table className="risk-heat__matrix">
            <caption className="visually-hidden">{t("risk.heat.matrixCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="risk-heat__corner">
                  {t("risk.heat.axes")}
                </th>
                {scale.consequences.map((consequence) => (
                  <th scope="col" key={consequence.nb}>
                    {consequence[locale]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scale.likelihoods
                .map((likelihood, index) => ({ likelihood, row: index + 1 }))
                .reverse()
                .map(({ likelihood, row }) => (
                  <tr key={likelihood.nb}>
                    <th scope="row">{likelihood[locale]}</th>
                    {scale.consequences.map((consequence, index) => {
                      const level = levelByKey(scale, scale.cells[row - 1]?.[index]);
                      const spot = {
                        key: `cell:${row}:${index + 1}`,
                        label: t("risk.heat.cell", {
                          likelihood: likelihood[locale],
                          consequence: consequence[locale],
                          level: levelName(level),
                        }),
                      };
                      return (
                        <td key={consequence.nb}>
                          <SpotButton {...spotProps(spot)} style={levelStyle(level)}>
                            <span className="risk-heat__level">{levelName(level)}</span>
                          </SpotButton>
                        </td>
                      );
                    })}
                  </tr>
                ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ul className="risk-heat__tiles" aria-label={t("risk.heat.levelsLabel")}>
        {[...levelSpots.map(({ level, spot }) => ({ level, spot })), { level: null, spot: none }].map(
          ({ level, spot }) => (
            <li key={spot.key}>
              <SpotButton {...spotProps(spot)} style={levelStyle(level, true)}>
                <span className="risk-heat__level">
                  {scale.kind === "matrix" && level
                    ? t("risk.heat.outsideMatrix", { level: spot.label })
                    : spot.label}
                </span>
              </SpotButton>
            </li>
          ),
        )}
      </ul>
      <div aria-live="polite">
        {selected && <SpotList spot={selected} entries={groups.get(selected.key) ?? []} data={data} />}
      </div>
    </section>
  );
}
