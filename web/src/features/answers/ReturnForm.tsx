import { Button, Card, Heading, Textfield } from "@digdir/designsystemet-react";
import type { Dispatch, FormEvent, RefObject, SetStateAction } from "react";
import type { useAnswerAction } from "../../api/reporting.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/** Returning an answer to its unit, with the comment that says why. */
export function ReturnForm({
  sendReturn,
  subLevel,
  commentField,
  comment,
  setComment,
  commentMissing,
  setCommentMissing,
  action,
  setReturning,
  returnButton,
}: {
  sendReturn: (event: FormEvent) => void;
  subLevel: 3 | 4;
  commentField: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  comment: string;
  setComment: Dispatch<SetStateAction<string>>;
  commentMissing: boolean;
  setCommentMissing: Dispatch<SetStateAction<boolean>>;
  action: Pick<ReturnType<typeof useAnswerAction>, "error" | "isPending">;
  setReturning: Dispatch<SetStateAction<boolean>>;
  returnButton: RefObject<HTMLButtonElement | null>;
}) {
  const { t } = useLocale();
  return (
    <Card className="return-form">
      <form onSubmit={sendReturn} className="form-stack" noValidate>
        <Heading level={subLevel} data-size="xs">
          {t("answers.returnTitle")}
        </Heading>
        <Textfield
          multiline
          rows={4}
          ref={commentField}
          label={t("answers.returnComment")}
          description={t("answers.returnCommentHelp")}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          error={commentMissing ? t("answers.returnCommentRequired") : fieldError(action.error, "comment")}
          required
        />
        <div className="button-row">
          <Button type="submit" loading={action.isPending}>
            {t("answers.returnSubmit")}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              setReturning(false);
              setCommentMissing(false);
              // The form goes away; focus goes back to the button that opened it.
              requestAnimationFrame(() => returnButton.current?.focus());
            }}
          >
            {t("answers.cancel")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
