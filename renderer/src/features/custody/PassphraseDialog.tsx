import { useEffect, useRef, useState } from 'react';

/** Asks for a passphrase in a modal <dialog>; resolves with it, or null when cancelled. */
export function PassphraseDialog(props: {
  prompt: string;
  labels: { ok: string; cancel: string; field: string };
  onDone: (value: string | null) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="passphrase-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onDone(null);
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (value) props.onDone(value.normalize('NFC'));
        }}
      >
        <h2 id="passphrase-title">{props.prompt}</h2>
        <label>
          <span>{props.labels.field}</span>
          <input type="password" autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={() => props.onDone(null)}>
            {props.labels.cancel}
          </button>
          <button type="submit" className="primary" disabled={!value}>
            {props.labels.ok}
          </button>
        </div>
      </form>
    </dialog>
  );
}
