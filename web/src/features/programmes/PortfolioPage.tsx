import "./programmes.css";
import { Details, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useUnits } from "../../api/hooks.ts";
import { type PortfolioRow, usePortfolio } from "../../api/programmes.ts";
import type { Me, Unit } from "../../api/types.ts";
import { formatDate } from "../../components/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { type Locale, type Translate, useLocale } from "../../i18n/i18n.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { PortfolioTabs } from "./PortfolioTabs.tsx";
import { NewProgrammeForm } from "./ProgrammeForm.tsx";
import { ColourBadge, decisionWord, phaseLabel, trendWord } from "./programmeWords.tsx";

const aspects = ["scope", "time", "cost", "benefits", "risk"] as const;

function GateCell({ gate, t, locale }: { gate: PortfolioRow["nextGate"]; t: Translate; locale: Locale }) {
  if (gate === null) return <>{t("programmes.gate.none")}</>;
  const state = gate.standing
    ? `${decisionWord(gate.standing, t)}${gate.decidedOn ? ` ${formatDate(gate.decidedOn, locale)}` : ""}`
    : gate.requested
      ? t("programmes.gate.requested")
      : t("programmes.gate.notRequested");
  return (
    <>
      {t("programmes.gate.beforePhase", { name: gate.name, number: gate.toPhase })}
      <br />
      {state}
    </>
  );
}

/**
 * The units the user may create programmes for: those where they are an editor, directly or on a
 * unit above (a role covers the units below). The server decides again when the form is sent.
 */
function unitsEditedBy(me: Me, units: readonly Unit[]): Unit[] {
  const active = units.filter((unit) => unit.active);
  if (me.isSystemAdmin) return active;
  const editorPaths = me.roles.filter((role) => role.role === "editor").map((role) => role.unitPath);
  return active.filter((unit) => editorPaths.some((path) => unit.path.startsWith(path)));
}

/**
 * The portfolio (issue 14 Deliver 3): every programme under the selected unit the user may read,
 * with its phase, next gate and its decision, the latest status report's colours in words and
 * colour, and the trend since the report before.
 */
export function PortfolioPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit } = useSelectedUnit(me, units.data);
  const portfolio = usePortfolio(selectedUnit?.id);
  const data = portfolio.data;
  const editable = unitsEditedBy(me, units.data ?? []);
  const ownDefault = editable.find((unit) => unit.id === selectedUnit?.id)?.id;

  return (
    <div className="page programmes-page">
      <PageTitle>{t("programmes.title")}</PageTitle>
      <PortfolioTabs />
      {selectedUnit ? (
        <Paragraph className="page-intro">{t("programmes.intro", { unit: selectedUnit.name })}</Paragraph>
      ) : (
        units.data && <Paragraph>{t("programmes.noUnit")}</Paragraph>
      )}
      {editable.length > 0 && (
        <Details>
          <Details.Summary>{t("programmeEdit.new.title")}</Details.Summary>
          <Details.Content>
            <Paragraph data-size="sm">{t("programmeEdit.new.intro")}</Paragraph>
            <NewProgrammeForm units={editable} defaultUnitId={ownDefault} />
          </Details.Content>
        </Details>
      )}
      <ProblemAlert error={units.error ?? portfolio.error} headingLevel={2} />
      {(units.isPending || (selectedUnit && portfolio.isPending)) && (
        <Spinner aria-label={t("common.loading")} />
      )}
      {data && data.programmes.length === 0 && (
        <Paragraph>{t("programmes.none", { unit: data.unit.name })}</Paragraph>
      )}
      {data && data.programmes.length > 0 && (
        <ScrollRegion label={t("programmes.table.label")}>
          <Table data-size="sm" className="portfolio-table">
            <caption className="visually-hidden">{t("programmes.table.label")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("programmes.table.programme")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("programmes.table.phase")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("programmes.table.gate")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("programmes.table.status")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("programmes.table.aspects")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("programmes.table.trend")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.programmes.map((row) => (
                <Table.Row key={row.id}>
                  <Table.HeaderCell scope="row">
                    <RouterLink to="/programmes/$id" params={{ id: String(row.id) }}>
                      {row.code}: {row.title}
                    </RouterLink>
                    <br />
                    <span className="portfolio-owner">
                      {t(`programmes.kind.${row.kind}`)}, {row.ownerUnit.name}
                    </span>
                  </Table.HeaderCell>
                  <Table.Cell>
                    {row.currentPhase
                      ? phaseLabel(row.currentPhase.number, row.currentPhase.name, t)
                      : t("programmes.phase.none")}
                  </Table.Cell>
                  <Table.Cell>
                    <GateCell gate={row.nextGate} t={t} locale={locale} />
                  </Table.Cell>
                  <Table.Cell>
                    {row.report ? (
                      <>
                        <ColourBadge colour={row.report.overall} t={t} />
                        <br />
                        {t("programmes.report.period", { period: row.report.period })}
                      </>
                    ) : (
                      t("programmes.report.none")
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {row.report && (
                      <ul className="portfolio-aspects">
                        {aspects.map((aspect) => (
                          <li key={aspect}>
                            <ColourBadge
                              colour={row.report?.[aspect] ?? null}
                              t={t}
                              label={t(`programmes.aspect.${aspect}`)}
                            />
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                  <Table.Cell>{row.report ? trendWord(row.trend, t) : ""}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </div>
  );
}
