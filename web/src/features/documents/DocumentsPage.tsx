import { Alert, Card, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useState } from "react";
import { type StoredDocument, useStoredDocuments } from "../../api/documents.ts";
import { useUnits } from "../../api/hooks.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { CompareDocuments } from "./CompareDocuments.tsx";
import { DocumentList } from "./DocumentList.tsx";
import { DocumentPreview } from "./DocumentPreview.tsx";
import { GenerateDocumentForm } from "./GenerateDocumentForm.tsx";
import "./documents.css";

/**
 * Board documents: generate an annual report, a tertial report or a board case from the data as
 * they are now; find the stored ones, preview them, download them as Word and compare two.
 */
export function DocumentsPage() {
  const t = useT();
  const me = useSignedInUser();
  const units = useUnits();
  const documents = useStoredDocuments();
  const [status, setStatus] = useState<string | null>(null);
  const [newestId, setNewestId] = useState<number | null>(null);
  const [preview, setPreview] = useState<StoredDocument | null>(null);

  const mayGenerate = (units.data ?? []).some((unit) => unit.can.generateDocuments);
  const list = documents.data ?? [];
  // A preview of a document no longer listed (another user signed in) is closed.
  const previewed = preview && list.some((each) => each.id === preview.id) ? preview : null;

  return (
    <div className="page documents-page">
      <PageTitle>{t("documents.title")}</PageTitle>
      <Paragraph className="page-intro">{t("documents.intro")}</Paragraph>
      <LiveStatus message={status} />

      {units.isError && <ProblemAlert error={units.error} headingLevel={2} />}
      {units.data && mayGenerate && (
        <Card className="documents-card">
          <Heading level={2} data-size="sm" id="generate-heading">
            {t("documents.generate.heading")}
          </Heading>
          <Paragraph data-size="sm">{t("documents.generate.intro")}</Paragraph>
          <GenerateDocumentForm
            me={me}
            units={units.data}
            onGenerated={(document) => {
              setNewestId(document.id);
              setStatus(t("documents.generate.done", { title: document.title }));
            }}
          />
        </Card>
      )}

      <section aria-labelledby="documents-list-heading" className="documents-section">
        <Heading level={2} data-size="sm" id="documents-list-heading" tabIndex={-1}>
          {t("documents.list.heading")}
        </Heading>
        {documents.isPending && <Spinner aria-label={t("common.loading")} />}
        {documents.isError && <ProblemAlert error={documents.error} headingLevel={3} />}
        {documents.isSuccess &&
          (list.length === 0 ? (
            <Alert data-color="info">{t("documents.list.empty")}</Alert>
          ) : (
            <DocumentList
              documents={list}
              highlightId={newestId}
              previewId={previewed?.id ?? null}
              onPreview={(document) => setPreview(document)}
            />
          ))}
      </section>

      {previewed && (
        <DocumentPreview
          key={previewed.id}
          document={previewed}
          onClose={() => {
            setPreview(null);
            // The button that closed the preview is gone; the list it was opened from takes focus.
            window.document.getElementById("documents-list-heading")?.focus();
          }}
        />
      )}

      {list.length > 1 && (
        <section aria-labelledby="compare-heading" className="documents-section">
          <Heading level={2} data-size="sm" id="compare-heading">
            {t("documents.compare.heading")}
          </Heading>
          <Paragraph data-size="sm">{t("documents.compare.intro")}</Paragraph>
          <CompareDocuments documents={list} />
        </section>
      )}
    </div>
  );
}
