// The form for the one day a phase started or ended: starting the first phase, starting a phase
// from its approved gate, and ending the current phase share it.

import { Button, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { todayIsoDate } from "../../components/dates.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";

export function PhaseDayForm({
  title,
  field,
  dayLabel,
  help,
  min,
  submitLabel,
  variant,
  browserChecks = false,
  pending,
  error,
  problems,
  send,
  onSent,
}: {
  /** The form's accessible name. */
  title: string;
  /** The server's name for the day, so its refusal shows at the field. */
  field: "actualStart" | "actualEnd";
  dayLabel: string;
  help: string;
  min?: string;
  submitLabel: string;
  variant?: "secondary";
  /** Whether the browser checks the day against min and max before sending. */
  browserChecks?: boolean;
  pending: boolean;
  error: unknown;
  /** The refusal shown under the field. */
  problems: ReactNode;
  send: (day: string) => Promise<unknown>;
  onSent: () => void;
}) {
  const [day, setDay] = useState(todayIsoDate());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The form goes away once the day is saved, so the message is given from the promise, which
    // settles even then (a mutate callback would not run after the form unmounts).
    send(day)
      .then(onSent)
      .catch(() => undefined);
  };
  return (
    <form className="programme-form" noValidate={!browserChecks} onSubmit={submit} aria-label={title}>
      <Textfield
        label={dayLabel}
        description={help}
        type="date"
        value={day}
        min={min}
        max={todayIsoDate()}
        onChange={(event) => setDay(event.target.value)}
        error={fieldError(error, field)}
      />
      {problems}
      <div className="programme-actions">
        <Button type="submit" variant={variant} loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
