import { Checkbox, Fieldset, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useSteeringDocument, useSteeringDocuments } from "../../api/steering.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/** The goals a measure serves: pick a steering document the caller can read, then its goals. */
export function GoalPicker({
  value,
  onChange,
}: {
  unitId?: number;
  value: number[];
  onChange: (goals: number[]) => void;
}) {
  const { t } = useLocale();
  const documents = useSteeringDocuments();
  const [documentId, setDocumentId] = useState(0);
  const latest = (documents.data ?? []).filter((item) => item.isLatestVersion);
  return (
    <>
      <SelectField
        label={t("measures.goals.document")}
        value={documentId ? String(documentId) : ""}
        onChange={(event) => setDocumentId(Number(event.target.value))}
      >
        <option value="">{t("measures.goals.chooseDocument")}</option>
        {latest.map((item) => (
          <option key={item.id} value={item.id}>
            {item.title}
          </option>
        ))}
      </SelectField>
      {documentId > 0 && <DocumentGoals documentId={documentId} value={value} onChange={onChange} />}
    </>
  );
}

function DocumentGoals({
  documentId,
  value,
  onChange,
}: {
  documentId: number;
  value: number[];
  onChange: (goals: number[]) => void;
}) {
  const { t } = useLocale();
  const document = useSteeringDocument(documentId);
  if (document.isPending) return <Spinner aria-label={t("common.loading")} />;
  const requirements = document.data?.requirements ?? [];
  if (requirements.length === 0) return <Paragraph>{t("measures.goals.none")}</Paragraph>;
  return (
    <Fieldset>
      <Fieldset.Legend>{t("measures.field.goals")}</Fieldset.Legend>
      {requirements.map((requirement) => (
        <Checkbox
          key={requirement.id}
          label={`${requirement.number} ${requirement.text}`}
          checked={value.includes(requirement.id)}
          onChange={(event) =>
            onChange(
              event.target.checked ? [...value, requirement.id] : value.filter((id) => id !== requirement.id),
            )
          }
        />
      ))}
    </Fieldset>
  );
}
