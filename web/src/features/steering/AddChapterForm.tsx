import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useAddChapter } from "../../api/steering.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
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
        error={fieldError(add.error, "title")}
        required
      />
      <ProblemAlert error={add.error} headingLevel={3} />
      <div>
        <Button type="submit" loading={add.isPending}>
          {t("steering.chapter.add")}
        </Button>
      </div>
    </form>
  );
}
