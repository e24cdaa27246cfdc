import { Button, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useLocale } from "../../i18n/i18n.tsx";
import {
  changedFields,
  describeValue,
  fieldLabel,
  SHORT_LENGTH,
  shorten,
  type ValueContext,
} from "./auditChanges.ts";

/** A value in words; a long one shortened, with a button that shows all of it. */
function Value({ text }: { text: string }) {
  const { t } = useLocale();
  const [all, setAll] = useState(false);
  if (text.length <= SHORT_LENGTH) return <span className="audit-value">{text}</span>;
  return (
    <span className="audit-value">
      {all ? text : shorten(text)}{" "}
      <Button
        type="button"
        variant="tertiary"
        data-size="sm"
        aria-expanded={all}
        onClick={() => setAll(!all)}
      >
        {t(all ? "audit.showLess" : "audit.showAll")}
      </Button>
    </span>
  );
}

/** What an entry changed, field by field: the field in words, the value before and after. */
export function AuditChanges({
  before,
  after,
  caption,
  context,
}: {
  before: unknown;
  after: unknown;
  caption: string;
  context: Omit<ValueContext, "t" | "locale">;
}) {
  const { t, locale } = useLocale();
  const changes = changedFields(before, after);
  if (changes.length === 0) return <p className="audit-no-changes">{t("audit.noFieldChanges")}</p>;
  const words = { ...context, t, locale };
  const describe = (field: string, value: unknown) => describeValue(field, value, words);
  // A new row has nothing before, a removed one nothing after: that column is left out.
  const showBefore = changes.some((change) => change.before !== undefined);
  const showAfter = changes.some((change) => change.after !== undefined);
  return (
    <div className="audit-changes-box">
      <Table data-size="sm" className="audit-changes">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("audit.field")}</Table.HeaderCell>
            {showBefore && <Table.HeaderCell scope="col">{t("audit.before")}</Table.HeaderCell>}
            {showAfter && <Table.HeaderCell scope="col">{t("audit.after")}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {changes.map((change) => (
            <Table.Row key={change.field}>
              <Table.HeaderCell scope="row">
                {change.field ? fieldLabel(change.field, t) : t("audit.changes")}
              </Table.HeaderCell>
              {showBefore && (
                <Table.Cell>
                  <Value text={describe(change.field, change.before)} />
                </Table.Cell>
              )}
              {showAfter && (
                <Table.Cell>
                  <Value text={describe(change.field, change.after)} />
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
