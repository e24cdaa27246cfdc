import type { MatrixCell } from "../../api/reporting.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { overdueIcon, returnedIcon, stateIcon, statusIcon } from "../answers/labels.tsx";

/** One answer in the matrix: its status and state, and whether it is returned or late. */
export function CellContent({ cell }: { cell: MatrixCell }) {
  const { t } = useLocale();
  return (
    <>
      <span className="cell__line">
        <span aria-hidden="true">{statusIcon[cell.status]}</span> {t(`answers.statusShort.${cell.status}`)}
      </span>
      <span className="cell__line">
        <span aria-hidden="true">{stateIcon[cell.state]}</span> {t(`answers.state.${cell.state}`)}
      </span>
      {cell.returned && (
        <span className="cell__line cell__flag">
          <span aria-hidden="true">{returnedIcon}</span> {t("answers.returned")}
        </span>
      )}
      {cell.overdue && (
        <span className="cell__line cell__flag">
          <span aria-hidden="true">{overdueIcon}</span> {t("answers.overdue")}
        </span>
      )}
    </>
  );
}
