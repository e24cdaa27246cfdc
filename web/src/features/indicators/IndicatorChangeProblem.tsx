import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { isApiProblem } from "../../api/client.ts";
import { indicatorKeys } from "../../api/indicators.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { isIndicator } from "./indicatorDraft.ts";
import { indicatorFieldLabel } from "./labels.ts";

/** Someone else saved first: their version, which the server sends along, and a way to load it. */
export function IndicatorChangeProblem({
  error,
  onLoadCurrent,
}: {
  error: unknown;
  /** Starts the form again from the current version (the one the server sent with the refusal). */
  onLoadCurrent?: () => void;
}) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  if (!(isApiProblem(error) && error.code === "stale_version")) {
    return <ProblemAlert error={error} headingLevel={3} labelFor={indicatorFieldLabel(t)} />;
  }
  const current = isIndicator(error.body.current) ? error.body.current : null;
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={3} data-size="xs">
        {t("indicators.stale.title")}
      </Heading>
      <Paragraph data-size="sm">{t("indicators.stale.body")}</Paragraph>
      {current && (
        <dl className="facts facts--compact">
          <dt>{t("indicators.field.code")}</dt>
          <dd>{current.code}</dd>
          <dt>{t("indicators.field.nameNb")}</dt>
          <dd>{current.nameNb}</dd>
          <dt>{t("indicators.field.unitLabel")}</dt>
          <dd>{current.unitLabel}</dd>
          <dt>{t("indicators.status")}</dt>
          <dd>{current.retired ? t("indicators.retired") : t("indicators.inUse")}</dd>
          <dt>{t("indicators.version")}</dt>
          <dd>{current.version}</dd>
        </dl>
      )}
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        onClick={() => {
          onLoadCurrent?.();
          void queryClient.invalidateQueries({ queryKey: indicatorKeys.all });
        }}
      >
        {t("indicators.stale.reload")}
      </Button>
    </Alert>
  );
}
