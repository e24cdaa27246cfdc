import { Button, Paragraph } from "@digdir/designsystemet-react";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

type Props = {
  /** The button that asks first: "Slett delmål". */
  label: string;
  /** The question asked on the page before anything is sent. */
  question: string;
  /** The button that answers yes; "Ja, slett" unless given. */
  yes?: string;
  /** The delete (or take-out) request, sent with the version read. */
  remove: UseMutationResult<void, Error, number>;
  version: number;
  /** The message once it is gone. */
  done: string;
  onDone: (message: string) => void;
};

/**
 * Takes a part out of the plan after a question asked on the page ("Slette …?" with yes and
 * cancel); the server's refusal (a sub-goal that still holds something, someone else's save) is
 * shown beside the buttons.
 */
export function RemovePlanPart({ label, question, yes, remove, version, done, onDone }: Props) {
  const { t } = useLocale();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="plan-form__remove">
      {confirming ? (
        <>
          <Paragraph data-size="sm">{question}</Paragraph>
          <div className="plan-form__inline">
            <Button
              type="button"
              data-color="danger"
              data-size="sm"
              loading={remove.isPending}
              onClick={() =>
                // Not mutate's onSuccess: the refetch after it takes the part (and this button) off
                // the page first, and an unmounted caller's callbacks are not run.
                remove
                  .mutateAsync(version)
                  .then(() => onDone(done))
                  .catch(() => undefined)
              }
            >
              {yes ?? t("planEdit.removeYes")}
            </Button>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => {
                setConfirming(false);
                remove.reset();
              }}
            >
              {t("planEdit.cancel")}
            </Button>
          </div>
        </>
      ) : (
        <Button
          type="button"
          variant="secondary"
          data-color="danger"
          data-size="sm"
          onClick={() => setConfirming(true)}
        >
          {label}
        </Button>
      )}
      <ProblemAlert error={remove.error} headingLevel={4} />
    </div>
  );
}
