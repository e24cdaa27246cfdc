import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { type BenefitPlanRow, useDeleteBenefit } from "../../api/benefits.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/**
 * Removing a benefit takes its readings with it and cannot be undone, so it asks first, in a modal
 * dialog. If the server refuses (someone changed the benefit meanwhile, or it may not go), its
 * reason shows in the dialog.
 */
export function DeleteBenefitButton({
  benefit,
  onDone,
}: {
  benefit: BenefitPlanRow;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const remove = useDeleteBenefit();
  const headingId = useId();

  const close = () => {
    setOpen(false);
    remove.reset();
  };
  // The row (and this button) is gone once the plan is read again after the delete, and a gone
  // component's mutate callbacks never run; the promise still settles, so the page is told.
  const confirm = () =>
    remove.mutateAsync(benefit).then(
      () => {
        setOpen(false);
        onDone(t("benefits.delete.done", { title: benefit.title }));
      },
      () => undefined,
    );

  return (
    <>
      <Button
        type="button"
        variant="tertiary"
        data-size="sm"
        aria-label={t("benefits.delete.label", { title: benefit.title })}
        onClick={() => setOpen(true)}
      >
        {t("benefits.delete.button")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        closeButton={t("benefits.delete.close")}
        aria-labelledby={headingId}
        closedby="any"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={headingId}>
            {t("benefits.delete.title", { title: benefit.title })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph data-size="sm">{t("benefits.delete.body")}</Paragraph>
          <ProblemAlert error={remove.error} headingLevel={3} />
          <div className="button-row">
            <Button type="button" data-color="danger" onClick={confirm} loading={remove.isPending}>
              {t("benefits.delete.confirm")}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t("benefits.delete.cancel")}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
