import { Button, Details, Heading, Paragraph } from "@digdir/designsystemet-react";
import { staleCurrent } from "../../api/client.ts";
import { type Indicator, useSetIndicatorRetired } from "../../api/indicators.ts";
import type { Me, Unit } from "../../api/types.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { IndicatorChangeProblem } from "./IndicatorChangeProblem.tsx";
import { IndicatorForm } from "./IndicatorForm.tsx";

/** For those who manage the indicator: changing it, and retiring or reinstating it. */
export function ManageSection({
  indicator,
  me,
  units,
  onDone,
}: {
  indicator: Indicator;
  me: Me;
  units: readonly Unit[];
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const retire = useSetIndicatorRetired();
  return (
    <section aria-labelledby="manage-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="manage-heading">
        {t("indicators.manage.heading")}
      </Heading>
      <Details>
        <Details.Summary>{t("indicators.edit.title")}</Details.Summary>
        <Details.Content>
          <IndicatorForm
            indicator={indicator}
            me={me}
            units={units}
            onDone={(saved) => onDone(t("indicators.edit.done", { code: saved.code }))}
          />
        </Details.Content>
      </Details>
      <Details>
        <Details.Summary>
          {indicator.retired ? t("indicators.reinstate.title") : t("indicators.retire.title")}
        </Details.Summary>
        <Details.Content>
          <div className="form-stack">
            <Paragraph data-size="sm">
              {indicator.retired ? t("indicators.reinstate.body") : t("indicators.retire.body")}
            </Paragraph>
            <IndicatorChangeProblem error={retire.error} current={staleCurrent<Indicator>(retire.error)} />
            <div>
              <Button
                type="button"
                variant="secondary"
                data-color={indicator.retired ? undefined : "danger"}
                loading={retire.isPending}
                onClick={() =>
                  retire
                    .mutateAsync({
                      id: indicator.id,
                      version: indicator.version,
                      retired: !indicator.retired,
                    })
                    .then(
                      (saved) =>
                        onDone(
                          t(saved.retired ? "indicators.retire.done" : "indicators.reinstate.done", {
                            code: saved.code,
                          }),
                        ),
                      () => undefined,
                    )
                }
              >
                {indicator.retired ? t("indicators.reinstate.submit") : t("indicators.retire.submit")}
              </Button>
            </div>
          </div>
        </Details.Content>
      </Details>
    </section>
  );
}
