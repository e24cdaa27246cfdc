import { Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import { type SteeringDocument, usePublishDocument } from "../../api/steering.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

export function PublishPanel({
  document,
  onDone,
}: {
  document: SteeringDocument;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const publish = usePublishDocument();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card className="subcard" data-color="accent">
      <Heading level={3} data-size="xs">
        {t("steering.publish.title")}
      </Heading>
      <Paragraph data-size="sm">
        {t("steering.publish.intro", {
          count: document.requirements.length,
          recipients: document.recipients.length,
        })}
      </Paragraph>
      {confirming ? (
        <>
          <Paragraph data-size="sm">
            <strong>{t("steering.publish.confirmLabel")}</strong>
          </Paragraph>
          <div className="button-row">
            <Button
              type="button"
              loading={publish.isPending}
              onClick={() =>
                publish.mutate(
                  { id: document.id, version: document.version },
                  { onSuccess: () => onDone(t("steering.publish.done", { title: document.title })) },
                )
              }
            >
              {t("steering.publish.confirm")}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setConfirming(false)}>
              {t("answers.cancel")}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={document.requirements.length === 0}
          >
            {t("steering.publish.button")}
          </Button>
        </div>
      )}
      <ProblemAlert error={publish.error} headingLevel={4} />
    </Card>
  );
}
