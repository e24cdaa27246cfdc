import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type ApiProblem, isApiProblem, staleCurrent } from "../../api/client.ts";
import { queryKeys } from "../../api/hooks.ts";
import type { Unit } from "../../api/types.ts";
import { formatDate } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

export function isStaleVersion(error: unknown): error is ApiProblem {
  return isApiProblem(error) && error.code === "stale_version";
}

/**
 * A failed change to a unit. When someone else saved first (409 stale_version) it shows their
 * version, which the server sends along, and offers to load it; other errors show as usual.
 */
export function UnitChangeProblem({
  error,
  onLoadCurrent,
}: {
  error: unknown;
  /** Starts the form again from the current version, which the server sent with the refusal. */
  onLoadCurrent?: (current: Unit) => void;
}) {
  const { t, locale } = useLocale();
  const queryClient = useQueryClient();
  if (!isStaleVersion(error)) return <ProblemAlert error={error} headingLevel={4} />;
  const current = staleCurrent<Unit>(error);
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={4} data-size="xs">
        {t("units.stale.title")}
      </Heading>
      <Paragraph data-size="sm">{t("units.stale.body")}</Paragraph>
      {current && (
        <dl className="facts facts--compact">
          <dt>{t("units.code")}</dt>
          <dd>{current.code}</dd>
          <dt>{t("field.name")}</dt>
          <dd>{current.name}</dd>
          <dt>{t("units.kind")}</dt>
          <dd>{t(`unitKind.${current.kind}`)}</dd>
          <dt>{t("units.validFrom")}</dt>
          <dd>{formatDate(current.validFrom, locale)}</dd>
          <dt>{t("units.validTo")}</dt>
          <dd>{current.validTo ? formatDate(current.validTo, locale) : t("units.noEndDate")}</dd>
          <dt>{t("units.version")}</dt>
          <dd>{current.version}</dd>
        </dl>
      )}
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        onClick={() => {
          if (current && onLoadCurrent) onLoadCurrent(current);
          void queryClient.invalidateQueries({ queryKey: queryKeys.units });
        }}
      >
        {t("units.stale.reload")}
      </Button>
    </Alert>
  );
}
