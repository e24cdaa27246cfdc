import { Button, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { staleCurrent } from "../../api/client.ts";
import {
  type Comparator,
  comparators,
  type Indicator,
  indicatorKeys,
  type Target,
  useCreateTarget,
  useDeleteTarget,
  useUpdateTarget,
} from "../../api/indicators.ts";
import type { Unit } from "../../api/types.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";
import { comparatorSigns } from "../scorecard/format.ts";
import { IndicatorChangeProblem } from "./IndicatorChangeProblem.tsx";
import { indicatorFieldLabel } from "./labels.ts";
import {
  adding,
  comparatorKey,
  draftOf,
  type EditableKind,
  editableKinds,
  editedOf,
  inputOf,
  kindKey,
  ruleOf,
  sameDraft,
  type TargetDraft,
} from "./targetDraft.ts";

/**
 * Saving starts the form again from the saved version, which resets the mutation; a mutation's
 * own onSuccess callback would be dropped by that reset, so the forms wait on the promise instead.
 * Errors stay in the mutation's state and show in the form.
 */
const ignore = () => undefined;

type TargetFormProps = {
  indicator: Indicator;
  units: readonly Unit[];
  target: Target | null;
  onDone: (message: string) => void;
};

/** Sets a threshold (≥ 70 %) or two limits (green 20 %, yellow 13 %); year and unit only when new. */
export function TargetForm({ indicator, units, target, onDone }: TargetFormProps) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(target, indicator));
  const [localProblem, setLocalProblem] = useState<{ field: string; key: MessageKey } | null>(null);
  const create = useCreateTarget(indicator.id);
  const update = useUpdateTarget();
  const remove = useDeleteTarget();
  const mutation = target ? update : create;

  // The form edits the version it was filled from. A background refetch with a newer version
  // (someone else's change) refills it only while nothing is typed; typed changes stay, and
  // saving them shows the other person's version rather than losing either.
  const edited = useMemo(() => (target ? editedOf(target) : adding), [target]);
  const { base, restart } = useFormBase(
    edited,
    (from) => from.target !== null && !sameDraft(draft, draftOf(from.target, indicator)),
    (from) => {
      setDraft(draftOf(from.target, indicator));
      update.reset();
      remove.reset();
    },
  );

  const loadCurrent = () => {
    const current = staleCurrent<Target>(update.error ?? remove.error);
    if (current) {
      restart(editedOf(current));
      return;
    }
    // No version came along: read the targets again and start from this one, if it is still there.
    const id = base.id;
    const key = indicatorKeys.targets(indicator.id);
    void queryClient.invalidateQueries({ queryKey: key }).then(() => {
      const fresh = queryClient.getQueryData<Target[]>(key)?.find((each) => each.id === id);
      if (fresh) restart(editedOf(fresh));
    });
  };

  const set =
    <K extends keyof TargetDraft>(key: K) =>
    (value: TargetDraft[K]) => {
      setDraft((current) => ({ ...current, [key]: value }));
      // The form's own check of a field goes once the field is changed, as the server's do.
      setLocalProblem((problem) => (problem?.field === key ? null : problem));
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = ruleOf(draft);
    if ("problem" in result) {
      setLocalProblem(result.problem);
      return;
    }
    setLocalProblem(null);
    const { year, unitId, note } = inputOf(draft);
    const edit = base.target;
    if (edit) {
      update.mutateAsync({ id: edit.id, version: edit.version, rule: result.rule, note }).then((saved) => {
        restart(editedOf(saved));
        onDone(t("indicators.targets.saved"));
      }, ignore);
    } else {
      create.mutateAsync({ year, unitId, rule: result.rule, note }).then(() => {
        setDraft(draftOf(null, indicator));
        onDone(t("indicators.targets.created"));
      }, ignore);
    }
  };

  // A problem goes from the screen once its field is changed.
  const error = useLiveError(mutation.error, mutation.variables, inputOf(draft)) ?? remove.error;
  const problemFor = (field: string) =>
    localProblem?.field === field ? t(localProblem.key) : fieldError(error, `rule.${field}`);
  const sign = indicator.direction === "higher" ? "≥" : "≤";

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      {!target && (
        <div className="form-grid">
          <Textfield
            label={t("indicators.targets.year")}
            description={t("indicators.targets.yearHelp")}
            inputMode="numeric"
            value={draft.year}
            onChange={(event) => set("year")(event.target.value)}
            error={fieldError(error, "year")}
          />
          <SelectField
            label={t("indicators.targets.unit")}
            description={t("indicators.targets.unitHelp")}
            value={draft.unitId}
            onChange={(event) => set("unitId")(event.target.value)}
            error={fieldError(error, "unitId")}
          >
            <option value="">{t("indicators.targets.general")}</option>
            {[...units]
              .filter((unit) => unit.active)
              .sort((a, b) => a.path.localeCompare(b.path))
              .map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {`${unit.code} – ${unit.name}`}
                </option>
              ))}
          </SelectField>
        </div>
      )}
      <SelectField
        label={t("indicators.targets.kind")}
        value={draft.kind}
        onChange={(event) => set("kind")(event.target.value as EditableKind)}
      >
        {editableKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(kindKey[kind])}
          </option>
        ))}
      </SelectField>
      {draft.kind === "threshold" ? (
        <div className="form-grid">
          <SelectField
            label={t("indicators.targets.comparator")}
            value={draft.comparator}
            onChange={(event) => set("comparator")(event.target.value as Comparator)}
          >
            {comparators.map((comparator) => (
              <option key={comparator} value={comparator}>
                {`${comparatorSigns[comparator]} ${t(comparatorKey[comparator])}`}
              </option>
            ))}
          </SelectField>
          <Textfield
            label={t("indicators.targets.value")}
            suffix={indicator.unitLabel}
            inputMode="decimal"
            value={draft.value}
            onChange={(event) => set("value")(event.target.value)}
            error={problemFor("value")}
          />
        </div>
      ) : (
        <div className="form-grid">
          <Textfield
            label={t("indicators.targets.greenLimit", { sign })}
            suffix={indicator.unitLabel}
            inputMode="decimal"
            value={draft.greenLimit}
            onChange={(event) => set("greenLimit")(event.target.value)}
            error={problemFor("greenLimit")}
          />
          <Textfield
            label={t("indicators.targets.yellowLimit", { sign })}
            suffix={indicator.unitLabel}
            inputMode="decimal"
            value={draft.yellowLimit}
            onChange={(event) => set("yellowLimit")(event.target.value)}
            error={problemFor("yellowLimit")}
          />
        </div>
      )}
      <Textfield
        label={t("indicators.targets.note")}
        value={draft.note}
        onChange={(event) => set("note")(event.target.value)}
        error={fieldError(error, "note")}
      />
      {isStale(error) ? (
        <IndicatorChangeProblem error={error} onLoadCurrent={target ? loadCurrent : undefined} />
      ) : (
        <ProblemAlert error={error} headingLevel={3} labelFor={indicatorFieldLabel(t)} />
      )}
      <div className="button-row">
        <Button type="submit" loading={mutation.isPending}>
          {target ? t("indicators.targets.save") : t("indicators.targets.add")}
        </Button>
        {target && (
          <Button
            type="button"
            variant="secondary"
            data-color="danger"
            loading={remove.isPending}
            onClick={() =>
              remove
                .mutateAsync({ id: base.id, version: base.version })
                .then(() => onDone(t("indicators.targets.deleted")), ignore)
            }
          >
            {t("indicators.targets.delete")}
          </Button>
        )}
      </div>
    </form>
  );
}

function isStale(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && error.code === "stale_version";
}
