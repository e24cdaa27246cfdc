import { Field, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { type ReactNode, type SelectHTMLAttributes, useId } from "react";

type SelectFieldProps = {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "multiple" | "size">;

/** A labelled select with optional help text and error, laid out like Designsystemet's Textfield. */
export function SelectField({ label, description, error, children, id, ...rest }: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <Field>
      <Label htmlFor={selectId}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select id={selectId} aria-invalid={error ? true : undefined} {...rest}>
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
