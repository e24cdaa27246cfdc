// Risiko: the programme's risks by rank with their area, likely events and consequences, the level
// before and after measures in a period, and the consequence-reducing measures linked to each.
// Editors add a risk, assess it for the period, add a measure linked to it, change it and close it.

import { Button, Details, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import {
  type ProgrammeRisk,
  type ProgrammeRiskList,
  useAssessProgrammeRisk,
  useProgrammeRisks,
} from "../../api/programmeRegisters.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { areaNamer } from "../unitRisks/areaNames.ts";
import { riskPeriodName } from "../unitRisks/unitRiskWords.ts";
import { CloseRiskButton, NewRiskForm, RiskEditForm } from "./RiskForm.tsx";
import { errorOf, FormProblems, RegisterSection } from "./registerParts.tsx";

/** The periods risks are assessed for, this year's and last year's, newest first. */
function periodChoices(today = new Date()): { periods: string[]; current: string } {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  const current = month <= 4 ? `${year}-T1` : month <= 8 ? `${year}-T2` : String(year);
  const periods = [
    String(year),
    `${year}-T2`,
    `${year}-T1`,
    String(year - 1),
    `${year - 1}-T2`,
    `${year - 1}-T1`,
  ];
  return { periods, current };
}

function useLevelName(list: ProgrammeRiskList | undefined) {
  const { t, locale } = useLocale();
  return (key: string | null | undefined) => {
    if (!key) return t("registers.risks.notAssessed");
    return list?.scale.levels.find((level) => level.key === key)?.label[locale] ?? key;
  };
}

/** The level before and after measures for the period, from the version read (0 when new). */
function AssessForm({
  programmeId,
  risk,
  list,
  onDone,
}: {
  programmeId: number;
  risk: ProgrammeRisk;
  list: ProgrammeRiskList;
  onDone: () => void;
}) {
  const { t, locale } = useLocale();
  const assess = useAssessProgrammeRisk(programmeId);
  const [level, setLevel] = useState(risk.assessment?.level ?? "");
  const [residualLevel, setResidualLevel] = useState(risk.assessment?.residualLevel ?? "");
  const [justification, setJustification] = useState(risk.assessment?.justification ?? "");
  const error = errorOf(assess.error);
  const levelSelect = (label: string, value: string, set: (value: string) => void, field: string) => (
    <SelectField
      label={label}
      value={value}
      onChange={(event) => set(event.target.value)}
      error={error(field)}
    >
      <option value="">{t("registers.risks.field.none")}</option>
      {list.scale.levels.map((each) => (
        <option key={each.key} value={each.key}>
          {each.label[locale]}
        </option>
      ))}
    </SelectField>
  );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    assess.mutate(
      {
        riskId: risk.id,
        period: list.period,
        version: risk.assessment?.version ?? 0,
        level: level || null,
        residualLevel: residualLevel || null,
        justification,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="register-form" onSubmit={submit} noValidate>
      {levelSelect(t("registers.risks.field.level"), level, setLevel, "level")}
      {levelSelect(
        t("registers.risks.field.residualLevel"),
        residualLevel,
        setResidualLevel,
        "residualLevel",
      )}
      <Textfield
        label={t("registers.risks.field.justification")}
        multiline
        rows={2}
        value={justification}
        onChange={(event) => setJustification(event.target.value)}
        error={error("justification")}
      />
      <div className="register-actions">
        <Button type="submit" loading={assess.isPending}>
          {t("registers.save")}
        </Button>
      </div>
      <FormProblems error={assess.error} register="risks" />
    </form>
  );
}

/** A measure of the owner unit, linked to the risk (measure_links kind unit_risk). */
function NewMeasureForm({ risk, onDone }: { risk: ProgrammeRisk; onDone: () => void }) {
  const { t } = useLocale();
  const [title, setTitle] = useState("");
  const [ownerRole, setOwnerRole] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const measure = await api.post<{ id: number; version: number }>("/api/measures", {
        responsibleUnitId: risk.unitId,
        title,
        ownerRole,
        phase: "decided",
      });
      await api.put(`/api/measures/${measure.id}/links`, {
        version: measure.version,
        links: [{ kind: "unit_risk", targetId: risk.id }],
      });
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="register-form" onSubmit={submit} noValidate>
      <Textfield
        label={t("registers.risks.measureTitle")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={errorOf(error)("title")}
      />
      <Textfield
        label={t("registers.risks.measureOwner")}
        value={ownerRole}
        onChange={(event) => setOwnerRole(event.target.value)}
        error={errorOf(error)("ownerRole")}
      />
      <div className="register-actions">
        <Button type="submit" loading={pending}>
          {t("registers.risks.addMeasure")}
        </Button>
      </div>
      <FormProblems error={error} register="risks" />
    </form>
  );
}

export function RisksSection({
  programmeId,
  onDone,
}: {
  programmeId: number;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useLocale();
  const choices = periodChoices();
  const [period, setPeriod] = useState(choices.current);
  const [round, setRound] = useState(0);
  const list = useProgrammeRisks(programmeId, period);
  const levelName = useLevelName(list.data);
  const data = list.data;
  const nameOfArea = data ? areaNamer(data as never, t, locale) : (area: string) => area;
  const refresh = (message: string) => {
    setRound((value) => value + 1);
    onDone(message);
    void list.refetch();
  };
  return (
    <RegisterSection id="register-risks" title={t("registers.risks.title")}>
      <SelectField
        label={t("registers.risks.period")}
        value={period}
        onChange={(event) => setPeriod(event.target.value)}
        className="register-period"
      >
        {choices.periods.map((each) => (
          <option key={each} value={each}>
            {riskPeriodName(each, t)}
          </option>
        ))}
      </SelectField>
      {list.isError && <ProblemAlert error={list.error} headingLevel={3} />}
      {data && (
        <Paragraph>{t("registers.risks.intro", { period: riskPeriodName(data.period, t) })}</Paragraph>
      )}
      {data && data.risks.length === 0 && <Paragraph>{t("registers.risks.none")}</Paragraph>}
      {data && data.risks.length > 0 && (
        <ScrollRegion label={t("registers.risks.title")}>
          <Table data-size="sm" className="register-table">
            <caption className="register-hidden">
              {t("registers.risks.caption", { period: riskPeriodName(data.period, t) })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("registers.risks.rank")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.risks.risk")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.risks.before")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.risks.after")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.risks.measures")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.risks.map((risk) => (
                <Table.Row key={risk.id}>
                  <Table.Cell>{risk.rank}</Table.Cell>
                  <Table.HeaderCell scope="row" className="register-risk">
                    <span className="register-risk__area">{nameOfArea(risk.area)}</span>
                    <strong>{risk.title}</strong>
                    {risk.likelyEvents !== "" && (
                      <span>
                        {t("registers.risks.likelyEvents")}: {risk.likelyEvents}
                      </span>
                    )}
                    {risk.consequences !== "" && (
                      <span>
                        {t("registers.risks.consequences")}: {risk.consequences}
                      </span>
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>{levelName(risk.assessment?.level)}</Table.Cell>
                  <Table.Cell>{levelName(risk.assessment?.residualLevel)}</Table.Cell>
                  <Table.Cell>
                    {risk.measures.length === 0 ? (
                      t("registers.risks.noMeasures")
                    ) : (
                      <ul className="register-activities">
                        {risk.measures.map((measure) => (
                          <li key={measure.id}>
                            <a href={`/measures/${measure.id}`}>{measure.title}</a>
                            {measure.deadline ? ` (${formatDate(measure.deadline, locale)})` : ""}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {data?.can.edit &&
        // Per risk: assess it and add a measure, then change or close it.
        data.risks.flatMap((risk) => [
          <Details key={`${risk.id}-${round}`} className="register-add">
            <Details.Summary>{t("registers.risks.assess", { title: risk.title })}</Details.Summary>
            <Details.Content>
              <AssessForm
                programmeId={programmeId}
                risk={risk}
                list={data}
                onDone={() => refresh(t("registers.saved"))}
              />
              <NewMeasureForm risk={risk} onDone={() => refresh(t("registers.saved"))} />
            </Details.Content>
          </Details>,
          <Details key={`change-${risk.id}-${round}`} className="register-add">
            <Details.Summary>{t("registers.risks.change", { title: risk.title })}</Details.Summary>
            <Details.Content>
              <RiskEditForm
                programmeId={programmeId}
                record={risk}
                list={data}
                onCancel={() => setRound((value) => value + 1)}
                onDone={(title) => refresh(t("registers.changed", { name: title }))}
              />
              <CloseRiskButton
                programmeId={programmeId}
                risk={risk}
                onDone={(title) => refresh(t("registers.risks.closed", { title }))}
              />
            </Details.Content>
          </Details>,
        ])}
      {data?.can.edit && (
        <Details key={`new-${round}`} className="register-add">
          <Details.Summary>{t("registers.risks.add")}</Details.Summary>
          <Details.Content>
            <NewRiskForm
              programmeId={programmeId}
              list={data}
              onDone={(title) => refresh(t("registers.added", { name: title }))}
            />
          </Details.Content>
        </Details>
      )}
    </RegisterSection>
  );
}
