import { useState } from "react";
import { useSteeringDocument, useSteeringDocuments } from "../../api/steering.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";

/** The goal the measures list is narrowed to: a steering document, then one of its goals. */
export function GoalFilter({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (goal: number | null) => void;
}) {
  const { t } = useLocale();
  const documents = useSteeringDocuments();
  const [documentId, setDocumentId] = useState(0);
  const document = useSteeringDocument(documentId);
  const latest = (documents.data ?? []).filter((item) => item.isLatestVersion);
  return (
    <>
      <SelectField
        label={t("measures.goals.document")}
        value={documentId ? String(documentId) : ""}
        onChange={(event) => {
          setDocumentId(Number(event.target.value));
          onChange(null);
        }}
      >
        <option value="">{t("measures.filter.all")}</option>
        {latest.map((item) => (
          <option key={item.id} value={item.id}>
            {item.title}
          </option>
        ))}
      </SelectField>
      {documentId > 0 && (
        <SelectField
          label={t("measures.filter.goal")}
          value={value ? String(value) : ""}
          onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
        >
          <option value="">{t("measures.filter.all")}</option>
          {(document.data?.requirements ?? []).map((requirement) => (
            <option key={requirement.id} value={requirement.id}>
              {requirement.number}{" "}
              {requirement.text.length > 90 ? `${requirement.text.slice(0, 89)}…` : requirement.text}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
