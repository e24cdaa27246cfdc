import { useCallback, useEffect, useRef, useState } from "react";

/** A record, or a key for one, with the version it was read at; compared by value (!==). */
type Versioned = { id: number | string; version: number | string };

/**
 * The version of a record that an edit form started from, which is the version it sends to the
 * server. When the page gets a newer version in the background (a refetch after someone else's
 * change), the form follows it only while the user has changed nothing: unsaved changes are never
 * replaced, and saving them then meets the server's stale-version check, which shows the other
 * person's version instead of silently overwriting it. Another record (a different id) always
 * starts the form afresh. `restart` starts it from a given version: after the user's own save, or
 * when they load the current version.
 */
export function useFormBase<T extends Versioned>(
  record: T,
  isDirty: (base: T) => boolean,
  reset: (record: T) => void,
) {
  const [base, setBase] = useState(record);
  const latest = useRef({ base, isDirty, reset });
  latest.current = { base, isDirty, reset };

  useEffect(() => {
    const { base: current, isDirty: dirty, reset: resetForm } = latest.current;
    if (record === current) return;
    const otherRecord = record.id !== current.id;
    const newerAndUntouched = record.version !== current.version && !dirty(current);
    if (otherRecord || newerAndUntouched) {
      setBase(record);
      resetForm(record);
    }
  }, [record]);

  const restart = useCallback((next: T) => {
    setBase(next);
    latest.current.reset(next);
  }, []);

  return { base, restart };
}
