import type { Unit } from "../../api/types.ts";

export type UnitChildren = Map<number | null, Unit[]>;

/** Children per parent id (null for the top level), sorted by name as people look for them. */
export function childrenByParent(units: readonly Unit[], locale: string): UnitChildren {
  const map: UnitChildren = new Map();
  for (const unit of units) {
    const siblings = map.get(unit.parentId) ?? [];
    siblings.push(unit);
    map.set(unit.parentId, siblings);
  }
  const collator = new Intl.Collator(locale);
  for (const siblings of map.values()) siblings.sort((a, b) => collator.compare(a.name, b.name));
  return map;
}

/** Every unit in depth-first tree order with its depth, for indented select lists. */
export function flattenTree(children: UnitChildren): { unit: Unit; depth: number }[] {
  const result: { unit: Unit; depth: number }[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const unit of children.get(parentId) ?? []) {
      result.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

/** The ids of a unit's ancestors, root first, read from its materialised path ("/1/2/7/"). */
export function ancestorIds(unit: Unit): number[] {
  return unit.path
    .split("/")
    .filter((part) => part !== "")
    .map(Number)
    .filter((id) => id !== unit.id);
}

export function isInSubtree(unit: Unit, root: Unit): boolean {
  return unit.path.startsWith(root.path);
}

/** Indentation for an <option>: select lists cannot nest, so depth is shown with spaces. */
export function indentLabel(label: string, depth: number): string {
  return `${"\u00a0\u00a0\u00a0".repeat(depth)}${label}`;
}
