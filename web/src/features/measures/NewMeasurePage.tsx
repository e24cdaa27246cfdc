import "./measures.css";
import { Button, Checkbox, Fieldset, Textfield } from "@digdir/designsystemet-react";
import { Link as RouterLink, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useUnits } from "../../api/hooks.ts";
import { indicatorName, useIndicators } from "../../api/indicators.ts";
import { useCreateMeasure, useSetMeasureLinks } from "../../api/measures.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { GoalPicker } from "./GoalPicker.tsx";

/**
 * A number typed with a decimal comma or point; empty is none. Anything else goes to the server
 * as typed, so its refusal names the field in the user's language instead of the value vanishing.
 */
function effectTargetOf(typed: string): number | null {
  const trimmed = typed.trim().replace(/\s/g, "").replace(",", ".");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : (typed as unknown as number);
}

/**
 * A new measure for a unit; the goals it serves and its effect indicator are linked right after
 * it is created.
 */
export function NewMeasurePage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit } = useSelectedUnit(me, units.data);
  const navigate = useNavigate();
  const create = useCreateMeasure();
  const [unitId, setUnitId] = useState<string>("");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [ownerRole, setOwnerRole] = useState("");
  const [ownedByMe, setOwnedByMe] = useState(false);
  const [start, setStart] = useState("");
  const [deadline, setDeadline] = useState("");
  const [expectedEffect, setExpectedEffect] = useState("");
  const [indicatorId, setIndicatorId] = useState("");
  const [effectTarget, setEffectTarget] = useState("");
  const [fullEffectDate, setFullEffectDate] = useState("");
  const indicators = useIndicators();
  const [goals, setGoals] = useState<number[]>([]);
  const links = useSetMeasureLinks();
  const chosenUnit = unitId || (selectedUnit ? String(selectedUnit.id) : "");

  const open = (id: number) => navigate({ to: "/measures/$id", params: { id: String(id) } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        responsibleUnitId: Number(chosenUnit),
        title,
        description,
        ownerRole,
        ownerUserId: ownedByMe ? me.id : null,
        start: start || null,
        deadline: deadline || null,
        expectedEffect,
        effectIndicatorId: indicatorId ? Number(indicatorId) : null,
        effectTarget: effectTargetOf(effectTarget),
        fullEffectDate: fullEffectDate || null,
      },
      {
        onSuccess: (measure) => {
          const wanted = [
            ...goals.map((targetId) => ({ kind: "requirement" as const, targetId })),
            ...(indicatorId ? [{ kind: "indicator" as const, targetId: Number(indicatorId) }] : []),
          ];
          if (wanted.length === 0) return void open(measure.id);
          links.mutate(
            { id: measure.id, version: measure.version, links: wanted },
            { onSuccess: () => void open(measure.id) },
          );
        },
      },
    );
  };

  return (
    <div className="page measure-new-page">
      <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
        <RouterLink to="/measures">{t("measures.title")}</RouterLink>
      </nav>
      <PageTitle>{t("measures.create.title")}</PageTitle>
      <form className="measure-form" onSubmit={submit} noValidate>
        <Fieldset>
          <Fieldset.Legend className="visually-hidden">{t("measures.create.title")}</Fieldset.Legend>
          <SelectField
            label={t("measures.field.responsibleUnitId")}
            value={chosenUnit}
            onChange={(event) => setUnitId(event.target.value)}
            error={fieldError(create.error, "responsibleUnitId")}
          >
            {(units.data ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </SelectField>
          <Textfield
            label={t("measures.field.title")}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={fieldError(create.error, "title")}
            required
          />
          <Textfield
            label={t("measures.field.description")}
            multiline
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            error={fieldError(create.error, "description")}
          />
          <Checkbox
            label={t("measures.field.ownedByMe", { name: me.displayName })}
            checked={ownedByMe}
            onChange={(event) => setOwnedByMe(event.target.checked)}
          />
          <Textfield
            label={t("measures.field.ownerRole")}
            value={ownerRole}
            onChange={(event) => setOwnerRole(event.target.value)}
            error={fieldError(create.error, "ownerRole")}
          />
          <Textfield
            type="date"
            label={t("measures.field.start")}
            value={start}
            onChange={(event) => setStart(event.target.value)}
            error={fieldError(create.error, "start")}
          />
          <Textfield
            type="date"
            label={t("measures.field.deadline")}
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
            error={fieldError(create.error, "deadline")}
          />
          <Textfield
            label={t("measures.field.expectedEffect")}
            multiline
            rows={3}
            value={expectedEffect}
            onChange={(event) => setExpectedEffect(event.target.value)}
            error={fieldError(create.error, "expectedEffect")}
          />
          <SelectField
            label={t("measures.field.effectIndicatorId")}
            value={indicatorId}
            onChange={(event) => setIndicatorId(event.target.value)}
            error={fieldError(create.error, "effectIndicatorId")}
          >
            <option value="">{t("measures.field.noIndicator")}</option>
            {(indicators.data ?? []).map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.code} {indicatorName(indicator, locale)}
              </option>
            ))}
          </SelectField>
          <Textfield
            label={t("measures.field.effectTarget")}
            inputMode="decimal"
            value={effectTarget}
            onChange={(event) => setEffectTarget(event.target.value)}
            error={fieldError(create.error, "effectTarget")}
          />
          <Textfield
            type="date"
            label={t("measures.field.fullEffectDate")}
            value={fullEffectDate}
            onChange={(event) => setFullEffectDate(event.target.value)}
            error={fieldError(create.error, "fullEffectDate")}
          />
          <GoalPicker unitId={Number(chosenUnit) || undefined} value={goals} onChange={setGoals} />
        </Fieldset>
        {create.error && <ProblemAlert error={create.error} />}
        {links.error && <ProblemAlert error={links.error} />}
        <div>
          <Button type="submit" loading={create.isPending || links.isPending}>
            {t("measures.create.save")}
          </Button>
        </div>
      </form>
    </div>
  );
}
