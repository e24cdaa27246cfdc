import { Card, Details, Heading } from "@digdir/designsystemet-react";
import type { SteeringDocument } from "../../api/steering.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { AddChapterForm } from "./AddChapterForm.tsx";
import { ImportForm } from "./ImportForm.tsx";
import { PublishPanel } from "./PublishPanel.tsx";
import { RequirementForm } from "./RequirementForm.tsx";

/** A draft's tools: adding chapters and requirements, importing a requirement table, and publishing. */
export function DraftTools({
  document,
  onDone,
}: {
  document: SteeringDocument;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="draft-tools-heading" className="draft-tools">
      <Heading level={2} data-size="sm" id="draft-tools-heading">
        {t("steering.draft.title")}
      </Heading>
      {document.can.edit && (
        <Card className="subcard">
          <Details>
            <Details.Summary>{t("steering.chapter.addTitle")}</Details.Summary>
            <Details.Content>
              <AddChapterForm documentId={document.id} onDone={onDone} />
            </Details.Content>
          </Details>
          <Details>
            <Details.Summary>{t("steering.requirement.addTitle")}</Details.Summary>
            <Details.Content>
              <RequirementForm
                documentId={document.id}
                chapters={document.chapters}
                recipients={document.recipients}
                requirement={null}
                headingLevel={3}
                onDone={onDone}
              />
            </Details.Content>
          </Details>
          <Details>
            <Details.Summary>{t("steering.import.title")}</Details.Summary>
            <Details.Content>
              <ImportForm documentId={document.id} />
            </Details.Content>
          </Details>
        </Card>
      )}
      {document.can.publish && <PublishPanel document={document} onDone={onDone} />}
    </section>
  );
}
