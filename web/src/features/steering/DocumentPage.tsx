import "../answers/reporting.css";
import {
  Alert,
  Button,
  Card,
  Details,
  Heading,
  Link,
  Paragraph,
  Spinner,
  Table,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { type Round, useRounds } from "../../api/reporting.ts";
import {
  type Chapter,
  type Requirement,
  type SteeringDocument,
  useAddChapter,
  useDeleteChapter,
  useDeleteRequirement,
  useNewVersion,
  usePublishDocument,
  useRenameChapter,
  useSteeringDocument,
} from "../../api/steering.ts";
import { formatDate, formatDateTime } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { overdueIcon, periodLabel } from "../answers/labels.tsx";
import { ImportForm } from "./ImportForm.tsx";
import { OpenRoundForm } from "./OpenRoundForm.tsx";
import { RequirementFacts, RequirementTags } from "./RequirementFacts.tsx";
import { RequirementForm } from "./RequirementForm.tsx";
import { DocumentStateTag } from "./SteeringListPage.tsx";

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
      {(editable || data.can.publish) && <DraftTools document={data} onDone={setMessage} />}
      <RequirementsSection document={data} onDone={setMessage} />
    </div>
  );
}

function VersionsSection({ document }: { document: SteeringDocument }) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const newVersion = useNewVersion();
  const others = document.versions.filter((version) => version.id !== document.id);
  const [compareWith, setCompareWith] = useState(String(others.at(-1)?.id ?? ""));
  const openDraft = document.versions.find(
    (version) => version.state === "draft" && version.id !== document.id,
  );

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const other = document.versions.find((version) => String(version.id) === compareWith);
    if (!other) return;
    // Always from the older to the newer version, whichever page it was asked from.
    const [from, to] =
      other.versionNumber < document.versionNumber ? [other.id, document.id] : [document.id, other.id];
    navigate({
      to: "/steering/$documentId/compare",
      params: { documentId: String(from) },
      search: { with: to },
    });
  };

  return (
    <section aria-labelledby="versions-heading">
      <Heading level={2} data-size="sm" id="versions-heading">
        {t("steering.versions.title")}
      </Heading>
      <ul className="inline-list">
        {document.versions.map((version) => (
          <li key={version.id}>
            {version.id === document.id ? (
              <strong aria-current="page">
                {t("steering.versionNumber", { number: version.versionNumber })} (
                {t(`steering.state.${version.state}`)})
              </strong>
            ) : (
              <RouterLink to="/steering/$documentId" params={{ documentId: String(version.id) }}>
                {t("steering.versionNumber", { number: version.versionNumber })} (
                {t(`steering.state.${version.state}`)})
              </RouterLink>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <form onSubmit={compare} className="inline-form" noValidate>
          <SelectField
            label={t("steering.versions.compareWith")}
            value={compareWith}
            onChange={(event) => setCompareWith(event.target.value)}
          >
            {others.map((version) => (
              <option key={version.id} value={version.id}>
                {t("steering.versionNumber", { number: version.versionNumber })}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" variant="secondary">
              {t("steering.versions.compare")}
            </Button>
          </div>
        </form>
      )}
      {document.can.newVersion &&
        (openDraft ? (
          <Paragraph data-size="sm">
            <Link asChild>
              <RouterLink to="/steering/$documentId" params={{ documentId: String(openDraft.id) }}>
                {t("steering.versions.openDraft", { number: openDraft.versionNumber })}
              </RouterLink>
            </Link>
          </Paragraph>
        ) : (
          <div className="button-row">
            <Button
              type="button"
              variant="secondary"
              loading={newVersion.isPending}
              onClick={() =>
                newVersion.mutate(document.id, {
                  onSuccess: (created) =>
                    navigate({ to: "/steering/$documentId", params: { documentId: String(created.id) } }),
                })
              }
            >
              {t("steering.versions.new")}
            </Button>
          </div>
        ))}
      <ProblemAlert error={newVersion.error} headingLevel={3} />
    </section>
  );
}

function RoundsSection({ document }: { document: SteeringDocument }) {
  const { t, locale } = useLocale();
  const rounds = useRounds(document.id);
  return (
    <section aria-labelledby="rounds-heading">
      <Heading level={2} data-size="sm" id="rounds-heading">
        {t("steering.rounds.title")}
      </Heading>
      {rounds.isPending && <Spinner aria-label={t("common.loading")} data-size="sm" />}
      <ProblemAlert error={rounds.error} headingLevel={3} />
      {rounds.data && rounds.data.length === 0 && <Paragraph>{t("steering.rounds.none")}</Paragraph>}
      {rounds.data && rounds.data.length > 0 && (
        <ScrollRegion label={t("steering.rounds.title")}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("steering.rounds.period")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("steering.rounds.deadline")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("rounds.state")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("steering.rounds.progress")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("answers.overdue")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rounds.data.map((round: Round) => (
                <Table.Row key={round.id}>
                  <Table.Cell>
                    <RouterLink to="/rounds/$roundId" params={{ roundId: String(round.id) }}>
                      {periodLabel(round.period, t)}
                    </RouterLink>
                  </Table.Cell>
                  <Table.Cell>{formatDate(round.deadline, locale)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={round.state === "open" ? "success" : "neutral"} data-size="sm">
                      {t(`rounds.state.${round.state}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {round.counts
                      ? t("steering.rounds.approvedOf", {
                          approved: round.counts.byState.approved,
                          total: round.counts.total,
                        })
                      : t("common.none")}
                  </Table.Cell>
                  <Table.Cell>
                    {round.counts && round.counts.overdue > 0 ? (
                      <strong>
                        <span aria-hidden="true">{overdueIcon}</span> {round.counts.overdue}
                      </strong>
                    ) : (
                      (round.counts?.overdue ?? 0)
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {document.can.manageRounds && rounds.data && (
        <Card className="subcard">
          <Heading level={3} data-size="xs">
            {t("steering.rounds.openTitle")}
          </Heading>
          <OpenRoundForm documentId={document.id} year={document.year} rounds={rounds.data} />
        </Card>
      )}
    </section>
  );
}

function DraftTools({ document, onDone }: { document: SteeringDocument; onDone: (message: string) => void }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="draft-tools-heading" className="draft-tools">
      <Heading level={2} data-size="sm" id="draft-tools-heading">
        {t("steering.draft.title")}
      </Heading>
      {document.can.edit && (
        <Card className="subcard">
          <Details>
            <Details.Summary>{t("steering.chapter.addTitle")}</Details.Summary>
            <Details.Content>
              <AddChapterForm documentId={document.id} onDone={onDone} />
            </Details.Content>
          </Details>
          <Details>
            <Details.Summary>{t("steering.requirement.addTitle")}</Details.Summary>
            <Details.Content>
              <RequirementForm
                documentId={document.id}
                chapters={document.chapters}
                recipients={document.recipients}
                requirement={null}
                headingLevel={3}
                onDone={onDone}
              />
            </Details.Content>
          </Details>
          <Details>
            <Details.Summary>{t("steering.import.title")}</Details.Summary>
            <Details.Content>
              <ImportForm documentId={document.id} />
            </Details.Content>
          </Details>
        </Card>
      )}
      {document.can.publish && <PublishPanel document={document} onDone={onDone} />}
    </section>
  );
}

function AddChapterForm({ documentId, onDone }: { documentId: number; onDone: (message: string) => void }) {
  const { t } = useLocale();
  const add = useAddChapter(documentId);
  const [title, setTitle] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(title.trim(), {
      onSuccess: (chapter) => {
        setTitle("");
        onDone(t("steering.chapter.added", { title: chapter.title }));
      },
    });
  };
  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <Textfield
        label={t("steering.chapter.titleLabel")}
        description={t("steering.chapter.titleHelp")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError(add.error, "title")}
        required
      />
      <ProblemAlert error={add.error} headingLevel={3} />
      <div>
        <Button type="submit" loading={add.isPending}>
          {t("steering.chapter.add")}
        </Button>
      </div>
    </form>
  );
}

function PublishPanel({
  document,
  onDone,
}: {
  document: SteeringDocument;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const publish = usePublishDocument();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card className="subcard" data-color="accent">
      <Heading level={3} data-size="xs">
        {t("steering.publish.title")}
      </Heading>
      <Paragraph data-size="sm">
        {t("steering.publish.intro", {
          count: document.requirements.length,
          recipients: document.recipients.length,
        })}
      </Paragraph>
      {confirming ? (
        <>
          <Paragraph data-size="sm">
            <strong>{t("steering.publish.confirmLabel")}</strong>
          </Paragraph>
          <div className="button-row">
            <Button
              type="button"
              loading={publish.isPending}
              onClick={() =>
                publish.mutate(
                  { id: document.id, version: document.version },
                  { onSuccess: () => onDone(t("steering.publish.done", { title: document.title })) },
                )
              }
            >
              {t("steering.publish.confirm")}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setConfirming(false)}>
              {t("answers.cancel")}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={document.requirements.length === 0}
          >
            {t("steering.publish.button")}
          </Button>
        </div>
      )}
      <ProblemAlert error={publish.error} headingLevel={4} />
    </Card>
  );
}

function RequirementsSection({
  document,
  onDone,
}: {
  document: SteeringDocument;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const sections = [
    ...document.chapters.map((chapter) => ({
      chapter,
      requirements: document.requirements.filter((requirement) => requirement.chapterId === chapter.id),
    })),
    {
      chapter: null,
      requirements: document.requirements.filter((requirement) => requirement.chapterId === null),
    },
  ].filter((section) => section.chapter !== null || section.requirements.length > 0);

  return (
    <section aria-labelledby="requirements-heading" className="requirements">
      <Heading level={2} data-size="sm" id="requirements-heading">
        {t("steering.requirementsTitle", { count: document.requirements.length })}
      </Heading>
      {document.requirements.length === 0 && document.chapters.length === 0 && (
        <Paragraph>{t("steering.noRequirements")}</Paragraph>
      )}
      {sections.length > 1 && (
        <nav aria-label={t("steering.chapterNav")} className="chapter-nav">
          <ol>
            {sections.map(({ chapter }) => (
              <li key={chapter?.id ?? "none"}>
                <a href={`#chapter-${chapter?.id ?? "none"}`}>{chapter?.title ?? t("steering.noChapter")}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {sections.map(({ chapter, requirements }) => (
        <section
          key={chapter?.id ?? "none"}
          id={`chapter-${chapter?.id ?? "none"}`}
          aria-labelledby={`chapter-${chapter?.id ?? "none"}-heading`}
          className="chapter"
        >
          <Heading level={3} data-size="xs" id={`chapter-${chapter?.id ?? "none"}-heading`}>
            {chapter?.title ?? t("steering.noChapter")}
          </Heading>
          {chapter && document.can.edit && (
            <ChapterControls chapter={chapter} empty={requirements.length === 0} onDone={onDone} />
          )}
          {requirements.length === 0 && <Paragraph data-size="sm">{t("steering.chapter.empty")}</Paragraph>}
          <ol className="requirement-list">
            {requirements.map((requirement) => (
              <li key={requirement.id}>
                <RequirementCard requirement={requirement} document={document} onDone={onDone} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

function ChapterControls({
  chapter,
  empty,
  onDone,
}: {
  chapter: Chapter;
  empty: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const rename = useRenameChapter();
  const remove = useDeleteChapter();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(chapter.title);
  const [baseVersion, setBaseVersion] = useState(chapter.version);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(
      { id: chapter.id, version: baseVersion, title: title.trim() },
      {
        onSuccess: (saved) => {
          setEditing(false);
          onDone(t("steering.chapter.renamed", { title: saved.title }));
        },
      },
    );
  };

  return (
    <div className="chapter-controls">
      {editing ? (
        <form onSubmit={submit} className="inline-form" noValidate>
          <Textfield
            label={t("steering.chapter.newTitle", { title: chapter.title })}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={fieldError(rename.error, "title")}
          />
          <div className="button-row">
            <Button type="submit" data-size="sm" loading={rename.isPending}>
              {t("steering.chapter.save")}
            </Button>
            <Button type="button" data-size="sm" variant="tertiary" onClick={() => setEditing(false)}>
              {t("answers.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            onClick={() => {
              setTitle(chapter.title);
              setBaseVersion(chapter.version);
              rename.reset();
              setEditing(true);
            }}
          >
            {t("steering.chapter.rename", { title: chapter.title })}
          </Button>
          {empty && (
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: chapter.id, version: chapter.version },
                  { onSuccess: () => onDone(t("steering.chapter.deleted", { title: chapter.title })) },
                )
              }
            >
              {t("steering.chapter.delete", { title: chapter.title })}
            </Button>
          )}
        </div>
      )}
      <ProblemAlert error={rename.error ?? remove.error} headingLevel={4} />
    </div>
  );
}

function RequirementCard({
  requirement,
  document,
  onDone,
}: {
  requirement: Requirement;
  document: SteeringDocument;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteRequirement();
  return (
    <Card className="requirement-card" id={`requirement-${requirement.id}`}>
      <Heading level={4} data-size="2xs">
        {t("steering.requirementHeading", { number: requirement.number })}
      </Heading>
      <RequirementTags requirement={requirement} />
      <RequirementFacts requirement={requirement} />
      {document.can.edit && !editing && (
        <div className="button-row">
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
            {t("steering.requirement.edit", { number: requirement.number })}
          </Button>
          {confirmDelete ? (
            <>
              <Button
                type="button"
                data-size="sm"
                data-color="danger"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { id: requirement.id, version: requirement.version },
                    {
                      onSuccess: () =>
                        onDone(t("steering.requirement.deleted", { number: requirement.number })),
                    },
                  )
                }
              >
                {t("steering.requirement.confirmDelete", { number: requirement.number })}
              </Button>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setConfirmDelete(false)}>
                {t("answers.cancel")}
              </Button>
            </>
          ) : (
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => setConfirmDelete(true)}
            >
              {t("steering.requirement.delete", { number: requirement.number })}
            </Button>
          )}
        </div>
      )}
      <ProblemAlert error={remove.error} headingLevel={4} />
      {editing && (
        <RequirementForm
          documentId={document.id}
          chapters={document.chapters}
          recipients={document.recipients}
          requirement={requirement}
          headingLevel={5}
          onDone={(message) => {
            setEditing(false);
            onDone(message);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
