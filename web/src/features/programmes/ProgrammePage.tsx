import "./programmes.css";
import { Details, Link as DsLink, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useId, useState } from "react";
import { type ProgrammeDetail, type ProgrammePhase, useProgramme } from "../../api/programmes.ts";
import { formatDate } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { ProgrammeCaseDownload } from "../documents/ProgrammeDocumentDownloads.tsx";
import { GateCard } from "./GateCard.tsx";
import { EndPhaseForm, StartFirstPhaseForm } from "./PhaseActions.tsx";
import { AddPhaseForm, EditPhaseForm } from "./PhaseForm.tsx";
import { EditProgrammeForm } from "./ProgrammeForm.tsx";
import { phaseLabel } from "./programmeWords.tsx";
import { StatusReportsSection } from "./StatusReportsSection.tsx";

const programmeRoute = getRouteApi("/app/programmes/$id");

function Facts({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useLocale();
  const rows: [string, string][] = [
    [t("programmes.field.kind"), t(`programmes.kind.${programme.kind}`)],
    [t("programmes.field.owner"), programme.ownerUnit.name],
    [t("programmes.field.sponsor"), programme.sponsorName],
    [t("programmes.field.manager"), programme.managerName],
    [t("programmes.field.approverTitle"), programme.approverTitle],
    [t("programmes.field.purpose"), programme.purpose],
    [t("programmes.field.scope"), programme.scope],
  ];
  return (
    <dl className="programme-facts">
      {rows
        .filter(([, value]) => value !== "")
        .map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

type PhaseCardProps = {
  programme: ProgrammeDetail;
  phase: ProgrammePhase;
  current: boolean;
  onDone: (message: string) => void;
};

function PhaseCard({ programme, phase, current, onDone }: PhaseCardProps) {
  const { t, locale } = useLocale();
  const headingId = useId();
  const date = (value: string) => formatDate(value, locale);
  const state = current
    ? t("programmes.phase.current")
    : phase.actualEnd
      ? t("programmes.phase.ended")
      : phase.actualStart
        ? t("programmes.phase.current")
        : t("programmes.phase.notStarted");
  return (
    <article
      className={`programme-card${current ? " programme-card--current" : ""}`}
      aria-labelledby={headingId}
    >
      <Heading level={3} data-size="xs" id={headingId}>
        {`${phaseLabel(phase.number, phase.name, t)} (${state.toLowerCase()})`}
      </Heading>
      <dl className="programme-dates">
        <dt>{t("programmes.phase.planned")}</dt>
        <dd>{t("programmes.phase.range", { from: date(phase.plannedStart), to: date(phase.plannedEnd) })}</dd>
        <dt>{t("programmes.phase.actual")}</dt>
        <dd>
          {phase.actualStart === null
            ? t("programmes.phase.notStarted")
            : phase.actualEnd === null
              ? t("programmes.phase.openEnd", { from: date(phase.actualStart) })
              : t("programmes.phase.range", { from: date(phase.actualStart), to: date(phase.actualEnd) })}
        </dd>
      </dl>
      {phase.mainActivities.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t("programmes.phase.activities")}
          </Heading>
          <ul>
            {phase.mainActivities.map((activity) => (
              <li key={activity}>{activity}</li>
            ))}
          </ul>
        </>
      )}
      {phase.milestones.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t("programmes.phase.milestones")}
          </Heading>
          <ul>
            {phase.milestones.map((milestone) => (
              <li key={milestone.title}>
                {milestone.done
                  ? t("programmes.milestone.done", { title: milestone.title })
                  : milestone.due
                    ? t("programmes.milestone.due", { title: milestone.title, date: date(milestone.due) })
                    : milestone.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <PhaseChanges programme={programme} phase={phase} current={current} onDone={onDone} />
    </article>
  );
}

/**
 * What the user may do with a phase: start the first one (it has no gate), end the current one,
 * and (the programme's editors) change or delete its plan.
 */
function PhaseChanges({ programme, phase, current, onDone }: PhaseCardProps) {
  const { t } = useLocale();
  const first = programme.phases.every((other) => other.number >= phase.number);
  return (
    <>
      {programme.can.startPhase && first && phase.actualStart === null && (
        <StartFirstPhaseForm programme={programme} phase={phase} onDone={onDone} />
      )}
      {programme.can.startPhase && current && (
        <EndPhaseForm programme={programme} phase={phase} onDone={onDone} />
      )}
      {programme.can.edit && (
        <Details>
          <Details.Summary>{t("programmeEdit.phase.edit", { number: phase.number })}</Details.Summary>
          <Details.Content>
            <EditPhaseForm programme={programme} phase={phase} onDone={onDone} />
          </Details.Content>
        </Details>
      )}
    </>
  );
}

/**
 * A programme: its facts, phases planned against actual, the gates with their decisions (and the
 * forms to ask, decide and start the next phase), and its status reports.
 */
export function ProgrammePage() {
  const { t } = useLocale();
  const { id } = programmeRoute.useParams();
  const programme = useProgramme(Number(id));
  const [message, setMessage] = useState<string | null>(null);
  const crumbs = (
    <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
      <RouterLink to="/programmes">{t("programmes.crumbs")}</RouterLink>
    </nav>
  );
  if (programme.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (programme.isError) {
    return (
      <div className="page">
        {crumbs}
        <PageTitle>{t("programmes.title")}</PageTitle>
        <ProblemAlert error={programme.error} headingLevel={2} />
      </div>
    );
  }
  const data = programme.data;
  return (
    <div className="page programme-page">
      {crumbs}
      <PageTitle>{`${data.code}: ${data.title}`}</PageTitle>
      <LiveStatus message={message} />
      <section aria-labelledby="programme-facts">
        <Heading level={2} data-size="sm" id="programme-facts">
          {t("programmes.facts")}
        </Heading>
        <Facts programme={data} />
        {data.can.edit && (
          <Details>
            <Details.Summary>{t("programmeEdit.edit.title")}</Details.Summary>
            <Details.Content>
              <EditProgrammeForm programme={data} onDone={setMessage} />
            </Details.Content>
          </Details>
        )}
      </section>
      <nav aria-label={t("programmes.links")}>
        <ul>
          <li>
            <DsLink href={`/programmes/${data.id}/registers`}>{t("programmes.link.registers")}</DsLink>
          </li>
          <li>
            <DsLink href={`/programmes/${data.id}/benefits`}>{t("programmes.link.benefits")}</DsLink>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="programme-phases">
        <Heading level={2} data-size="sm" id="programme-phases">
          {t("programmes.phases")}
        </Heading>
        {data.phases.length === 0 ? (
          <Paragraph>{t("programmes.phases.none")}</Paragraph>
        ) : (
          <ol className="programme-phases">
            {data.phases.map((phase) => (
              <li key={phase.id}>
                <PhaseCard
                  programme={data}
                  phase={phase}
                  current={phase.number === data.currentPhase}
                  onDone={setMessage}
                />
              </li>
            ))}
          </ol>
        )}
        {data.can.edit && (
          <Details>
            <Details.Summary>{t("programmeEdit.phase.add")}</Details.Summary>
            <Details.Content>
              <AddPhaseForm programme={data} onDone={setMessage} />
            </Details.Content>
          </Details>
        )}
      </section>
      {data.gates.length > 0 && (
        <section aria-labelledby="programme-gates">
          <Heading level={2} data-size="sm" id="programme-gates">
            {t("programmes.gates")}
          </Heading>
          <ol className="programme-gates">
            {data.gates.map((gate) => (
              <li key={gate.id}>
                <GateCard programme={data} gate={gate} onDone={setMessage} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <StatusReportsSection programmeId={data.id} onDone={setMessage} />
      <ProgrammeCaseDownload programmeId={data.id} />
    </div>
  );
}
