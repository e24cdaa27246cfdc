// A list of rows edited in a form, each in its own numbered fieldset with a button that removes
// it, and a button that adds one: a group's members and a stakeholder's activities.

import { Button, Fieldset } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";

export function RepeatingRows<Row>({
  rows,
  onChange,
  empty,
  legend,
  removeLabel,
  addLabel,
  renderRow,
}: {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  empty: () => Row;
  legend: (number: number) => string;
  removeLabel: (number: number) => string;
  addLabel: string;
  renderRow: (row: Row, index: number, change: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const changeAt = (index: number) => (patch: Partial<Row>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <>
      {rows.map((row, index) => (
        // A row has no id until saved; its place in the list is who it is here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fieldset key={index} className="register-row">
          <Fieldset.Legend>{legend(index + 1)}</Fieldset.Legend>
          {renderRow(row, index, changeAt(index))}
          <div>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              {removeLabel(index + 1)}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={() => onChange([...rows, empty()])}>
          {addLabel}
        </Button>
      </div>
    </>
  );
}
