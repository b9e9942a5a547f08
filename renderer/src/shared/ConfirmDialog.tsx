import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal question on the native <dialog> (focus trap, Esc to cancel and inert background for
 * free). The default button is the safe one unless `danger` is false.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Optional third choice (e.g. "Nhập lại" vs "Bỏ qua" vs "Hủy"). */
  altLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onAlt?: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      {props.children && <div className="confirm-body">{props.children}</div>}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} autoFocus={props.danger}>
          {props.cancelLabel}
        </button>
        {props.altLabel && props.onAlt && (
          <button type="button" onClick={props.onAlt}>
            {props.altLabel}
          </button>
        )}
        <button
          type="button"
          className={props.danger ? 'danger' : 'primary'}
          onClick={props.onConfirm}
          autoFocus={!props.danger}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
