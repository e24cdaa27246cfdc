import { Link, Paragraph } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import type { PreviousAnswer } from "../../api/reporting.ts";
import { formatDateTime } from "../../components/dates.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { AnswerBadges, periodLabel } from "./labels.tsx";

/** Wide enough for the previous answer beside the one being written; below it, it starts folded. */
const wideQuery = "(min-width: 64em)";

/**
 * The unit's answer to the same requirement in the period before, read-only, beside the answer
 * being written. On a phone it comes folded, to open when wanted.
 */
export function PreviousAnswerPanel({ previous }: { previous: PreviousAnswer }) {
  const { t, locale } = useLocale();
  const [open] = useState(() => typeof window !== "undefined" && window.matchMedia?.(wideQuery).matches);
  const period = periodLabel(previous.period, t);
  return (
    <details className="previous-answer" open={open}>
      <summary>
        <span className="previous-answer__title">{t("answers.previous.heading", { period })}</span>
      </summary>
      <div className="previous-answer__body">
        <AnswerBadges status={previous.status} state={previous.state} />
        <Paragraph data-size="sm" className="muted">
          {previous.documentTitle}
          {previous.updatedBy &&
            ` · ${t("answers.previous.changed", {
              name: previous.updatedBy,
              time: formatDateTime(previous.updatedAt, locale),
            })}`}
        </Paragraph>
        <Markdown text={previous.text} empty={t("answers.noText")} />
        <Paragraph data-size="sm">
          <Link asChild>
            <RouterLink to="/answers/$answerId" params={{ answerId: String(previous.answerId) }}>
              {t("answers.previous.open", { period })}
            </RouterLink>
          </Link>
        </Paragraph>
      </div>
    </details>
  );
}
