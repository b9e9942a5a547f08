import type { ReactNode } from 'react';

/**
 * One labelled control of a form: the caption in a span above the control (the layout every form
 * of the app gives `label > span`: form-grid, form-row, stack), so clicking the caption focuses the
 * control and the caption is its accessible name. `hint` is the muted line under the field. The
 * forms report errors once for the form (and mark the control with aria-invalid), so a field has no
 * error line of its own.
 */
export function FormField(props: {
  label: ReactNode;
  /** Layout only: grow, narrow, span-2… */
  className?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const field = (
    <label className={props.className}>
      <span>{props.label}</span>
      {props.children}
    </label>
  );
  if (!props.hint) return field;
  return (
    <>
      {field}
      <p className="muted">{props.hint}</p>
    </>
  );
}
