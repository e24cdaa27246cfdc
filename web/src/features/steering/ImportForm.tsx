import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table } from "@digdir/designsystemet-react";
import { type FormEvent, useId, useRef, useState } from "react";
import { isApiProblem } from "../../api/client.ts";
import { type ImportResult, useImportRequirements } from "../../api/steering.ts";
import { LiveStatus } from "../../components/LiveStatus.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";

/** The server names columns in English ("applies to"); the user reads them in their language. */
function columnName(field: string, t: Translate): string {
  const key = `steering.import.col.${field.toLowerCase().replace(/[^a-z]+/g, "_")}`;
  return hasMessage(key) ? t(key) : field;
}

/**
 * Imports a requirement table (CSV or XLSX). "Check" runs the server's dry run; the import
 * itself checks the whole file again and writes all rows or none. Problems are listed by row
 * and column, so that one round of corrections is enough.
 */
export function ImportForm({ documentId }: { documentId: number }) {
  const { t } = useLocale();
  const importer = useImportRequirements(documentId);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fileId = useId();

  const run = (dryRun: boolean) => {
    setResult(null);
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    importer.mutate(
      { file, dryRun },
      {
        onSuccess: (answer) => {
          setResult(answer);
          if (!answer.dryRun) {
            setFile(null);
            if (input.current) input.current.value = "";
          }
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(false);
  };

  const error = importer.error;
  const rowProblems = isApiProblem(error)
    ? error.problems.filter((problem) => problem.row !== undefined)
    : [];
  const message = result
    ? result.dryRun
      ? t("steering.import.checked", { count: result.checked })
      : t("steering.import.done", { count: result.imported, chapters: result.chaptersCreated.length })
    : null;

  return (
    <form onSubmit={submit} className="form-stack form-stack--wide" noValidate>
      <Paragraph data-size="sm">{t("steering.import.intro")}</Paragraph>
      <Field>
        <Label htmlFor={fileId}>{t("steering.import.file")}</Label>
        <Field.Description>{t("steering.import.fileHelp")}</Field.Description>
        <Input
          id={fileId}
          ref={input}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={missing || undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setMissing(false);
            setResult(null);
            importer.reset();
          }}
        />
        {missing && <p className="field-error">{t("steering.import.chooseFile")}</p>}
      </Field>
      <div className="button-row">
        <Button type="button" variant="secondary" onClick={() => run(true)} loading={importer.isPending}>
          {t("steering.import.check")}
        </Button>
        <Button type="submit" loading={importer.isPending}>
          {t("steering.import.submit")}
        </Button>
      </div>
      <LiveStatus message={message} />
      {rowProblems.length > 0 ? (
        <Alert data-color="danger" role="alert" className="import-problems">
          <Heading level={4} data-size="xs">
            {t("steering.import.problemsTitle", { count: rowProblems.length })}
          </Heading>
          <Paragraph data-size="sm">{t("steering.import.nothingImported")}</Paragraph>
          <ScrollRegion label={t("steering.import.problemsTable")}>
            <Table data-size="sm" border>
              <caption className="visually-hidden">{t("steering.import.problemsTable")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("steering.import.row")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("steering.import.column")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("steering.import.reason")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rowProblems.map((problem) => (
                  <Table.Row key={`${problem.row}:${problem.field}:${problem.message}`}>
                    <Table.Cell>{problem.row}</Table.Cell>
                    <Table.Cell>{columnName(problem.field, t)}</Table.Cell>
                    <Table.Cell>{problem.message}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </Alert>
      ) : (
        <ProblemAlert error={error} headingLevel={4} />
      )}
    </form>
  );
}
