import { Alert, Card, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useState } from "react";
import { type DocumentType, documentTypes, useDocumentTemplate } from "../../api/documents.ts";
import { useUnits } from "../../api/hooks.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSelectedUnit } from "../layout/selectedUnit.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { childrenByParent, flattenTree, indentLabel } from "../units/unitTree.ts";
import { TemplateEditor } from "./TemplateEditor.tsx";
import "./documents.css";

const generalScope = "general";

/**
 * Document templates, for administrators: per document type, which sections a document has, in
 * which order, with which headings and introductions. For a unit, or (system administrators) for
 * the whole organisation, which units without their own template use.
 */
export function TemplatesPage() {
  const { t, locale } = useLocale();
  const me = useSignedInUser();
  const units = useUnits();
  const { selectedUnit } = useSelectedUnit(me, units.data);
  const [status, setStatus] = useState<string | null>(null);
  const [type, setType] = useState<DocumentType>("annual_report");
  const [scope, setScope] = useState<string | null>(null);

  const editable = units.data
    ? flattenTree(childrenByParent(units.data, locale)).filter(({ unit }) => unit.can.editTemplates)
    : [];
  const defaultScope =
    editable.find(({ unit }) => unit.id === selectedUnit?.id)?.unit.id ??
    (me.can.editOrganisationTemplates ? generalScope : editable[0]?.unit.id);
  const chosen = scope ?? (defaultScope === undefined ? "" : String(defaultScope));
  const unitId = chosen === generalScope || chosen === "" ? null : Number(chosen);
  const template = useDocumentTemplate(type, unitId, chosen !== "");

  if (!me.can.editTemplates && !me.can.editOrganisationTemplates) {
    return (
      <div className="page">
        <PageTitle>{t("templates.pageTitle")}</PageTitle>
        <Alert data-color="info">{t("templates.forbidden")}</Alert>
      </div>
    );
  }

  const sourceText = template.data ? t(`templates.source.${template.data.source}`) : "";
  return (
    <div className="page documents-page">
      <PageTitle>{t("templates.pageTitle")}</PageTitle>
      <Paragraph className="page-intro">{t("templates.intro")}</Paragraph>
      <LiveStatus message={status} />
      {units.isPending && <Spinner aria-label={t("common.loading")} />}
      {units.isError && <ProblemAlert error={units.error} headingLevel={2} />}
      {units.data && (
        <Card className="documents-card">
          <Heading level={2} data-size="sm" id="template-choice-heading">
            {t("templates.choose")}
          </Heading>
          <div className="documents-grid">
            <SelectField
              label={t("templates.type")}
              value={type}
              onChange={(event) => {
                setType(event.target.value as DocumentType);
                setStatus(null);
              }}
            >
              {documentTypes.map((each) => (
                <option key={each} value={each}>
                  {t(`documents.type.${each}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("templates.scope")}
              value={chosen}
              onChange={(event) => {
                setScope(event.target.value);
                setStatus(null);
              }}
            >
              {me.can.editOrganisationTemplates && (
                <option value={generalScope}>{t("templates.general")}</option>
              )}
              {editable.map(({ unit, depth }) => (
                <option key={unit.id} value={String(unit.id)}>
                  {indentLabel(`${unit.code} – ${unit.name}`, depth)}
                </option>
              ))}
            </SelectField>
          </div>
        </Card>
      )}

      {template.isError && <ProblemAlert error={template.error} headingLevel={2} />}
      {chosen !== "" && template.isPending && <Spinner aria-label={t("common.loading")} />}
      {template.data && (
        <Card className="documents-card">
          <Heading level={2} data-size="sm" id="template-heading">
            {t("templates.editHeading", { type: t(`documents.type.${type}`) })}
          </Heading>
          <Paragraph data-size="sm">
            {sourceText}{" "}
            {template.data.version > 0 && t("templates.version", { version: template.data.version })}
          </Paragraph>
          <TemplateEditor
            key={`${type}:${unitId}`}
            view={template.data}
            type={type}
            unitId={unitId}
            onSaved={setStatus}
          />
        </Card>
      )}
    </div>
  );
}
