import { Link as DsLink, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import type { MatrixCell, RoundMatrix } from "../../api/reporting.ts";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { CellContent } from "./CellContent.tsx";
import { Legend } from "./Legend.tsx";

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

/** The round's answers as requirements x units, chapter by chapter, with a filter. */
export function Matrix({ data }: { data: RoundMatrix }) {
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
  // The consolidated answer is the last column; it stays in view while the units scroll.
  const stickyEnd = (unitId: number) =>
    data.units.at(-1)?.id === unitId && data.units.at(-1)?.consolidated ? " matrix__end" : "";

  return (
    <section aria-labelledby="matrix-heading" className="round-matrix">
      <Heading level={2} data-size="sm" id="matrix-heading">
        {t("rounds.matrixHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("rounds.matrixIntro")}</Paragraph>
      <p className="round-downloads">
        <DsLink href={`/api/rounds/${data.round.id}/matrix.xlsx?asOf=${data.asOf}`} download>
          <span aria-hidden="true">⤓</span> {t("rounds.downloadMatrix")}
        </DsLink>
      </p>
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
        <Table
          className={`matrix matrix--sticky${data.units.length <= 3 ? " matrix--few" : ""}`}
          data-size="sm"
        >
          <caption className="visually-hidden">{t("rounds.matrixCaption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" className="matrix__start">
                {t("rounds.requirementColumn")}
              </Table.HeaderCell>
              {data.units.map((unit) => (
                <Table.HeaderCell key={unit.id} scope="col" className={`matrix__unit${stickyEnd(unit.id)}`}>
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
                  <span className="matrix__chapter-title">{chapter.title}</span>
                </Table.HeaderCell>
              </Table.Row>
              {chapter.rows.map((row) => (
                <Table.Row key={row.requirement.id}>
                  <Table.HeaderCell scope="row" className="matrix__requirement matrix__start">
                    <span className="matrix__number">{row.requirement.number}</span>
                    <span className="matrix__excerpt">{row.requirement.text}</span>
                  </Table.HeaderCell>
                  {data.units.map((unit) => {
                    const cell = row.cells[String(unit.id)];
                    if (!cell) {
                      return (
                        <Table.Cell key={unit.id} className={`cell cell--none${stickyEnd(unit.id)}`}>
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">{t("rounds.notApplicable")}</span>
                        </Table.Cell>
                      );
                    }
                    const label = t("rounds.cellLabel", { number: row.requirement.number, unit: unit.code });
                    return (
                      <Table.Cell
                        key={unit.id}
                        className={`cell cell--status-${cell.status} cell--state-${cell.state}${cell.overdue ? " cell--overdue" : ""}${stickyEnd(unit.id)}`}
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
