import { describe, expect, it } from "vitest";
import { slugOf, splitChapterNumber } from "./collect.ts";

describe("chapter titles and keys", () => {
  it("takes a leading number off a chapter title", () => {
    expect(splitChapterNumber("2.1 Styrke psykisk helsevern")).toEqual({
      number: "2.1",
      title: "Styrke psykisk helsevern",
    });
    expect(splitChapterNumber("3. Krav og rammer")).toEqual({ number: "3", title: "Krav og rammer" });
    expect(splitChapterNumber("Hovedmål 1: Styrke forskning")).toEqual({
      number: null,
      title: "Hovedmål 1: Styrke forskning",
    });
    expect(splitChapterNumber("2024")).toEqual({ number: null, title: "2024" });
  });

  it("makes short ASCII keys of Norwegian text", () => {
    expect(slugOf("Øvrige krav og rammer for 2024")).toBe("ovrige-krav-og-rammer-for-2024");
    expect(slugOf("Særskilte oppdrag – Åsgård")).toBe("saerskilte-oppdrag-asgard");
    expect(slugOf("HOD", 20)).toBe("hod");
    expect(slugOf(`${"a".repeat(30)} ${"b".repeat(40)}`, 35)).toBe(`${"a".repeat(30)}-bbbb`);
    expect(slugOf("???")).toBe("chapter");
  });
});
