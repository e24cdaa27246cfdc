import type { Comparator, Indicator, Target, TargetRule } from "../../api/indicators.ts";
import type { MessageKey } from "../../i18n/nb.ts";

// The target form's draft, the rule kinds it can edit, and their names.

export const editableKinds = ["threshold", "limits"] as const;
export type EditableKind = (typeof editableKinds)[number];

export const kindKey: Record<TargetRule["kind"], MessageKey> = {
  threshold: "indicators.targets.kind.threshold",
  limits: "indicators.targets.kind.limits",
  baseline_change_with_floor: "indicators.targets.kind.baseline_change_with_floor",
  better_than_last_year: "indicators.targets.kind.better_than_last_year",
  change_vs_baseline: "indicators.targets.kind.change_vs_baseline",
  yearly_steps: "indicators.targets.kind.yearly_steps",
};

export const comparatorKey: Record<Comparator, MessageKey> = {
  gte: "indicators.targets.comparator.gte",
  gt: "indicators.targets.comparator.gt",
  lte: "indicators.targets.comparator.lte",
  lt: "indicators.targets.comparator.lt",
};

export function isEditable(rule: TargetRule): rule is Extract<TargetRule, { kind: EditableKind }> {
  return rule.kind === "threshold" || rule.kind === "limits";
}

function parseNumber(text: string): number {
  const trimmed = text.trim().replace(",", ".").replace(/\s/g, "");
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

export type TargetDraft = {
  kind: EditableKind;
  year: string;
  unitId: string;
  comparator: Comparator;
  value: string;
  greenLimit: string;
  yellowLimit: string;
  note: string;
};

export function draftOf(target: Target | null, indicator: Indicator): TargetDraft {
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

export function sameDraft(a: TargetDraft, b: TargetDraft) {
  return (Object.keys(a) as (keyof TargetDraft)[]).every((key) => a[key] === b[key]);
}

/** What the form edits: a target at a version, or (adding one) nothing, which never changes. */
export type Edited = { id: number; version: number; target: Target | null };
export const adding: Edited = { id: 0, version: 0, target: null };
export const editedOf = (target: Target): Edited => ({ id: target.id, version: target.version, target });

/** What the form sends for a new target (a change sends only the rule and the note). */
export function inputOf(draft: TargetDraft) {
  const result = ruleOf(draft);
  const year = draft.year.trim();
  const note = draft.note.trim();
  return {
    year: year === "" ? null : Number(year),
    unitId: draft.unitId === "" ? null : Number(draft.unitId),
    rule: "rule" in result ? result.rule : null,
    note: note === "" ? null : note,
  };
}

/** Local checks that need no server: numbers typed as numbers. The server checks the rest. */
export function ruleOf(
  draft: TargetDraft,
): { rule: TargetRule } | { problem: { field: string; key: MessageKey } } {
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
