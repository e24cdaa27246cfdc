import { Alert, Button, Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { RiskScale } from "../../api/risk.ts";
import { formatDateTime } from "../../components/dates.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { StateTag } from "../answers/labels.tsx";
import { LevelBadge } from "./RiskLabels.tsx";
import type { RiskConflict, RiskDraft } from "./riskDraft.ts";
import { levelByKey, matrixLevel } from "./riskLevels.ts";

function draftLevel(scale: RiskScale, draft: RiskDraft) {
  return scale.kind === "matrix"
    ? matrixLevel(scale, draft.likelihood, draft.consequence)
    : levelByKey(scale, draft.level);
}

/** Someone else saved first: the person's assessment beside the saved version, and the ways on. */
export function RiskConflictPanel({
  conflict,
  scale,
  headingLevel,
  onTakeTheirs,
  onKeepMine,
}: {
  conflict: RiskConflict;
  scale: RiskScale;
  headingLevel: 3 | 4;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { t, locale } = useLocale();
  const { mine, theirs } = conflict;
  const sub = headingLevel === 3 ? 4 : 5;
  const canSave = theirs.allowedActions.includes("save");
  return (
    <Alert data-color="warning" role="alert" className="conflict">
      <Heading level={headingLevel} data-size="xs">
        {t("risk.conflict.title")}
      </Heading>
      <Paragraph data-size="sm">
        {t("risk.conflict.body", {
          name: theirs.updatedBy ?? t("common.none"),
          time: formatDateTime(theirs.updatedAt, locale),
        })}
      </Paragraph>
      <div className="side-by-side">
        <Card className="side-by-side__column" data-color="neutral">
          <Heading level={sub} data-size="2xs">
            {t("risk.conflict.mine")}
          </Heading>
          <span className="answer-badges">
            <LevelBadge level={draftLevel(scale, mine)} />
          </span>
          <pre className="preserve-lines conflict__text">{mine.justification}</pre>
        </Card>
        <Card className="side-by-side__column" data-color="neutral">
          <Heading level={sub} data-size="2xs">
            {t("risk.conflict.theirs", { version: theirs.version })}
          </Heading>
          <span className="answer-badges">
            <LevelBadge level={levelByKey(scale, theirs.level)} />
            <StateTag state={theirs.state} />
          </span>
          <pre className="preserve-lines conflict__text">{theirs.justification}</pre>
        </Card>
      </div>
      {!canSave && <Paragraph data-size="sm">{t("risk.conflict.cannotSave")}</Paragraph>}
      <div className="button-row">
        <Button type="button" variant="secondary" onClick={onTakeTheirs}>
          {t("risk.conflict.takeTheirs")}
        </Button>
        {canSave && (
          <Button type="button" onClick={onKeepMine}>
            {t("risk.conflict.keepMine")}
          </Button>
        )}
      </div>
    </Alert>
  );
}
