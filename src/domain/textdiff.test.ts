import { describe, expect, it } from "vitest";
import {
  type DiffPart,
  diffLines,
  diffStats,
  diffTokens,
  diffWords,
  splitLines,
  splitWords,
} from "./textdiff.ts";

const beforeOf = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== "insert")
    .map((p) => p.text)
    .join("");
const afterOf = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== "delete")
    .map((p) => p.text)
    .join("");

// Length of a longest common subsequence, by the textbook table, to check that the diff is minimal.
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] as number[];
      const above = table[i - 1] as number[];
      row[j] =
        a[i - 1] === b[j - 1]
          ? (above[j - 1] as number) + 1
          : Math.max(above[j] as number, row[j - 1] as number);
    }
  }
  return (table[a.length] as number[])[b.length] as number;
}

// A small deterministic generator, so that a failing case can be replayed.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe("splitting", () => {
  it("keeps line breaks with their lines", () => {
    expect(splitLines("a\nb\n\nc")).toEqual(["a\n", "b\n", "\n", "c"]);
    expect(splitLines("")).toEqual([]);
  });

  it("keeps words, spaces and line breaks apart, losing nothing", () => {
    const text = "Kravet er  delvis\ninnfridd.\n\n- punkt";
    expect(splitWords(text)).toEqual([
      "Kravet",
      " ",
      "er",
      "  ",
      "delvis",
      "\n",
      "innfridd.",
      "\n",
      "\n",
      "-",
      " ",
      "punkt",
    ]);
    expect(splitWords(text).join("")).toBe(text);
  });
});

describe("word diff", () => {
  it("shows a changed word as removed and added, the rest equal", () => {
    expect(diffWords("Alle helseforetak har tiltak", "Tre helseforetak har tiltak")).toEqual([
      { op: "delete", text: "Alle" },
      { op: "insert", text: "Tre" },
      { op: "equal", text: " helseforetak har tiltak" },
    ]);
  });

  it("is all equal for the same text and empty for two empty texts", () => {
    expect(diffWords("same text", "same text")).toEqual([{ op: "equal", text: "same text" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("is all inserted from nothing and all deleted to nothing", () => {
    expect(diffWords("", "new text")).toEqual([{ op: "insert", text: "new text" }]);
    expect(diffWords("old text", "")).toEqual([{ op: "delete", text: "old text" }]);
  });

  it("finds an insertion in the middle", () => {
    expect(diffWords("Kravet er innfridd.", "Kravet er delvis innfridd.")).toEqual([
      { op: "equal", text: "Kravet er " },
      { op: "insert", text: "delvis " },
      { op: "equal", text: "innfridd." },
    ]);
  });

  it("counts changed words, not spaces", () => {
    expect(diffStats(diffWords("a b c", "a x y c"))).toEqual({ inserted: 2, deleted: 1 });
  });
});

describe("line diff", () => {
  it("shows a changed line as removed and added", () => {
    expect(diffLines("one\ntwo\nthree\n", "one\n2\nthree\n")).toEqual([
      { op: "equal", text: "one\n" },
      { op: "delete", text: "two\n" },
      { op: "insert", text: "2\n" },
      { op: "equal", text: "three\n" },
    ]);
  });

  it("notices a line break added at the end", () => {
    const parts = diffLines("a\nb", "a\nb\n");
    expect(beforeOf(parts)).toBe("a\nb");
    expect(afterOf(parts)).toBe("a\nb\n");
  });
});

describe("diff properties on random token lists", () => {
  const next = random(2024);
  const alphabet = ["a", "b", "c", "d", " "];
  const randomList = () =>
    Array.from(
      { length: Math.floor(next() * 30) },
      () => alphabet[Math.floor(next() * alphabet.length)] as string,
    );

  it("rebuilds both sides and keeps a longest common subsequence, for 300 pairs", () => {
    for (let i = 0; i < 300; i++) {
      const a = randomList();
      const b = randomList();
      const parts = diffTokens(a, b);
      expect(beforeOf(parts)).toBe(a.join(""));
      expect(afterOf(parts)).toBe(b.join(""));
      // Minimal: the tokens kept equal are as many as a longest common subsequence.
      const kept = parts.filter((p) => p.op === "equal").reduce((sum, p) => sum + p.text.length, 0);
      expect(kept).toBe(lcsLength(a, b));
    }
  });
});

describe("long texts", () => {
  it("compares two 20 000-word texts with a few edits", () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `ord${i % 97}`);
    const changed = [...words];
    changed[100] = "endret";
    changed.splice(15_000, 0, "nytt");
    const parts = diffTokens(words, changed);
    expect(afterOf(parts)).toBe(changed.join(""));
  });

  it("stays bounded when two long texts have nothing in common", () => {
    const a = Array.from({ length: 5000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 5000 }, (_, i) => `b${i}`);
    const parts = diffTokens(a, b);
    expect(beforeOf(parts)).toBe(a.join(""));
    expect(afterOf(parts)).toBe(b.join(""));
  });
});
