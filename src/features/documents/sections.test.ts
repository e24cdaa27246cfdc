import { describe, expect, it } from "vitest";
import { numberSections } from "./build.ts";

describe("section numbers", () => {
  it("number top-level sections from 1 and the ones under them from .1, whatever the data's numbers", () => {
    const section = (key: string, level: 1 | 2) => ({ key, level, heading: key, blocks: [] });
    expect(
      numberSections([
        section("a", 1),
        section("b", 1),
        section("b1", 2),
        section("b2", 2),
        section("c", 1),
        section("c1", 2),
      ]).map((each) => each.number),
    ).toEqual(["1", "2", "2.1", "2.2", "3", "3.1"]);
    // A sub-section with no section above it is made a top-level one.
    expect(
      numberSections([section("x", 2), section("y", 2)]).map((each) => [each.number, each.level]),
    ).toEqual([
      ["1", 1],
      ["1.1", 2],
    ]);
  });
});

describe("the check for words broken in table cells", () => {
  it("finds a word the PDF shows split over two lines, and none when it is whole", async () => {
    const { brokenWords, wholeWordCount } = await import("./testing.ts");
    expect(wholeWordCount("Måloppnåelse og måloppnåelse", "Måloppnåelse")).toBe(1);
    expect(
      brokenWords("Måloppnåelse\nDenne perioden", "Målopp\nnåelse\nDenne perio\nden", [
        "Måloppnåelse",
        "perioden",
      ]),
    ).toEqual(["Måloppnåelse", "perioden"]);
    expect(brokenWords("Måloppnåelse", "Måloppnåelse", ["Måloppnåelse"])).toEqual([]);
  });
});
