import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { guideSections } from "./guideSections.ts";

describe("guideSections", () => {
  const guide = [
    "# User guide",
    "",
    "Tertial carries the yearly",
    "steering cycle.",
    "",
    "## Roles",
    "",
    "You get roles",
    "on units.",
    "",
    "| role   | may  |",
    "| ------ | ---- |",
    "| reader | read |",
    "",
    "### Details",
    "",
    "- **add a unit** under one",
    "  they administer;",
    "- **edit** it",
    "",
    "```",
    "tertial import",
    "  measurements",
    "```",
    "",
  ].join("\n");

  it("splits at ## and ### headings and leaves out the guide's own title", () => {
    const { intro, sections } = guideSections(guide);
    expect(intro.trim()).toBe("Tertial carries the yearly steering cycle.");
    expect(sections.map((section) => [section.level, section.title])).toEqual([
      [2, "Roles"],
      [3, "Details"],
    ]);
  });

  it("joins the hard-wrapped lines of paragraphs and list items, but not tables or code", () => {
    const [roles, details] = guideSections(guide).sections;
    expect(roles?.text).toContain("You get roles on units.");
    expect(roles?.text).toContain("| role   | may  |\n| ------ | ---- |\n| reader | read |");
    expect(details?.text).toContain("- **add a unit** under one they administer;\n- **edit** it");
    expect(details?.text).toContain("```\ntertial import\n  measurements\n```");
  });

  it("finds the same sections in the English and the Norwegian guide", () => {
    const english = guideSections(readFileSync("docs/user-guide.md", "utf8")).sections;
    const norwegian = guideSections(readFileSync("docs/user-guide.nb.md", "utf8")).sections;
    expect(norwegian.map((section) => section.level)).toEqual(english.map((section) => section.level));
    expect(norwegian.length).toBeGreaterThan(5);
  });
});
