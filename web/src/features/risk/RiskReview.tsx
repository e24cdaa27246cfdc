import { Button, Card, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { RiskAction } from "../../api/risk.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/** The longest approval comment the server takes (src/domain/workflow.ts approvalCommentMaxLength). */
const approvalCommentMax = 2000;

/**
 * Withdraw, approve (with an optional comment) and return (with a comment that says why): the
 * steps after writing, each shown only when the server allows it.
 */
export function RiskReview({
  may,
  pending,
  error,
  subLevel,
  onWithdraw,
  onApprove,
  onReturn,
}: {
  may: (action: RiskAction) => boolean;
  pending: boolean;
  error: unknown;
  subLevel: 3 | 4;
  onWithdraw: () => void;
  onApprove: (comment: string) => Promise<boolean>;
  onReturn: (comment: string) => Promise<boolean>;
}) {
  const { t } = useLocale();
  const [approval, setApproval] = useState("");
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const returnButton = useRef<HTMLButtonElement>(null);
  const commentField = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  // The comment field takes focus when the return form opens.
  useEffect(() => {
    if (returning) commentField.current?.focus();
  }, [returning]);

  const tooLong = approval.trim().length > approvalCommentMax;

  const approve = async () => {
    if (tooLong) return;
    if (await onApprove(approval.trim())) setApproval("");
  };

  const sendReturn = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setMissing(true);
      commentField.current?.focus();
      return;
    }
    setMissing(false);
    if (await onReturn(comment.trim())) {
      setComment("");
      setReturning(false);
    }
  };

  return (
    <>
      {may("withdraw") && (
        <div className="withdraw">
          <Paragraph data-size="sm">{t("risk.withdrawHelp")}</Paragraph>
          <Button type="button" variant="secondary" onClick={onWithdraw} loading={pending}>
            {t("risk.withdraw")}
          </Button>
        </div>
      )}

      {may("approve") && !returning && (
        <div className="approval-comment">
          <Textfield
            multiline
            rows={3}
            label={t("risk.approveComment")}
            description={t("risk.approveCommentHelp")}
            value={approval}
            onChange={(event) => setApproval(event.target.value)}
            error={
              tooLong
                ? t("risk.approveCommentTooLong", { count: approval.trim().length })
                : fieldError(error, "comment")
            }
          />
        </div>
      )}

      {(may("approve") || may("return")) && (
        <div className="button-row">
          {may("approve") && (
            <Button type="button" onClick={() => void approve()} loading={pending && !returning}>
              {t("risk.approve")}
            </Button>
          )}
          {may("return") && !returning && (
            <Button type="button" variant="secondary" ref={returnButton} onClick={() => setReturning(true)}>
              {t("risk.return")}
            </Button>
          )}
        </div>
      )}

      {returning && (
        <Card className="return-form">
          <form onSubmit={(event) => void sendReturn(event)} className="form-stack" noValidate>
            <Heading level={subLevel} data-size="xs">
              {t("risk.returnTitle")}
            </Heading>
            <Textfield
              multiline
              rows={4}
              ref={commentField}
              label={t("risk.returnComment")}
              description={t("risk.returnCommentHelp")}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              error={missing ? t("risk.returnCommentRequired") : fieldError(error, "comment")}
              required
            />
            <div className="button-row">
              <Button type="submit" loading={pending}>
                {t("risk.returnSubmit")}
              </Button>
              <Button
                type="button"
                variant="tertiary"
                onClick={() => {
                  setReturning(false);
                  setMissing(false);
                  // The form goes away; focus goes back to the button that opened it.
                  requestAnimationFrame(() => returnButton.current?.focus());
                }}
              >
                {t("risk.cancel")}
              </Button>
            </div>
          </form>
        </Card>
      )}
    </>
  );
}
