import { type InputHTMLAttributes, useId } from "react";

type LoginFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: string;
  error?: string;
};

/**
 * A text field in the design system's own markup and classes. The login page is the first page
 * every visit loads; the design system's Field component would bring its web components
 * (85 kB) along, which only the pages behind the login need. Label, error and invalid state are
 * wired here as Field would wire them.
 */
export function LoginField({ label, error, ...input }: LoginFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id} data-weight="medium">
        {label}
      </label>
      <input
        {...input}
        id={id}
        className="ds-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <div className="ds-validation-message" id={errorId} data-color="danger">
          {error}
        </div>
      )}
    </div>
  );
}
