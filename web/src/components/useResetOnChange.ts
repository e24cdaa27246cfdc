import { useEffect, useRef } from "react";

/**
 * Runs `reset` when `key` changes, e.g. a unit id and version: after a save, after loading someone
 * else's newer version, or when another unit is selected. The form stays mounted, so keyboard
 * focus stays where it was.
 */
export function useResetOnChange(key: string, reset: () => void) {
  const previous = useRef(key);
  const latestReset = useRef(reset);
  latestReset.current = reset;
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    latestReset.current();
  }, [key]);
}
