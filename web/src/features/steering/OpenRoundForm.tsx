import { Button, Textfield } from "@digdir/designsystemet-react";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { type Round, useOpenRound } from "../../api/reporting.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { periodLabel } from "../answers/labels.tsx";

/** Opens a reporting round for a published document: a period of its year and a deadline. */
export function OpenRoundForm({
  documentId,
  year,
  rounds,
}: {
  documentId: number;
  year: number;
  rounds: Round[];
}) {
  const { t } = useLocale();
  const open = useOpenRound(documentId);
  const navigate = useNavigate();
  const taken = new Set(rounds.map((round) => round.period));
  const periods = [`${year}-T1`, `${year}-T2`, `${year}`].filter((period) => !taken.has(period));
  const [period, setPeriod] = useState(periods[0] ?? "");
  const [deadline, setDeadline] = useState("");
  const [deadlineMissing, setDeadlineMissing] = useState(false);

  const chosen = periods.includes(period) ? period : (periods[0] ?? "");
  // A problem goes from the screen once its field is changed.
  const error = useLiveError(open.error, open.variables, { period: chosen, deadline });

  if (periods.length === 0) return <p>{t("steering.rounds.allOpened")}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!deadline) {
      setDeadlineMissing(true);
      return;
    }
    setDeadlineMissing(false);
    open.mutate(
      { period: chosen, deadline },
      { onSuccess: (round) => navigate({ to: "/rounds/$roundId", params: { roundId: String(round.id) } }) },
    );
  };

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <SelectField
        label={t("steering.rounds.period")}
        value={chosen}
        onChange={(event) => setPeriod(event.target.value)}
        error={fieldError(error, "period")}
      >
        {periods.map((each) => (
          <option key={each} value={each}>
            {periodLabel(each, t)}
          </option>
        ))}
      </SelectField>
      <Textfield
        label={t("steering.rounds.deadline")}
        description={t("steering.rounds.deadlineHelp")}
        type="date"
        value={deadline}
        onChange={(event) => {
          setDeadline(event.target.value);
          setDeadlineMissing(false);
        }}
        error={deadlineMissing ? t("steering.rounds.deadlineRequired") : fieldError(error, "deadline")}
        required
      />
      <ProblemAlert error={error} headingLevel={4} />
      <div>
        <Button type="submit" loading={open.isPending}>
          {t("steering.rounds.open")}
        </Button>
      </div>
    </form>
  );
}
