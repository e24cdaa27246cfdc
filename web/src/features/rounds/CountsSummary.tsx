import { Card, Heading } from "@digdir/designsystemet-react";
import { answerStates, answerStatuses, type Counts } from "../../api/reporting.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { overdueIcon, returnedIcon, stateIcon, statusIcon } from "../answers/labels.tsx";

/** The round's answers counted by state and by status, with how many are returned or late. */
export function CountsSummary({ counts }: { counts: Counts }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="round-counts-heading" className="round-counts">
      <Heading level={2} data-size="sm" id="round-counts-heading">
        {t("rounds.countsHeading", { total: counts.total })}
      </Heading>
      <div className="count-groups">
        <Card data-color="neutral" className="count-group">
          <Heading level={3} data-size="2xs">
            {t("rounds.byState")}
          </Heading>
          <ul className="count-list">
            {answerStates.map((state) => (
              <li key={state} className={`count count--state-${state}`}>
                <span aria-hidden="true">{stateIcon[state]}</span> {t(`answers.state.${state}`)}:{" "}
                <strong>{counts.byState[state]}</strong>
              </li>
            ))}
            <li className="count count--returned">
              <span aria-hidden="true">{returnedIcon}</span> {t("answers.returned")}:{" "}
              <strong>{counts.returned}</strong>
            </li>
            <li className="count count--overdue">
              <span aria-hidden="true">{overdueIcon}</span> {t("answers.overdue")}:{" "}
              <strong>{counts.overdue}</strong>
            </li>
          </ul>
        </Card>
        <Card data-color="neutral" className="count-group">
          <Heading level={3} data-size="2xs">
            {t("rounds.byStatus")}
          </Heading>
          <ul className="count-list">
            {answerStatuses.map((status) => (
              <li key={status} className={`count count--status-${status}`}>
                <span aria-hidden="true">{statusIcon[status]}</span> {t(`answers.status.${status}`)}:{" "}
                <strong>{counts.byStatus[status]}</strong>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </section>
  );
}
