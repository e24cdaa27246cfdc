import { describe, expect, it } from "vitest";
import type { Unit } from "../../api/types.ts";
import { ancestorIds, childrenByParent, flattenTree, indentLabel, isInSubtree } from "./unitTree.ts";

function unit(id: number, name: string, path: string): Unit {
  const ids = path.split("/").filter(Boolean).map(Number);
  return {
    id,
    code: `U${id}`,
    name,
    kind: "department",
    parentId: ids.length > 1 ? (ids.at(-2) ?? null) : null,
    path,
    validFrom: "2024-01-01",
    validTo: null,
    can: {
      manage: false,
      readAudit: false,
      importMeasurements: false,
      manageIndicators: false,
      publishScorecard: false,
      draftSteering: false,
      generateDocuments: false,
      editTemplates: false,
    },
    active: true,
    version: 1,
  };
}

// An owner with two health trusts, each with hospitals, given in no particular order.
const owner = unit(1, "Helse- og omsorgsdepartementet", "/1/");
const west = unit(2, "Helse Vest", "/1/2/");
const north = unit(3, "Helse Nord", "/1/3/");
const bergen = unit(20, "Haukeland", "/1/2/20/");
const stavanger = unit(21, "Stavanger", "/1/2/21/");
const tromso = unit(30, "Tromsø", "/1/3/30/");
const units = [tromso, stavanger, owner, north, bergen, west];

const names = (list: readonly Unit[] | undefined) => (list ?? []).map((each) => each.name);

describe("childrenByParent", () => {
  it("groups units under their parent, with the top level under null", () => {
    const children = childrenByParent(units, "nb-NO");
    expect(names(children.get(null))).toEqual(["Helse- og omsorgsdepartementet"]);
    expect(names(children.get(1))).toEqual(["Helse Nord", "Helse Vest"]);
    expect(names(children.get(2))).toEqual(["Haukeland", "Stavanger"]);
    expect(children.get(20)).toBeUndefined();
  });

  it("sorts siblings the Norwegian way: æ, ø and å after z, and 'Aa' read as 'Å'", () => {
    const siblings = ["Ålesund", "Østfold", "Aasen", "Zeta", "Ærø", "Bodø", "akershus"].map((name, index) =>
      unit(100 + index, name, `/1/${100 + index}/`),
    );
    const children = childrenByParent([owner, ...siblings], "nb-NO");
    // "Aasen" is read "Åsen", so it follows "Ålesund".
    expect(names(children.get(1))).toEqual([
      "akershus",
      "Bodø",
      "Zeta",
      "Ærø",
      "Østfold",
      "Ålesund",
      "Aasen",
    ]);
  });

  it("sorts by the reader's language: English puts å with a", () => {
    const siblings = ["Ålesund", "Bodø", "Arendal"].map((name, index) =>
      unit(100 + index, name, `/1/${100 + index}/`),
    );
    const children = childrenByParent([owner, ...siblings], "en-GB");
    expect(names(children.get(1))).toEqual(["Ålesund", "Arendal", "Bodø"]);
  });

  it("leaves the list it was given in its order", () => {
    const given = [...units];
    childrenByParent(given, "nb-NO");
    expect(given).toEqual(units);
  });

  it("gives an empty tree for no units", () => {
    expect(childrenByParent([], "nb-NO").size).toBe(0);
    expect(flattenTree(childrenByParent([], "nb-NO"))).toEqual([]);
  });
});

describe("flattenTree", () => {
  it("lists every unit depth first, each parent before its children, with its depth", () => {
    const rows = flattenTree(childrenByParent(units, "nb-NO"));
    expect(rows.map((row) => [row.unit.name, row.depth])).toEqual([
      ["Helse- og omsorgsdepartementet", 0],
      ["Helse Nord", 1],
      ["Tromsø", 2],
      ["Helse Vest", 1],
      ["Haukeland", 2],
      ["Stavanger", 2],
    ]);
  });

  it("lists several top-level units, each with its own subtree", () => {
    const other = unit(9, "Annen eier", "/9/");
    const otherChild = unit(90, "Avdeling", "/9/90/");
    const rows = flattenTree(childrenByParent([otherChild, other, owner, west], "nb-NO"));
    expect(rows.map((row) => row.unit.id)).toEqual([9, 90, 1, 2]);
  });
});

describe("ancestorIds", () => {
  it("reads the ancestors from the materialised path, root first, without the unit itself", () => {
    expect(ancestorIds(bergen)).toEqual([1, 2]);
  });

  it("gives none for a top-level unit", () => {
    expect(ancestorIds(owner)).toEqual([]);
  });
});

describe("isInSubtree", () => {
  it("counts a unit and everything below it as its subtree", () => {
    expect(isInSubtree(west, west)).toBe(true);
    expect(isInSubtree(bergen, west)).toBe(true);
    expect(isInSubtree(bergen, owner)).toBe(true);
  });

  it("leaves out siblings and ancestors", () => {
    expect(isInSubtree(tromso, west)).toBe(false);
    expect(isInSubtree(owner, west)).toBe(false);
  });

  it("does not mistake unit 20 for a child of unit 2 because its id starts the same", () => {
    const twenty = unit(20, "Tjue", "/1/20/");
    expect(isInSubtree(twenty, west)).toBe(false);
  });
});

describe("indentLabel", () => {
  it("indents by three no-break spaces a level, which select lists do not collapse", () => {
    expect(indentLabel("Haukeland", 0)).toBe("Haukeland");
    expect(indentLabel("Haukeland", 2)).toBe(`${"\u00a0".repeat(6)}Haukeland`);
  });
});
