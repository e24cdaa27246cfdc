import { type AnswerState, type AnswerStatus, answerStates, answerStatuses } from "../../api/reporting.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { overdueIcon, returnedIcon, stateIcon, statusIcon } from "../answers/labels.tsx";

/** What the matrix's marks mean. */
export function Legend() {
  const { t } = useLocale();
  const statusKeys: AnswerStatus[] = [...answerStatuses];
  const stateKeys: AnswerState[] = [...answerStates];
  return (
    <details className="legend">
      <summary>{t("rounds.legend")}</summary>
      <div className="legend__body">
        <ul className="legend__list">
          {statusKeys.map((status) => (
            <li key={status} className={`legend__item cell--status-${status}`}>
              <span aria-hidden="true">{statusIcon[status]}</span> {t(`answers.status.${status}`)}
            </li>
          ))}
        </ul>
        <ul className="legend__list">
          {stateKeys.map((state) => (
            <li key={state} className={`legend__item cell--state-${state}`}>
              <span aria-hidden="true">{stateIcon[state]}</span> {t(`answers.state.${state}`)}:{" "}
              {t(`rounds.legendState.${state}`)}
            </li>
          ))}
          <li className="legend__item">
            <span aria-hidden="true">{returnedIcon}</span> {t("answers.returned")}:{" "}
            {t("rounds.legendReturned")}
          </li>
          <li className="legend__item">
            <span aria-hidden="true">{overdueIcon}</span> {t("answers.overdue")}: {t("rounds.legendOverdue")}
          </li>
        </ul>
      </div>
    </details>
  );
}
