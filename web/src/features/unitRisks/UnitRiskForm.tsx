import { Button, Fieldset, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { staleCurrent } from "../../api/client.ts";
import {
  type UnitRisk,
  type UnitRiskHorizon,
  unitRiskHorizons,
  useCreateUnitRisk,
  useUpdateUnitRisk,
} from "../../api/unitRisks.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useAreaName } from "./areaNames.ts";
import { fieldName, horizonName, problemFor } from "./unitRiskWords.ts";

type Draft = {
  area: string;
  title: string;
  likelyEvents: string;
  consequences: string;
  ownerName: string;
  horizon: UnitRiskHorizon;
  rank: string;
};

const draftOf = (risk: UnitRisk): Draft => ({
  area: risk.area,
  title: risk.title,
  likelyEvents: risk.likelyEvents,
  consequences: risk.consequences,
  ownerName: risk.ownerName,
  horizon: risk.horizon,
  rank: String(risk.rank),
});

/** The rank as typed; text that is no whole number goes as it is, so the server names the field. */
function rankValue(text: string): number | string {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

type FormProps = {
  legend: string;
  submitLabel: string;
  areas: readonly string[];
  initial: Draft;
  mutation: { error: unknown; isPending: boolean };
  onSubmit: (draft: Draft) => void;
  stale?: boolean;
  /** One below the heading the form sits under. */
  alertHeadingLevel: 3 | 4;
};

/** The risk's fields, each with the server's problem beside it in the user's language. */
function RiskFields({
  legend,
  submitLabel,
  areas,
  initial,
  mutation,
  onSubmit,
  stale = false,
  alertHeadingLevel,
}: FormProps) {
  const { t } = useLocale();
  const nameOfArea = useAreaName();
  const [draft, setDraft] = useState(initial);
  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const error = (field: string) => problemFor(mutation.error, field, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  const text = (key: "title" | "ownerName") => (
    <Textfield
      label={t(`unitRisks.field.${key}`)}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={error(key)}
    />
  );
  const long = (key: "likelyEvents" | "consequences") => (
    <Textfield
      label={t(`unitRisks.field.${key}`)}
      multiline
      rows={3}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={error(key)}
    />
  );
  return (
    <form className="unit-risk-form" onSubmit={submit} noValidate>
      <Fieldset>
        {/* The fold's summary already says what the form is for; the legend names the group for screen readers. */}
        <Fieldset.Legend className="unit-risks-hidden">{legend}</Fieldset.Legend>
        <Textfield
          label={t("unitRisks.field.rank")}
          description={t("unitRisks.field.rankHelp")}
          inputMode="numeric"
          value={draft.rank}
          onChange={(event) => set("rank", event.target.value)}
          error={error("rank")}
        />
        {text("title")}
        <SelectField
          label={t("unitRisks.field.area")}
          value={draft.area}
          onChange={(event) => set("area", event.target.value)}
          error={error("area")}
        >
          <option value="">{t("unitRisks.field.chooseArea")}</option>
          {areas.map((area) => (
            <option key={area} value={area}>
              {nameOfArea(area)}
            </option>
          ))}
        </SelectField>
        {long("likelyEvents")}
        {long("consequences")}
        {text("ownerName")}
        <SelectField
          label={t("unitRisks.field.horizon")}
          value={draft.horizon}
          onChange={(event) => set("horizon", event.target.value as UnitRiskHorizon)}
          error={error("horizon")}
        >
          {unitRiskHorizons.map((horizon) => (
            <option key={horizon} value={horizon}>
              {horizonName(horizon, t)}
            </option>
          ))}
        </SelectField>
      </Fieldset>
      {mutation.error !== null && (
        <ProblemAlert
          error={mutation.error}
          headingLevel={alertHeadingLevel}
          labelFor={(field) => fieldName(field, t)}
          messageFor={(field) => error(field)}
        />
      )}
      {stale && <Paragraph>{t("unitRisks.stale")}</Paragraph>}
      <div>
        <Button type="submit" loading={mutation.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** A new risk, ranked after the open ones unless the person chooses otherwise. */
export function NewUnitRiskForm({
  unitId,
  areas,
  freeRank,
  onDone,
}: {
  unitId: number;
  areas: readonly string[];
  freeRank: number;
  onDone: (title: string) => void;
}) {
  const { t } = useLocale();
  const create = useCreateUnitRisk(unitId);
  const initial: Draft = {
    area: "",
    title: "",
    likelyEvents: "",
    consequences: "",
    ownerName: "",
    horizon: "this_year",
    rank: String(freeRank),
  };
  return (
    <RiskFields
      legend={t("unitRisks.add.title")}
      alertHeadingLevel={3}
      submitLabel={t("unitRisks.add.save")}
      areas={areas}
      initial={initial}
      mutation={create}
      onSubmit={(draft) =>
        create.mutate(
          { ...draft, rank: rankValue(draft.rank) as number },
          { onSuccess: (risk) => onDone(risk.title) },
        )
      }
    />
  );
}

/**
 * Changes a risk from the version read. When someone else saved first, the server refuses; the card
 * above then shows their version, the form keeps what the person wrote, and saving again replaces
 * theirs knowingly.
 */
export function EditUnitRiskForm({
  risk,
  areas,
  onDone,
}: {
  risk: UnitRisk;
  areas: readonly string[];
  onDone: (title: string) => void;
}) {
  const { t } = useLocale();
  const update = useUpdateUnitRisk(risk.id);
  const [baseVersion, setBaseVersion] = useState(risk.version);
  const stale = staleCurrent<UnitRisk>(update.error);
  return (
    <RiskFields
      stale={stale !== null}
      legend={t("unitRisks.edit.title")}
      alertHeadingLevel={4}
      submitLabel={t("unitRisks.edit.save")}
      areas={areas}
      initial={draftOf(risk)}
      mutation={update}
      onSubmit={(draft) =>
        update.mutate(
          { version: baseVersion, ...draft, rank: rankValue(draft.rank) as number },
          {
            onSuccess: (saved) => onDone(saved.title),
            onError: (failure) => {
              const current = staleCurrent<UnitRisk>(failure);
              if (current) setBaseVersion(current.version);
            },
          },
        )
      }
    />
  );
}
