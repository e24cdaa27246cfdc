// Opplæringsplan: audience, content, dates and status; editors add and delete training.

import { Button, Details, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import {
  activityStatuses,
  type NewTraining,
  type Training,
  useAddToRegister,
  useRemoveFromRegister,
  useTraining,
} from "../../api/programmeRegisters.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { DeleteButton, errorOf, FormProblems, RegisterSection } from "./registerParts.tsx";

type Status = (typeof activityStatuses)[number];

function NewTrainingForm({ programmeId, onDone }: { programmeId: number; onDone: (name: string) => void }) {
  const { t } = useLocale();
  const add = useAddToRegister<NewTraining, Training>(programmeId, "training");
  const [audience, setAudience] = useState("");
  const [content, setContent] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [status, setStatus] = useState<Status>("planned");
  const error = errorOf(add.error);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate(
      { audience, content, status, startsOn: startsOn || null, endsOn: endsOn || null },
      { onSuccess: (made) => onDone(made.audience) },
    );
  };
  return (
    <form className="register-form" onSubmit={submit} noValidate>
      <Textfield
        label={t("registers.training.field.audience")}
        value={audience}
        onChange={(event) => setAudience(event.target.value)}
        error={error("audience")}
      />
      <Textfield
        label={t("registers.training.field.content")}
        multiline
        rows={3}
        value={content}
        onChange={(event) => setContent(event.target.value)}
        error={error("content")}
      />
      <div className="register-pair">
        <Textfield
          label={t("registers.training.field.startsOn")}
          type="date"
          value={startsOn}
          onChange={(event) => setStartsOn(event.target.value)}
          error={error("startsOn")}
        />
        <Textfield
          label={t("registers.training.field.endsOn")}
          type="date"
          value={endsOn}
          onChange={(event) => setEndsOn(event.target.value)}
          error={error("endsOn")}
        />
      </div>
      <SelectField
        label={t("registers.training.field.status")}
        value={status}
        onChange={(event) => setStatus(event.target.value as Status)}
      >
        {activityStatuses.map((each) => (
          <option key={each} value={each}>
            {t(`registers.status.${each}`)}
          </option>
        ))}
      </SelectField>
      <div className="register-actions">
        <Button type="submit" loading={add.isPending}>
          {t("registers.training.add")}
        </Button>
      </div>
      <FormProblems error={add.error} register="training" />
    </form>
  );
}

export function TrainingSection({
  programmeId,
  onDone,
}: {
  programmeId: number;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useLocale();
  const list = useTraining(programmeId);
  const remove = useRemoveFromRegister(programmeId, "training");
  const [round, setRound] = useState(0);
  const date = (value: string | null) => (value ? formatDate(value, locale) : "");
  const rows = list.data?.training ?? [];
  const canEdit = list.data?.can.edit === true;
  return (
    <RegisterSection id="register-training" title={t("registers.training.title")}>
      {list.isError && <ProblemAlert error={list.error} headingLevel={3} />}
      {list.data && rows.length === 0 && <Paragraph>{t("registers.training.none")}</Paragraph>}
      {remove.error !== null && <ProblemAlert error={remove.error} headingLevel={3} />}
      {rows.length > 0 && (
        <ScrollRegion label={t("registers.training.title")}>
          <Table data-size="sm" className="register-table">
            <caption className="register-hidden">{t("registers.training.title")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("registers.training.field.audience")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.training.field.content")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.training.dates")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("registers.training.field.status")}</Table.HeaderCell>
                {canEdit && (
                  <Table.HeaderCell scope="col">
                    <span className="register-hidden">{t("registers.delete")}</span>
                  </Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.id}>
                  <Table.HeaderCell scope="row">{row.audience}</Table.HeaderCell>
                  <Table.Cell className="register-pre">{row.content}</Table.Cell>
                  <Table.Cell>
                    {row.startsOn || row.endsOn ? `${date(row.startsOn)} – ${date(row.endsOn)}` : ""}
                  </Table.Cell>
                  <Table.Cell>{t(`registers.status.${row.status}`)}</Table.Cell>
                  {canEdit && (
                    <Table.Cell>
                      <DeleteButton
                        name={row.audience}
                        pending={remove.isPending}
                        onDelete={() =>
                          remove.mutate(
                            { id: row.id, version: row.version },
                            { onSuccess: () => onDone(t("registers.deleted", { name: row.audience })) },
                          )
                        }
                      />
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {canEdit && (
        <Details key={round} className="register-add">
          <Details.Summary>{t("registers.training.add")}</Details.Summary>
          <Details.Content>
            <NewTrainingForm
              programmeId={programmeId}
              onDone={(name) => {
                setRound((value) => value + 1);
                onDone(t("registers.added", { name }));
              }}
            />
          </Details.Content>
        </Details>
      )}
    </RegisterSection>
  );
}
