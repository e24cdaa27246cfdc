import { Button, Heading, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { type AnswerVersion, useAnswerDiff, useAnswerVersions } from "../../api/reporting.ts";
import { DiffLegend, DiffText } from "../../components/DiffText.tsx";
import { formatDateTime } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { StateTag, StatusTag } from "./labels.tsx";

/** Every saved version of an answer, and what changed between any two of them. */
export function AnswerHistory({ answerId, headingLevel = 2 }: { answerId: number; headingLevel?: 2 | 3 }) {
  const { t, locale } = useLocale();
  const versions = useAnswerVersions(answerId);
  const headingId = useId();
  const sub = headingLevel === 2 ? 3 : 4;

  return (
    <section aria-labelledby={headingId} className="answer-history">
      <Heading level={headingLevel} data-size="sm" id={headingId}>
        {t("answers.history.title")}
      </Heading>
      {versions.isPending && <Spinner aria-label={t("common.loading")} data-size="sm" />}
      <ProblemAlert error={versions.error} headingLevel={sub} />
      {versions.data && (
        <>
          <ScrollRegion label={t("answers.history.title")}>
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("answers.history.version")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("answers.history.action")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("answers.history.statusAndState")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("answers.history.by")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("answers.history.at")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("answers.history.comment")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {[...versions.data].reverse().map((version) => (
                  <Table.Row key={version.version}>
                    <Table.Cell>{version.version}</Table.Cell>
                    <Table.Cell>{t(`answers.action.${version.action}`)}</Table.Cell>
                    <Table.Cell>
                      <span className="answer-badges">
                        <StatusTag status={version.status} />
                        <StateTag state={version.state} />
                      </span>
                    </Table.Cell>
                    <Table.Cell>{version.actorName}</Table.Cell>
                    <Table.Cell className="nowrap">
                      <time dateTime={version.at}>{formatDateTime(version.at, locale)}</time>
                    </Table.Cell>
                    <Table.Cell className="preserve-lines">{version.comment ?? t("common.none")}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
          {versions.data.length > 1 && (
            <CompareVersions answerId={answerId} versions={versions.data} headingLevel={sub} />
          )}
        </>
      )}
    </section>
  );
}

/** The latest version whose text or status differs from the one before: the change most worth seeing. */
function defaultRange(versions: readonly AnswerVersion[]) {
  const last = versions.at(-1) as AnswerVersion;
  for (let index = versions.length - 1; index > 0; index--) {
    const after = versions[index] as AnswerVersion;
    const before = versions[index - 1] as AnswerVersion;
    if (after.text !== before.text || after.status !== before.status) {
      return { from: before.version, to: after.version };
    }
  }
  return { from: (versions[0] as AnswerVersion).version, to: last.version };
}

function CompareVersions({
  answerId,
  versions,
  headingLevel,
}: {
  answerId: number;
  versions: readonly AnswerVersion[];
  headingLevel: 3 | 4;
}) {
  const { t } = useLocale();
  // Until the user picks, the choice follows the newest change, also after a save adds a version.
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const choice = picked ?? defaultRange(versions);
  const setChoice = (change: (current: { from: number; to: number }) => { from: number; to: number }) =>
    setPicked(change(choice));
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const diff = useAnswerDiff(answerId, range);
  const resultId = useId();

  const show = (event: FormEvent) => {
    event.preventDefault();
    setRange({ ...choice });
  };

  const option = (version: AnswerVersion) => (
    <option key={version.version} value={version.version}>
      {t("answers.history.option", {
        version: version.version,
        action: t(`answers.action.${version.action}`),
        name: version.actorName,
      })}
    </option>
  );

  return (
    <div className="compare-versions">
      <form onSubmit={show} className="compare-versions__form" noValidate>
        <SelectField
          label={t("answers.history.from")}
          value={choice.from}
          onChange={(event) => setChoice((current) => ({ ...current, from: Number(event.target.value) }))}
        >
          {versions.map(option)}
        </SelectField>
        <SelectField
          label={t("answers.history.to")}
          value={choice.to}
          onChange={(event) => setChoice((current) => ({ ...current, to: Number(event.target.value) }))}
        >
          {versions.map(option)}
        </SelectField>
        <div>
          <Button type="submit" variant="secondary" aria-controls={resultId}>
            {t("answers.history.compare")}
          </Button>
        </div>
      </form>
      <p className="visually-hidden" aria-live="polite">
        {diff.data && !diff.isFetching
          ? t("answers.history.changesTitle", { from: diff.data.from.version, to: diff.data.to.version })
          : ""}
      </p>
      <div id={resultId} className="compare-versions__result">
        {diff.isFetching && <Spinner aria-label={t("common.loading")} data-size="sm" />}
        <ProblemAlert error={diff.error} headingLevel={headingLevel} />
        {diff.data && (
          <>
            <Heading level={headingLevel} data-size="xs">
              {t("answers.history.changesTitle", { from: diff.data.from.version, to: diff.data.to.version })}
            </Heading>
            <dl className="facts facts--compact">
              <dt>{t("answers.history.status")}</dt>
              <dd>
                {diff.data.status.changed ? (
                  <span className="answer-badges">
                    <StatusTag status={diff.data.status.before} />
                    <span aria-hidden="true">→</span>
                    <span className="visually-hidden">{t("answers.history.changedTo")}</span>
                    <StatusTag status={diff.data.status.after} />
                  </span>
                ) : (
                  t("answers.history.unchanged")
                )}
              </dd>
              <dt>{t("answers.history.state")}</dt>
              <dd>
                {diff.data.state.changed ? (
                  <span className="answer-badges">
                    <StateTag state={diff.data.state.before} />
                    <span aria-hidden="true">→</span>
                    <span className="visually-hidden">{t("answers.history.changedTo")}</span>
                    <StateTag state={diff.data.state.after} />
                  </span>
                ) : (
                  t("answers.history.unchanged")
                )}
              </dd>
              <dt>{t("answers.history.text")}</dt>
              <dd>
                {diff.data.text.changed
                  ? t("answers.history.stats", {
                      inserted: diff.data.text.stats.inserted,
                      deleted: diff.data.text.stats.deleted,
                    })
                  : t("answers.history.unchanged")}
              </dd>
            </dl>
            {diff.data.text.changed && (
              <div className="diff-box">
                <DiffLegend />
                <DiffText parts={diff.data.text.words} />
              </div>
            )}
          </>
        )}
        {!diff.data && !diff.isFetching && !diff.error && (
          <Paragraph data-size="sm" className="muted">
            {t("answers.history.pick")}
          </Paragraph>
        )}
      </div>
    </div>
  );
}
