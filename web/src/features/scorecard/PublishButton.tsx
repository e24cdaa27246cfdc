import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { usePublishScorecard } from "../../api/scorecards.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/**
 * Publishing freezes the scorecard as it is now, so it asks first, in a modal dialog. The native
 * dialog keeps focus inside while open and returns it to the button when it closes.
 */
export function PublishButton({
  unit,
  period,
  periodText,
  onDone,
}: {
  unit: { id: number; name: string };
  period: string;
  periodText: string;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const publish = usePublishScorecard();
  const headingId = useId();

  const close = () => {
    setOpen(false);
    publish.reset();
  };

  const confirm = () =>
    publish.mutate(
      { unitId: unit.id, period },
      {
        onSuccess: () => {
          setOpen(false);
          onDone(t("scorecard.publish.done", { unit: unit.name, period: periodText }));
        },
      },
    );

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t("scorecard.publish.button")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        closeButton={t("scorecard.publish.close")}
        aria-labelledby={headingId}
        closedby="any"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={headingId}>
            {t("scorecard.publish.title", { unit: unit.name, period: periodText })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph data-size="sm">{t("scorecard.publish.body")}</Paragraph>
          <ProblemAlert error={publish.error} headingLevel={3} />
          <div className="button-row">
            <Button type="button" onClick={confirm} loading={publish.isPending}>
              {t("scorecard.publish.confirm")}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t("scorecard.publish.cancel")}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
