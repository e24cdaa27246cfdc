import "./measures.css";
import { Button, Fieldset, Textfield } from "@digdir/designsystemet-react";
import { Link as RouterLink, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useUnits } from "../../api/hooks.ts";
import { useCreateMeasure, useSetMeasureLinks } from "../../api/measures.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { GoalPicker } from "./GoalPicker.tsx";

/** A new measure for a unit; the goals it serves are linked right after it is created. */
export function NewMeasurePage() {
  const { t } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit } = useSelectedUnit(me, units.data);
  const navigate = useNavigate();
  const create = useCreateMeasure();
  const [unitId, setUnitId] = useState<string>("");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [deadline, setDeadline] = useState("");
  const [goals, setGoals] = useState<number[]>([]);
  const [createdId, setCreatedId] = useState(0);
  const links = useSetMeasureLinks(createdId);
  const chosenUnit = unitId || (selectedUnit ? String(selectedUnit.id) : "");

  const open = (id: number) => navigate({ to: "/measures/$id", params: { id: String(id) } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        responsibleUnitId: Number(chosenUnit),
        title,
        description,
        deadline: deadline || null,
      },
      {
        onSuccess: (measure) => {
          setCreatedId(measure.id);
          if (goals.length === 0) return void open(measure.id);
          links.mutate(
            { version: measure.version, links: goals.map((targetId) => ({ kind: "requirement", targetId })) },
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
          <Textfield
            type="date"
            label={t("measures.field.deadline")}
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
            error={fieldError(create.error, "deadline")}
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
