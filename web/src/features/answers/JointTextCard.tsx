import { Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { JointText } from "../../api/reporting.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { AnswerBadges } from "./labels.tsx";

/**
 * A joint assignment's common text, written by the lead unit and shown with every participant's
 * answer under the label the reports use: "Fellesrapport <lead>".
 */
export function JointTextCard({ joint, headingLevel }: { joint: JointText; headingLevel: 2 | 3 | 4 }) {
  const t = useT();
  return (
    <Card className="joint-text" data-color="info" variant="tinted">
      <Heading level={headingLevel} data-size="xs">
        {joint.label}
      </Heading>
      <AnswerBadges status={joint.status} state={joint.state} />
      <Paragraph data-size="sm" className="muted">
        {joint.state === "approved"
          ? t("answers.joint.intro", { lead: joint.leadUnit.name })
          : t("answers.joint.notApproved", { lead: joint.leadUnit.name })}
      </Paragraph>
      <Markdown text={joint.text} empty={t("answers.noText")} />
    </Card>
  );
}
