import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useAddChapter } from "../../api/steering.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";

export function AddChapterForm({
  documentId,
  onDone,
}: {
  documentId: number;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const add = useAddChapter(documentId);
  const [title, setTitle] = useState("");
  // The title's problem goes from the screen once the title is changed.
  const error = useLiveError(add.error, { title: add.variables }, { title: title.trim() });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(title.trim(), {
      onSuccess: (chapter) => {
        setTitle("");
        onDone(t("steering.chapter.added", { title: chapter.title }));
      },
    });
  };
  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Textfield
        label={t("steering.chapter.titleLabel")}
        description={t("steering.chapter.titleHelp")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError(error, "title")}
        required
      />
      <ProblemAlert error={error} headingLevel={3} />
      <div>
        <Button type="submit" loading={add.isPending}>
          {t("steering.chapter.add")}
        </Button>
      </div>
    </form>
  );
}
