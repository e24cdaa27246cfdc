import "../answers/reporting.css";
import { Alert, Link, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import { useSteeringDocument } from "../../api/steering.ts";
import { formatDateTime } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { DraftTools } from "./DraftTools.tsx";
import { RequirementsSection } from "./RequirementsSection.tsx";
import { RoundsSection } from "./RoundsSection.tsx";
import { DocumentStateTag } from "./SteeringListPage.tsx";
import { VersionsSection } from "./VersionsSection.tsx";

const documentRoute = getRouteApi("/app/steering/$documentId");

/** A steering document: its facts, versions, reporting rounds, and chapters with requirements; drafts are edited here. */
export function DocumentPage() {
  const { t, locale } = useLocale();
  const { documentId } = documentRoute.useParams();
  const document = useSteeringDocument(Number(documentId));
  const [message, setMessage] = useState<string | null>(null);

  if (document.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (document.isError) {
    return (
      <div className="page">
        <PageTitle>{t("steering.documentPlain")}</PageTitle>
        <ProblemAlert error={document.error} headingLevel={2} />
      </div>
    );
  }
  const data = document.data;
  const editable = data.can.edit;

  return (
    // Keyed by the version, so that moving between versions starts the page and its forms afresh.
    <div className="page" key={data.id}>
      <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
        <RouterLink to="/steering">{t("steering.title")}</RouterLink>
      </nav>
      <PageTitle>{data.title}</PageTitle>
      <dl className="facts facts--inline">
        <dt>{t("steering.field.year")}</dt>
        <dd>{data.year}</dd>
        <dt>{t("steering.field.kind")}</dt>
        <dd>{t(`steering.documentKind.${data.kind}`)}</dd>
        <dt>{t("steering.column.issuer")}</dt>
        <dd>{data.issuingUnit.name}</dd>
        <dt>{t("steering.column.recipients")}</dt>
        <dd>{data.recipients.map((unit) => unit.name).join(", ")}</dd>
        <dt>{t("steering.column.version")}</dt>
        <dd>
          <span className="answer-badges">
            {t("steering.versionOf", { number: data.versionNumber, count: data.versions.length })}
            <DocumentStateTag state={data.state} />
          </span>
        </dd>
        {data.publishedAt && (
          <>
            <dt>{t("steering.publishedAt")}</dt>
            <dd>{formatDateTime(data.publishedAt, locale)}</dd>
          </>
        )}
      </dl>
      <LiveStatus message={message} />
      {data.state === "draft" && (
        <Alert data-color="info">
          {editable ? t("steering.draftNoticeEditor") : t("steering.draftNotice")}
        </Alert>
      )}

      <VersionsSection document={data} />
      {data.state === "published" && <RoundsSection document={data} />}
      {data.state === "published" && data.requirements.some((each) => each.selectedForRiskAssessment) && (
        <Paragraph>
          <Link asChild>
            <RouterLink to="/steering/$documentId/risk" params={{ documentId: String(data.id) }}>
              {t("risk.table.link")}
            </RouterLink>
          </Link>
        </Paragraph>
      )}
      {(editable || data.can.publish) && <DraftTools document={data} onDone={setMessage} />}
      <RequirementsSection document={data} onDone={setMessage} />
    </div>
  );
}
