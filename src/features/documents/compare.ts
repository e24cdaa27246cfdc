// Comparing two documents (this tertial's report with the last one, a regenerated board case with
// the one sent out): section by section on the stable section keys, and inside a section block by
// block. Requirements are matched on their number and tables on their caption, so a changed
// answer shows as "changed" rather than as one removed and one added block; paragraphs and lists
// have no identity of their own and are matched as a longest common subsequence of their text.

import { canonicalJson } from "./canonical.ts";
import { markdownToPlainText } from "./markdown.ts";
import type { Block, DocumentContent, RequirementBlock, Section } from "./model.ts";
import type { BlockChange, DocumentComparison, SectionComparison } from "./schema.ts";

export type { BlockChange, ChangeKind, DocumentComparison, SectionComparison } from "./schema.ts";

/** Table numbers shift when a table is added earlier in the document; the caption's text does not. */
function captionWithoutNumber(caption: string): string {
  return caption.replace(/^\S+ \d+ /, "");
}

function identity(block: Block): string {
  switch (block.kind) {
    case "requirement":
      return `requirement:${block.number}`;
    case "table":
      return `table:${captionWithoutNumber(block.caption)}`;
    default:
      return `${block.kind}:${canonicalJson(block)}`;
  }
}

function shortLabel(text: string, length = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= length ? line : `${line.slice(0, length - 1)}…`;
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return markdownToPlainText(block.markdown);
    case "list":
      return block.items.map((item, index) => `${index + 1}. ${markdownToPlainText(item)}`).join("\n");
    case "table":
      return [block.caption, block.header.join(" | "), ...block.rows.map((row) => row.join(" | "))].join(
        "\n",
      );
    case "requirement": {
      const lines = [
        `${block.number} ${markdownToPlainText(block.text)}`,
        block.approval
          ? `Status: ${block.statusLabel} · ${block.approval.label}`
          : `Status: ${block.statusLabel}`,
        markdownToPlainText(block.answer),
      ];
      if (block.jointReport)
        lines.push(`${block.jointReport.label}: ${markdownToPlainText(block.jointReport.markdown)}`);
      for (const answer of block.unitAnswers) {
        lines.push(`${answer.unitName} – ${answer.statusLabel}: ${markdownToPlainText(answer.answer)}`);
      }
      return lines.join("\n");
    }
  }
}

function blockLabel(block: Block): string {
  switch (block.kind) {
    case "requirement":
      return block.number;
    case "table":
      return block.caption;
    case "list":
      return shortLabel(markdownToPlainText(block.items[0] ?? ""));
    case "paragraph":
      return shortLabel(markdownToPlainText(block.markdown));
  }
}

function requirementFields(before: RequirementBlock, after: RequirementBlock): string[] {
  const fields: string[] = [];
  if (before.text !== after.text) fields.push("text");
  if (before.status !== after.status) fields.push("status");
  if (before.answer !== after.answer) fields.push("answer");
  if (canonicalJson(before.approval) !== canonicalJson(after.approval)) fields.push("approval");
  if (canonicalJson(before.jointReport) !== canonicalJson(after.jointReport)) fields.push("jointReport");
  if (canonicalJson(before.unitAnswers) !== canonicalJson(after.unitAnswers)) fields.push("unitAnswers");
  return fields;
}

function changed(before: Block, after: Block): BlockChange {
  const change: BlockChange = {
    change: "changed",
    kind: after.kind,
    label: blockLabel(after),
    before: blockText(before),
    after: blockText(after),
  };
  if (before.kind === "requirement" && after.kind === "requirement") {
    change.fields = requirementFields(before, after);
  }
  return change;
}

const added = (block: Block): BlockChange => ({
  change: "added",
  kind: block.kind,
  label: blockLabel(block),
  before: null,
  after: blockText(block),
});

const removed = (block: Block): BlockChange => ({
  change: "removed",
  kind: block.kind,
  label: blockLabel(block),
  before: blockText(block),
  after: null,
});

/** Index pairs of the longest common subsequence of two key lists. */
function longestCommonSubsequence(before: string[], after: string[]): [number, number][] {
  const rows = before.length;
  const columns = after.length;
  const lengths: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      const below = lengths[i + 1] as number[];
      row[j] = before[i] === after[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (before[i] === after[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/** Blocks between two matches: same-kind blocks in order are one changed block, the rest added or removed. */
function gapChanges(before: Block[], after: Block[]): BlockChange[] {
  const changes: BlockChange[] = [];
  const unmatchedAfter = [...after];
  for (const old of before) {
    const index = unmatchedAfter.findIndex(
      (candidate) =>
        candidate.kind === old.kind && candidate.kind !== "requirement" && candidate.kind !== "table",
    );
    if (index >= 0) {
      const [replacement] = unmatchedAfter.splice(index, 1);
      if (replacement) changes.push(changed(old, replacement));
    } else {
      changes.push(removed(old));
    }
  }
  changes.push(...unmatchedAfter.map(added));
  return changes;
}

export function compareBlocks(before: Block[], after: Block[]): BlockChange[] {
  const pairs = longestCommonSubsequence(before.map(identity), after.map(identity));
  const changes: BlockChange[] = [];
  let previousBefore = 0;
  let previousAfter = 0;
  for (const [i, j] of [...pairs, [before.length, after.length] as [number, number]]) {
    changes.push(...gapChanges(before.slice(previousBefore, i), after.slice(previousAfter, j)));
    const old = before[i];
    const current = after[j];
    if (old && current && canonicalJson(old) !== canonicalJson(current)) changes.push(changed(old, current));
    previousBefore = i + 1;
    previousAfter = j + 1;
  }
  return changes;
}

function compareSection(before: Section | undefined, after: Section | undefined): SectionComparison {
  if (!before && after) {
    return {
      key: after.key,
      heading: after.heading,
      change: "added",
      headingBefore: null,
      blocks: after.blocks.map(added),
    };
  }
  if (before && !after) {
    return {
      key: before.key,
      heading: before.heading,
      change: "removed",
      headingBefore: before.heading,
      blocks: before.blocks.map(removed),
    };
  }
  const old = before as Section;
  const current = after as Section;
  const blocks = compareBlocks(old.blocks, current.blocks);
  const headingChanged = old.heading !== current.heading || old.level !== current.level;
  return {
    key: current.key,
    heading: current.heading,
    change: blocks.length > 0 || headingChanged ? "changed" : "unchanged",
    headingBefore: old.heading,
    blocks,
  };
}

/** Sections in the newer document's order, with removed ones where they stood in the older. */
function mergedKeys(before: Section[], after: Section[]): string[] {
  const keys = after.map((section) => section.key);
  const present = new Set(keys);
  let insertAt = 0;
  for (const section of before) {
    const at = keys.indexOf(section.key);
    if (at >= 0) {
      insertAt = at + 1;
    } else if (!present.has(section.key)) {
      keys.splice(insertAt, 0, section.key);
      present.add(section.key);
      insertAt++;
    }
  }
  return keys;
}

export function compareDocuments(before: DocumentContent, after: DocumentContent): DocumentComparison {
  const beforeByKey = new Map(before.sections.map((section) => [section.key, section]));
  const afterByKey = new Map(after.sections.map((section) => [section.key, section]));
  const sections = mergedKeys(before.sections, after.sections).map((key) =>
    compareSection(beforeByKey.get(key), afterByKey.get(key)),
  );
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const section of sections) counts[section.change]++;
  return {
    title: before.title === after.title ? null : { before: before.title, after: after.title },
    sections,
    counts,
  };
}
