import { Button, Details, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, Fragment, useMemo, useState } from "react";
import { isApiProblem } from "../../api/client.ts";
import {
  type Comparator,
  comparators,
  type Indicator,
  indicatorKeys,
  type Target,
  type TargetRule,
  useCreateTarget,
  useDeleteTarget,
  useTargets,
  useUpdateTarget,
} from "../../api/indicators.ts";
import type { Unit } from "../../api/types.ts";
import { fieldError, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { useFormBase } from "../../components/useFormBase.ts";
import { useLocale } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/nb.ts";
import { comparatorSigns, describeRule } from "../scorecard/format.ts";
import { IndicatorChangeProblem } from "./IndicatorForm.tsx";
import { indicatorFieldLabel } from "./labels.ts";

const editableKinds = ["threshold", "limits"] as const;
type EditableKind = (typeof editableKinds)[number];

const kindKey: Record<TargetRule["kind"], MessageKey> = {
  threshold: "indicators.targets.kind.threshold",
  limits: "indicators.targets.kind.limits",
  baseline_change_with_floor: "indicators.targets.kind.baseline_change_with_floor",
  better_than_last_year: "indicators.targets.kind.better_than_last_year",
  change_vs_baseline: "indicators.targets.kind.change_vs_baseline",
  yearly_steps: "indicators.targets.kind.yearly_steps",
};

const comparatorKey: Record<Comparator, MessageKey> = {
  gte: "indicators.targets.comparator.gte",
  gt: "indicators.targets.comparator.gt",
  lte: "indicators.targets.comparator.lte",
  lt: "indicators.targets.comparator.lt",
};

/**
 * Saving starts the form again from the saved version, which resets the mutation; a mutation's
 * own onSuccess callback would be dropped by that reset, so the forms wait on the promise instead.
 * Errors stay in the mutation's state and show in the form.
 */
const ignore = () => undefined;

function isEditable(rule: TargetRule): rule is Extract<TargetRule, { kind: EditableKind }> {
  return rule.kind === "threshold" || rule.kind === "limits";
}

function parseNumber(text: string): number {
  const trimmed = text.trim().replace(",", ".").replace(/\s/g, "");
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

type TargetDraft = {
  kind: EditableKind;
  year: string;
  unitId: string;
  comparator: Comparator;
  value: string;
  greenLimit: string;
  yellowLimit: string;
  note: string;
};

function draftOf(target: Target | null, indicator: Indicator): TargetDraft {
  const rule = target?.rule;
  return {
    kind: rule?.kind === "limits" ? "limits" : "threshold",
    year: target?.year === null || target === null ? "" : String(target.year),
    unitId: target?.unitId ? String(target.unitId) : "",
    comparator:
      rule?.kind === "threshold" ? rule.comparator : indicator.direction === "higher" ? "gte" : "lte",
    value: rule?.kind === "threshold" ? String(rule.value) : "",
    greenLimit: rule?.kind === "limits" ? String(rule.greenLimit) : "",
    yellowLimit: rule?.kind === "limits" ? String(rule.yellowLimit) : "",
    note: target?.note ?? "",
  };
}

function sameDraft(a: TargetDraft, b: TargetDraft) {
  return (Object.keys(a) as (keyof TargetDraft)[]).every((key) => a[key] === b[key]);
}

function isTarget(value: unknown): value is Target {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === "number" &&
    typeof candidate.indicatorId === "number" &&
    typeof candidate.version === "number" &&
    typeof candidate.rule === "object" &&
    candidate.rule !== null
  );
}

/** What the form edits: a target at a version, or (adding one) nothing, which never changes. */
type Edited = { id: number; version: number; target: Target | null };
const adding: Edited = { id: 0, version: 0, target: null };
const editedOf = (target: Target): Edited => ({ id: target.id, version: target.version, target });

/** Local checks that need no server: numbers typed as numbers. The server checks the rest. */
function ruleOf(draft: TargetDraft): { rule: TargetRule } | { problem: { field: string; key: MessageKey } } {
  if (draft.kind === "threshold") {
    const value = parseNumber(draft.value);
    if (!Number.isFinite(value)) return { problem: { field: "value", key: "indicators.targets.needNumber" } };
    return { rule: { kind: "threshold", comparator: draft.comparator, value } };
  }
  const greenLimit = parseNumber(draft.greenLimit);
  const yellowLimit = parseNumber(draft.yellowLimit);
  if (!Number.isFinite(greenLimit))
    return { problem: { field: "greenLimit", key: "indicators.targets.needNumber" } };
  if (!Number.isFinite(yellowLimit))
    return { problem: { field: "yellowLimit", key: "indicators.targets.needNumber" } };
  return { rule: { kind: "limits", greenLimit, yellowLimit } };
}

type TargetFormProps = {
  indicator: Indicator;
  units: readonly Unit[];
  target: Target | null;
  onDone: (message: string) => void;
};

/** Sets a threshold (≥ 70 %) or two limits (green 20 %, yellow 13 %); year and unit only when new. */
function TargetForm({ indicator, units, target, onDone }: TargetFormProps) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(target, indicator));
  const [localProblem, setLocalProblem] = useState<{ field: string; key: MessageKey } | null>(null);
  const create = useCreateTarget(indicator.id);
  const update = useUpdateTarget();
  const remove = useDeleteTarget();
  const mutation = target ? update : create;

  // The form edits the version it was filled from. A background refetch with a newer version
  // (someone else's change) refills it only while nothing is typed; typed changes stay, and
  // saving them shows the other person's version rather than losing either.
  const edited = useMemo(() => (target ? editedOf(target) : adding), [target]);
  const { base, restart } = useFormBase(
    edited,
    (from) => from.target !== null && !sameDraft(draft, draftOf(from.target, indicator)),
    (from) => {
      setDraft(draftOf(from.target, indicator));
      update.reset();
      remove.reset();
    },
  );

  const loadCurrent = () => {
    const failed = update.error ?? remove.error;
    const current = isApiProblem(failed) ? failed.body.current : null;
    if (isTarget(current)) {
      restart(editedOf(current));
      return;
    }
    // No version came along: read the targets again and start from this one, if it is still there.
    const id = base.id;
    const key = indicatorKeys.targets(indicator.id);
    void queryClient.invalidateQueries({ queryKey: key }).then(() => {
      const fresh = queryClient.getQueryData<Target[]>(key)?.find((each) => each.id === id);
      if (fresh) restart(editedOf(fresh));
    });
  };

  const set =
    <K extends keyof TargetDraft>(key: K) =>
    (value: TargetDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = ruleOf(draft);
    if ("problem" in result) {
      setLocalProblem(result.problem);
      return;
    }
    setLocalProblem(null);
    const note = draft.note.trim() === "" ? null : draft.note.trim();
    const edit = base.target;
    if (edit) {
      update.mutateAsync({ id: edit.id, version: edit.version, rule: result.rule, note }).then((saved) => {
        restart(editedOf(saved));
        onDone(t("indicators.targets.saved"));
      }, ignore);
    } else {
      const year = draft.year.trim() === "" ? null : Number(draft.year.trim());
      create
        .mutateAsync({
          year,
          unitId: draft.unitId === "" ? null : Number(draft.unitId),
          rule: result.rule,
          note,
        })
        .then(() => {
          setDraft(draftOf(null, indicator));
          onDone(t("indicators.targets.created"));
        }, ignore);
    }
  };

  const error = mutation.error ?? remove.error;
  const problemFor = (field: string) =>
    localProblem?.field === field ? t(localProblem.key) : fieldError(error, `rule.${field}`);
  const sign = indicator.direction === "higher" ? "≥" : "≤";

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      {!target && (
        <div className="form-grid">
          <Textfield
            label={t("indicators.targets.year")}
            description={t("indicators.targets.yearHelp")}
            inputMode="numeric"
            value={draft.year}
            onChange={(event) => set("year")(event.target.value)}
            error={fieldError(error, "year")}
          />
          <SelectField
            label={t("indicators.targets.unit")}
            description={t("indicators.targets.unitHelp")}
            value={draft.unitId}
            onChange={(event) => set("unitId")(event.target.value)}
            error={fieldError(error, "unitId")}
          >
            <option value="">{t("indicators.targets.general")}</option>
            {[...units]
              .filter((unit) => unit.active)
              .sort((a, b) => a.path.localeCompare(b.path))
              .map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {`${unit.code} – ${unit.name}`}
                </option>
              ))}
          </SelectField>
        </div>
      )}
      <SelectField
        label={t("indicators.targets.kind")}
        value={draft.kind}
        onChange={(event) => set("kind")(event.target.value as EditableKind)}
      >
        {editableKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(kindKey[kind])}
          </option>
        ))}
      </SelectField>
      {draft.kind === "threshold" ? (
        <div className="form-grid">
          <SelectField
            label={t("indicators.targets.comparator")}
            value={draft.comparator}
            onChange={(event) => set("comparator")(event.target.value as Comparator)}
          >
            {comparators.map((comparator) => (
              <option key={comparator} value={comparator}>
                {`${comparatorSigns[comparator]} ${t(comparatorKey[comparator])}`}
              </option>
            ))}
          </SelectField>
          <Textfield
            label={t("indicators.targets.value")}
            suffix={indicator.unitLabel}
            inputMode="decimal"
            value={draft.value}
            onChange={(event) => set("value")(event.target.value)}
            error={problemFor("value")}
          />
        </div>
      ) : (
        <div className="form-grid">
          <Textfield
            label={t("indicators.targets.greenLimit", { sign })}
            suffix={indicator.unitLabel}
            inputMode="decimal"
            value={draft.greenLimit}
            onChange={(event) => set("greenLimit")(event.target.value)}
            error={problemFor("greenLimit")}
          />
          <Textfield
            label={t("indicators.targets.yellowLimit", { sign })}
            suffix={indicator.unitLabel}
            inputMode="decimal"
            value={draft.yellowLimit}
            onChange={(event) => set("yellowLimit")(event.target.value)}
            error={problemFor("yellowLimit")}
          />
        </div>
      )}
      <Textfield
        label={t("indicators.targets.note")}
        value={draft.note}
        onChange={(event) => set("note")(event.target.value)}
        error={fieldError(error, "note")}
      />
      {isStale(error) ? (
        <IndicatorChangeProblem error={error} onLoadCurrent={target ? loadCurrent : undefined} />
      ) : (
        <ProblemAlert error={error} headingLevel={3} labelFor={indicatorFieldLabel(t)} />
      )}
      <div className="button-row">
        <Button type="submit" loading={mutation.isPending}>
          {target ? t("indicators.targets.save") : t("indicators.targets.add")}
        </Button>
        {target && (
          <Button
            type="button"
            variant="secondary"
            data-color="danger"
            loading={remove.isPending}
            onClick={() =>
              remove
                .mutateAsync({ id: base.id, version: base.version })
                .then(() => onDone(t("indicators.targets.deleted")), ignore)
            }
          >
            {t("indicators.targets.delete")}
          </Button>
        )}
      </div>
    </form>
  );
}

function isStale(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && error.code === "stale_version";
}

function TargetRow({
  target,
  indicator,
  units,
  mayEdit,
  onDone,
}: {
  target: Target;
  indicator: Indicator;
  units: readonly Unit[];
  mayEdit: boolean;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const unit = units.find((candidate) => candidate.id === target.unitId);
  const editable = mayEdit && isEditable(target.rule);
  const formId = `target-form-${target.id}`;
  return (
    <Fragment>
      <Table.Row>
        <Table.HeaderCell scope="row">
          {target.year === null ? t("indicators.targets.everyYear") : target.year}
        </Table.HeaderCell>
        <Table.Cell>{unit ? `${unit.code} – ${unit.name}` : t("indicators.targets.general")}</Table.Cell>
        <Table.Cell>{t(kindKey[target.rule.kind])}</Table.Cell>
        <Table.Cell>
          {describeRule(target.rule, {
            unitLabel: indicator.unitLabel,
            direction: indicator.direction,
            locale,
            t,
          })}
        </Table.Cell>
        <Table.Cell>{target.note ?? t("common.none")}</Table.Cell>
        {mayEdit && (
          <Table.Cell>
            {editable ? (
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                aria-expanded={open}
                aria-controls={formId}
                onClick={() => setOpen((current) => !current)}
              >
                <span aria-hidden="true">{open ? "▾" : "▸"}</span>
                {t("indicators.targets.edit")}
                <span className="sr-only">
                  {" "}
                  {t("indicators.targets.editWhich", {
                    year: target.year ?? t("indicators.targets.everyYear"),
                    unit: unit?.name ?? t("indicators.targets.general"),
                  })}
                </span>
              </Button>
            ) : (
              <span className="muted">{t("indicators.targets.readOnlyKind")}</span>
            )}
          </Table.Cell>
        )}
      </Table.Row>
      {editable && (
        <Table.Row id={formId} hidden={!open} className="scorecard-table__details">
          <Table.Cell colSpan={6}>
            {open && (
              <TargetForm
                indicator={indicator}
                units={units}
                target={target}
                onDone={(message) => {
                  setOpen(false);
                  onDone(message);
                }}
              />
            )}
          </Table.Cell>
        </Table.Row>
      )}
    </Fragment>
  );
}

/** The indicator's targets in words; thresholds and limits can be set and changed here. */
export function TargetsSection({
  indicator,
  units,
  mayEdit,
  onDone,
}: {
  indicator: Indicator;
  units: readonly Unit[];
  mayEdit: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const targets = useTargets(indicator.id);
  const list = [...(targets.data ?? [])].sort(
    (a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.unitId ?? 0) - (b.unitId ?? 0),
  );
  return (
    <section aria-labelledby="targets-heading" className="scorecard-section">
      <Heading level={2} data-size="sm" id="targets-heading">
        {t("indicators.targets.heading")}
      </Heading>
      <Paragraph data-size="sm" className="page-intro">
        {t("indicators.targets.intro")}
      </Paragraph>
      {targets.isError && <ProblemAlert error={targets.error} />}
      {targets.data && list.length === 0 && <Paragraph>{t("indicators.targets.none")}</Paragraph>}
      {list.length > 0 && (
        <ScrollRegion label={t("indicators.targets.heading")}>
          <Table border data-size="sm">
            <caption className="sr-only">{t("indicators.targets.heading")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("indicators.targets.year")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("indicators.targets.unit")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("indicators.targets.kind")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("indicators.targets.rule")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("indicators.targets.note")}</Table.HeaderCell>
                {mayEdit && (
                  <Table.HeaderCell scope="col">{t("indicators.targets.actions")}</Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.map((target) => (
                <TargetRow
                  key={target.id}
                  target={target}
                  indicator={indicator}
                  units={units}
                  mayEdit={mayEdit}
                  onDone={onDone}
                />
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {mayEdit && (
        <Details>
          <Details.Summary>{t("indicators.targets.new")}</Details.Summary>
          <Details.Content>
            <TargetForm indicator={indicator} units={units} target={null} onDone={onDone} />
          </Details.Content>
        </Details>
      )}
    </section>
  );
}
