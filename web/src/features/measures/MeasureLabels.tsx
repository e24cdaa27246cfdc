import { type MeasureListItem, measurePhases, measureStatuses } from "../../api/measures.ts";
import { formatDate } from "../../components/dates.ts";
import { useLocale } from "../../i18n/i18n.tsx";

/** Phase and status in words; status may be absent on a measure nobody has reported on. */
export function usePhaseStatus() {
  const { t, locale } = useLocale();
  return {
    phase: (phase: MeasureListItem["phase"]) => t(`measures.phase.${phase}`),
    status: (status: MeasureListItem["status"]) =>
      status ? t(`measures.status.${status}`) : t("measures.status.none"),
    date: (day: string | null) => (day ? formatDate(day, locale) : t("measures.noDate")),
  };
}

/** "Forsinket" (past its deadline) and "Trenger oppfølging", in words, never by colour alone. */
export function MeasureFlags({ item }: { item: Pick<MeasureListItem, "overdue" | "needsAttention"> }) {
  const { t } = useLocale();
  return (
    <span className="measure-flags">
      {item.overdue && (
        <span className="measure-flag measure-flag--overdue">{t("measures.flag.overdue")}</span>
      )}
      {item.needsAttention && (
        <span className="measure-flag measure-flag--attention">{t("measures.flag.attention")}</span>
      )}
    </span>
  );
}

/** The phases as a select's options, in their order. */
export function PhaseOptions() {
  const words = usePhaseStatus();
  return measurePhases.map((value) => (
    <option key={value} value={value}>
      {words.phase(value)}
    </option>
  ));
}

/** The statuses as a select's options, in their order. */
export function StatusOptions() {
  const words = usePhaseStatus();
  return measureStatuses.map((value) => (
    <option key={value} value={value}>
      {words.status(value)}
    </option>
  ));
}
