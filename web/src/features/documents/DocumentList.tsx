import { Button, Link, Table, Tag } from "@digdir/designsystemet-react";
import { documentUrls, type StoredDocument } from "../../api/documents.ts";
import { formatDateTime } from "../../components/dates.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/**
 * Stored documents, newest first: when the data were read, by whom, and the start of the snapshot's
 * SHA-256, which tells two generations from the same data apart from two with different data.
 */
export function DocumentList({
  documents,
  highlightId,
  previewId,
  onPreview,
}: {
  documents: StoredDocument[];
  highlightId: number | null;
  previewId: number | null;
  onPreview: (document: StoredDocument) => void;
}) {
  const { t, locale } = useLocale();
  return (
    <ScrollRegion label={t("documents.list.heading")}>
      <Table zebra border className="documents-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("documents.list.document")}</Table.HeaderCell>
            <Table.HeaderCell>{t("documents.list.unit")}</Table.HeaderCell>
            <Table.HeaderCell>{t("documents.list.period")}</Table.HeaderCell>
            <Table.HeaderCell>{t("documents.list.takenAt")}</Table.HeaderCell>
            <Table.HeaderCell>{t("documents.list.hash")}</Table.HeaderCell>
            <Table.HeaderCell>{t("documents.list.actions")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {documents.map((document) => (
            <Table.Row key={document.id} aria-current={document.id === highlightId ? "true" : undefined}>
              <Table.Cell>
                <span className="documents-table__title">{document.title}</span>
                <span className="documents-table__meta">
                  {t(`documents.type.${document.documentType}`)} · {t(`documents.locale.${document.locale}`)}
                  {document.id === highlightId && (
                    <>
                      {" "}
                      <Tag data-color="success" data-size="sm">
                        {t("documents.list.new")}
                      </Tag>
                    </>
                  )}
                </span>
              </Table.Cell>
              <Table.Cell>{document.unitName}</Table.Cell>
              <Table.Cell className="nowrap">{document.period}</Table.Cell>
              <Table.Cell>
                <span className="nowrap">{formatDateTime(document.takenAt, locale)}</span>
                <span className="documents-table__meta">{document.createdByName}</span>
              </Table.Cell>
              <Table.Cell>
                <code className="documents-table__hash">{document.snapshotHash.slice(0, 12)}</code>
              </Table.Cell>
              <Table.Cell>
                <div className="documents-table__actions">
                  <Button
                    type="button"
                    variant="secondary"
                    data-size="sm"
                    aria-label={t("documents.list.previewLabel", { title: document.title, id: document.id })}
                    aria-pressed={document.id === previewId}
                    onClick={() => onPreview(document)}
                  >
                    {t("documents.list.preview")}
                  </Button>
                  <Link
                    href={documentUrls.docx(document.id)}
                    download
                    aria-label={t("documents.list.downloadLabel", { title: document.title, id: document.id })}
                  >
                    {t("documents.list.download")}
                  </Link>
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
