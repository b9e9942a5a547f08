import { useEffect, useRef, useState } from 'react';
import type { ViewWord } from './WordOverlay';

/** Inline correction of one OCR word, placed on the word itself. */
export function WordEditor(props: {
  word: ViewWord;
  scale: number;
  label: string;
  hint: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(props.word.text);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const [x0, y0, x1, y1] = props.word.box;
  const s = props.scale;
  const fontSize = Math.max(13, Math.min(28, (y1 - y0) * s * 0.8));
  return (
    <div
      className="word-editor"
      style={{ left: x0 * s - 4, top: y1 * s + 4 }}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <input
        ref={ref}
        aria-label={props.label}
        value={value}
        style={{ fontSize, minWidth: Math.max(80, (x1 - x0) * s + 24) }}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') props.onSave(value.normalize('NFC').trim());
          if (e.key === 'Escape') props.onCancel();
        }}
        onBlur={props.onCancel}
      />
      <span className="word-editor-hint">{props.hint}</span>
    </div>
  );
}
