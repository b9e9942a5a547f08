import { memo, type CSSProperties } from 'react';
import type { Box } from '@hoso/contracts';

/** A word as the viewer shows it: corrected text, box in frame pixels, address in the OcrPage. */
export interface ViewWord {
  text: string;
  box: Box;
  confidence: number;
  block: number;
  line: number;
  word: number;
  corrected: boolean;
}

/** Words below this confidence are shown with a warm tint so a reader checks them. */
export const LOW_CONFIDENCE = 70;

let measureCtx: CanvasRenderingContext2D | null = null;
const FONT = '"Noto Sans", "DejaVu Sans", Arial, sans-serif';
function textWidthAt100px(text: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * 55;
  measureCtx.font = `100px ${FONT}`;
  return measureCtx.measureText(text).width || 1;
}

/**
 * Invisible-but-selectable text laid exactly over the printed words: each word is a span whose
 * font size matches the box height and is stretched horizontally to the box width, so a drag
 * selection follows the page and copy gives the OCR text. Spaces between words are real text
 * nodes so copied lines read naturally.
 */
export const WordOverlay = memo(function WordOverlay(props: {
  words: ViewWord[];
  scale: number;
  visible: boolean;
  showLowConfidence: boolean;
  hits: ReadonlySet<number>;
  activeHit?: number;
  onWordClick?: (index: number) => void;
  lowConfidenceLabel: string;
}) {
  const { scale: s } = props;
  return (
    <div className={`word-layer${props.visible ? ' word-layer-on' : ''}`}>
      {props.words.map((w, i) => {
        const [x0, y0, x1, y1] = w.box;
        const h = Math.max(1, (y1 - y0) * s);
        const fontSize = h * 0.92;
        const natural = (textWidthAt100px(w.text) * fontSize) / 100;
        const style: CSSProperties = {
          left: x0 * s,
          top: y0 * s,
          height: h,
          fontSize,
          lineHeight: `${h}px`,
          transform: `scaleX(${((x1 - x0) * s) / natural})`,
        };
        const low = props.showLowConfidence && w.confidence < LOW_CONFIDENCE && !w.corrected;
        const cls = [
          'ocr-word',
          low && 'low',
          props.hits.has(i) && 'hit',
          props.activeHit === i && 'hit-active',
          w.corrected && 'corrected',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <span key={`${w.block}.${w.line}.${w.word}`}>
            <span
              className={cls}
              style={style}
              data-word={i}
              title={low ? `${props.lowConfidenceLabel} (${Math.round(w.confidence)}%)` : undefined}
              onClick={props.onWordClick ? () => props.onWordClick!(i) : undefined}
            >
              {w.text}
            </span>{' '}
          </span>
        );
      })}
    </div>
  );
});
