import { Alert, Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { formatDateTime } from "../../components/dates.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import type { Conflict } from "./answerDraft.ts";
import { StateTag, StatusTag } from "./labels.tsx";

/** Someone else saved first: the person's text beside the saved version, and the ways on. */
export function ConflictPanel({
  conflict,
  headingLevel,
  canSave,
  onTakeTheirs,
  onKeepBoth,
}: {
  conflict: Conflict;
  headingLevel: 3 | 4;
  canSave: boolean;
  onTakeTheirs: () => void;
  onKeepBoth: () => void;
}) {
  const { t, locale } = useLocale();
  const { mine, theirs } = conflict;
  const sub = headingLevel === 3 ? 4 : 5;
  return (
    <Alert data-color="warning" role="alert" className="conflict">
      <Heading level={headingLevel} data-size="xs">
        {t("answers.conflict.title")}
      </Heading>
      <Paragraph data-size="sm">
        {t("answers.conflict.body", {
          name: theirs.updatedBy ?? t("common.none"),
          time: formatDateTime(theirs.updatedAt, locale),
        })}
      </Paragraph>
      <div className="side-by-side">
        <Card className="side-by-side__column" data-color="neutral">
          <Heading level={sub} data-size="2xs">
            {t("answers.conflict.mine")}
          </Heading>
          {mine.status !== "not_started" && <StatusTag status={mine.status} />}
          <pre className="preserve-lines conflict__text">{mine.text}</pre>
        </Card>
        <Card className="side-by-side__column" data-color="neutral">
          <Heading level={sub} data-size="2xs">
            {t("answers.conflict.theirs", { version: theirs.version })}
          </Heading>
          <span className="answer-badges">
            <StatusTag status={theirs.status} />
            <StateTag state={theirs.state} />
          </span>
          <pre className="preserve-lines conflict__text">{theirs.text}</pre>
        </Card>
      </div>
      {!canSave && <Paragraph data-size="sm">{t("answers.conflict.cannotSave")}</Paragraph>}
      <div className="button-row">
        <Button type="button" variant="secondary" onClick={onTakeTheirs}>
          {t("answers.conflict.takeTheirs")}
        </Button>
        {canSave && (
          <Button type="button" onClick={onKeepBoth}>
            {t("answers.conflict.keepBoth")}
          </Button>
        )}
      </div>
    </Alert>
  );
}
