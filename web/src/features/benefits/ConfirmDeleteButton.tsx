import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

type Words = {
  /** The button's text and its accessible name (naming what goes). */
  button: string;
  label: string;
  /** The dialog's question, what deleting loses, and the confirming button. */
  title: string;
  body: string;
  confirm: string;
  /** Told to the page once the deletion is done. */
  done: string;
};

/**
 * A deletion cannot be undone, so it asks first, in a modal dialog. If the server refuses (someone
 * changed the item meanwhile), its reason shows in the dialog.
 */
export function ConfirmDeleteButton({
  words,
  remove,
  onDone,
}: {
  words: Words;
  remove: () => Promise<unknown>;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingId = useId();

  const close = () => {
    setOpen(false);
    setError(null);
  };
  // The row (and this button) is gone once the list is read again after the delete, so the page is
  // told from the promise, not from a callback of this component.
  const confirm = () => {
    setPending(true);
    setError(null);
    return remove().then(
      () => {
        setPending(false);
        setOpen(false);
        onDone(words.done);
      },
      (problem: unknown) => {
        setPending(false);
        setError(problem);
      },
    );
  };

  return (
    <>
      <Button
        type="button"
        variant="tertiary"
        data-size="sm"
        aria-label={words.label}
        onClick={() => setOpen(true)}
      >
        {words.button}
      </Button>
      {/* Only an open dialog is in the page, so its words never mix with the table's. */}
      {open && (
        <Dialog
          open
          onClose={close}
          closeButton={t("benefits.delete.close")}
          aria-labelledby={headingId}
          closedby="any"
        >
          <Dialog.Block>
            <Heading level={2} data-size="xs" id={headingId}>
              {words.title}
            </Heading>
          </Dialog.Block>
          <Dialog.Block>
            <Paragraph data-size="sm">{words.body}</Paragraph>
            <ProblemAlert error={error} headingLevel={3} />
            <div className="button-row">
              <Button type="button" data-color="danger" onClick={confirm} loading={pending}>
                {words.confirm}
              </Button>
              <Button type="button" variant="secondary" onClick={close}>
                {t("benefits.delete.cancel")}
              </Button>
            </div>
          </Dialog.Block>
        </Dialog>
      )}
    </>
  );
}
