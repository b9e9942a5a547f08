import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../shared/ConfirmDialog';

interface Question {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
}

/** Asks a yes/no question from async code (the import loop) and waits for the answer. */
export function useQuestion(): { ask: (q: Question) => Promise<boolean>; dialog: ReactNode } {
  const [question, setQuestion] = useState<Question | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);
  const ask = useCallback(
    (q: Question) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setQuestion(q);
      }),
    [],
  );
  const answer = (value: boolean) => {
    setQuestion(null);
    resolver.current?.(value);
    resolver.current = null;
  };
  const dialog = (
    <ConfirmDialog
      open={question !== null}
      title={question?.title ?? ''}
      confirmLabel={question?.confirm ?? ''}
      cancelLabel={question?.cancel ?? ''}
      onConfirm={() => answer(true)}
      onCancel={() => answer(false)}
    >
      <p>{question?.body}</p>
    </ConfirmDialog>
  );
  return { ask, dialog };
}
