import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { isApiProblem } from "../api/client.ts";
import { hasMessage, type Translate, useT } from "../i18n/i18n.tsx";

/** A sentence in the user's language for an error, by the server's stable code. */
export function problemSummary(error: unknown, t: Translate): string {
  if (!isApiProblem(error)) return t("problem.other");
  const key = `problem.${error.code}`;
  return hasMessage(key) ? t(key) : t("problem.other");
}

/** The field's label in the user's language, so that "code" reads "Kode" in Norwegian. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `field.${field}`;
  return hasMessage(key) ? t(key) : field;
}

/** The server's message for one field, to show beside that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiProblem(error)) return undefined;
  return error.problems.find((problem) => problem.field === field)?.message;
}

/**
 * Shows a failed request: what went wrong in the user's language, the server's own explanation
 * (which names the unit or rule involved; the server words it in the page's language, see
 * src/problemReply.ts), and each rejected field by its label.
 */
export function ProblemAlert({
  error,
  headingLevel = 3,
  labelFor,
  messageFor,
}: {
  error: unknown;
  headingLevel?: 2 | 3 | 4;
  /** A page's own names for its fields, tried before the shared `field.*` ones. */
  labelFor?: (field: string) => string | undefined;
  /** A page's own wording of a field's problem in the user's language, tried before the server's. */
  messageFor?: (field: string) => string | undefined;
}) {
  const t = useT();
  if (!error) return null;
  const problems = isApiProblem(error) ? error.problems : [];
  // A validation failure's summary only repeats the field problems listed below; other errors
  // carry a detail that adds something (which unit, which rule).
  const summary = problemSummary(error, t);
  const showDetail = isApiProblem(error) && !["network", "validation_failed"].includes(error.code);
  const detail = showDetail && error.detail !== summary ? error.detail : null;
  return (
    <Alert data-color="danger" role="alert" className="problem-alert">
      <Heading level={headingLevel} data-size="xs">
        {summary}
      </Heading>
      {detail && <Paragraph data-size="sm">{detail}</Paragraph>}
      {problems.length > 0 && (
        <>
          <Paragraph data-size="sm">{t("problem.fieldsTitle")}</Paragraph>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                <strong>{labelFor?.(problem.field) ?? fieldLabel(problem.field, t)}</strong>:{" "}
                {messageFor?.(problem.field) ?? problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
