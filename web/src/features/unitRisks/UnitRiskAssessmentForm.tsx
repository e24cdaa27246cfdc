import {
  Button,
  Fieldset,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { isApiProblem, staleCurrent } from "../../api/client.ts";
import type { RiskScale } from "../../api/risk.ts";
import { type UnitRiskAssessment, type UnitRiskRow, useSaveUnitRiskAssessment } from "../../api/unitRisks.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { LevelBadge } from "../risk/RiskLabels.tsx";
import { RiskLevelFields } from "../risk/RiskLevelFields.tsx";
import { type RiskDraft, saveFields } from "../risk/riskDraft.ts";
import { fieldName, problemFor, riskPeriodName } from "./unitRiskWords.ts";

function draftOf(risk: UnitRiskRow): RiskDraft {
  const assessment = risk.assessment;
  return {
    level: assessment?.level ?? null,
    likelihood: assessment?.likelihood ?? null,
    consequence: assessment?.consequence ?? null,
    residualLikelihood: assessment?.residualLikelihood ?? null,
    residualConsequence: assessment?.residualConsequence ?? null,
    justification: assessment?.justification ?? "",
  };
}

/**
 * The risk's assessment in the period shown: a level on the unit's scale (or likelihood and
 * consequence on a matrix) and its justification. The first save creates it (version 0).
 */
export function UnitRiskAssessmentForm({
  risk,
  period,
  scale,
  onDone,
}: {
  risk: UnitRiskRow;
  period: string;
  scale: RiskScale;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useLocale();
  const save = useSaveUnitRiskAssessment(risk.id, period);
  const [draft, setDraft] = useState(() => draftOf(risk));
  // The version read when the form opened: a newer one saved meanwhile is refused, not overwritten.
  const [baseVersion, setBaseVersion] = useState(risk.assessment?.version ?? 0);
  const stale = isApiProblem(save.error) && save.error.code === "stale_version";
  const radioName = useId();
  const error = (field: string) => problemFor(save.error, field, t);
  const periodText = riskPeriodName(period, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { version: baseVersion, ...saveFields(draft, scale) },
      {
        onSuccess: () => onDone(t("unitRisks.assess.done", { title: risk.title, period: periodText })),
        onError: (failure) => {
          if (!isApiProblem(failure) || failure.code !== "stale_version") return;
          setBaseVersion(staleCurrent<UnitRiskAssessment>(failure)?.version ?? 0);
        },
      },
    );
  };

  const levels = [...scale.levels].sort((a, b) => a.rank - b.rank);
  return (
    <form className="unit-risk-form" onSubmit={submit} noValidate>
      {scale.kind === "levels" ? (
        <Fieldset className="risk-levels">
          <Fieldset.Legend>{t("unitRisks.field.level")}</Fieldset.Legend>
          <Fieldset.Description>{t("unitRisks.field.levelHelp")}</Fieldset.Description>
          {levels.map((level) => (
            <Radio
              key={level.key}
              name={radioName}
              value={level.key}
              variant="outline"
              label={<LevelBadge level={level} />}
              description={level.definition[locale]}
              checked={draft.level === level.key}
              onChange={() => setDraft((current) => ({ ...current, level: level.key }))}
              aria-invalid={error("level") ? true : undefined}
            />
          ))}
          {error("level") && <ValidationMessage>{error("level")}</ValidationMessage>}
        </Fieldset>
      ) : (
        <RiskLevelFields scale={scale} draft={draft} setDraft={setDraft} error={save.error} />
      )}
      <Textfield
        label={t("unitRisks.field.justification")}
        description={t("unitRisks.field.justificationHelp")}
        multiline
        rows={4}
        value={draft.justification}
        onChange={(event) => setDraft((current) => ({ ...current, justification: event.target.value }))}
        error={error("justification")}
      />
      {save.error !== null && (
        <ProblemAlert
          error={save.error}
          headingLevel={4}
          labelFor={(field) => fieldName(field, t)}
          messageFor={(field) => error(field)}
        />
      )}
      {stale && <Paragraph>{t("unitRisks.stale")}</Paragraph>}
      <div>
        <Button type="submit" loading={save.isPending}>
          {t("unitRisks.assess.save")}
        </Button>
      </div>
    </form>
  );
}
