import { Tag } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import type { ReportingPoint, Requirement } from "../../api/steering.ts";
import { formatDate } from "../../components/dates.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { type Translate, useLocale } from "../../i18n/i18n.tsx";

export function frequencyText(frequency: readonly ReportingPoint[], t: Translate): string {
  return frequency.map((point) => t(`steering.frequency.${point}`)).join(", ");
}

export function appliesToText(requirement: Requirement, t: Translate): string {
  if (requirement.appliesTo === "all") return t("steering.appliesToAll");
  return requirement.answeringUnits.map((unit) => unit.code).join(", ");
}

/** The kind of a requirement and whether it is risk-assessed, as tags with text. */
export function RequirementTags({ requirement }: { requirement: Requirement }) {
  const { t } = useLocale();
  return (
    <span className="answer-badges">
      <Tag data-color="neutral" data-size="sm">
        {t(`steering.kind.${requirement.kind}`)}
      </Tag>
      {requirement.selectedForRiskAssessment && (
        <Tag data-color="warning" data-size="sm">
          <span aria-hidden="true">⚑</span> {t("steering.riskFlag")}
        </Tag>
      )}
      {requirement.leadUnit && (
        <Tag data-color="info" data-size="sm">
          {t("steering.jointTag", { code: requirement.leadUnit.code })}
        </Tag>
      )}
    </span>
  );
}

/** A requirement's text and facts: source, whom it applies to, when it is reported, its deadline and lead. */
export function RequirementFacts({
  requirement,
  showText = true,
}: {
  requirement: Requirement;
  showText?: boolean;
}) {
  const { t, locale } = useLocale();
  return (
    <div className="requirement-facts">
      {showText && <Markdown text={requirement.text} />}
      <dl className="facts facts--inline">
        <dt>{t("steering.field.source")}</dt>
        <dd>{requirement.source ?? t("common.none")}</dd>
        <dt>{t("steering.field.appliesTo")}</dt>
        <dd>{appliesToText(requirement, t)}</dd>
        <dt>{t("steering.field.frequency")}</dt>
        <dd>{frequencyText(requirement.frequency, t)}</dd>
        <dt>{t("steering.field.deadline")}</dt>
        <dd>{requirement.deadline ? formatDate(requirement.deadline, locale) : t("common.none")}</dd>
        <dt>{t("steering.field.risk")}</dt>
        <dd>{requirement.selectedForRiskAssessment ? t("steering.yes") : t("steering.no")}</dd>
        <dt>{t("steering.field.lead")}</dt>
        <dd>{requirement.leadUnit ? requirement.leadUnit.name : t("common.none")}</dd>
        {requirement.derivedFrom && (
          <>
            <dt>{t("steering.field.derivedFrom")}</dt>
            <dd>
              <RouterLink
                to="/steering/$documentId"
                params={{ documentId: String(requirement.derivedFrom.documentId) }}
              >
                {t("steering.derivedFromText", {
                  number: requirement.derivedFrom.number,
                  title: requirement.derivedFrom.documentTitle,
                })}
              </RouterLink>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
