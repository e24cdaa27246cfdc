import { Button, Table } from "@digdir/designsystemet-react";
import { Fragment, useState } from "react";
import type { Indicator, Target } from "../../api/indicators.ts";
import type { Unit } from "../../api/types.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { describeRule } from "../scorecard/format.ts";
import { TargetForm } from "./TargetForm.tsx";
import { isEditable, kindKey } from "./targetDraft.ts";

/** One target in words, and (thresholds and limits) a form to change it that opens under the row. */
export function TargetRow({
  target,
  indicator,
  units,
  mayEdit,
  onDone,
}: {
  target: Target;
  indicator: Indicator;
  units: readonly Unit[];
  mayEdit: boolean;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const unit = units.find((candidate) => candidate.id === target.unitId);
  const editable = mayEdit && isEditable(target.rule);
  const formId = `target-form-${target.id}`;
  return (
    <Fragment>
      <Table.Row>
        <Table.HeaderCell scope="row">
          {target.year === null ? t("indicators.targets.everyYear") : target.year}
        </Table.HeaderCell>
        <Table.Cell>{unit ? `${unit.code} – ${unit.name}` : t("indicators.targets.general")}</Table.Cell>
        <Table.Cell>{t(kindKey[target.rule.kind])}</Table.Cell>
        <Table.Cell>
          {describeRule(target.rule, {
            unitLabel: indicator.unitLabel,
            direction: indicator.direction,
            locale,
            t,
          })}
        </Table.Cell>
        <Table.Cell>{target.note ?? t("common.none")}</Table.Cell>
        {mayEdit && (
          <Table.Cell>
            {editable ? (
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                aria-expanded={open}
                aria-controls={formId}
                onClick={() => setOpen((current) => !current)}
              >
                <span aria-hidden="true">{open ? "▾" : "▸"}</span>
                {t("indicators.targets.edit")}
                <span className="sr-only">
                  {" "}
                  {t("indicators.targets.editWhich", {
                    year: target.year ?? t("indicators.targets.everyYear"),
                    unit: unit?.name ?? t("indicators.targets.general"),
                  })}
                </span>
              </Button>
            ) : (
              <span className="muted">{t("indicators.targets.readOnlyKind")}</span>
            )}
          </Table.Cell>
        )}
      </Table.Row>
      {editable && (
        <Table.Row id={formId} hidden={!open} className="scorecard-table__details">
          <Table.Cell colSpan={6}>
            {open && (
              <TargetForm
                indicator={indicator}
                units={units}
                target={target}
                onDone={(message) => {
                  setOpen(false);
                  onDone(message);
                }}
              />
            )}
          </Table.Cell>
        </Table.Row>
      )}
    </Fragment>
  );
}
