import { Fieldset, Radio, ValidationMessage } from "@digdir/designsystemet-react";
import { type Dispatch, type SetStateAction, useId } from "react";
import type { RiskScale } from "../../api/risk.ts";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { LevelBadge } from "./RiskLabels.tsx";
import { pointFrom, type RiskDraft } from "./riskDraft.ts";
import { matrixLevel } from "./riskLevels.ts";

type FieldsProps = {
  scale: RiskScale;
  draft: RiskDraft;
  setDraft: Dispatch<SetStateAction<RiskDraft>>;
  error: unknown;
};

/** A level scale: one radio per level, with its name on its colour and its published definition. */
function LevelChoice({ scale, draft, setDraft, error }: FieldsProps) {
  const { t, locale } = useLocale();
  const name = useId();
  const problem = fieldError(error, "level");
  const levels = [...scale.levels].sort((a, b) => a.rank - b.rank);
  return (
    <Fieldset className="risk-levels">
      <Fieldset.Legend>{t("risk.field.level")}</Fieldset.Legend>
      <Fieldset.Description>{t("risk.field.levelHelp")}</Fieldset.Description>
      {levels.map((level) => (
        <Radio
          key={level.key}
          name={name}
          value={level.key}
          variant="outline"
          label={<LevelBadge level={level} />}
          description={level.definition[locale]}
          checked={draft.level === level.key}
          onChange={() => setDraft((current) => ({ ...current, level: level.key }))}
          aria-invalid={problem ? true : undefined}
        />
      ))}
      {problem && <ValidationMessage>{problem}</ValidationMessage>}
    </Fieldset>
  );
}

/** A matrix: likelihood and consequence, and the level their cell gives, shown as it changes. */
function MatrixChoice({
  scale,
  draft,
  setDraft,
  error,
  side,
}: FieldsProps & { side: "inherent" | "residual" }) {
  const { t, locale } = useLocale();
  if (scale.kind !== "matrix") return null;
  const fields =
    side === "inherent"
      ? ({ likelihood: "likelihood", consequence: "consequence", level: "level" } as const)
      : ({
          likelihood: "residualLikelihood",
          consequence: "residualConsequence",
          level: "residualLevel",
        } as const);
  const likelihood = draft[fields.likelihood];
  const consequence = draft[fields.consequence];
  const level = matrixLevel(scale, likelihood, consequence);
  const levelProblem = fieldError(error, fields.level);
  return (
    <Fieldset className="risk-matrix">
      <Fieldset.Legend>
        {t(side === "inherent" ? "risk.field.inherent" : "risk.field.residual")}
      </Fieldset.Legend>
      {side === "residual" && <Fieldset.Description>{t("risk.field.residualHelp")}</Fieldset.Description>}
      <div className="risk-matrix__selects">
        <SelectField
          label={t("risk.field.likelihood")}
          value={likelihood ?? ""}
          onChange={(event) =>
            setDraft((current) => ({ ...current, [fields.likelihood]: pointFrom(event.target.value) }))
          }
          error={fieldError(error, fields.likelihood)}
        >
          <option value="">{t("risk.field.choose")}</option>
          {scale.likelihoods.map((words, index) => (
            <option key={words.nb} value={index + 1}>
              {t("risk.field.step", { step: index + 1, label: words[locale] })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("risk.field.consequence")}
          value={consequence ?? ""}
          onChange={(event) =>
            setDraft((current) => ({ ...current, [fields.consequence]: pointFrom(event.target.value) }))
          }
          error={fieldError(error, fields.consequence)}
        >
          <option value="">{t("risk.field.choose")}</option>
          {scale.consequences.map((words, index) => (
            <option key={words.nb} value={index + 1}>
              {t("risk.field.step", { step: index + 1, label: words[locale] })}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="risk-matrix__result" aria-live="polite">
        {level ? (
          <>
            {t("risk.field.result")}: <LevelBadge level={level} />
          </>
        ) : (
          t("risk.field.resultNone")
        )}
      </p>
      {levelProblem && <ValidationMessage>{levelProblem}</ValidationMessage>}
    </Fieldset>
  );
}

/** The level part of the form: radios on a level scale, likelihood × consequence (twice) on a matrix. */
export function RiskLevelFields(props: FieldsProps) {
  if (props.scale.kind === "levels") return <LevelChoice {...props} />;
  return (
    <>
      <MatrixChoice {...props} side="inherent" />
      <MatrixChoice {...props} side="residual" />
    </>
  );
}
