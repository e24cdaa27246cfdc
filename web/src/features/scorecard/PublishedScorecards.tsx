import {
  Button,
  Link as DsLink,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Tag,
} from "@digdir/designsystemet-react";
import { Link } from "@tanstack/react-router";
import { Fragment, useState } from "react";
import {
  type PublishedEntry,
  publishedXlsxUrl,
  type ScorecardDiff,
  usePublishedScorecard,
  usePublishedScorecards,
} from "../../api/scorecards.ts";
import { formatDateTime } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";
import { periodName } from "./format.ts";

const shown = 10;

function fieldName(field: string, t: Translate) {
  const key = `scorecard.diff.field.${field}`;
  return hasMessage(key) ? t(key) : field;
}

function fieldValue(field: string, value: string | null, t: Translate) {
  if (value === null) return t("scorecard.noData");
  if (field === "attainment" || field === "trend") {
    const key = `scorecard.diff.colour.${value}`;
    return hasMessage(key) ? t(key) : value;
  }
  if (field === "target") return t("scorecard.diff.targetRule");
  return value;
}

function DiffList({ diff }: { diff: ScorecardDiff }) {
  const { t } = useLocale();
  return (
    <ul className="diff-list">
      {diff.indicators.map((change) => (
        <li key={change.code}>
          <strong>
            {change.code} – {change.name}
          </strong>
          {change.status !== "changed" ? (
            ` (${t(change.status === "added" ? "scorecard.diff.added" : "scorecard.diff.removed")})`
          ) : (
            <ul>
              {change.fields.map((field) => (
                <li key={field.field}>
                  {t("scorecard.diff.fieldChange", {
                    field: fieldName(field.field, t),
                    before: fieldValue(field.field, field.before, t),
                    after: fieldValue(field.field, field.after, t),
                  })}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function PublishedRow({ entry }: { entry: PublishedEntry }) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const details = usePublishedScorecard(entry.id, true);
  const diff = details.data?.changesSincePublished;
  const detailsId = `published-changes-${entry.id}`;
  const name = periodName(entry.period, locale, t);
  const capitalised = name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  return (
    <Fragment>
      <Table.Row>
        <Table.HeaderCell scope="row">
          <Link to="/scorecard/published/$id" params={{ id: String(entry.id) }}>
            {capitalised}
          </Link>
        </Table.HeaderCell>
        <Table.Cell className="nowrap">
          <time dateTime={entry.extractedAt}>{formatDateTime(entry.extractedAt, locale)}</time>
        </Table.Cell>
        <Table.Cell>{entry.publishedByName}</Table.Cell>
        <Table.Cell>
          {details.isPending && <Spinner aria-label={t("common.loading")} data-size="xs" />}
          {details.isError && t("scorecard.published.compareFailed")}
          {diff &&
            (diff.changed === 0 ? (
              <Tag data-color="neutral" data-size="sm">
                <span aria-hidden="true">= </span>
                {t("scorecard.published.unchanged")}
              </Tag>
            ) : (
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                aria-expanded={open}
                aria-controls={detailsId}
                onClick={() => setOpen((current) => !current)}
              >
                <span aria-hidden="true">{open ? "▾" : "▸"}</span>
                {t("scorecard.published.changed", { count: diff.changed })}
              </Button>
            ))}
        </Table.Cell>
        <Table.Cell>
          <DsLink href={publishedXlsxUrl(entry.id)} download>
            {t("scorecard.published.download")}
            <span className="sr-only"> {t("scorecard.published.downloadOf", { period: name })}</span>
          </DsLink>
        </Table.Cell>
      </Table.Row>
      {diff && diff.changed > 0 && (
        <Table.Row id={detailsId} hidden={!open} className="scorecard-table__details">
          <Table.Cell colSpan={5}>
            <Paragraph data-size="sm">
              {t("scorecard.published.diffIntro", {
                at: formatDateTime(diff.comparedAt, locale),
                unchanged: diff.unchanged,
              })}
            </Paragraph>
            <DiffList diff={diff} />
          </Table.Cell>
        </Table.Row>
      )}
    </Fragment>
  );
}

/** The unit's published scorecards, newest first, each compared with the figures as they are now. */
export function PublishedScorecards({ unitId }: { unitId: number }) {
  const { t } = useLocale();
  const published = usePublishedScorecards(unitId);
  const [showAll, setShowAll] = useState(false);
  const entries = published.data ?? [];
  const visible = showAll ? entries : entries.slice(0, shown);
  return (
    <section aria-labelledby="published-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="published-heading">
        {t("scorecard.published.heading")}
      </Heading>
      <Paragraph data-size="sm" className="page-intro">
        {t("scorecard.published.intro")}
      </Paragraph>
      {published.isPending && <Spinner aria-label={t("common.loading")} />}
      {published.isError && <ProblemAlert error={published.error} />}
      {published.data && entries.length === 0 && <Paragraph>{t("scorecard.published.none")}</Paragraph>}
      {entries.length > 0 && (
        <ScrollRegion label={t("scorecard.published.heading")}>
          <Table border data-size="sm">
            <caption className="sr-only">{t("scorecard.published.heading")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("scorecard.published.period")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("scorecard.published.extractedAt")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("scorecard.published.by")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("scorecard.published.sincePublished")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("scorecard.published.excel")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {visible.map((entry) => (
                <PublishedRow key={entry.id} entry={entry} />
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {entries.length > shown && !showAll && (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setShowAll(true)}>
            {t("scorecard.published.showAll", { count: entries.length })}
          </Button>
        </div>
      )}
    </section>
  );
}
