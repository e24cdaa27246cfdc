import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import type { Dispatch, FormEvent, RefObject, SetStateAction } from "react";
import {
  type Answer,
  type AnswerStatus,
  type useAnswerAction,
  writtenStatuses,
} from "../../api/reporting.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import type { Draft } from "./answerDraft.ts";

/** The answer's status and Markdown text with a live preview, and the buttons to save and submit. */
export function AnswerEditor({
  draft,
  setDraft,
  action,
  headingId,
  subLevel,
  textArea,
  showPreview,
  setShowPreview,
  dirty,
  returning,
  may,
  save,
  submit,
}: {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  action: Pick<ReturnType<typeof useAnswerAction>, "error" | "isPending">;
  headingId: string;
  subLevel: 3 | 4;
  textArea: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  showPreview: boolean;
  setShowPreview: Dispatch<SetStateAction<boolean>>;
  dirty: boolean;
  returning: boolean;
  may: (name: Answer["allowedActions"][number]) => boolean;
  save: (event: FormEvent) => void;
  submit: () => Promise<void>;
}) {
  const { t } = useLocale();
  return (
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
          {draft.status === "not_started" && <option value="not_started">{t("answers.chooseStatus")}</option>}
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
  );
}
