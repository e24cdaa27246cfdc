import { Alert, Button, Card, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { type ApiProblem, isApiProblem } from "../../api/client.ts";
import {
  type Answer,
  type AnswerCommand,
  type AnswerStatus,
  answerStatuses,
  reportingKeys,
  useAnswerAction,
  type WrittenStatus,
  writtenStatuses,
} from "../../api/reporting.ts";
import { formatDateTime } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { Markdown } from "../../components/Markdown.tsx";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { AnswerBadges, StateTag, StatusTag } from "./labels.tsx";

type Draft = { status: AnswerStatus; text: string };

function isAnswer(value: unknown): value is Answer {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === "number" &&
    typeof candidate.version === "number" &&
    typeof candidate.text === "string" &&
    answerStatuses.some((status) => status === candidate.status)
  );
}

function staleAnswer(error: unknown): (ApiProblem & { current: Answer }) | null {
  if (!isApiProblem(error) || error.code !== "stale_version") return null;
  return isAnswer(error.body.current) ? Object.assign(error, { current: error.body.current }) : null;
}

/** Someone else saved first: what the person had written, and the answer as it is saved now. */
type Conflict = { mine: Draft; theirs: Answer };

/**
 * An answer with the workflow the server allows this person: the status and Markdown text to
 * edit with a live preview, and the buttons for exactly the actions in `allowedActions`.
 *
 * The editor keeps the version it was opened from. A background refresh that brings a newer
 * version replaces the editor's content only while the person has changed nothing; with changes,
 * their text stays, and saving it gets the server's 409 with the other person's version, which
 * is then shown beside theirs so that they choose, and nothing is lost.
 */
export function AnswerWorkflow({
  answer,
  headingLevel = 2,
  title,
}: {
  answer: Answer;
  headingLevel?: 2 | 3;
  title: string;
}) {
  const { t, locale } = useLocale();
  const action = useAnswerAction(answer.id);
  const queryClient = useQueryClient();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const textArea = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const returnButton = useRef<HTMLButtonElement>(null);
  const commentField = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  // The version the editor started from, and what the person has typed since.
  const [base, setBase] = useState<Answer>(answer);
  const [draft, setDraft] = useState<Draft>({ status: answer.status, text: answer.text });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [discarded, setDiscarded] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const [commentMissing, setCommentMissing] = useState(false);
  const [showPreview, setShowPreview] = useState(true);

  // The comment field takes focus when the return form opens.
  useEffect(() => {
    if (returning) commentField.current?.focus();
  }, [returning]);

  const dirty = draft.status !== base.status || draft.text !== base.text;

  const startFrom = (next: Answer) => {
    setBase(next);
    setDraft({ status: next.status, text: next.text });
  };

  // Follow the server's answer (set state while rendering, as React advises for derived state):
  // a newer version replaces the editor's content only while nothing is changed. Another answer
  // is another component: the pages key it by the answer.
  const [seen, setSeen] = useState(answer);
  if (seen !== answer) {
    setSeen(answer);
    if (answer.version !== base.version && !dirty && !conflict) startFrom(answer);
  }

  const may = (name: Answer["allowedActions"][number]) => answer.allowedActions.includes(name);
  const editing = may("save");

  /** A stale version: keep what the person wrote, show the saved version beside it, refresh the rest. */
  const onConflict = (error: unknown) => {
    const stale = staleAnswer(error);
    if (!stale) return;
    setConflict({ mine: draft, theirs: stale.current });
    action.reset();
    void queryClient.invalidateQueries({ queryKey: reportingKeys.all });
  };

  const run = async (commands: AnswerCommand[], done: string) => {
    setMessage(null);
    let latest: Answer | null = null;
    try {
      for (const command of commands) latest = await action.mutateAsync(command);
    } catch (error) {
      onConflict(error);
      return;
    }
    if (!latest) return;
    startFrom(latest);
    setConflict(null);
    setReturning(false);
    setComment("");
    setMessage(done);
    // The controls change with the state (the editor goes away on submit): start again at the answer's heading.
    if (!latest.allowedActions.includes("save") || commands.some((c) => c.action !== "save")) {
      heading.current?.focus();
    }
  };

  const saveCommand = (version: number): AnswerCommand => ({
    action: "save",
    version,
    text: draft.text,
    ...(draft.status === "not_started" ? {} : { status: draft.status as WrittenStatus }),
  });

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run([saveCommand(base.version)], t("answers.done.saved"));
  };

  /** Unsaved changes are saved first, then submitted with the version the save gave. */
  const submit = async () => {
    setMessage(null);
    if (!dirty) {
      void run([{ action: "submit", version: base.version }], t("answers.done.submitted"));
      return;
    }
    try {
      const saved = await action.mutateAsync(saveCommand(base.version));
      startFrom(saved);
      void run([{ action: "submit", version: saved.version }], t("answers.done.submitted"));
    } catch (error) {
      onConflict(error);
    }
  };

  const approve = () => void run([{ action: "approve", version: base.version }], t("answers.done.approved"));

  const sendReturn = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setCommentMissing(true);
      return;
    }
    setCommentMissing(false);
    void run(
      [{ action: "return", version: base.version, comment: comment.trim() }],
      t("answers.done.returned"),
    );
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setDiscarded(conflict.mine.text);
    startFrom(conflict.theirs);
    setConflict(null);
    setMessage(t("answers.conflict.tookTheirs"));
    textArea.current?.focus();
  };

  const keepBoth = () => {
    if (!conflict) return;
    const { mine, theirs } = conflict;
    setBase(theirs);
    setDraft({
      status: mine.status === "not_started" ? theirs.status : mine.status,
      text: theirs.text.trim() === "" ? mine.text : `${theirs.text}\n\n${mine.text}`,
    });
    setConflict(null);
    setMessage(t("answers.conflict.keptBoth"));
    textArea.current?.focus();
  };

  const subLevel = headingLevel === 2 ? 3 : 4;
  const error = action.error && !staleAnswer(action.error) ? action.error : null;

  return (
    <section className="answer-workflow" aria-labelledby={headingId}>
      <Heading
        level={headingLevel}
        data-size="sm"
        id={headingId}
        ref={heading}
        tabIndex={-1}
        className="focus-target"
      >
        {title}
      </Heading>
      <div className="answer-workflow__meta">
        <AnswerBadges
          status={answer.status}
          state={answer.state}
          returned={answer.state === "draft" && answer.returnComment !== null}
          overdue={answer.overdue}
        />
        <Paragraph data-size="sm" className="muted">
          {answer.updatedBy
            ? t("answers.lastChanged", {
                name: answer.updatedBy,
                time: formatDateTime(answer.updatedAt, locale),
                version: answer.version,
              })
            : t("answers.notWritten", { time: formatDateTime(answer.updatedAt, locale) })}
        </Paragraph>
      </div>

      {answer.state === "draft" && answer.returnComment && (
        <Alert data-color="warning" className="return-comment">
          <Heading level={subLevel} data-size="xs">
            {t("answers.returnedWithComment")}
          </Heading>
          <Paragraph className="preserve-lines">{answer.returnComment}</Paragraph>
        </Alert>
      )}

      <LiveStatus message={message} />

      {conflict && (
        <ConflictPanel
          conflict={conflict}
          headingLevel={subLevel}
          canSave={conflict.theirs.allowedActions.includes("save")}
          onTakeTheirs={takeTheirs}
          onKeepBoth={keepBoth}
        />
      )}

      {editing ? (
        <form onSubmit={save} className="answer-editor" noValidate>
          <div className="narrow-field">
            <SelectField
              label={t("answers.statusLabel")}
              description={t("answers.statusHelp")}
              value={draft.status}
              onChange={(event) =>
                setDraft((current) => ({ ...current, status: event.target.value as AnswerStatus }))
              }
              error={fieldError(action.error, "status")}
            >
              {draft.status === "not_started" && (
                <option value="not_started">{t("answers.chooseStatus")}</option>
              )}
              {writtenStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`answers.status.${status}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className={showPreview ? "editor-with-preview" : undefined}>
            <Textfield
              ref={textArea}
              multiline
              rows={12}
              label={t("answers.textLabel")}
              description={t("answers.textHelp")}
              value={draft.text}
              onChange={(event) => setDraft((current) => ({ ...current, text: event.target.value }))}
              error={fieldError(action.error, "text")}
            />
            {showPreview && (
              <section className="markdown-preview" aria-labelledby={`${headingId}-preview`}>
                <Heading level={subLevel} data-size="2xs" id={`${headingId}-preview`}>
                  {t("answers.preview")}
                </Heading>
                <Markdown text={draft.text} empty={t("answers.previewEmpty")} />
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
              {t("answers.showPreview")}
            </Button>
          </div>
          {dirty && (
            <Paragraph data-size="sm" className="unsaved-note">
              <span aria-hidden="true">●</span> {t("answers.unsaved")}
            </Paragraph>
          )}
          <div className="button-row">
            <Button type="submit" variant="secondary" loading={action.isPending && !returning}>
              {t("answers.save")}
            </Button>
            {may("submit") && (
              <Button type="button" onClick={() => void submit()} disabled={action.isPending}>
                {t("answers.submit")}
              </Button>
            )}
          </div>
        </form>
      ) : (
        <div className="answer-text">
          <Markdown text={answer.text} empty={t("answers.noText")} />
        </div>
      )}

      {discarded !== null && (
        <details className="discarded">
          <summary>{t("answers.conflict.discarded")}</summary>
          <pre className="preserve-lines">{discarded}</pre>
        </details>
      )}

      {(may("approve") || may("return")) && (
        <div className="button-row">
          {may("approve") && (
            <Button type="button" onClick={approve} loading={action.isPending && !returning}>
              {t("answers.approve")}
            </Button>
          )}
          {may("return") && !returning && (
            <Button type="button" variant="secondary" ref={returnButton} onClick={() => setReturning(true)}>
              {t("answers.return")}
            </Button>
          )}
        </div>
      )}

      {returning && (
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
              error={
                commentMissing ? t("answers.returnCommentRequired") : fieldError(action.error, "comment")
              }
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
      )}

      <ProblemAlert error={error} headingLevel={subLevel} />

      {!editing && !may("approve") && !may("return") && (
        <Paragraph data-size="sm" className="muted">
          {t(answer.allowedActions.length === 0 ? "answers.noActions" : "answers.readOnly")}
        </Paragraph>
      )}
    </section>
  );
}

function ConflictPanel({
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
