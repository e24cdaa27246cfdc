import { Heading } from "@digdir/designsystemet-react";
import { useEffect, useRef } from "react";
import { useT } from "../i18n/i18n.tsx";

// The first page of a visit is a real page load: focus starts at the top as usual.
let isFirstPageOfVisit = true;

/**
 * The page's one h1, also written into the browser tab. After a client-side navigation it takes
 * focus, so keyboard and screen reader users start at the new content, as after a page load.
 */
export function PageTitle({ children }: { children: string }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (isFirstPageOfVisit) {
      isFirstPageOfVisit = false;
      return;
    }
    heading.current?.focus();
  }, []);

  useEffect(() => {
    document.title = `${children} – ${t("app.name")}`;
  }, [children, t]);

  return (
    <Heading ref={heading} level={1} data-size="lg" tabIndex={-1} className="page-title">
      {children}
    </Heading>
  );
}
