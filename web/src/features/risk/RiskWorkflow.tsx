import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import {
  type RiskAction,
  type RiskAssessment,
  type RiskCommand,
  type RiskScale,
  riskKeys,
  useRiskAction,
} from "../../api/risk.ts";
import { formatDateTime } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { Markdown } from "../../components/Markdown.tsx";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { hasMessage, useLocale } from "../../i18n/i18n.tsx";
import { StateTag } from "../answers/labels.tsx";
import { RiskConflictPanel } from "./RiskConflictPanel.tsx";
import { LevelBadge } from "./RiskLabels.tsx";
import { RiskLevelFields } from "./RiskLevelFields.tsx";
import { RiskReview } from "./RiskReview.tsx";
import {
  draftOf,
  isDirty,
  mergeDraft,
  type RiskConflict,
  type RiskDraft,
  saveFields,
  staleAssessment,
} from "./riskDraft.ts";
import { levelByKey } from "./riskLevels.ts";

/**
 * An assessment with the steps the server allows this person, exactly `allowedActions`: the level
 * and justification to edit, save and submit; withdraw; approve or return. As in the answer
 * editor, the form keeps the version it was opened from; a save over a newer one gets the server's
 * 409 with that version, which is shown beside the person's own so that nothing is lost.
 */
export function RiskWorkflow({ assessment, scale }: { assessment: RiskAssessment; scale: RiskScale }) {
  const { t, locale } = useLocale();
  const action = useRiskAction(assessment.id);
  const queryClient = useQueryClient();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const textArea = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  const [base, setBase] = useState<RiskAssessment>(assessment);
  const [draft, setDraft] = useState<RiskDraft>(() => draftOf(assessment));
  const [conflict, setConflict] = useState<RiskConflict | null>(null);
  const [discarded, setDiscarded] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [showPreview, setShowPreview] = useState(false);

  const dirty = isDirty(draft, base, scale);
  const startFrom = (next: RiskAssessment) => {
    setBase(next);
    setDraft(draftOf(next));
  };

  // A newer version from a refresh replaces the form's content only while nothing is changed.
  const [seen, setSeen] = useState(assessment);
  if (seen !== assessment) {
    setSeen(assessment);
    if (assessment.version !== base.version && !dirty && !conflict) startFrom(assessment);
  }

  const may = (name: RiskAction) => assessment.allowedActions.includes(name);
  const editing = may("save");

  const onConflict = (error: unknown) => {
    const theirs = staleAssessment(error);
    if (!theirs) return false;
    setConflict({ mine: draft, theirs });
    action.reset();
    // The rest of the page (facts, history, overviews) catches up with the saved version.
    void queryClient.invalidateQueries({ queryKey: riskKeys.all });
    return true;
  };

  /** Runs the steps in turn, each with the version the one before gave; true when all were done. */
  const run = async (steps: ((version: number) => RiskCommand)[], done: string) => {
    setMessage(null);
    let latest = base;
    try {
      for (const step of steps) {
        latest = await action.mutateAsync(step(latest.version));
        startFrom(latest);
      }
    } catch (error) {
      onConflict(error);
      return false;
    }
    setConflict(null);
    setMessage(done);
    // The controls change with the state (the form goes away on submit): start again at the heading.
    if (!latest.allowedActions.includes("save") || steps.length > 1) heading.current?.focus();
    return true;
  };

  const saveStep = (version: number): RiskCommand => ({
    action: "save",
    version,
    ...saveFields(draft, scale),
  });

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run([saveStep], t("risk.done.saved"));
  };

  /** Unsaved changes are saved first, then submitted with the version the save gave. */
  const submit = () =>
    void run(
      [...(dirty ? [saveStep] : []), (version) => ({ action: "submit", version })],
      t("risk.done.submitted"),
    );

  const takeTheirs = () => {
    if (!conflict) return;
    setDiscarded(conflict.mine.justification);
    startFrom(conflict.theirs);
    setConflict(null);
    setMessage(t("risk.conflict.tookTheirs"));
    textArea.current?.focus();
  };

  const keepMine = () => {
    if (!conflict) return;
    setBase(conflict.theirs);
    setDraft(mergeDraft(conflict.mine, conflict.theirs));
    setConflict(null);
    setMessage(t("risk.conflict.keptMine"));
    textArea.current?.focus();
  };

  const subLevel = 3;
  const error = action.error && !staleAssessment(action.error) ? action.error : null;
  const labelFor = (field: string) => {
    const key = `risk.field.${field}`;
    return hasMessage(key) ? t(key) : undefined;
  };

  return (
    <section className="answer-workflow risk-workflow" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId} ref={heading} tabIndex={-1} className="focus-target">
        {t("risk.assessment.formHeading")}
      </Heading>
      <div className="answer-workflow__meta">
        <span className="answer-badges">
          <LevelBadge level={levelByKey(scale, assessment.level)} />
          <StateTag state={assessment.state} />
        </span>
        <Paragraph data-size="sm" className="muted">
          {assessment.updatedBy
            ? t("risk.assessment.lastChanged", {
                name: assessment.updatedBy,
                time: formatDateTime(assessment.updatedAt, locale),
                version: assessment.version,
              })
            : t("risk.assessment.notWritten", { time: formatDateTime(assessment.updatedAt, locale) })}
        </Paragraph>
      </div>

      {assessment.state === "draft" && assessment.returnComment && (
        <Alert data-color="warning" className="return-comment">
          <Heading level={subLevel} data-size="xs">
            {t("risk.assessment.returnedWithComment")}
          </Heading>
          <Paragraph className="preserve-lines">{assessment.returnComment}</Paragraph>
        </Alert>
      )}

      <LiveStatus message={message} />

      {conflict && (
        <RiskConflictPanel
          conflict={conflict}
          scale={scale}
          headingLevel={subLevel}
          onTakeTheirs={takeTheirs}
          onKeepMine={keepMine}
        />
      )}

      {editing ? (
        <form onSubmit={save} className="answer-editor" noValidate>
          <RiskLevelFields scale={scale} draft={draft} setDraft={setDraft} error={action.error} />
          <div className={showPreview ? "editor-with-preview" : undefined}>
            <Textfield
              ref={textArea}
              multiline
              rows={8}
              label={t("risk.field.justification")}
              description={t("risk.field.justificationHelp")}
              value={draft.justification}
              onChange={(event) => setDraft((current) => ({ ...current, justification: event.target.value }))}
              error={fieldError(action.error, "justification")}
            />
            {showPreview && (
              <section className="markdown-preview" aria-labelledby={`${headingId}-preview`}>
                <Heading level={subLevel} data-size="2xs" id={`${headingId}-preview`}>
                  {t("risk.preview")}
                </Heading>
                <Markdown text={draft.justification} empty={t("risk.previewEmpty")} />
              </section>
            )}
          </div>
          <div>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              aria-pressed={showPreview}
              onClick={() => setShowPreview((current) => !current)}
            >
              {t("risk.showPreview")}
            </Button>
          </div>
          {dirty && (
            <Paragraph data-size="sm" className="unsaved-note">
              <span aria-hidden="true">●</span> {t("risk.unsaved")}
            </Paragraph>
          )}
          <div className="button-row">
            <Button type="submit" variant="secondary" loading={action.isPending}>
              {t("risk.save")}
            </Button>
            {may("submit") && (
              <Button type="button" onClick={submit} disabled={action.isPending}>
                {t("risk.submit")}
              </Button>
            )}
          </div>
        </form>
      ) : (
        <ReadOnlyAssessment assessment={assessment} scale={scale} />
      )}

      {discarded !== null && (
        <details className="discarded">
          <summary>{t("risk.conflict.discarded")}</summary>
          <pre className="preserve-lines">{discarded}</pre>
        </details>
      )}

      <RiskReview
        may={may}
        pending={action.isPending}
        error={action.error}
        subLevel={subLevel}
        onWithdraw={() =>
          void run([(version) => ({ action: "withdraw", version })], t("risk.done.withdrawn"))
        }
        onApprove={(comment) =>
          run(
            [(version) => ({ action: "approve", version, ...(comment ? { comment } : {}) })],
            t("risk.done.approved"),
          )
        }
        onReturn={(comment) =>
          run([(version) => ({ action: "return", version, comment })], t("risk.done.returned"))
        }
      />

      <ProblemAlert error={error} headingLevel={subLevel} labelFor={labelFor} />

      {!editing && !may("approve") && !may("return") && !may("withdraw") && (
        <Paragraph data-size="sm" className="muted">
          {t("risk.assessment.readOnly")}
        </Paragraph>
      )}
    </section>
  );
}

/** The level (and the residual level on a matrix) and the justification, for those who only read. */
function ReadOnlyAssessment({ assessment, scale }: { assessment: RiskAssessment; scale: RiskScale }) {
  const { t } = useLocale();
  return (
    <div className="answer-text">
      {scale.kind === "matrix" && (
        <dl className="facts facts--inline facts--compact">
          <dt>{t("risk.field.inherent")}</dt>
          <dd>
            <LevelBadge level={levelByKey(scale, assessment.level)} />
          </dd>
          <dt>{t("risk.assessment.residual")}</dt>
          <dd>
            <LevelBadge level={levelByKey(scale, assessment.residualLevel)} />
          </dd>
        </dl>
      )}
      <Markdown text={assessment.justification} empty={t("risk.assessment.noJustification")} />
    </div>
  );
}
