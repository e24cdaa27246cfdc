import { Button, Table } from "@digdir/designsystemet-react";
import { Fragment, useState } from "react";
import type { AuditEntry } from "../../api/types.ts";
import { formatDateTime } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";
import { AuditChanges } from "./AuditChanges.tsx";
import "./audit.css";

const columnCount = 6;

/** Names for the unit and user ids that entries hold. */
export type AuditNames = {
  unitName: (id: number) => string | undefined;
  userName: (id: number) => string | undefined;
  indicatorName: (id: number) => string | undefined;
};

function translated(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key) : code;
}

/**
 * The action as a verb. Workflow steps are audited with their entity in front ("answer_submit",
 * "risk_assessment_approve"); the step's own verb is used for them.
 */
export function actionWords(t: Translate, entry: Pick<AuditEntry, "action" | "entityType">): string {
  const own = `${entry.entityType}_`;
  const step = entry.action.startsWith(own) ? entry.action.slice(own.length) : entry.action;
  return translated(t, "audit.action", hasMessage(`audit.action.${entry.action}`) ? entry.action : step);
}

/** What an entry is about: its kind in words and its name ("Mål for indikator INNLEIE 2026"). */
export function entityWords(entry: AuditEntry, t: Translate): string {
  return `${translated(t, "entityType", entry.entityType)} ${entry.entityLabel ?? entry.entityId}`;
}

export function AuditTable({ entries, names }: { entries: AuditEntry[]; names: AuditNames }) {
  const { t } = useLocale();
  return (
    <ScrollRegion label={t("audit.resultsHeading")}>
      <Table border className="audit-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("audit.time")}</Table.HeaderCell>
            <Table.HeaderCell>{t("audit.actor")}</Table.HeaderCell>
            <Table.HeaderCell>{t("audit.action")}</Table.HeaderCell>
            <Table.HeaderCell>{t("audit.entity")}</Table.HeaderCell>
            <Table.HeaderCell>{t("audit.unitColumn")}</Table.HeaderCell>
            <Table.HeaderCell>{t("audit.changes")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} names={names} />
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

/**
 * One entry, with what it changed in a full-width row below it, opened by a button with
 * aria-expanded. A row of its own gives the field table room to be read.
 */
function AuditRow({ entry, names }: { entry: AuditEntry; names: AuditNames }) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const hasChanges = entry.before !== null || entry.after !== null;
  const changesId = `audit-changes-${entry.id}`;
  const entity = entityWords(entry, t);
  return (
    <Fragment>
      <Table.Row>
        <Table.Cell className="nowrap">
          <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
        </Table.Cell>
        <Table.Cell>{entry.actorName}</Table.Cell>
        <Table.Cell>{actionWords(t, entry)}</Table.Cell>
        <Table.Cell>{entity}</Table.Cell>
        <Table.Cell>{entry.unitName ?? t("common.none")}</Table.Cell>
        <Table.Cell>
          {hasChanges ? (
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              aria-expanded={open}
              aria-controls={changesId}
              onClick={() => setOpen((current) => !current)}
            >
              <span aria-hidden="true">{open ? "▾" : "▸"}</span>
              {t("audit.showChanges")}
            </Button>
          ) : (
            t("common.none")
          )}
        </Table.Cell>
      </Table.Row>
      {hasChanges && (
        <Table.Row id={changesId} hidden={!open} className="audit-table__changes">
          <Table.Cell colSpan={columnCount}>
            {open && (
              <AuditChanges
                before={entry.before}
                after={entry.after}
                caption={t("audit.changesCaption", { entity })}
                context={{ entityType: entry.entityType, ...names }}
              />
            )}
          </Table.Cell>
        </Table.Row>
      )}
    </Fragment>
  );
}
