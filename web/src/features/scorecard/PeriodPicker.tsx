import { Fieldset } from "@digdir/designsystemet-react";
import { SelectField } from "../../components/SelectField.tsx";
import { intlLocale, useLocale } from "../../i18n/i18n.tsx";
import {
  formatPeriodChoice,
  type PeriodPart,
  parsePeriodChoice,
  periodParts,
  selectableYears,
} from "./periods.ts";

/** Year and period (T1, T2, year end, or a month) as two selects; a change applies at once. */
export function PeriodPicker({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  const { t, locale } = useLocale();
  const choice = parsePeriodChoice(period);
  const years = selectableYears();
  if (!years.includes(choice.year)) years.push(choice.year);
  years.sort((a, b) => b - a);
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(intlLocale[locale], { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2000, Number(month) - 1, 1)),
    );
  const partLabel = (part: PeriodPart) => {
    if (part === "T1") return t("scorecard.period.t1");
    if (part === "T2") return t("scorecard.period.t2");
    if (part === "year") return t("scorecard.period.year");
    return monthName(part);
  };
  return (
    <Fieldset className="period-picker">
      <Fieldset.Legend>{t("scorecard.period.legend")}</Fieldset.Legend>
      <div className="period-picker__fields">
        <SelectField
          label={t("scorecard.period.yearLabel")}
          value={String(choice.year)}
          onChange={(event) => onChange(formatPeriodChoice({ ...choice, year: Number(event.target.value) }))}
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("scorecard.period.partLabel")}
          value={choice.part}
          onChange={(event) =>
            onChange(formatPeriodChoice({ ...choice, part: event.target.value as PeriodPart }))
          }
        >
          <optgroup label={t("scorecard.period.tertials")}>
            {periodParts.slice(0, 3).map((part) => (
              <option key={part} value={part}>
                {partLabel(part)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("scorecard.period.months")}>
            {periodParts.slice(3).map((part) => (
              <option key={part} value={part}>
                {partLabel(part)}
              </option>
            ))}
          </optgroup>
        </SelectField>
      </div>
    </Fieldset>
  );
}
