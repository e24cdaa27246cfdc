/**
 * A simple text diff for comparing versions of an answer: by line, or by word (words, spaces and
 * line breaks are separate tokens, so joining every part's text gives back the original).
 * Myers' O((N+M)·D) algorithm after trimming the common start and end, so long texts with a few
 * edits compare quickly.
 */

export type DiffPart = { op: "equal" | "insert" | "delete"; text: string };

/** Splits into lines, each keeping its line break, so that a change of the last line shows. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Splits into words, runs of spaces and single line breaks. */
export function splitWords(text: string): string[] {
  return text.match(/\n|[^\S\n]+|[^\s]+/g) ?? [];
}

export function diffLines(before: string, after: string): DiffPart[] {
  return diffTokens(splitLines(before), splitLines(after));
}

export function diffWords(before: string, after: string): DiffPart[] {
  return diffTokens(splitWords(before), splitWords(after));
}

// Beyond this many edits two texts are mostly different; the diff then shows the differing middle
// as removed and added as a whole, which keeps time and memory bounded for any input.
const maxEdits = 1000;

/** A shortest edit script between two token lists, with neighbouring parts of one kind merged. */
export function diffTokens(before: readonly string[], after: readonly string[]): DiffPart[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const parts: DiffPart[] = [];
  for (const token of before.slice(0, prefix)) parts.push({ op: "equal", text: token });
  const middle = myers(
    before.slice(prefix, before.length - suffix),
    after.slice(prefix, after.length - suffix),
  );
  parts.push(...middle);
  for (const token of before.slice(before.length - suffix)) parts.push({ op: "equal", text: token });
  return merge(parts);
}

/**
 * Myers' algorithm. Step d reaches diagonals -d..d (k = x - y); each step's frontier (the furthest
 * x on each diagonal) is kept, d² numbers in all, to walk the path back.
 */
function myers(before: readonly string[], after: readonly string[]): DiffPart[] {
  const n = before.length;
  const m = after.length;
  if (n === 0 || m === 0) {
    return [
      ...before.map((text) => ({ op: "delete" as const, text })),
      ...after.map((text) => ({ op: "insert" as const, text })),
    ];
  }
  // frontiers[d][k + d] = the furthest x on diagonal k after d edits.
  const frontiers: Int32Array[] = [];
  const furthest = (d: number, k: number) => (d < 0 ? 0 : ((frontiers[d] as Int32Array)[k + d] ?? 0));
  // Whether step d reached diagonal k by moving down (an insertion) from diagonal k + 1.
  const cameDown = (d: number, k: number) =>
    k === -d || (k !== d && furthest(d - 1, k - 1) < furthest(d - 1, k + 1));

  let last = -1;
  for (let d = 0; last < 0; d++) {
    if (d > maxEdits) return wholesale(before, after);
    const frontier = new Int32Array(2 * d + 1);
    frontiers.push(frontier);
    for (let k = -d; k <= d; k += 2) {
      let x = d === 0 ? 0 : cameDown(d, k) ? furthest(d - 1, k + 1) : furthest(d - 1, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && before[x] === after[y]) {
        x++;
        y++;
      }
      frontier[k + d] = x;
      if (x >= n && y >= m) {
        last = d;
        break;
      }
    }
  }

  const reversed: DiffPart[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const k = x - y;
    const down = cameDown(d, k);
    const previousK = down ? k + 1 : k - 1;
    const previousX = furthest(d - 1, previousK);
    const previousY = previousX - previousK;
    // The snake: equal tokens walked after the edit of this step.
    while (x > previousX && y > previousY) {
      x--;
      y--;
      reversed.push({ op: "equal", text: before[x] as string });
    }
    if (down) {
      y--;
      reversed.push({ op: "insert", text: after[y] as string });
    } else {
      x--;
      reversed.push({ op: "delete", text: before[x] as string });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    reversed.push({ op: "equal", text: before[x] as string });
  }
  return reversed.reverse();
}

function wholesale(before: readonly string[], after: readonly string[]): DiffPart[] {
  return [
    { op: "delete", text: before.join("") },
    { op: "insert", text: after.join("") },
  ];
}

function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.op === part.op) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** Counts of inserted and deleted tokens, for a one-line summary ("+12 -3 words"). */
export function diffStats(parts: readonly DiffPart[], split: (text: string) => string[] = splitWords) {
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    const count = split(part.text).filter((token) => token.trim() !== "").length;
    if (part.op === "insert") inserted += count;
    if (part.op === "delete") deleted += count;
  }
  return { inserted, deleted };
}
