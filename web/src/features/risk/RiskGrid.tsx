import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import type { RiskAssessment, RiskGoal, RoundRisk } from "../../api/risk.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { LevelBadge, levelStyle, useLevelName } from "./RiskLabels.tsx";
import { byArea, countLevels, gridUnits, levelByKey } from "./riskLevels.ts";

function GridCell({
  goal,
  assessment,
  data,
  overall = false,
}: {
  goal: RiskGoal;
  assessment: RiskAssessment | undefined;
  data: RoundRisk;
  overall?: boolean;
}) {
  const { t } = useLocale();
  const levelName = useLevelName();
  const edge = overall ? " risk-grid__cell--overall" : "";
  if (!assessment) {
    return (
      <Table.Cell className={`risk-grid__cell risk-grid__cell--none${edge}`}>
        {t("risk.grid.none")}
      </Table.Cell>
    );
  }
  const level = levelByKey(data.scale, assessment.level);
  const label = t(assessment.carriedForward ? "risk.grid.cellLabelCarried" : "risk.grid.cellLabel", {
    number: goal.requirement.number,
    unit: assessment.unit.name,
    level: levelName(level),
    state: t(`answers.state.${assessment.state}`),
  });
  return (
    <Table.Cell className={`risk-grid__cell${edge}`} style={levelStyle(level)}>
      <RouterLink
        to="/risk-assessments/$id"
        params={{ id: String(assessment.id) }}
        className="risk-grid__link"
        aria-label={label}
        title={label}
      >
        <span className="risk-grid__level">{levelName(level)}</span>
        {assessment.carriedForward && <span className="risk-grid__carried">{t("risk.grid.carried")}</span>}
      </RouterLink>
    </Table.Cell>
  );
}

/** How many of the units' assessments are at each level. */
function LevelCounts({ data }: { data: RoundRisk }) {
  const { t } = useLocale();
  const counted = countLevels(
    data.scale,
    data.goals.flatMap((goal) => goal.units.map((assessment) => assessment.level)),
  );
  return (
    <section aria-labelledby="risk-counts-heading" className="risk-counts">
      <Heading level={3} data-size="xs" id="risk-counts-heading">
        {t("risk.grid.countsHeading")}
      </Heading>
      <Table data-size="sm" className="risk-counts__table">
        <caption className="visually-hidden">{t("risk.grid.countsCaption")}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("risk.column.level")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("risk.grid.count")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {counted.levels.map(({ level, count }) => (
            <Table.Row key={level.key}>
              <Table.Cell>
                <LevelBadge level={level} />
              </Table.Cell>
              <Table.Cell className="numeric">{count}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.Cell>
              <LevelBadge level={null} />
            </Table.Cell>
            <Table.Cell className="numeric">{counted.none}</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </section>
  );
}

/** The goals as rows and the units as columns, the overall assessment last; cells in words and colour. */
export function RiskGrid({ data }: { data: RoundRisk }) {
  const { t } = useLocale();
  const units = gridUnits(data.goals);
  const columns = units.length + 2;
  return (
    <section aria-labelledby="risk-grid-heading" className="risk-grid-section">
      <Heading level={2} data-size="sm" id="risk-grid-heading">
        {t("risk.grid.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("risk.grid.intro")}</Paragraph>
      <ScrollRegion label={t("risk.grid.caption")}>
        <Table data-size="sm" className="risk-grid">
          <caption className="visually-hidden">{t("risk.grid.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" className="risk-grid__goal">
                {t("risk.grid.goalColumn")}
              </Table.HeaderCell>
              {units.map((unit) => (
                <Table.HeaderCell key={unit.id} scope="col" className="risk-grid__unit">
                  <abbr title={unit.name}>{unit.code}</abbr>
                  <span className="visually-hidden"> {unit.name}</span>
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col" className="risk-grid__unit risk-grid__cell--overall">
                <abbr title={data.issuer.name}>{data.issuer.code}</abbr>
                <span className="visually-hidden"> {data.issuer.name}</span>
                <span className="risk-grid__overall">{t("risk.grid.overallColumn")}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          {byArea(data.goals).map(({ area, goals }) => (
            <Table.Body key={area ?? ""}>
              <Table.Row className="risk-grid__area">
                <Table.HeaderCell scope="colgroup" colSpan={columns}>
                  <span className="risk-grid__area-title">{area ?? t("risk.noArea")}</span>
                </Table.HeaderCell>
              </Table.Row>
              {goals.map((goal) => (
                <Table.Row key={goal.requirement.id}>
                  <Table.HeaderCell scope="row" className="risk-grid__goal">
                    <span className="risk-grid__number">{goal.requirement.number}</span>
                    <span className="risk-grid__text">{goal.requirement.text}</span>
                  </Table.HeaderCell>
                  {units.map((unit) => (
                    <GridCell
                      key={unit.id}
                      goal={goal}
                      assessment={goal.units.find((each) => each.unit.id === unit.id)}
                      data={data}
                    />
                  ))}
                  <GridCell goal={goal} assessment={goal.overall ?? undefined} data={data} overall />
                </Table.Row>
              ))}
            </Table.Body>
          ))}
        </Table>
      </ScrollRegion>
      <LevelCounts data={data} />
    </section>
  );
}
