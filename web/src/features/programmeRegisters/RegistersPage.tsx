import "./programmeRegisters.css";
import { Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import { useGroups } from "../../api/programmeRegisters.ts";
import { useProgramme } from "../../api/programmes.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { GroupsSection } from "./GroupsSection.tsx";
import { ResourcesSection } from "./ResourcesSection.tsx";
import { RisksSection } from "./RisksSection.tsx";
import { StakeholdersSection } from "./StakeholdersSection.tsx";
import { TrainingSection } from "./TrainingSection.tsx";

const registersRoute = getRouteApi("/app/programmes/$id/registers");

const sections = [
  ["register-groups", "registers.groups.title"],
  ["register-stakeholders", "registers.stakeholders.title"],
  ["register-training", "registers.training.title"],
  ["register-resources", "registers.resources.title"],
  ["register-risks", "registers.risks.title"],
] as const;

/**
 * A programme's registers on one page, each a section: groups with their members, stakeholders,
 * the training plan, resources in person-months and the programme's risks. Editors get forms;
 * readers read.
 */
export function RegistersPage() {
  const { t } = useLocale();
  const { id } = registersRoute.useParams();
  const programmeId = Number(id);
  const programme = useProgramme(programmeId);
  const groups = useGroups(programmeId);
  const [message, setMessage] = useState<string | null>(null);
  const name = programme.data ? `${programme.data.code}: ${programme.data.title}` : "";
  const crumbs = (
    <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
      <RouterLink to="/programmes">{t("registers.crumbs.programmes")}</RouterLink>
      {programme.data && (
        <>
          {" / "}
          <RouterLink to="/programmes/$id" params={{ id: String(programmeId) }}>
            {name}
          </RouterLink>
        </>
      )}
    </nav>
  );
  if (programme.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (programme.isError) {
    return (
      <div className="page">
        {crumbs}
        <PageTitle>{t("registers.crumbs.programmes")}</PageTitle>
        <ProblemAlert error={programme.error} headingLevel={2} />
      </div>
    );
  }
  return (
    <div className="page registers-page">
      {crumbs}
      <PageTitle>{t("registers.title", { programme: name })}</PageTitle>
      <Paragraph>{t("registers.intro")}</Paragraph>
      {groups.data && !groups.data.can.edit && <Paragraph>{t("registers.readOnly")}</Paragraph>}
      <nav aria-label={t("registers.contents")} className="registers-contents">
        <ul>
          {sections.map(([anchor, key]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <LiveStatus message={message} />
      <GroupsSection programmeId={programmeId} onDone={setMessage} />
      <StakeholdersSection programmeId={programmeId} onDone={setMessage} />
      <TrainingSection programmeId={programmeId} onDone={setMessage} />
      <ResourcesSection programmeId={programmeId} onDone={setMessage} />
      <RisksSection programmeId={programmeId} onDone={setMessage} />
    </div>
  );
}
