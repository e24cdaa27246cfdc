import { Button, Checkbox, Details, Heading, Paragraph, Spinner, Tag } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import {
  type BlockChange,
  type ChangeKind,
  type SectionComparison,
  type StoredDocument,
  useDocumentComparison,
} from "../../api/documents.ts";
import { formatDateTime } from "../../components/dates.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { type Translate, useLocale } from "../../i18n/i18n.tsx";

const changeColours: Record<ChangeKind | "unchanged", "success" | "danger" | "warning" | "neutral"> = {
  added: "success",
  removed: "danger",
  changed: "warning",
  unchanged: "neutral",
};

function ChangeTag({ change, t }: { change: ChangeKind | "unchanged"; t: Translate }) {
  return (
    <Tag data-color={changeColours[change]} data-size="sm">
      {t(`documents.change.${change}`)}
    </Tag>
  );
}

const fieldKeys = ["text", "status", "answer", "jointReport", "unitAnswers", "approval"] as const;

function fieldName(field: string, t: Translate): string {
  return (fieldKeys as readonly string[]).includes(field)
    ? t(`documents.compare.field.${field as (typeof fieldKeys)[number]}`)
    : field;
}

function BlockChangeItem({ block, t }: { block: BlockChange; t: Translate }) {
  return (
    <li className="comparison-block">
      <div className="comparison-block__head">
        <ChangeTag change={block.change} t={t} />
        <span className="comparison-block__label">
          {block.kind === "requirement"
            ? t("documents.compare.requirement", { number: block.label })
            : block.label}
        </span>
        {block.fields && block.fields.length > 0 && (
          <span className="documents-table__meta">
            {t("documents.compare.fieldsChanged", {
              fields: block.fields.map((field) => fieldName(field, t)).join(", "),
            })}
          </span>
        )}
      </div>
      <Details>
        <Details.Summary>{t("documents.compare.showText")}</Details.Summary>
        <Details.Content>
          <div className="comparison-texts">
            <div>
              <Heading level={5} data-size="2xs">
                {t("documents.compare.before")}
              </Heading>
              <p className="comparison-text">{block.before ?? t("documents.compare.nothing")}</p>
            </div>
            <div>
              <Heading level={5} data-size="2xs">
                {t("documents.compare.after")}
              </Heading>
              <p className="comparison-text">{block.after ?? t("documents.compare.nothing")}</p>
            </div>
          </div>
        </Details.Content>
      </Details>
    </li>
  );
}

function SectionItem({ section, t }: { section: SectionComparison; t: Translate }) {
  return (
    <li className={`comparison-section comparison-section--${section.change}`}>
      <div className="comparison-block__head">
        <Heading level={4} data-size="2xs">
          {section.heading}
        </Heading>
        <ChangeTag change={section.change} t={t} />
      </div>
      {section.headingBefore !== null && section.headingBefore !== section.heading && (
        <Paragraph data-size="sm">
          {t("documents.compare.headingBefore", { heading: section.headingBefore })}
        </Paragraph>
      )}
      {section.blocks.length > 0 && (
        <ul className="comparison-blocks">
          {section.blocks.map((block, index) => (
            // Blocks have no id; their order in the comparison is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered.
            <BlockChangeItem key={index} block={block} t={t} />
          ))}
        </ul>
      )}
    </li>
  );
}

const documentLabel = (document: StoredDocument, locale: "nb" | "en") =>
  `${document.title} – ${formatDateTime(document.takenAt, locale)} (#${document.id})`;

/** Two stored documents side by side, section by section: what was added, removed or changed. */
export function CompareDocuments({ documents }: { documents: StoredDocument[] }) {
  const { t, locale } = useLocale();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const comparison = useDocumentComparison(pair);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to) return setFormProblem(t("documents.compare.chooseTwo"));
    if (from === to) return setFormProblem(t("documents.compare.sameDocument"));
    setFormProblem(null);
    setPair({ from: Number(from), to: Number(to) });
  };

  const result = comparison.data;
  const shown = result?.sections.filter((section) => showUnchanged || section.change !== "unchanged") ?? [];
  return (
    <>
      <form onSubmit={submit} className="form-stack" aria-labelledby="compare-heading" noValidate>
        <div className="documents-grid documents-grid--wide">
          <SelectField
            label={t("documents.compare.from")}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            error={formProblem && !from ? formProblem : undefined}
          >
            <option value="">{t("documents.compare.choose")}</option>
            {documents.map((document) => (
              <option key={document.id} value={String(document.id)}>
                {documentLabel(document, locale)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("documents.compare.to")}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            error={formProblem && (!to || from === to) ? formProblem : undefined}
          >
            <option value="">{t("documents.compare.choose")}</option>
            {documents.map((document) => (
              <option key={document.id} value={String(document.id)}>
                {documentLabel(document, locale)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="button-row">
          <Button type="submit" variant="secondary" loading={comparison.isFetching}>
            {t("documents.compare.submit")}
          </Button>
        </div>
      </form>

      <div role="status" aria-live="polite" className="result-count">
        {result &&
          t("documents.compare.counts", {
            changed: result.counts.changed,
            added: result.counts.added,
            removed: result.counts.removed,
            unchanged: result.counts.unchanged,
          })}
      </div>
      {pair && comparison.isPending && <Spinner aria-label={t("common.loading")} />}
      {comparison.isError && <ProblemAlert error={comparison.error} headingLevel={3} />}
      {result && (
        <section aria-labelledby="comparison-heading" className="comparison">
          <Heading level={3} data-size="xs" id="comparison-heading">
            {t("documents.compare.resultHeading", { from: result.from.title, to: result.to.title })}
          </Heading>
          {result.title && (
            <Paragraph data-size="sm">
              {t("documents.compare.titleChanged", {
                before: result.title.before,
                after: result.title.after,
              })}
            </Paragraph>
          )}
          <Checkbox
            label={t("documents.compare.showUnchanged")}
            checked={showUnchanged}
            onChange={(event) => setShowUnchanged(event.target.checked)}
          />
          {shown.length === 0 ? (
            <Paragraph>{t("documents.compare.noChanges")}</Paragraph>
          ) : (
            <ul className="comparison-sections">
              {shown.map((section) => (
                <SectionItem key={section.key} section={section} t={t} />
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
