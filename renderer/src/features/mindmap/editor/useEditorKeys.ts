import { useEffect, useRef, type RefObject } from 'react';
import { isTyping } from '../../../shared/typing';

export interface EditorKeyActions {
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  cut(): void;
  selectAll(): void;
  find(): void;
  fit(): void;
}

/**
 * The editor's keyboard shortcuts (Delete/Backspace is React Flow's own). Active while the editor
 * is on screen; ignored while the user types in a field, so Ctrl+Z there undoes the text.
 */
export function useEditorKeys(_scope: RefObject<HTMLElement | null>, actions: EditorKeyActions): void {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        a.find();
        return;
      }
      if (isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      const run = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (mod && key === 'z' && !e.shiftKey) run(a.undo);
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) run(a.redo);
      else if (mod && key === 'c') run(a.copy);
      else if (mod && key === 'v') run(a.paste);
      else if (mod && key === 'x') run(a.cut);
      else if (mod && key === 'a') run(a.selectAll);
      else if (e.shiftKey && e.code === 'Digit1') run(a.fit);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
