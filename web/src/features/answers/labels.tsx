import { Tag } from "@digdir/designsystemet-react";
import type { AnswerState, AnswerStatus } from "../../api/reporting.ts";
import type { Translate } from "../../i18n/i18n.tsx";
import { useT } from "../../i18n/i18n.tsx";

// Status and workflow state are always shown as text with an icon; colour only repeats them.

export const statusIcon: Record<AnswerStatus, string> = {
  not_started: "○",
  fulfilled: "●",
  partly_fulfilled: "◐",
  not_fulfilled: "✕",
  not_relevant: "–",
};

export const stateIcon: Record<AnswerState, string> = {
  draft: "✎",
  submitted: "➤",
  approved: "✔",
};

export const returnedIcon = "↩";
export const overdueIcon = "⚠";

const statusColor: Record<AnswerStatus, "success" | "warning" | "danger" | "neutral"> = {
  not_started: "neutral",
  fulfilled: "success",
  partly_fulfilled: "warning",
  not_fulfilled: "danger",
  not_relevant: "neutral",
};

const stateColor: Record<AnswerState, "neutral" | "info" | "success"> = {
  draft: "neutral",
  submitted: "info",
  approved: "success",
};

/** "2024-T1" -> "1. tertial 2024"; "2024" -> "Årlig melding 2024". */
export function periodLabel(period: string, t: Translate): string {
  const match = /^(\d{4})(?:-(T[12]))?$/.exec(period);
  if (!match) return period;
  const [, year, point] = match;
  if (point === "T1") return t("rounds.period.T1", { year: year as string });
  if (point === "T2") return t("rounds.period.T2", { year: year as string });
  return t("rounds.period.annual", { year: year as string });
}

export function StatusTag({ status }: { status: AnswerStatus }) {
  const t = useT();
  return (
    <Tag data-color={statusColor[status]} data-size="sm" className="answer-tag">
      <span aria-hidden="true">{statusIcon[status]}</span> {t(`answers.status.${status}`)}
    </Tag>
  );
}

export function StateTag({ state }: { state: AnswerState }) {
  const t = useT();
  return (
    <Tag data-color={stateColor[state]} variant="outline" data-size="sm" className="answer-tag">
      <span aria-hidden="true">{stateIcon[state]}</span> {t(`answers.state.${state}`)}
    </Tag>
  );
}

/** Status, state, and whether the answer was returned or is late: all an answer's badges. */
export function AnswerBadges({
  status,
  state,
  returned,
  overdue,
}: {
  status: AnswerStatus;
  state: AnswerState;
  returned?: boolean;
  overdue?: boolean;
}) {
  const t = useT();
  return (
    <span className="answer-badges">
      <StatusTag status={status} />
      <StateTag state={state} />
      {returned && (
        <Tag data-color="warning" data-size="sm" className="answer-tag">
          <span aria-hidden="true">{returnedIcon}</span> {t("answers.returned")}
        </Tag>
      )}
      {overdue && (
        <Tag data-color="danger" data-size="sm" className="answer-tag">
          <span aria-hidden="true">{overdueIcon}</span> {t("answers.overdue")}
        </Tag>
      )}
    </span>
  );
}
