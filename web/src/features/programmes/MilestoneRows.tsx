import { Button, Checkbox, Fieldset, Textfield } from "@digdir/designsystemet-react";
import { fieldError } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

export type MilestoneDraft = { title: string; due: string; done: boolean };

/**
 * A phase's milestones, one row each: a title, an optional due date and whether it is reached.
 * Each field carries the server's problem for its row ("milestones.1.title").
 */
export function MilestoneRows({
  milestones,
  onChange,
  error,
}: {
  milestones: MilestoneDraft[];
  onChange: (next: MilestoneDraft[]) => void;
  error: unknown;
}) {
  const { t } = useLocale();
  const change = (index: number, patch: Partial<MilestoneDraft>) =>
    onChange(milestones.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <Fieldset>
      <Fieldset.Legend>{t("programmeEdit.milestones")}</Fieldset.Legend>
      {milestones.map((milestone, index) => {
        const words = { index: index + 1 };
        return (
          // The rows have no identity of their own; their place is what the server's problems name.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div className="programme-milestone" key={index}>
            <Textfield
              label={t("programmeEdit.milestone.title", words)}
              value={milestone.title}
              required
              onChange={(event) => change(index, { title: event.target.value })}
              error={fieldError(error, `milestones.${index}.title`)}
            />
            <Textfield
              label={t("programmeEdit.milestone.due", words)}
              type="date"
              value={milestone.due}
              onChange={(event) => change(index, { due: event.target.value })}
              error={fieldError(error, `milestones.${index}.due`)}
            />
            <Checkbox
              label={t("programmeEdit.milestone.done", words)}
              checked={milestone.done}
              onChange={(event) => change(index, { done: event.target.checked })}
            />
            <div>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => onChange(milestones.filter((_, at) => at !== index))}
              >
                {t("programmeEdit.milestone.remove", words)}
              </Button>
            </div>
          </div>
        );
      })}
      <div>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => onChange([...milestones, { title: "", due: "", done: false }])}
        >
          {t("programmeEdit.milestone.add")}
        </Button>
      </div>
    </Fieldset>
  );
}
