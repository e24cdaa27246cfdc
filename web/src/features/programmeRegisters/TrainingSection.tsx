// Opplæringsplan: audience, content, dates and status; editors add, change and delete training.

import { Details, Paragraph, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useRemoveFromRegister, useTraining } from "../../api/programmeRegisters.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { EditPanel, RecordActions } from "./registerEditing.tsx";
import { RegisterSection } from "./registerParts.tsx";
import { NewTrainingForm, TrainingEditForm } from "./TrainingForm.tsx";

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
  const [editingId, setEditingId] = useState<number | null>(null);
  const date = (value: string | null) => (value ? formatDate(value, locale) : "");
  const rows = list.data?.training ?? [];
  const canEdit = list.data?.can.edit === true;
  const editing = rows.find((row) => row.id === editingId);
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
                    <span className="register-hidden">{t("registers.actions")}</span>
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
                      <RecordActions
                        name={row.audience}
                        editing={editingId === row.id}
                        onEdit={() => setEditingId((open) => (open === row.id ? null : row.id))}
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
      {canEdit && editing && (
        <EditPanel key={editing.id} level={3} title={t("registers.editTitle", { name: editing.audience })}>
          <TrainingEditForm
            programmeId={programmeId}
            record={editing}
            onCancel={() => setEditingId(null)}
            onDone={(name) => {
              setEditingId(null);
              onDone(t("registers.changed", { name }));
            }}
          />
        </EditPanel>
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
