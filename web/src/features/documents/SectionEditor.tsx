import { Button, Checkbox, Fieldset, Textfield } from "@digdir/designsystemet-react";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { type Draft, sectionName } from "./templateDraft.ts";

/** One section of a template: shown or not, its heading and introduction, and moving or removing it. */
export function SectionEditor({
  section,
  index,
  count,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  section: Draft["sections"][number];
  index: number;
  count: number;
  error: unknown;
  onChange: (change: Partial<Draft["sections"][number]>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const name = sectionName(section.key, t);
  return (
    <li className="template-section">
      <Fieldset>
        <Fieldset.Legend>
          {index + 1}. {name}
        </Fieldset.Legend>
        <Checkbox
          label={t("templates.visible")}
          checked={section.visible}
          onChange={(event) => onChange({ visible: event.target.checked })}
        />
        <Textfield
          label={t("templates.heading")}
          description={t("templates.headingHelp")}
          value={section.heading}
          onChange={(event) => onChange({ heading: event.target.value })}
          error={fieldError(error, `template.sections.${index}.heading`)}
        />
        <Textfield
          multiline
          rows={3}
          label={t("templates.introduction")}
          description={t("templates.introductionHelp")}
          value={section.introduction}
          onChange={(event) => onChange({ introduction: event.target.value })}
          error={fieldError(error, `template.sections.${index}.introduction`)}
        />
        <div className="button-row">
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t("templates.moveUpLabel", { name })}
          >
            {t("templates.moveUp")}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t("templates.moveDownLabel", { name })}
          >
            {t("templates.moveDown")}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            onClick={onRemove}
            aria-label={t("templates.removeLabel", { name })}
          >
            {t("templates.remove")}
          </Button>
        </div>
      </Fieldset>
    </li>
  );
}
