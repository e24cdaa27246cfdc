import { Button, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useMemo, useState } from "react";
import { useMoveUnit } from "../../api/hooks.ts";
import type { Me, Unit } from "../../api/types.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { UnitChangeProblem } from "./StaleVersionAlert.tsx";
import { childrenByParent, flattenTree, indentLabel, isInSubtree } from "./unitTree.ts";

const topLevel = "top";

type MoveUnitFormProps = { unit: Unit; units: readonly Unit[]; me: Me; onDone: (message: string) => void };

export function MoveUnitForm({ unit, units, me, onDone }: MoveUnitFormProps) {
  const { t, locale } = useLocale();
  const moveUnit = useMoveUnit();
  const [target, setTarget] = useState("");

  // Moves the version the user chose from; a background refetch only clears an untouched form.
  const { base, restart } = useFormBase(
    unit,
    () => target !== "",
    () => {
      setTarget("");
      moveUnit.reset();
    },
  );

  // Offer only parents the move could succeed under: active units the user administers,
  // outside the unit's own subtree (which would make a cycle), other than where it is now.
  const candidates = useMemo(
    () =>
      flattenTree(childrenByParent(units, locale)).filter(
        ({ unit: candidate }) =>
          candidate.active &&
          candidate.id !== unit.parentId &&
          !isInSubtree(candidate, unit) &&
          candidate.can.manage,
      ),
    [units, unit, locale],
  );
  const mayMoveToTop = me.can.createTopLevelUnit && unit.parentId !== null;

  const payload = {
    id: base.id,
    version: base.version,
    parentId: target === topLevel ? null : Number(target),
  };
  // A problem goes from the screen once the new parent is changed.
  const error = useLiveError(moveUnit.error, moveUnit.variables, payload);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    moveUnit.mutate(payload, {
      onSuccess: (moved) => {
        restart(moved);
        onDone(t("units.move.done", { name: moved.name }));
      },
    });
  };

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Paragraph data-size="sm">{t("units.move.intro")}</Paragraph>
      <SelectField
        label={t("units.move.newParent")}
        value={target}
        onChange={(event) => setTarget(event.target.value)}
        error={fieldError(error, "parentId")}
        required
      >
        <option value="">{t("units.move.choose")}</option>
        {mayMoveToTop && <option value={topLevel}>{t("units.move.topLevel")}</option>}
        {candidates.map(({ unit: candidate, depth }) => (
          <option key={candidate.id} value={String(candidate.id)}>
            {indentLabel(`${candidate.code} – ${candidate.name}`, depth)}
          </option>
        ))}
      </SelectField>
      <UnitChangeProblem error={error} onLoadCurrent={restart} />
      <div>
        <Button type="submit" loading={moveUnit.isPending} disabled={!target}>
          {t("units.move.submit")}
        </Button>
      </div>
    </form>
  );
}
