import { Alert } from "@digdir/designsystemet-react";

/**
 * A polite live region for "saved" messages. The region is always rendered, because screen
 * readers only announce changes to a region that was already in the page.
 */
export function LiveStatus({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="live-status">
      {message && <Alert data-color="success">{message}</Alert>}
    </div>
  );
}
