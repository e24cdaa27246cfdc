import {
  Button,
  Details,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import {
  type GateDecisionKind,
  gateDecisionKinds,
  type ProgrammeDetail,
  type ProgrammeGate,
  useDecideGate,
  useRequestGateDecision,
  useStartPhase,
} from "../../api/programmes.ts";
import { formatDate, todayIsoDate } from "../../components/dates.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { GateDetailsForm } from "./PhaseActions.tsx";
import { PhaseDayForm } from "./PhaseDayForm.tsx";
import { decisionWord } from "./programmeWords.tsx";

type Props = { programme: ProgrammeDetail; gate: ProgrammeGate; onDone: (message: string) => void };

/** A gate: its criteria, the request, every decision, and what the user may do there now. */
export function GateCard({ programme, gate, onDone }: Props) {
  const { t, locale } = useLocale();
  const phase = programme.phases.find((p) => p.number === gate.toPhase);
  const opened =
    gate.standing?.decision === "approve" || gate.standing?.decision === "approve_with_conditions";
  const previous = programme.phases.find((p) => p.number === gate.toPhase - 1);
  const mayStart =
    programme.can.startPhase && opened && phase?.actualStart === null && previous?.actualStart !== null;
  const headingId = useId();
  return (
    <article className="programme-card" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t("programmes.gate.title", { name: gate.name, number: gate.toPhase })}
      </Heading>
      {gate.criteria && (
        <Paragraph>
          <strong>{t("programmes.gate.criteria")}:</strong> {gate.criteria}
        </Paragraph>
      )}
      {gate.requestedAt && (
        <Paragraph>
          {t("programmes.gate.requestedOn", { date: formatDate(gate.requestedAt.slice(0, 10), locale) })}
          {gate.requestText && ` ${gate.requestText}`}
        </Paragraph>
      )}
      <Paragraph>
        {gate.standing
          ? t("programmes.gate.standing", {
              decision: decisionWord(gate.standing.decision, t),
              date: formatDate(gate.standing.decidedOn, locale),
            })
          : t("programmes.gate.undecided")}
      </Paragraph>
      {gate.decisions.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t("programmes.gate.history")}
          </Heading>
          <ol>
            {gate.decisions.map((decision) => (
              <li key={decision.id}>
                {t("programmes.gate.decisionLine", {
                  decision: decisionWord(decision.decision, t),
                  date: formatDate(decision.decidedOn, locale),
                  actor: decision.actorName,
                })}
                . {decision.decisionText}
                {decision.conditions &&
                  ` ${t("programmes.gate.conditions", { conditions: decision.conditions })}`}
              </li>
            ))}
          </ol>
        </>
      )}
      {programme.can.edit && (
        <Details>
          <Details.Summary>{t("programmeEdit.gate.edit")}</Details.Summary>
          <Details.Content>
            <GateDetailsForm programme={programme} gate={gate} onDone={onDone} />
          </Details.Content>
        </Details>
      )}
      {programme.can.edit && !opened && <AskForm programme={programme} gate={gate} onDone={onDone} />}
      {programme.can.decide &&
        phase?.actualStart === null &&
        (gate.standing === null ? (
          <DecideForm programme={programme} gate={gate} onDone={onDone} />
        ) : (
          // A decision stands: a new one (a stop, an approval after a postponement) is folded away.
          <Details>
            <Details.Summary>{t("programmes.decide.again")}</Details.Summary>
            <Details.Content>
              <DecideForm programme={programme} gate={gate} onDone={onDone} />
            </Details.Content>
          </Details>
        ))}
      {mayStart && phase && (
        <StartForm programme={programme} number={phase.number} version={phase.version} onDone={onDone} />
      )}
      {!opened && phase?.actualStart === null && programme.can.startPhase && (
        <Paragraph data-size="sm">{t("programmes.start.waiting", { number: gate.toPhase })}</Paragraph>
      )}
    </article>
  );
}

function AskForm({ programme, gate, onDone }: Props) {
  const { t } = useLocale();
  const ask = useRequestGateDecision(programme.id, gate.toPhase);
  const [text, setText] = useState(gate.requestText);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // From the promise: it settles even if the form has gone away meanwhile (see StartForm).
    ask
      .mutateAsync({ version: gate.version, requestText: text })
      .then(() => onDone(t("programmes.ask.done", { name: gate.name })))
      .catch(() => undefined);
  };
  return (
    <form
      className="programme-form"
      onSubmit={submit}
      aria-label={`${t("programmes.ask.title")}: ${gate.name}`}
    >
      <Textfield
        label={t("programmes.ask.text")}
        multiline
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={fieldError(ask.error, "requestText")}
      />
      <ProblemAlert error={ask.error} headingLevel={4} labelFor={() => t("programmes.ask.text")} />
      <div className="programme-actions">
        <Button type="submit" variant="secondary" loading={ask.isPending}>
          {t("programmes.ask.submit")}
        </Button>
      </div>
    </form>
  );
}

function DecideForm({ programme, gate, onDone }: Props) {
  const { t } = useLocale();
  const decide = useDecideGate(programme.id, gate.toPhase);
  const name = useId();
  const [decision, setDecision] = useState<GateDecisionKind>("approve");
  const [decidedOn, setDecidedOn] = useState(todayIsoDate());
  const [decisionText, setDecisionText] = useState("");
  const [conditions, setConditions] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The form moves into a fold once a decision stands, so the message comes from the promise,
    // which settles even when the form has gone away (a mutate callback would not run then).
    decide
      .mutateAsync({ decision, decidedOn, decisionText, conditions })
      .then(() =>
        onDone(t("programmes.decide.done", { name: gate.name, decision: decisionWord(decision, t) })),
      )
      .catch(() => undefined);
  };
  return (
    <form
      className="programme-form"
      onSubmit={submit}
      aria-label={`${t("programmes.decide.title")}: ${gate.name}`}
    >
      <Fieldset>
        <Fieldset.Legend>{t("programmes.decide.decision")}</Fieldset.Legend>
        {gateDecisionKinds.map((kind) => (
          <Radio
            key={kind}
            name={name}
            value={kind}
            label={decisionWord(kind, t)}
            checked={decision === kind}
            onChange={() => setDecision(kind)}
          />
        ))}
      </Fieldset>
      <Textfield
        label={t("programmes.decide.date")}
        type="date"
        value={decidedOn}
        max={todayIsoDate()}
        onChange={(event) => setDecidedOn(event.target.value)}
        error={fieldError(decide.error, "decidedOn")}
      />
      <Textfield
        label={t("programmes.decide.text")}
        multiline
        rows={3}
        required
        value={decisionText}
        onChange={(event) => setDecisionText(event.target.value)}
        error={fieldError(decide.error, "decisionText")}
      />
      <Textfield
        label={t("programmes.decide.conditions")}
        description={t("programmes.decide.conditionsHelp")}
        multiline
        rows={2}
        value={conditions}
        onChange={(event) => setConditions(event.target.value)}
        error={fieldError(decide.error, "conditions")}
      />
      <ProblemAlert
        error={decide.error}
        headingLevel={4}
        labelFor={(field) =>
          field === "decidedOn"
            ? t("programmes.decide.date")
            : field === "decisionText"
              ? t("programmes.decide.text")
              : field === "conditions"
                ? t("programmes.decide.conditions")
                : field === "decision"
                  ? t("programmes.decide.decision")
                  : undefined
        }
      />
      <div className="programme-actions">
        <Button type="submit" loading={decide.isPending}>
          {t("programmes.decide.submit")}
        </Button>
      </div>
    </form>
  );
}

function StartForm({
  programme,
  number,
  version,
  onDone,
}: {
  programme: ProgrammeDetail;
  number: number;
  version: number;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const start = useStartPhase(programme.id, number);
  return (
    <PhaseDayForm
      title={t("programmes.start.title", { number })}
      field="actualStart"
      dayLabel={t("programmes.start.date")}
      help={t("programmes.start.help")}
      submitLabel={t("programmes.start.submit", { number })}
      browserChecks
      pending={start.isPending}
      error={start.error}
      problems={
        <ProblemAlert error={start.error} headingLevel={4} labelFor={() => t("programmes.start.date")} />
      }
      send={(day) => start.mutateAsync({ version, actualStart: day })}
      onSent={() => onDone(t("programmes.start.done", { number }))}
    />
  );
}
