import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroll area. It is focusable and named, so that keyboard users can
 * scroll it with the arrow keys on narrow screens (WCAG 2.1.1, 1.4.10).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
