import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { isApiProblem } from "../../api/client.ts";
import { type Indicator, indicatorKeys } from "../../api/indicators.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { indicatorFieldLabel } from "./labels.ts";

/**
 * Someone else saved first: their version of the indicator, which the server sends along (none
 * for a target), and a way to load it.
 */
export function IndicatorChangeProblem({
  error,
  current = null,
  onLoadCurrent,
}: {
  error: unknown;
  /** The indicator as now stored, when the refused change was to an indicator. */
  current?: Indicator | null;
  /** Starts the form again from the current version (the one the server sent with the refusal). */
  onLoadCurrent?: () => void;
}) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  if (!(isApiProblem(error) && error.code === "stale_version")) {
    return <ProblemAlert error={error} headingLevel={3} labelFor={indicatorFieldLabel(t)} />;
  }
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
