// Parts the registers' edit forms share: a draft that follows the record until the user types, the
// refusal when someone else saved first (409) with a way to load their version, the "Endre" and
// "Slett" buttons of a record, the panel an edit form opens in, and the add and edit forms' shells.

import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { isApiProblem } from "../../api/client.ts";
import { type RegisterName, useAddToRegister, useChangeInRegister } from "../../api/programmeRegisters.ts";
import { useFormBase } from "../../components/useFormBase.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";
import { DeleteButton, FormProblems } from "./registerParts.tsx";

type Versioned = { id: number; version: number };

/**
 * A form's draft of a record, sent with the version it was filled from. A refetch with a newer
 * version refills the draft only while nothing is typed (see useFormBase), so typed changes are
 * never lost and saving them meets the server's stale-version check instead of overwriting.
 */
export function useRecordDraft<Record extends Versioned, Draft>(
  record: Record,
  toDraft: (record: Record) => Draft,
) {
  const [draft, setDraft] = useState(() => toDraft(record));
  const { base, restart } = useFormBase(
    record,
    (from) => JSON.stringify(toDraft(from)) !== JSON.stringify(draft),
    (from) => setDraft(toDraft(from)),
  );
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  return { draft, setDraft, change, base, restart };
}

export const isStale = (error: unknown) => isApiProblem(error) && error.code === "stale_version";

/**
 * The refusal of an edit form. When someone else saved first it says so plainly and offers their
 * version (the list is fetched again after every refusal, so `onLoadCurrent` has it).
 */
export function EditProblems({
  error,
  register,
  onLoadCurrent,
}: {
  error: unknown;
  register: string;
  onLoadCurrent: () => void;
}) {
  const { t } = useLocale();
  if (!isStale(error)) return <FormProblems error={error} register={register} />;
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={4} data-size="xs">
        {t("registers.stale.title")}
      </Heading>
      <Paragraph data-size="sm">{t("registers.stale.body")}</Paragraph>
      <Button type="button" variant="secondary" data-size="sm" onClick={onLoadCurrent}>
        {t("registers.stale.load")}
      </Button>
    </Alert>
  );
}

/** "Endre" opens the record's edit form (and says so to a screen reader); "Slett" asks first. */
export function RecordActions({
  name,
  editing,
  onEdit,
  onDelete,
  pending,
}: {
  name: string;
  editing: boolean;
  onEdit: () => void;
  onDelete: () => void;
  pending: boolean;
}) {
  const { t } = useLocale();
  return (
    <div className="register-record-actions">
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        aria-expanded={editing}
        aria-label={t("registers.editNamed", { name })}
        onClick={onEdit}
      >
        {t("registers.edit")}
      </Button>
      <DeleteButton name={name} onDelete={onDelete} pending={pending} />
    </div>
  );
}

/** Where an edit form opens: a titled region that takes focus, so the user lands in the form. */
export function EditPanel({ title, level, children }: { title: string; level: 3 | 4; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="register-edit" aria-labelledby={headingId}>
      <Heading level={level} data-size="2xs" id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** The buttons under an edit form: save, and cancel, which closes the form unsaved. */
export function EditButtons({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useLocale();
  return (
    <div className="register-actions">
      <Button type="submit" loading={pending}>
        {t("registers.save")}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t("registers.cancel")}
      </Button>
    </div>
  );
}

/** "Endre" and "Slett" under a record's card, and its edit form in a panel while open. */
export function CardEditing({
  name,
  title,
  onDelete,
  pending,
  onSaved,
  renderForm,
}: {
  name: string;
  title: string;
  /** Given to editors only; with it come "Endre" and "Slett". */
  onDelete?: () => void;
  pending: boolean;
  onSaved: (name: string) => void;
  renderForm: (close: { onDone: (name: string) => void; onCancel: () => void }) => ReactNode;
}) {
  const { t } = useLocale();
  const [editing, setEditing] = useState(false);
  return (
    <>
      {onDelete && (
        <RecordActions
          name={name}
          editing={editing}
          onEdit={() => setEditing((open) => !open)}
          onDelete={onDelete}
          pending={pending}
        />
      )}
      {editing && (
        <EditPanel level={4} title={t("registers.editTitle", { name: title })}>
          {renderForm({
            onCancel: () => setEditing(false),
            onDone: (saved) => {
              setEditing(false);
              onSaved(saved);
            },
          })}
        </EditPanel>
      )}
    </>
  );
}

/** What a register's fields get: the draft, a way to change part of it, and the refusal to show. */
export type FieldsProps<Draft> = {
  draft: Draft;
  change: (patch: Partial<Draft>) => void;
  error: unknown;
};

/** What a register's add and edit forms need to know about its rows and the draft of one. */
type RegisterFormParts<Row, Draft, New, Change, Extra> = {
  register: RegisterName;
  /** The draft a new row starts from. */
  emptyOf: (extra: Extra) => Draft;
  draftOf: (row: Row) => Draft;
  /** What the server takes, both when adding and when changing. */
  payloadOf: (draft: Draft) => New & Omit<Change, "version">;
  /** The row's name in the message after saving: the row made, or the draft saved. */
  nameOf: (named: Row | Draft) => string;
  addLabelKey: MessageKey;
  /** The fields, given the draft and, through `Extra`, whatever more they need (the risk list). */
  Fields: (props: FieldsProps<Draft> & Extra) => ReactNode;
};

type AddProps = { programmeId: number; onDone: (name: string) => void };
type EditProps<Row> = AddProps & { record: Row; onCancel: () => void };

/**
 * A register's add form and edit form. The edit form changes the row from the version read and,
 * when someone else saved first, offers their version.
 */
export function registerForms<
  Row extends Versioned,
  Draft,
  New,
  Change extends { version: number },
  Extra extends object = object,
>(parts: RegisterFormParts<Row, Draft, New, Change, Extra>) {
  const { register, Fields } = parts;

  function NewForm({ programmeId, onDone, ...rest }: AddProps & Extra) {
    // What is left of the props after the form's own is what the fields need.
    const extra = rest as unknown as Extra;
    const { t } = useLocale();
    const add = useAddToRegister<New, Row>(programmeId, register);
    const [draft, setDraft] = useState<Draft>(() => parts.emptyOf(extra));
    const submit = (event: React.FormEvent) => {
      event.preventDefault();
      add.mutate(parts.payloadOf(draft), { onSuccess: (made) => onDone(parts.nameOf(made)) });
    };
    return (
      <form className="register-form" onSubmit={submit} noValidate>
        <Fields
          {...extra}
          draft={draft}
          change={(patch) => setDraft((current) => ({ ...current, ...patch }))}
          error={add.error}
        />
        <div className="register-actions">
          <Button type="submit" loading={add.isPending}>
            {t(parts.addLabelKey)}
          </Button>
        </div>
        <FormProblems error={add.error} register={register} />
      </form>
    );
  }

  function EditForm({ programmeId, record, onDone, onCancel, ...rest }: EditProps<Row> & Extra) {
    const extra = rest as unknown as Extra;
    const save = useChangeInRegister<Omit<Change, "version"> & { version: number }>(programmeId, register);
    const { draft, change, base, restart } = useRecordDraft(record, parts.draftOf);
    const submit = (event: React.FormEvent) => {
      event.preventDefault();
      save.mutate(
        { ...parts.payloadOf(draft), id: base.id, version: base.version },
        { onSuccess: () => onDone(parts.nameOf(draft)) },
      );
    };
    return (
      <form className="register-form" onSubmit={submit} noValidate>
        <Fields {...extra} draft={draft} change={change} error={save.error} />
        <EditButtons pending={save.isPending} onCancel={onCancel} />
        <EditProblems
          error={save.error}
          register={register}
          onLoadCurrent={() => {
            save.reset();
            restart(record);
          }}
        />
      </form>
    );
  }

  return { NewForm, EditForm };
}
