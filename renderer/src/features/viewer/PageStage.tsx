import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Box } from '@hoso/contracts';
import { boxFromCorners, displaySize, displayToFrame, type PageFrame } from '../../shared/pageFrame';
import { PageFrameView } from '../../shared/PageFrameView';
import { WordOverlay, type ViewWord } from './WordOverlay';
import { WordEditor } from './WordEditor';

export type Tool = 'text' | 'pan' | 'region';
export type Zoom = { mode: 'fit-width' } | { mode: 'fit-page' } | { mode: 'scale'; scale: number };

const PAD = 24;

/** Screen pixels per image pixel for a zoom setting in a viewport of the given size. */
export function scaleFor(zoom: Zoom, frame: PageFrame, viewport: { width: number; height: number }): number {
  const shown = displaySize(frame);
  const fitWidth = Math.max(0.02, (viewport.width - 2 * PAD) / shown.width);
  if (zoom.mode === 'fit-width') return fitWidth;
  if (zoom.mode === 'fit-page')
    return Math.max(0.02, Math.min(fitWidth, (viewport.height - 2 * PAD) / shown.height));
  return zoom.scale;
}

/**
 * The page on screen: image in its OCR frame, the selectable word layer, search hits, the
 * requested region, the user's region selection; pan by dragging, zoom via the parent.
 */
export function PageStage(props: {
  frame: PageFrame;
  src: string;
  alt: string;
  zoom: Zoom;
  onViewport: (size: { width: number; height: number }) => void;
  viewport: { width: number; height: number };
  tool: Tool;
  words: ViewWord[];
  overlay: boolean;
  lowConfidence: boolean;
  hits: ReadonlySet<number>;
  region?: Box;
  /** Boxes to redact on export, drawn opaque. */
  redactions?: Box[];
  selection: Box | null;
  onSelection: (box: Box | null) => void;
  selectionChrome?: React.ReactNode;
  onCorrect: (word: ViewWord, text: string) => void;
  labels: { lowConfWord: string; correct: string; correctHint: string };
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const drag = useRef<{
    kind: 'pan' | 'region';
    x: number;
    y: number;
    sl: number;
    st: number;
    start: [number, number];
  } | null>(null);
  const [draft, setDraft] = useState<Box | null>(null);
  const { frame: f, onViewport } = props;
  const s = scaleFor(props.zoom, f, props.viewport);
  const shown = displaySize(f);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) =>
      onViewport({ width: e.contentRect.width, height: e.contentRect.height }),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, [onViewport]);

  // Bring the first hit, or the requested region, into view once the page is laid out.
  const firstHit = props.hits.size ? Math.min(...props.hits) : -1;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const target = props.region ?? (firstHit >= 0 ? props.words[firstHit]?.box : undefined);
    const node = el.querySelector<HTMLElement>(props.region ? '.region-outline' : '.ocr-word.hit, .hit-box');
    if (node) node.scrollIntoView({ block: 'center', inline: 'center' });
    else if (target) el.scrollTo({ top: target[1] * s - el.clientHeight / 3 });
  }, [props.region, firstHit, props.words, s]);

  const toFrame = (e: ReactPointerEvent): [number, number] => {
    const rect = pageRef.current!.getBoundingClientRect();
    return displayToFrame(f, (e.clientX - rect.left) / s, (e.clientY - rect.top) / s);
  };

  function onPointerDown(e: ReactPointerEvent<HTMLDivElement>) {
    if (e.button !== 0 || editing !== null) return;
    const panning = props.tool === 'pan' || (props.tool === 'text' && !props.overlay);
    if (!panning && props.tool !== 'region') return;
    if ((e.target as HTMLElement).closest('.selection-chrome')) return;
    const el = scrollRef.current!;
    drag.current = {
      kind: panning ? 'pan' : 'region',
      x: e.clientX,
      y: e.clientY,
      sl: el.scrollLeft,
      st: el.scrollTop,
      start: toFrame(e),
    };
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  }
  function onPointerMove(e: ReactPointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d) return;
    if (d.kind === 'pan') {
      const el = scrollRef.current!;
      el.scrollLeft = d.sl - (e.clientX - d.x);
      el.scrollTop = d.st - (e.clientY - d.y);
    } else setDraft(boxFromCorners(f, d.start, toFrame(e)));
  }
  function onPointerUp() {
    const d = drag.current;
    drag.current = null;
    if (d?.kind === 'region') {
      // A click without a drag clears the selection; tiny boxes are accidental.
      props.onSelection(draft && draft[2] - draft[0] > 8 && draft[3] - draft[1] > 8 ? draft : null);
      setDraft(null);
    }
  }

  const rect = (b: Box) => ({
    left: b[0] * s,
    top: b[1] * s,
    width: (b[2] - b[0]) * s,
    height: (b[3] - b[1]) * s,
  });
  const shownSelection = draft ?? props.selection;
  const editWord = editing !== null ? props.words[editing] : undefined;

  return (
    <div
      ref={scrollRef}
      className={`page-stage tool-${props.tool}${props.tool === 'text' && !props.overlay ? ' tool-pan' : ''}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <div className="page-canvas" style={{ padding: PAD, width: shown.width * s + 2 * PAD }}>
        <div
          ref={pageRef}
          className="page-sheet"
          style={{ width: shown.width * s, height: shown.height * s }}
        >
          <PageFrameView frame={f} scale={s} src={props.src} alt={props.alt}>
            {props.overlay && (
              <WordOverlay
                words={props.words}
                scale={s}
                visible
                showLowConfidence={props.lowConfidence}
                hits={props.hits}
                lowConfidenceLabel={props.labels.lowConfWord}
                onWordClick={
                  props.tool === 'text'
                    ? (i) => {
                        // A click after selecting text is a selection, not a request to edit.
                        if (!window.getSelection()?.isCollapsed) return;
                        setEditing(i);
                      }
                    : undefined
                }
              />
            )}
            {!props.overlay &&
              [...props.hits].map((i) =>
                props.words[i] ? <div key={i} className="hit-box" style={rect(props.words[i].box)} /> : null,
              )}
            {props.region && <div className="region-outline" style={rect(props.region)} />}
            {props.redactions?.map((b, i) => (
              <div key={`r${i}`} className="export-redaction-box" style={rect(b)} />
            ))}
            {shownSelection && (
              <div className="region-selection" style={rect(shownSelection)}>
                {!draft && props.selectionChrome && (
                  <div className="selection-chrome">{props.selectionChrome}</div>
                )}
              </div>
            )}
            {editWord && (
              <WordEditor
                key={editing}
                word={editWord}
                scale={s}
                label={props.labels.correct}
                hint={props.labels.correctHint}
                onSave={(text) => {
                  setEditing(null);
                  if (text !== editWord.text) props.onCorrect(editWord, text);
                }}
                onCancel={() => setEditing(null)}
              />
            )}
          </PageFrameView>
        </div>
      </div>
    </div>
  );
}
