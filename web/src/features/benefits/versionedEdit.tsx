import { Button } from "@digdir/designsystemet-react";
import { useState } from "react";
import { isApiProblem, staleCurrent } from "../../api/client.ts";
import { useLocale } from "../../i18n/i18n.tsx";

/**
 * The draft of an edit form and the version it was opened on. A save sends that version, so a save
 * over someone else's change is refused (409) rather than overwriting it; `takeTheirs` then loads
 * their version, which the refusal carries, into the form.
 */
export function useVersionedEdit<Record extends { version: number }, Draft>(
  record: Record,
  draftOf: (record: Record) => Draft,
  mutation: { error: unknown; reset: () => void },
) {
  const [opened, setOpened] = useState(record);
  const [draft, setDraft] = useState(() => draftOf(record));
  const isStale = isApiProblem(mutation.error) && mutation.error.code === "stale_version";
  const takeTheirs = () => {
    const current = staleCurrent<Record>(mutation.error) ?? record;
    setOpened(current);
    setDraft(draftOf(current));
    mutation.reset();
  };
  return { version: opened.version, draft, setDraft, isStale, takeTheirs };
}

/** An edit form's buttons beside saving: take up the other version (after a stale save), cancel. */
export function EditActions({
  isStale,
  onTakeTheirs,
  onCancel,
}: {
  isStale: boolean;
  onTakeTheirs: () => void;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  return (
    <>
      {isStale && (
        <Button type="button" variant="secondary" onClick={onTakeTheirs}>
          {t("benefits.edit.takeTheirs")}
        </Button>
      )}
      <Button type="button" variant="tertiary" onClick={onCancel}>
        {t("benefits.edit.cancel")}
      </Button>
    </>
  );
}
