import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { isApiProblem } from "../../api/client.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

type Props = {
  error: unknown;
  /** What the form saves, in words: "programmet", "fasen", "beslutningspunktet". */
  what: "programme" | "phase" | "gate";
  /** Starts the form again from the version now stored. */
  onReload: () => void;
  labelFor: (field: string) => string | undefined;
};

/**
 * A form's refusal. When someone else saved first (409 stale_version) it says so plainly and
 * offers to load their version; any other refusal is listed with the fields' own labels.
 */
export function FormProblems({ error, what, onReload, labelFor }: Props) {
  const { t } = useLocale();
  if (isApiProblem(error) && error.code === "stale_version") {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t("programmeEdit.stale", { what: t(`programmeEdit.stale.${what}`) })}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={onReload}>
          {t("programmeEdit.reload")}
        </Button>
      </Alert>
    );
  }
  return <ProblemAlert error={error} headingLevel={4} labelFor={labelFor} />;
}
