import { Alert, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import type { AnswerDetail } from "../../api/reporting.ts";
import { formatDateTime } from "../../components/dates.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/** The longest approval comment the server takes (src/domain/workflow.ts approvalCommentMaxLength). */
export const approvalCommentMax = 2000;

/** Who approved the answer and when, with the approver's comment: what the writer is told. */
export function ApprovalNote({
  approval,
  headingLevel,
}: {
  approval: NonNullable<AnswerDetail["approval"]>;
  headingLevel: 3 | 4;
}) {
  const { t, locale } = useLocale();
  return (
    <Alert data-color="success" className="approval-note">
      <Heading level={headingLevel} data-size="xs">
        {t("answers.approval.heading")}
      </Heading>
      <Paragraph data-size="sm">
        {t("answers.approval.by", { name: approval.by, time: formatDateTime(approval.at, locale) })}
      </Paragraph>
      {approval.comment && (
        <blockquote className="return-quote">
          <p className="preserve-lines">{approval.comment}</p>
          <footer>{t("answers.approval.comment")}</footer>
        </blockquote>
      )}
    </Alert>
  );
}

/** The approver's optional comment, given with the approval. */
export function ApprovalCommentField({
  comment,
  setComment,
  error,
}: {
  comment: string;
  setComment: (comment: string) => void;
  error: unknown;
}) {
  const { t } = useLocale();
  const tooLong = comment.trim().length > approvalCommentMax;
  return (
    <div className="approval-comment">
      <Textfield
        multiline
        rows={3}
        label={t("answers.approveComment")}
        description={t("answers.approveCommentHelp")}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={
          tooLong
            ? t("answers.approveCommentTooLong", { count: comment.trim().length })
            : fieldError(error, "comment")
        }
      />
    </div>
  );
}
