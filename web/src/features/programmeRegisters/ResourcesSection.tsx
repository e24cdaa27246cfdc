// Ressurser: planned against used person-months per unit (and phase), with a sum per unit and in
// all; editors add a unit's months and delete a row.

import { Button, Details, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { Fragment, useState } from "react";
import { useUnits } from "../../api/hooks.ts";
import {
  type NewResource,
  type ResourceList,
  useAddToRegister,
  useChangeInRegister,
  useRemoveFromRegister,
  useResources,
} from "../../api/programmeRegisters.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import {
  DeleteButton,
  errorOf,
  FormProblems,
  months,
  numberValue,
  RegisterSection,
} from "./registerParts.tsx";

function NewResourceForm({ programmeId, onDone }: { programmeId: number; onDone: () => void }) {
  const { t } = useLocale();
  const units = useUnits();
  const add = useAddToRegister<NewResource>(programmeId, "resources");
  const [unitId, setUnitId] = useState("");
  const [phase, setPhase] = useState("");
  const [planned, setPlanned] = useState("");
  const [used, setUsed] = useState("");
  const error = errorOf(add.error);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        unitId: Number(unitId),
        phaseNumber: phase.trim() === "" ? null : (numberValue(phase) as number),
        plannedMonths: planned.trim() === "" ? 0 : (numberValue(planned) as number),
        usedMonths: used.trim() === "" ? 0 : (numberValue(used) as number),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="register-form" onSubmit={submit} noValidate>
      <SelectField
        label={t("registers.resources.field.unitId")}
        value={unitId}
        onChange={(event) => setUnitId(event.target.value)}
        error={error("unitId")}
      >
        <option value="">{t("registers.resources.field.chooseUnit")}</option>
        {(units.data ?? []).map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </SelectField>
      <Textfield
        label={t("registers.resources.field.phaseNumber")}
        description={t("registers.resources.field.phaseHelp")}
        inputMode="numeric"
        value={phase}
        onChange={(event) => setPhase(event.target.value)}
        error={error("phaseNumber")}
      />
      <div className="register-pair">
        <Textfield
          label={t("registers.resources.field.plannedMonths")}
          inputMode="decimal"
          value={planned}
          onChange={(event) => setPlanned(event.target.value)}
          error={error("plannedMonths")}
        />
        <Textfield
          label={t("registers.resources.field.usedMonths")}
          inputMode="decimal"
          value={used}
          onChange={(event) => setUsed(event.target.value)}
          error={error("usedMonths")}
        />
      </div>
      <div className="register-actions">
        <Button type="submit" loading={add.isPending}>
          {t("registers.add")}
        </Button>
      </div>
      <FormProblems error={add.error} register="resources" />
    </form>
  );
}

type ResourceRow = ResourceList["resources"][number];

/** Planned and used months of one row, from the version read. */
function ChangeResourceForm({
  programmeId,
  row,
  onDone,
}: {
  programmeId: number;
  row: ResourceRow;
  onDone: () => void;
}) {
  const { t, locale } = useLocale();
  const change = useChangeInRegister<{ version: number; plannedMonths: number; usedMonths: number }>(
    programmeId,
    "resources",
  );
  const [planned, setPlanned] = useState(months(row.plannedMonths, locale));
  const [used, setUsed] = useState(months(row.usedMonths, locale));
  const error = errorOf(change.error);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    change.mutate(
      {
        id: row.id,
        version: row.version,
        plannedMonths: numberValue(planned) as number,
        usedMonths: numberValue(used) as number,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="register-form" onSubmit={submit} noValidate>
      <div className="register-pair">
        <Textfield
          label={t("registers.resources.field.plannedMonths")}
          inputMode="decimal"
          value={planned}
          onChange={(event) => setPlanned(event.target.value)}
          error={error("plannedMonths")}
        />
        <Textfield
          label={t("registers.resources.field.usedMonths")}
          inputMode="decimal"
          value={used}
          onChange={(event) => setUsed(event.target.value)}
          error={error("usedMonths")}
        />
      </div>
      <div className="register-actions">
        <Button type="submit" loading={change.isPending}>
          {t("registers.save")}
        </Button>
      </div>
      <FormProblems error={change.error} register="resources" />
    </form>
  );
}

export function ResourcesSection({
  programmeId,
  onDone,
}: {
  programmeId: number;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useLocale();
  const list = useResources(programmeId);
  const remove = useRemoveFromRegister(programmeId, "resources");
  const [round, setRound] = useState(0);
  const data = list.data;
  const canEdit = data?.can.edit === true;
  const number = (value: number) => months(value, locale);
  return (
    <RegisterSection id="register-resources" title={t("registers.resources.title")}>
      <Paragraph>{t("registers.resources.intro")}</Paragraph>
      {list.isError && <ProblemAlert error={list.error} headingLevel={3} />}
      {data && data.resources.length === 0 && <Paragraph>{t("registers.resources.none")}</Paragraph>}
      {remove.error !== null && <ProblemAlert error={remove.error} headingLevel={3} />}
      {data && data.resources.length > 0 && (
        <ScrollRegion label={t("registers.resources.caption")}>
          <Table data-size="sm" className="register-table register-table--numbers">
            <caption className="register-hidden">{t("registers.resources.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("registers.resources.unit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.resources.phase")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.resources.planned")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.resources.used")}</Table.HeaderCell>
                {canEdit && (
                  <Table.HeaderCell scope="col">
                    <span className="register-hidden">{t("registers.delete")}</span>
                  </Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.perUnit.map((sum) => {
                const rows = data.resources.filter((row) => row.unitId === sum.unitId);
                return (
                  <Fragment key={sum.unitId}>
                    {rows.map((row) => {
                      const phase =
                        row.phaseNumber === null
                          ? t("registers.resources.wholeProgramme")
                          : t("registers.resources.phaseNumber", { number: row.phaseNumber });
                      return (
                        <Table.Row key={row.id}>
                          <Table.HeaderCell scope="row">{row.unitName}</Table.HeaderCell>
                          <Table.Cell>{phase}</Table.Cell>
                          <Table.Cell>{number(row.plannedMonths)}</Table.Cell>
                          <Table.Cell>{number(row.usedMonths)}</Table.Cell>
                          {canEdit && (
                            <Table.Cell>
                              <DeleteButton
                                name={`${row.unitName}, ${phase}`}
                                pending={remove.isPending}
                                onDelete={() =>
                                  remove.mutate(
                                    { id: row.id, version: row.version },
                                    {
                                      onSuccess: () =>
                                        onDone(t("registers.deleted", { name: `${row.unitName}, ${phase}` })),
                                    },
                                  )
                                }
                              />
                            </Table.Cell>
                          )}
                        </Table.Row>
                      );
                    })}
                    {rows.length > 1 && (
                      <Table.Row className="register-sum">
                        <Table.HeaderCell scope="row" colSpan={2}>
                          {t("registers.resources.sumUnit", { unit: sum.unitName })}
                        </Table.HeaderCell>
                        <Table.Cell>{number(sum.plannedMonths)}</Table.Cell>
                        <Table.Cell>{number(sum.usedMonths)}</Table.Cell>
                        {canEdit && <Table.Cell />}
                      </Table.Row>
                    )}
                  </Fragment>
                );
              })}
              <Table.Row className="register-total">
                <Table.HeaderCell scope="row" colSpan={2}>
                  {t("registers.resources.total")}
                </Table.HeaderCell>
                <Table.Cell>{number(data.total.plannedMonths)}</Table.Cell>
                <Table.Cell>{number(data.total.usedMonths)}</Table.Cell>
                {canEdit && <Table.Cell />}
              </Table.Row>
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {canEdit &&
        data?.resources.map((row) => {
          const phase =
            row.phaseNumber === null
              ? t("registers.resources.wholeProgramme")
              : t("registers.resources.phaseNumber", { number: row.phaseNumber });
          return (
            <Details key={`${row.id}-${row.version}`} className="register-add">
              <Details.Summary>
                {t("registers.resources.change", { name: `${row.unitName}, ${phase}` })}
              </Details.Summary>
              <Details.Content>
                <ChangeResourceForm
                  programmeId={programmeId}
                  row={row}
                  onDone={() => onDone(t("registers.saved"))}
                />
              </Details.Content>
            </Details>
          );
        })}
      {canEdit && (
        <Details key={round} className="register-add">
          <Details.Summary>{t("registers.resources.add")}</Details.Summary>
          <Details.Content>
            <NewResourceForm
              programmeId={programmeId}
              onDone={() => {
                setRound((value) => value + 1);
                onDone(t("registers.saved"));
              }}
            />
          </Details.Content>
        </Details>
      )}
    </RegisterSection>
  );
}
