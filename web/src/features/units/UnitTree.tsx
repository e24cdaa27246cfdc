import { Tag } from "@digdir/designsystemet-react";
import type { Unit } from "../../api/types.ts";
import { useT } from "../../i18n/i18n.tsx";
import type { UnitChildren } from "./unitTree.ts";

type UnitTreeProps = {
  tree: UnitChildren;
  expanded: ReadonlySet<number>;
  selectedId: number | null;
  onToggle: (id: number) => void;
  onSelect: (unit: Unit) => void;
  label: string;
};

/**
 * The organisation as nested lists of buttons: one to open or close a unit's sub-units
 * (aria-expanded), one to select the unit (aria-current). Plain lists and buttons work with Tab,
 * Enter and Space in every browser and screen reader, without a custom tree widget.
 */
export function UnitTree({ tree, expanded, selectedId, onToggle, onSelect, label }: UnitTreeProps) {
  return (
    <ul className="unit-tree" aria-label={label}>
      {(tree.get(null) ?? []).map((unit) => (
        <UnitTreeItem
          key={unit.id}
          unit={unit}
          tree={tree}
          expanded={expanded}
          selectedId={selectedId}
          onToggle={onToggle}
          onSelect={onSelect}
        />
      ))}
    </ul>
  );
}

type UnitTreeItemProps = Omit<UnitTreeProps, "label"> & { unit: Unit };

function UnitTreeItem({ unit, tree, expanded, selectedId, onToggle, onSelect }: UnitTreeItemProps) {
  const t = useT();
  const subUnits = tree.get(unit.id) ?? [];
  const isOpen = expanded.has(unit.id);
  const isSelected = unit.id === selectedId;
  const listId = `unit-children-${unit.id}`;
  return (
    <li>
      <div className="unit-tree__row">
        {subUnits.length > 0 ? (
          <button
            type="button"
            className="unit-tree__toggle"
            aria-expanded={isOpen}
            aria-controls={listId}
            aria-label={t("units.toggle", { name: unit.name })}
            onClick={() => onToggle(unit.id)}
          >
            <span aria-hidden="true">{isOpen ? "▾" : "▸"}</span>
          </button>
        ) : (
          <span className="unit-tree__spacer" />
        )}
        <button
          type="button"
          className="unit-tree__unit"
          aria-current={isSelected ? "true" : undefined}
          onClick={() => onSelect(unit)}
        >
          <span className="unit-tree__name">{unit.name}</span>
          <span className="unit-tree__meta">
            <span className="unit-tree__code">{unit.code}</span> · {t(`unitKind.${unit.kind}`)}
          </span>
          {!unit.active && (
            <Tag data-color="warning" data-size="sm">
              {t("units.inactive")}
            </Tag>
          )}
        </button>
      </div>
      {subUnits.length > 0 && (
        <ul id={listId} hidden={!isOpen}>
          {subUnits.map((child) => (
            <UnitTreeItem
              key={child.id}
              unit={child}
              tree={tree}
              expanded={expanded}
              selectedId={selectedId}
              onToggle={onToggle}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
