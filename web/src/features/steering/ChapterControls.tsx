import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { type Chapter, useDeleteChapter, useRenameChapter } from "../../api/steering.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";

export function ChapterControls({
  chapter,
  empty,
  onDone,
}: {
  chapter: Chapter;
  empty: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const rename = useRenameChapter();
  const remove = useDeleteChapter();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(chapter.title);
  const [baseVersion, setBaseVersion] = useState(chapter.version);

  const payload = { id: chapter.id, version: baseVersion, title: title.trim() };
  // The title's problem goes from the screen once the title is changed.
  const renameError = useLiveError(rename.error, rename.variables, payload);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(payload, {
      onSuccess: (saved) => {
        setEditing(false);
        onDone(t("steering.chapter.renamed", { title: saved.title }));
      },
    });
  };

  return (
    <div className="chapter-controls">
      {editing ? (
        <form onSubmit={submit} className="inline-form" noValidate>
          <Textfield
            label={t("steering.chapter.newTitle", { title: chapter.title })}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={fieldError(renameError, "title")}
          />
          <div className="button-row">
            <Button type="submit" data-size="sm" loading={rename.isPending}>
              {t("steering.chapter.save")}
            </Button>
            <Button type="button" data-size="sm" variant="tertiary" onClick={() => setEditing(false)}>
              {t("answers.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            onClick={() => {
              setTitle(chapter.title);
              setBaseVersion(chapter.version);
              rename.reset();
              setEditing(true);
            }}
          >
            {t("steering.chapter.rename", { title: chapter.title })}
          </Button>
          {empty && (
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: chapter.id, version: chapter.version },
                  { onSuccess: () => onDone(t("steering.chapter.deleted", { title: chapter.title })) },
                )
              }
            >
              {t("steering.chapter.delete", { title: chapter.title })}
            </Button>
          )}
        </div>
      )}
      <ProblemAlert error={renameError ?? remove.error} headingLevel={4} />
    </div>
  );
}
