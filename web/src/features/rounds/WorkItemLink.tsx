import { Link as RouterLink } from "@tanstack/react-router";
import type { WorkItem } from "../../api/reporting.ts";
import { useT } from "../../i18n/i18n.tsx";

/**
 * A link to where an answer is worked on: a unit's answer page, or for a consolidated answer the
 * consolidation page, where every unit's answer is at hand.
 */
export function WorkItemLink({ item }: { item: WorkItem }) {
  const t = useT();
  const text = (
    <>
      <strong>{t("inbox.requirementNumber", { number: item.requirement.number })}</strong>
      <span className="work-item__excerpt">{item.requirement.text}</span>
    </>
  );
  return item.kind === "consolidated" ? (
    <RouterLink
      className="work-item__link"
      to="/rounds/$roundId/requirements/$requirementId"
      params={{ roundId: String(item.round.id), requirementId: String(item.requirement.id) }}
    >
      {text}
    </RouterLink>
  ) : (
    <RouterLink
      className="work-item__link"
      to="/answers/$answerId"
      params={{ answerId: String(item.answerId) }}
    >
      {text}
    </RouterLink>
  );
}
