import "../answers/reporting.css";
import {
  Card,
  Checkbox,
  Details,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Tag,
} from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useState } from "react";
import { type DocumentListItem, useSteeringDocuments } from "../../api/steering.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import { CreateDocumentForm } from "./CreateDocumentForm.tsx";

export function DocumentStateTag({ state }: { state: DocumentListItem["state"] }) {
  const { t } = useLocale();
  return state === "published" ? (
    <Tag data-color="success" data-size="sm">
      <span aria-hidden="true">✔</span> {t("steering.state.published")}
    </Tag>
  ) : (
    <Tag data-color="warning" data-size="sm">
      <span aria-hidden="true">✎</span> {t("steering.state.draft")}
    </Tag>
  );
}

/** Every steering document the user can read, newest year first. */
export function SteeringListPage() {
  const { t } = useLocale();
  const me = useSignedInUser();
  const documents = useSteeringDocuments();
  const [allVersions, setAllVersions] = useState(false);
  const rows = (documents.data ?? []).filter((document) => allVersions || document.isLatestVersion);

  return (
    <div className="page">
      <PageTitle>{t("steering.title")}</PageTitle>
      <Paragraph className="page-intro">{t("steering.intro")}</Paragraph>
      {documents.isPending && <Spinner aria-label={t("common.loading")} />}
      <ProblemAlert error={documents.error} headingLevel={2} />
      {documents.data && (
        <section aria-labelledby="documents-heading">
          <Heading level={2} data-size="sm" id="documents-heading">
            {t("steering.listHeading")}
          </Heading>
          <Checkbox
            label={t("steering.showAllVersions")}
            checked={allVersions}
            onChange={(event) => setAllVersions(event.target.checked)}
          />
          {rows.length === 0 ? (
            <Paragraph>{t("steering.empty")}</Paragraph>
          ) : (
            <ScrollRegion label={t("steering.listHeading")}>
              <Table data-size="sm" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t("steering.column.title")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("steering.column.year")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("steering.column.issuer")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("steering.column.kind")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("steering.column.version")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("steering.column.recipients")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rows.map((document) => (
                    <Table.Row key={document.id}>
                      <Table.Cell>
                        <RouterLink to="/steering/$documentId" params={{ documentId: String(document.id) }}>
                          {document.title}
                        </RouterLink>
                      </Table.Cell>
                      <Table.Cell>{document.year}</Table.Cell>
                      <Table.Cell>{document.issuingUnit.name}</Table.Cell>
                      <Table.Cell>{t(`steering.documentKind.${document.kind}`)}</Table.Cell>
                      <Table.Cell>
                        <span className="answer-badges">
                          {t("steering.versionNumber", { number: document.versionNumber })}
                          <DocumentStateTag state={document.state} />
                        </span>
                      </Table.Cell>
                      <Table.Cell>{document.recipients.map((unit) => unit.code).join(", ")}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )}
        </section>
      )}
      {me.can.draftSteering && (
        <Card>
          <Details>
            <Details.Summary>{t("steering.create.title")}</Details.Summary>
            <Details.Content>
              <CreateDocumentForm />
            </Details.Content>
          </Details>
        </Card>
      )}
    </div>
  );
}
