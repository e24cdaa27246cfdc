import { Link, Paragraph } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import type { NextWork } from "../../api/reporting.ts";
import { useT } from "../../i18n/i18n.tsx";

/**
 * The next answer in the round waiting for the person, as the consolidation page moves between
 * requirements: a consolidated answer opens on its consolidation page, a unit's on its answer page.
 */
export function NextAnswerLink({ next }: { next: NextWork }) {
  const t = useT();
  const label = t("answers.next.link", { number: next.requirement.number, unit: next.unit.name });
  return (
    <Link asChild>
      {next.kind === "consolidated" ? (
        <RouterLink
          to="/rounds/$roundId/requirements/$requirementId"
          params={{ roundId: String(next.roundId), requirementId: String(next.requirement.id) }}
        >
          {label}
          <span aria-hidden="true"> →</span>
        </RouterLink>
      ) : (
        <RouterLink to="/answers/$answerId" params={{ answerId: String(next.answerId) }}>
          {label}
          <span aria-hidden="true"> →</span>
        </RouterLink>
      )}
    </Link>
  );
}

/** Where to go on from here: the next answer waiting, how many wait, or the inbox when none do. */
export function NextAnswer({ next, withCount = false }: { next: NextWork | null; withCount?: boolean }) {
  const t = useT();
  return (
    <nav aria-label={t("answers.next.nav")} className="pager next-answer">
      {next ? (
        <>
          <NextAnswerLink next={next} />
          {withCount && (
            <Paragraph data-size="sm" className="muted">
              {t("answers.next.remaining", { count: next.remaining })}
            </Paragraph>
          )}
        </>
      ) : (
        <Paragraph data-size="sm">
          {t("answers.next.none")}{" "}
          <Link asChild>
            <RouterLink to="/inbox">{t("answers.next.toInbox")}</RouterLink>
          </Link>
        </Paragraph>
      )}
    </nav>
  );
}
