import {
  Alert,
  Button,
  Card,
  Checkbox,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Table,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { isApiProblem } from "../../api/client.ts";
import { type ImportReport, useImportMeasurements } from "../../api/measurements.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";
import { useNumbers } from "../../i18n/numbers.ts";
import { useSignedInUser } from "../layout/signedInUser.tsx";
import "../scorecard/scorecard.css";
import { exampleCsv, exampleFileName } from "./exampleFile.ts";

const columns = ["indicator", "unit", "month", "numerator", "denominator"] as const;

function columnName(field: string, t: Translate) {
  const key = `import.column.${field}`;
  return hasMessage(key) ? t(key) : field;
}

function downloadExample() {
  const blob = new Blob([exampleCsv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = exampleFileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportPage() {
  const { t } = useLocale();
  const me = useSignedInUser();
  const importFile = useImportMeasurements();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [missingFile, setMissingFile] = useState(false);
  const fileId = useId();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    importFile.mutate({ file, dryRun });
  };

  // The result is announced by moving focus to its heading, so a keyboard or screen reader user
  // lands on what happened.
  const settled = importFile.isSuccess || importFile.isError;
  useEffect(() => {
    if (settled) resultHeading.current?.focus();
  }, [settled]);

  return (
    <div className="page import-page">
      <PageTitle>{t("import.title")}</PageTitle>
      <Paragraph className="page-intro">{t("import.intro")}</Paragraph>
      {!me.can.importMeasurements && <Alert data-color="info">{t("import.noAccess")}</Alert>}

      <div className="import-layout">
        <Card>
          <Heading level={2} data-size="sm">
            {t("import.formHeading")}
          </Heading>
          <form onSubmit={submit} className="form-stack" noValidate>
            <Field>
              <Label htmlFor={fileId}>{t("import.file")}</Label>
              <Field.Description>{t("import.fileHelp")}</Field.Description>
              <Input
                id={fileId}
                type="file"
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={missingFile ? true : undefined}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setMissingFile(false);
                  importFile.reset();
                }}
              />
              {missingFile && <ValidationMessage>{t("import.fileRequired")}</ValidationMessage>}
            </Field>
            <Checkbox
              label={t("import.dryRun")}
              description={t("import.dryRunHelp")}
              checked={dryRun}
              onChange={(event) => setDryRun(event.target.checked)}
            />
            <div>
              <Button type="submit" loading={importFile.isPending}>
                {dryRun ? t("import.submitDryRun") : t("import.submit")}
              </Button>
            </div>
          </form>
        </Card>
        <FormatHelp />
      </div>

      {settled && (
        <section aria-labelledby="import-result-heading" className="scorecard-section">
          <Heading
            level={2}
            data-size="sm"
            id="import-result-heading"
            ref={resultHeading}
            tabIndex={-1}
            className="page-title"
          >
            {t("import.resultHeading")}
          </Heading>
          {importFile.data && <ImportResult report={importFile.data} />}
          {importFile.error !== null && <ImportProblems error={importFile.error} />}
        </section>
      )}
    </div>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useLocale();
  const { formatNumber: number } = useNumbers();
  return (
    <>
      <Alert data-color={report.dryRun ? "info" : "success"}>
        <Heading level={3} data-size="xs">
          {report.dryRun
            ? t("import.result.dryRunTitle", { file: report.source })
            : t("import.result.doneTitle", { file: report.source })}
        </Heading>
        <Paragraph data-size="sm">
          {report.dryRun
            ? t("import.result.dryRunBody", { rows: report.rows, changed: report.changed })
            : t("import.result.doneBody", { rows: report.rows, changed: report.changed })}
        </Paragraph>
      </Alert>
      <dl className="facts import-counts">
        <dt>{t("import.result.rows")}</dt>
        <dd>{number(report.rows)}</dd>
        <dt>{t("import.result.changed")}</dt>
        <dd>{number(report.changed)}</dd>
        <dt>{t("import.result.inserted")}</dt>
        <dd>{number(report.inserted)}</dd>
        <dt>{t("import.result.updated")}</dt>
        <dd>{number(report.updated)}</dd>
        <dt>{t("import.result.unchanged")}</dt>
        <dd>{number(report.unchanged)}</dd>
      </dl>
      {report.ignoredColumns.length > 0 && (
        <Paragraph data-size="sm">
          {t("import.result.ignored", { columns: report.ignoredColumns.join(", ") })}
        </Paragraph>
      )}
      {report.changes.length > 0 && (
        <ScrollRegion label={t("import.result.changesCaption")}>
          <Table border data-size="sm" zebra>
            <caption>{t("import.result.changesCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("import.row")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("import.column.indicator")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("import.column.unit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("import.column.month")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("import.result.change")}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("import.result.before")}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("import.result.after")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {report.changes.map((change) => {
                const pair = (value: { numerator: number; denominator: number | null } | null) =>
                  value === null
                    ? t("common.none")
                    : value.denominator === null
                      ? number(value.numerator)
                      : `${number(value.numerator)} / ${number(value.denominator)}`;
                return (
                  <Table.Row key={change.row}>
                    <Table.HeaderCell scope="row">{change.row}</Table.HeaderCell>
                    <Table.Cell>{change.indicator}</Table.Cell>
                    <Table.Cell>{change.unit}</Table.Cell>
                    <Table.Cell>{change.month}</Table.Cell>
                    <Table.Cell>
                      {change.change === "new" ? t("import.result.new") : t("import.result.replaced")}
                    </Table.Cell>
                    <Table.Cell className="numeric">{pair(change.before)}</Table.Cell>
                    <Table.Cell className="numeric">{pair(change.after)}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {report.moreChanges > 0 && (
        <Paragraph data-size="sm">{t("import.result.moreChanges", { count: report.moreChanges })}</Paragraph>
      )}
    </>
  );
}

/** A refused file: nothing was written; each problem with its row, column and reason. */
function ImportProblems({ error }: { error: unknown }) {
  const { t } = useLocale();
  const rowProblems = isApiProblem(error)
    ? error.problems.filter((problem) => problem.row !== undefined)
    : [];
  if (!isApiProblem(error) || rowProblems.length === 0)
    return <ProblemAlert error={error} headingLevel={3} />;
  const count = typeof error.body.problemCount === "number" ? error.body.problemCount : rowProblems.length;
  const rows = typeof error.body.rows === "number" ? error.body.rows : null;
  return (
    <>
      <Alert data-color="danger">
        <Heading level={3} data-size="xs">
          {t("import.problems.title")}
        </Heading>
        <Paragraph data-size="sm">
          {t("import.problems.body", { count })}
          {rows !== null && ` ${t("import.problems.rows", { rows })}`}
        </Paragraph>
        {count > rowProblems.length && (
          <Paragraph data-size="sm">{t("import.problems.more", { shown: rowProblems.length })}</Paragraph>
        )}
      </Alert>
      <ScrollRegion label={t("import.problems.caption")}>
        <Table border data-size="sm" zebra className="import-problems">
          <caption>{t("import.problems.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("import.row")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("import.columnHeader")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("import.reason")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rowProblems.map((problem) => (
              <Table.Row key={`${problem.row}:${problem.field}:${problem.message}`}>
                <Table.HeaderCell scope="row">{problem.row}</Table.HeaderCell>
                <Table.Cell>{columnName(problem.field, t)}</Table.Cell>
                <Table.Cell>{problem.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </>
  );
}

function FormatHelp() {
  const { t } = useLocale();
  return (
    <Card className="import-help">
      <Heading level={2} data-size="sm">
        {t("import.format.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("import.format.intro")}</Paragraph>
      <Table data-size="sm" border>
        <caption className="sr-only">{t("import.format.caption")}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("import.format.column")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("import.format.content")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {columns.map((column) => (
            <Table.Row key={column}>
              <Table.HeaderCell scope="row">
                <code>{column}</code>
                <span className="cell-note">{t(`import.format.alias.${column}`)}</span>
              </Table.HeaderCell>
              <Table.Cell>{t(`import.format.explain.${column}`)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <ul className="guide-list">
        <li>{t("import.format.numbers")}</li>
        <li>{t("import.format.allOrNothing")}</li>
        <li>{t("import.format.corrections")}</li>
      </ul>
      <Paragraph data-size="sm">{t("import.format.exampleLabel")}</Paragraph>
      <pre className="command">{exampleCsv}</pre>
      <div>
        <Button type="button" variant="secondary" onClick={downloadExample}>
          <span aria-hidden="true">⤓</span>
          {t("import.format.download")}
        </Button>
      </div>
    </Card>
  );
}
