import "./measures.css";
import { Button, Checkbox, Link as DsLink, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import { useUnits } from "../../api/hooks.ts";
import {
  type MeasureFilter,
  type MeasurePhase,
  type MeasureStatus,
  useMeasures,
} from "../../api/measures.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { GoalFilter } from "./GoalFilter.tsx";
import { MeasureFlags, PhaseOptions, StatusOptions, usePhaseStatus } from "./MeasureLabels.tsx";

const pageSize = 50;

/** The measures of the selected unit and its subtree, filtered by phase, status, deadline, owner and goal. */
export function MeasuresPage() {
  const { t } = useLocale();
  const words = usePhaseStatus();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit } = useSelectedUnit(me, units.data);
  const [phase, setPhase] = useState<MeasurePhase | "">("");
  const [status, setStatus] = useState<MeasureStatus | "">("");
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [goal, setGoal] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);

  const filter: MeasureFilter = {
    unitId: selectedUnit?.id,
    phase: phase || undefined,
    status: status || undefined,
    overdue: overdue || undefined,
    ownerUserId: mine ? me.id : undefined,
    requirementId: goal ?? undefined,
    offset,
    limit: pageSize,
  };
  const measures = useMeasures(filter, selectedUnit !== undefined && selectedUnit !== null);
  const data = measures.data;

  return (
    <div className="page measures-page">
      <PageTitle>{t("measures.title")}</PageTitle>
      {selectedUnit && (
        <Paragraph className="page-intro">{t("measures.intro", { unit: selectedUnit.name })}</Paragraph>
      )}
      <p>
        <DsLink asChild>
          <RouterLink to="/measures/new">{t("measures.new")}</RouterLink>
        </DsLink>
      </p>
      <fieldset className="measure-filters">
        <legend className="visually-hidden">{t("measures.filter.legend")}</legend>
        <SelectField
          label={t("measures.filter.phase")}
          value={phase}
          onChange={(event) => {
            setPhase(event.target.value as MeasurePhase | "");
            setOffset(0);
          }}
        >
          <option value="">{t("measures.filter.all")}</option>
          <PhaseOptions />
        </SelectField>
        <SelectField
          label={t("measures.filter.status")}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as MeasureStatus | "");
            setOffset(0);
          }}
        >
          <option value="">{t("measures.filter.all")}</option>
          <StatusOptions />
        </SelectField>
        <Checkbox
          label={t("measures.filter.overdueOnly")}
          checked={overdue}
          onChange={(event) => {
            setOverdue(event.target.checked);
            setOffset(0);
          }}
        />
        <Checkbox
          label={t("measures.filter.mine")}
          checked={mine}
          onChange={(event) => {
            setMine(event.target.checked);
            setOffset(0);
          }}
        />
        <GoalFilter
          value={goal}
          onChange={(picked) => {
            setGoal(picked);
            setOffset(0);
          }}
        />
      </fieldset>
      <ProblemAlert error={units.error ?? measures.error} headingLevel={2} />
      {(units.isPending || measures.isPending) && !data && <Spinner aria-label={t("common.loading")} />}
      {data && data.items.length === 0 && <Paragraph>{t("measures.none")}</Paragraph>}
      {data && data.items.length > 0 && (
        <>
          <ScrollRegion label={t("measures.caption", { total: data.total })}>
            <Table data-size="sm" className="measures-table">
              <caption className="visually-hidden">{t("measures.caption", { total: data.total })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("measures.col.title")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.unit")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.owner")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.phase")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.status")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.deadline")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("measures.col.flags")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.items.map((item) => (
                  <Table.Row key={item.id}>
                    <Table.HeaderCell scope="row">
                      <RouterLink to="/measures/$id" params={{ id: String(item.id) }}>
                        {item.title}
                      </RouterLink>
                    </Table.HeaderCell>
                    <Table.Cell>{item.unit.name}</Table.Cell>
                    <Table.Cell>{item.ownerName ?? (item.ownerRole || t("measures.noOwner"))}</Table.Cell>
                    <Table.Cell>{words.phase(item.phase)}</Table.Cell>
                    <Table.Cell>{words.status(item.status)}</Table.Cell>
                    <Table.Cell>{words.date(item.deadline)}</Table.Cell>
                    <Table.Cell>
                      <MeasureFlags item={item} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
          <div className="measure-paging">
            <span>
              {t("measures.page", {
                from: offset + 1,
                to: offset + data.items.length,
                total: data.total,
              })}
            </span>
            {offset > 0 && (
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => setOffset(Math.max(0, offset - pageSize))}
              >
                {t("measures.previous")}
              </Button>
            )}
            {offset + data.items.length < data.total && (
              <Button variant="secondary" data-size="sm" onClick={() => setOffset(offset + pageSize)}>
                {t("measures.next")}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
