import { Button, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { staleCurrent } from "../../api/client.ts";
import {
  directions,
  evaluationBases,
  type Indicator,
  indicatorKeys,
  trendModes,
  useCreateIndicator,
  useUpdateIndicator,
  valueKinds,
} from "../../api/indicators.ts";
import type { Me, Unit } from "../../api/types.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { useLiveError } from "../../components/useLiveError.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import { IndicatorChangeProblem } from "./IndicatorChangeProblem.tsx";
import {
  creating,
  type Draft,
  draftOf,
  editedOf,
  emptyDraft,
  fieldsOf,
  sameDraft,
} from "./indicatorDraft.ts";
import { basisKey, directionKey, trendModeKey, valueKindKey } from "./labels.ts";

const ignore = () => undefined;

type IndicatorFormProps = {
  /** The indicator to change; none to create a new one. */
  indicator?: Indicator;
  me: Me;
  units: readonly Unit[];
  onDone: (indicator: Indicator) => void;
};

/** Create or change an indicator. A change sends the version read, so a newer save is never overwritten. */
export function IndicatorForm({ indicator, me, units, onDone }: IndicatorFormProps) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => (indicator ? draftOf(indicator) : emptyDraft));
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const mutation = indicator ? update : create;
  // The draft as last sent: a field's problem goes from the screen once the field differs from it.
  const [sent, setSent] = useState<Draft | null>(null);

  // The form edits the version it was filled from. A background refetch with a newer version
  // (someone else's change) refills it only while nothing is typed; typed changes stay, and
  // saving them shows the other person's version rather than losing either.
  const edited = useMemo(() => (indicator ? editedOf(indicator) : creating), [indicator]);
  const { base, restart } = useFormBase(
    edited,
    (from) => from.indicator !== null && !sameDraft(draft, draftOf(from.indicator)),
    (from) => {
      if (from.indicator) setDraft(draftOf(from.indicator));
      update.reset();
    },
  );

  const loadCurrent = () => {
    const current = staleCurrent<Indicator>(update.error);
    if (current) {
      restart(editedOf(current));
      return;
    }
    // No version came along: read the current one again and start from that.
    const id = base.id;
    void queryClient.invalidateQueries({ queryKey: indicatorKeys.one(id) }).then(() => {
      const fresh = queryClient.getQueryData<Indicator>(indicatorKeys.one(id));
      if (fresh) restart(editedOf(fresh));
    });
  };

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(draft);
    const fields = fieldsOf(draft);
    // Waiting on the promise: the form starts again from the saved version, which resets the
    // mutation and would drop a mutate() onSuccess callback. Errors stay in the mutation's state.
    const edit = base.indicator;
    if (edit) {
      update.mutateAsync({ id: edit.id, version: edit.version, ...fields }).then((saved) => {
        restart(editedOf(saved));
        onDone(saved);
      }, ignore);
    } else {
      create.mutateAsync(fields).then(onDone, ignore);
    }
  };

  // Owners the user may choose: the whole organisation for system administrators, else units
  // whose indicators they may manage (the server says which).
  const owners = units.filter((unit) => unit.active && unit.can.manageIndicators);
  const error = useLiveError(mutation.error, sent, draft);
  const errorOf = (field: string) => fieldError(error, field);
  const sortedOwners = [...owners].sort((a, b) => a.path.localeCompare(b.path));

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Textfield
        label={t("indicators.field.code")}
        description={t("indicators.codeHelp")}
        value={draft.code}
        onChange={(event) => set("code")(event.target.value)}
        error={errorOf("code")}
        required
      />
      <Textfield
        label={t("indicators.field.nameNb")}
        value={draft.nameNb}
        onChange={(event) => set("nameNb")(event.target.value)}
        error={errorOf("nameNb")}
        required
      />
      <Textfield
        label={t("indicators.field.nameEn")}
        lang="en"
        value={draft.nameEn}
        onChange={(event) => set("nameEn")(event.target.value)}
        error={errorOf("nameEn")}
      />
      <Textfield
        multiline
        rows={3}
        label={t("indicators.field.definition")}
        description={t("indicators.definitionHelp")}
        value={draft.definition}
        onChange={(event) => set("definition")(event.target.value)}
        error={errorOf("definition")}
      />
      <div className="form-grid">
        <Textfield
          label={t("indicators.field.unitLabel")}
          description={t("indicators.unitLabelHelp")}
          value={draft.unitLabel}
          onChange={(event) => set("unitLabel")(event.target.value)}
          error={errorOf("unitLabel")}
          required
        />
        <SelectField
          label={t("indicators.field.direction")}
          value={draft.direction}
          onChange={(event) => set("direction")(event.target.value as Draft["direction"])}
          error={errorOf("direction")}
        >
          {directions.map((direction) => (
            <option key={direction} value={direction}>
              {t(directionKey[direction])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("indicators.field.valueKind")}
          value={draft.valueKind}
          onChange={(event) => set("valueKind")(event.target.value as Draft["valueKind"])}
          error={errorOf("valueKind")}
        >
          {valueKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(valueKindKey[kind])}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t("indicators.field.scale")}
          description={t("indicators.scaleHelp")}
          inputMode="decimal"
          value={draft.scale}
          onChange={(event) => set("scale")(event.target.value)}
          error={errorOf("scale")}
        />
        <Textfield
          label={t("indicators.field.decimals")}
          inputMode="numeric"
          value={draft.decimals}
          onChange={(event) => set("decimals")(event.target.value)}
          error={errorOf("decimals")}
        />
        <Textfield
          label={t("indicators.field.lagMonths")}
          description={t("indicators.lagHelp")}
          inputMode="numeric"
          value={draft.lagMonths}
          onChange={(event) => set("lagMonths")(event.target.value)}
          error={errorOf("lagMonths")}
        />
        {draft.valueKind === "ratio" && (
          <Textfield
            label={t("indicators.field.minDenominator")}
            description={t("indicators.minDenominatorHelp")}
            inputMode="numeric"
            value={draft.minDenominator}
            onChange={(event) => set("minDenominator")(event.target.value)}
            error={errorOf("minDenominator")}
          />
        )}
        <SelectField
          label={t("indicators.field.evaluationBasis")}
          value={draft.evaluationBasis}
          onChange={(event) => set("evaluationBasis")(event.target.value as Draft["evaluationBasis"])}
          error={errorOf("evaluationBasis")}
        >
          {evaluationBases.map((basis) => (
            <option key={basis} value={basis}>
              {t(basisKey[basis])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("indicators.field.trendMode")}
          value={draft.trendMode}
          onChange={(event) => set("trendMode")(event.target.value as Draft["trendMode"])}
          error={errorOf("trendMode")}
        >
          {trendModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(trendModeKey[mode])}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t("indicators.field.dataSource")}
          value={draft.dataSource}
          onChange={(event) => set("dataSource")(event.target.value)}
          error={errorOf("dataSource")}
        />
        <SelectField
          label={t("indicators.field.ownerUnitId")}
          description={t("indicators.ownerHelp")}
          value={draft.ownerUnitId}
          onChange={(event) => set("ownerUnitId")(event.target.value)}
          error={errorOf("ownerUnitId")}
        >
          {(me.can.createOrganisationIndicators || draft.ownerUnitId === "") && (
            <option value="">{t("indicators.ownerOrganisation")}</option>
          )}
          {sortedOwners.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {`${unit.code} – ${unit.name}`}
            </option>
          ))}
        </SelectField>
      </div>
      <IndicatorChangeProblem
        error={error}
        current={staleCurrent<Indicator>(error)}
        onLoadCurrent={loadCurrent}
      />
      <div>
        <Button type="submit" loading={mutation.isPending}>
          {indicator ? t("indicators.edit.submit") : t("indicators.create.submit")}
        </Button>
      </div>
    </form>
  );
}
