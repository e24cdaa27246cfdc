// Parts the register sections share: a section with its heading, the refusal beside a form with
// each field named in the page's words, and a delete button that says what it deletes and asks first.

import { Button, Heading } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { hasMessage, type Translate, useLocale } from "../../i18n/i18n.tsx";

export function RegisterSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="register-section">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A field's label by the server's name for it ("members.1.role"), under the register's words. */
export function fieldNamer(register: string, t: Translate) {
  return (field: string): string | undefined => {
    const parts = field.split(".");
    const last = parts[parts.length - 1] ?? field;
    for (const key of [`registers.${register}.field.${field}`, `registers.${register}.field.${last}`]) {
      if (hasMessage(key)) return t(key);
    }
    const list =
      parts[0] === "members" ? "groups.member" : parts[0] === "activities" ? "stakeholders.activity" : null;
    const key = `registers.${list}.${last}`;
    const legend = `registers.${list}.legend`;
    if (list !== null && hasMessage(key) && hasMessage(legend))
      return `${t(legend, { number: Number(parts[1]) + 1 })}: ${t(key)}`;
    return undefined;
  };
}

export function FormProblems({ error, register }: { error: unknown; register: string }) {
  const { t } = useLocale();
  if (error === null || error === undefined) return null;
  return <ProblemAlert error={error} headingLevel={4} labelFor={fieldNamer(register, t)} />;
}

export const errorOf = (error: unknown) => (field: string) => fieldError(error, field);

/**
 * "Slett" asks once before it deletes: the first press shows the question with "Ja, slett" and
 * "Avbryt", and focus moves to the answer so a keyboard user hears the question.
 */
export function DeleteButton({
  name,
  onDelete,
  pending,
}: {
  name: string;
  onDelete: () => void;
  pending: boolean;
}) {
  const { t } = useLocale();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <Button
        type="button"
        variant="tertiary"
        data-size="sm"
        data-color="danger"
        aria-label={t("registers.deleteNamed", { name })}
        onClick={() => setAsking(true)}
      >
        {t("registers.delete")}
      </Button>
    );
  }
  return (
    <span className="register-confirm">
      <span>{t("registers.confirmDelete", { name })}</span>
      <Button
        ref={confirmRef}
        type="button"
        data-size="sm"
        data-color="danger"
        loading={pending}
        aria-label={t("registers.confirmDeleteNamed", { name })}
        onClick={onDelete}
      >
        {t("registers.confirmDeleteYes")}
      </Button>
      <Button type="button" variant="tertiary" data-size="sm" onClick={() => setAsking(false)}>
        {t("registers.cancel")}
      </Button>
    </span>
  );
}

/** A number as typed: text that is no number goes as it is, so the server names the field. */
export function numberValue(text: string): number | string {
  const trimmed = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** Person-months as a Norwegian or English reader writes them: 8, 0,5 / 0.5. */
export function months(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "nb-NO", { maximumFractionDigits: 2 }).format(
    value,
  );
}
