import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import {
  type Answer,
  type AnswerCommand,
  type AnswerDetail,
  reportingKeys,
  useAnswerAction,
  type WrittenStatus,
} from "../../api/reporting.ts";
import { formatDateTime } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { Markdown } from "../../components/Markdown.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { AnswerEditor } from "./AnswerEditor.tsx";
import { ApprovalCommentField, ApprovalNote, approvalCommentMax } from "./Approval.tsx";
import { type Conflict, type Draft, staleAnswer } from "./answerDraft.ts";
import { ConflictPanel } from "./ConflictPanel.tsx";
import { AnswerBadges } from "./labels.tsx";
import { ReturnForm } from "./ReturnForm.tsx";

/**
 * An answer with the workflow the server allows this person: the status and Markdown text to
 * edit with a live preview, and the buttons for exactly the actions in `allowedActions`.
 *
 * The editor keeps the version it was opened from. A background refresh that brings a newer
 * version replaces the editor's content only while the person has changed nothing; with changes,
 * their text stays, and saving it gets the server's 409 with the other person's version, which
 * is then shown beside theirs so that they choose, and nothing is lost.
 *
 * `approval` (the answer page has it) tells the writer who approved and with what comment; `next`
 * is shown with the message after a step, to go on to the next answer waiting.
 */
export function AnswerWorkflow({
  answer,
  headingLevel = 2,
  title,
  approval = null,
  next,
}: {
  answer: Answer;
  headingLevel?: 2 | 3;
  title: string;
  approval?: AnswerDetail["approval"];
  next?: ReactNode;
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
  const [approvalComment, setApprovalComment] = useState("");

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
    const theirs = staleAnswer(error);
    if (!theirs) return;
    setConflict({ mine: draft, theirs });
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
    setApprovalComment("");
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

  const approve = () => {
    const comment = approvalComment.trim();
    if (comment.length > approvalCommentMax) return;
    void run(
      [{ action: "approve", version: base.version, ...(comment ? { comment } : {}) }],
      t("answers.done.approved"),
    );
  };

  const withdraw = () =>
    void run([{ action: "withdraw", version: base.version }], t("answers.done.withdrawn"));

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

      {answer.state === "approved" && approval && (
        <ApprovalNote approval={approval} headingLevel={subLevel} />
      )}

      <LiveStatus message={message} />
      {message && next}

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
        <AnswerEditor
          draft={draft}
          setDraft={setDraft}
          action={action}
          headingId={headingId}
          subLevel={subLevel}
          textArea={textArea}
          showPreview={showPreview}
          setShowPreview={setShowPreview}
          dirty={dirty}
          returning={returning}
          may={may}
          save={save}
          submit={submit}
        />
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

      {may("withdraw") && (
        <div className="withdraw">
          <Paragraph data-size="sm">{t("answers.withdrawHelp")}</Paragraph>
          <Button type="button" variant="secondary" onClick={withdraw} loading={action.isPending}>
            {t("answers.withdraw")}
          </Button>
        </div>
      )}

      {may("approve") && !returning && (
        <ApprovalCommentField
          comment={approvalComment}
          setComment={setApprovalComment}
          error={action.error}
        />
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
        <ReturnForm
          sendReturn={sendReturn}
          subLevel={subLevel}
          commentField={commentField}
          comment={comment}
          setComment={setComment}
          commentMissing={commentMissing}
          setCommentMissing={setCommentMissing}
          action={action}
          setReturning={setReturning}
          returnButton={returnButton}
        />
      )}

      <ProblemAlert error={error} headingLevel={subLevel} />

      {!editing && !may("approve") && !may("return") && !may("withdraw") && (
        <Paragraph data-size="sm" className="muted">
          {t(answer.allowedActions.length === 0 ? "answers.noActions" : "answers.readOnly")}
        </Paragraph>
      )}
    </section>
  );
}
