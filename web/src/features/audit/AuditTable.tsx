import { Button, Table } from "@digdir/designsystemet-react";
import { Fragment, useState } from "react";
import type { AuditEntry } from "../../api/types.ts";
import { formatDateTime } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";

const columnCount = 6;

function translated(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key) : code;
}

function JsonBlock({ value, emptyText }: { value: unknown; emptyText: string }) {
  if (value === null || value === undefined) return <p className="json-empty">{emptyText}</p>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
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
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

/**
 * One entry, with its before and after values in a full-width row below it, opened by a button
 * with aria-expanded. A row of its own gives the JSON room to be read.
 */
function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const hasChanges = entry.before !== null || entry.after !== null;
  const changesId = `audit-changes-${entry.id}`;
  return (
    <Fragment>
      <Table.Row>
        <Table.Cell className="nowrap">
          <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
        </Table.Cell>
        <Table.Cell>{entry.actorName}</Table.Cell>
        <Table.Cell>{translated(t, "audit.action", entry.action)}</Table.Cell>
        <Table.Cell>
          {translated(t, "entityType", entry.entityType)} {entry.entityId}
        </Table.Cell>
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
            <div className="before-after">
              <div>
                <strong>{t("audit.before")}</strong>
                <JsonBlock value={entry.before} emptyText={t("audit.nothing")} />
              </div>
              <div>
                <strong>{t("audit.after")}</strong>
                <JsonBlock value={entry.after} emptyText={t("audit.nothing")} />
              </div>
            </div>
          </Table.Cell>
        </Table.Row>
      )}
    </Fragment>
  );
}
