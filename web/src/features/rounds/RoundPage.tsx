import "../answers/reporting.css";
import { Button, Card, Heading, Paragraph, Spinner, Table, Tag } from "@digdir/designsystemet-react";
import { getRouteApi, Link as RouterLink } from "@tanstack/react-router";
import { Fragment, useMemo, useState } from "react";
import {
  type AnswerState,
  type AnswerStatus,
  answerStates,
  answerStatuses,
  type Counts,
  type MatrixCell,
  type RoundMatrix,
  useRoundMatrix,
  useRoundState,
} from "../../api/reporting.ts";
import { formatDate } from "../../components/dates.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { overdueIcon, periodLabel, returnedIcon, stateIcon, statusIcon } from "../answers/labels.tsx";
import { OverdueTable } from "./OverdueTable.tsx";

const roundRoute = getRouteApi("/app/rounds/$roundId");

const filters = ["all", "open", "submitted", "returned", "overdue"] as const;
type Filter = (typeof filters)[number];

function matches(cell: MatrixCell, filter: Filter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "open":
      return cell.state !== "approved";
    case "submitted":
      return cell.state === "submitted";
    case "returned":
      return cell.returned;
    case "overdue":
      return cell.overdue;
  }
}

/** A reporting round: its answers as requirements x units, counts, and who is late. */
export function RoundPage() {
  const { t, locale } = useLocale();
  const { roundId } = roundRoute.useParams();
  const matrix = useRoundMatrix(Number(roundId));
  const changeState = useRoundState();
  const [message, setMessage] = useState<string | null>(null);

  if (matrix.isPending) return <Spinner aria-label={t("common.loading")} />;
  if (matrix.isError) {
    return (
      <div className="page">
        <PageTitle>{t("rounds.titlePlain")}</PageTitle>
        <ProblemAlert error={matrix.error} headingLevel={2} />
      </div>
    );
  }
  const { round } = matrix.data;

  const toggleState = (action: "close" | "reopen") => {
    setMessage(null);
    changeState.mutate(
      { id: round.id, version: round.version, action },
      { onSuccess: () => setMessage(t(action === "close" ? "rounds.closed" : "rounds.reopened")) },
    );
  };

  return (
    <div className="page" key={round.id}>
      <nav aria-label={t("answers.breadcrumbs")} className="crumbs">
        <RouterLink to="/steering/$documentId" params={{ documentId: String(round.document.id) }}>
          {round.document.title}
        </RouterLink>
      </nav>
      <PageTitle>
        {t("rounds.title", { document: round.document.title, period: periodLabel(round.period, t) })}
      </PageTitle>
      <dl className="facts facts--inline">
        <dt>{t("rounds.deadline")}</dt>
        <dd>{formatDate(round.deadline, locale)}</dd>
        <dt>{t("rounds.state")}</dt>
        <dd>
          <Tag data-color={round.state === "open" ? "success" : "neutral"} data-size="sm">
            <span aria-hidden="true">{round.state === "open" ? "○" : "🔒"}</span>{" "}
            {t(`rounds.state.${round.state}`)}
          </Tag>
        </dd>
        <dt>{t("rounds.issuer")}</dt>
        <dd>{round.document.issuingUnit.name}</dd>
        <dt>{t("rounds.asOf")}</dt>
        <dd>{formatDate(matrix.data.asOf, locale)}</dd>
      </dl>
      {round.state === "closed" && <Paragraph>{t("rounds.closedExplained")}</Paragraph>}
      <LiveStatus message={message} />
      {(round.can.close || round.can.reopen) && (
        <div className="button-row">
          {round.can.close && (
            <Button
              type="button"
              variant="secondary"
              onClick={() => toggleState("close")}
              loading={changeState.isPending}
            >
              {t("rounds.close")}
            </Button>
          )}
          {round.can.reopen && (
            <Button
              type="button"
              variant="secondary"
              onClick={() => toggleState("reopen")}
              loading={changeState.isPending}
            >
              {t("rounds.reopen")}
            </Button>
          )}
        </div>
      )}
      <ProblemAlert error={changeState.error} headingLevel={2} />

      {round.counts && <CountsSummary counts={round.counts} />}
      <Matrix data={matrix.data} />
      <UnitCounts data={matrix.data} />
      <OverdueTable roundId={round.id} headingLevel={2} />
    </div>
  );
}

function CountsSummary({ counts }: { counts: Counts }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="round-counts-heading" className="round-counts">
      <Heading level={2} data-size="sm" id="round-counts-heading">
        {t("rounds.countsHeading", { total: counts.total })}
      </Heading>
      <div className="count-groups">
        <Card data-color="neutral" className="count-group">
          <Heading level={3} data-size="2xs">
            {t("rounds.byState")}
          </Heading>
          <ul className="count-list">
            {answerStates.map((state) => (
              <li key={state} className={`count count--state-${state}`}>
                <span aria-hidden="true">{stateIcon[state]}</span> {t(`answers.state.${state}`)}:{" "}
                <strong>{counts.byState[state]}</strong>
              </li>
            ))}
            <li className="count count--returned">
              <span aria-hidden="true">{returnedIcon}</span> {t("answers.returned")}:{" "}
              <strong>{counts.returned}</strong>
            </li>
            <li className="count count--overdue">
              <span aria-hidden="true">{overdueIcon}</span> {t("answers.overdue")}:{" "}
              <strong>{counts.overdue}</strong>
            </li>
          </ul>
        </Card>
        <Card data-color="neutral" className="count-group">
          <Heading level={3} data-size="2xs">
            {t("rounds.byStatus")}
          </Heading>
          <ul className="count-list">
            {answerStatuses.map((status) => (
              <li key={status} className={`count count--status-${status}`}>
                <span aria-hidden="true">{statusIcon[status]}</span> {t(`answers.status.${status}`)}:{" "}
                <strong>{counts.byStatus[status]}</strong>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </section>
  );
}

function CellContent({ cell }: { cell: MatrixCell }) {
  const { t } = useLocale();
  return (
    <>
      <span className="cell__line">
        <span aria-hidden="true">{statusIcon[cell.status]}</span> {t(`answers.statusShort.${cell.status}`)}
      </span>
      <span className="cell__line">
        <span aria-hidden="true">{stateIcon[cell.state]}</span> {t(`answers.state.${cell.state}`)}
      </span>
      {cell.returned && (
        <span className="cell__line cell__flag">
          <span aria-hidden="true">{returnedIcon}</span> {t("answers.returned")}
        </span>
      )}
      {cell.overdue && (
        <span className="cell__line cell__flag">
          <span aria-hidden="true">{overdueIcon}</span> {t("answers.overdue")}
        </span>
      )}
    </>
  );
}

function Matrix({ data }: { data: RoundMatrix }) {
  const { t } = useLocale();
  const [filter, setFilter] = useState<Filter>("all");
  const sections = useMemo(() => {
    const visible = data.rows.filter((row) =>
      data.units.some((unit) => {
        const cell = row.cells[String(unit.id)];
        return cell !== undefined && matches(cell, filter);
      }),
    );
    const chapters = [
      ...data.chapters.map((chapter) => ({
        key: String(chapter.id),
        title: chapter.title,
        rows: visible.filter((row) => row.requirement.chapterId === chapter.id),
      })),
      {
        key: "none",
        title: t("rounds.noChapter"),
        rows: visible.filter((row) => row.requirement.chapterId === null),
      },
    ];
    return { count: visible.length, chapters: chapters.filter((chapter) => chapter.rows.length > 0) };
  }, [data, filter, t]);
  const columns = data.units.length + 1;

  return (
    <section aria-labelledby="matrix-heading" className="round-matrix">
      <Heading level={2} data-size="sm" id="matrix-heading">
        {t("rounds.matrixHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("rounds.matrixIntro")}</Paragraph>
      <Legend />
      <div className="matrix-filter">
        <SelectField
          label={t("rounds.filter")}
          value={filter}
          onChange={(event) => setFilter(event.target.value as Filter)}
        >
          {filters.map((each) => (
            <option key={each} value={each}>
              {t(`rounds.filter.${each}`)}
            </option>
          ))}
        </SelectField>
        <p className="matrix-filter__count" aria-live="polite">
          {t("rounds.filterCount", { shown: sections.count, total: data.rows.length })}
        </p>
      </div>
      <ScrollRegion label={t("rounds.matrixHeading")}>
        <Table className="matrix" data-size="sm">
          <caption className="visually-hidden">{t("rounds.matrixCaption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("rounds.requirementColumn")}</Table.HeaderCell>
              {data.units.map((unit) => (
                <Table.HeaderCell key={unit.id} scope="col" className="matrix__unit">
                  <abbr title={unit.name}>{unit.code}</abbr>
                  <span className="visually-hidden"> {unit.name}</span>
                  {unit.consolidated && (
                    <span className="matrix__consolidated">{t("rounds.consolidatedColumn")}</span>
                  )}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          {sections.chapters.map((chapter) => (
            <Table.Body key={chapter.key}>
              <Table.Row className="matrix__chapter">
                <Table.HeaderCell scope="colgroup" colSpan={columns}>
                  {chapter.title}
                </Table.HeaderCell>
              </Table.Row>
              {chapter.rows.map((row) => (
                <Table.Row key={row.requirement.id}>
                  <Table.HeaderCell scope="row" className="matrix__requirement">
                    <span className="matrix__number">{row.requirement.number}</span>
                    <span className="matrix__excerpt">{row.requirement.text}</span>
                  </Table.HeaderCell>
                  {data.units.map((unit) => {
                    const cell = row.cells[String(unit.id)];
                    if (!cell) {
                      return (
                        <Table.Cell key={unit.id} className="cell cell--none">
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">{t("rounds.notApplicable")}</span>
                        </Table.Cell>
                      );
                    }
                    const label = t("rounds.cellLabel", { number: row.requirement.number, unit: unit.code });
                    return (
                      <Table.Cell
                        key={unit.id}
                        className={`cell cell--status-${cell.status} cell--state-${cell.state}${cell.overdue ? " cell--overdue" : ""}`}
                      >
                        {unit.consolidated ? (
                          <RouterLink
                            className="cell__link"
                            to="/rounds/$roundId/requirements/$requirementId"
                            params={{
                              roundId: String(data.round.id),
                              requirementId: String(row.requirement.id),
                            }}
                          >
                            <span className="visually-hidden">{label}</span>
                            <CellContent cell={cell} />
                          </RouterLink>
                        ) : (
                          <RouterLink
                            className="cell__link"
                            to="/answers/$answerId"
                            params={{ answerId: String(cell.answerId) }}
                          >
                            <span className="visually-hidden">{label}</span>
                            <CellContent cell={cell} />
                          </RouterLink>
                        )}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          ))}
        </Table>
      </ScrollRegion>
      {sections.count === 0 && <Paragraph>{t("rounds.filterEmpty")}</Paragraph>}
    </section>
  );
}

function Legend() {
  const { t } = useLocale();
  const statusKeys: AnswerStatus[] = [...answerStatuses];
  const stateKeys: AnswerState[] = [...answerStates];
  return (
    <details className="legend">
      <summary>{t("rounds.legend")}</summary>
      <div className="legend__body">
        <ul className="legend__list">
          {statusKeys.map((status) => (
            <li key={status} className={`legend__item cell--status-${status}`}>
              <span aria-hidden="true">{statusIcon[status]}</span> {t(`answers.status.${status}`)}
            </li>
          ))}
        </ul>
        <ul className="legend__list">
          {stateKeys.map((state) => (
            <li key={state} className={`legend__item cell--state-${state}`}>
              <span aria-hidden="true">{stateIcon[state]}</span> {t(`answers.state.${state}`)}:{" "}
              {t(`rounds.legendState.${state}`)}
            </li>
          ))}
          <li className="legend__item">
            <span aria-hidden="true">{returnedIcon}</span> {t("answers.returned")}:{" "}
            {t("rounds.legendReturned")}
          </li>
          <li className="legend__item">
            <span aria-hidden="true">{overdueIcon}</span> {t("answers.overdue")}: {t("rounds.legendOverdue")}
          </li>
        </ul>
      </div>
    </details>
  );
}

function UnitCounts({ data }: { data: RoundMatrix }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="unit-counts-heading">
      <Heading level={2} data-size="sm" id="unit-counts-heading">
        {t("rounds.perUnit")}
      </Heading>
      <ScrollRegion label={t("rounds.perUnit")}>
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("rounds.unit")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("rounds.total")}</Table.HeaderCell>
              {answerStates.map((state) => (
                <Table.HeaderCell key={state} scope="col">
                  {t(`answers.state.${state}`)}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col">{t("answers.returned")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("answers.overdue")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.units.map((unit) => (
              <Fragment key={unit.id}>
                <Table.Row>
                  <Table.HeaderCell scope="row">
                    {unit.name}
                    {unit.consolidated && ` (${t("rounds.consolidatedColumn")})`}
                  </Table.HeaderCell>
                  <Table.Cell>{unit.counts.total}</Table.Cell>
                  {answerStates.map((state) => (
                    <Table.Cell key={state}>{unit.counts.byState[state]}</Table.Cell>
                  ))}
                  <Table.Cell>{unit.counts.returned}</Table.Cell>
                  <Table.Cell>{unit.counts.overdue}</Table.Cell>
                </Table.Row>
              </Fragment>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </section>
  );
}
