import { Button, Card, Heading, Link } from "@digdir/designsystemet-react";
import { useEffect, useRef } from "react";
import { documentUrls, type StoredDocument } from "../../api/documents.ts";
import { useT } from "../../i18n/i18n.tsx";

/**
 * The printable HTML preview of a stored document, in a frame. The preview is served with a
 * content security policy that lets nothing run (default-src 'none'), so the frame needs no sandbox
 * of its own, and assistive technology can read into it. "Open in a new tab" is for printing.
 */
export function DocumentPreview({ document, onClose }: { document: StoredDocument; onClose: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Card className="document-preview" data-color="neutral">
      <div className="document-preview__bar">
        <Heading level={2} data-size="xs" ref={heading} tabIndex={-1} id="document-preview-heading">
          {t("documents.preview.heading", { title: document.title })}
        </Heading>
        <div className="documents-table__actions">
          <Link href={documentUrls.preview(document.id)} target="_blank" rel="noopener">
            {t("documents.preview.openInTab")}
          </Link>
          <Link href={documentUrls.docx(document.id)} download>
            {t("documents.list.download")}
          </Link>
          <Button type="button" variant="secondary" data-size="sm" onClick={onClose}>
            {t("documents.preview.close")}
          </Button>
        </div>
      </div>
      <iframe
        className="document-preview__frame"
        title={t("documents.preview.frameTitle", { title: document.title })}
        src={documentUrls.preview(document.id)}
      />
    </Card>
  );
}
