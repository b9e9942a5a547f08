import { useRef, useState } from 'react';
import type { Box } from '@hoso/contracts';
import { normalizeBox, type Mark } from '@hoso/domain';
import type { Tool } from '../state/keys';
import type { StageView } from '../state/stage';

export interface ToolHandlers {
  tool: Tool;
  color: string;
  view: StageView;
  step: number;
  onLaser: (point: [number, number] | null) => void;
  onStroke: (stroke: Mark | null) => void;
  onCommitStroke: (stroke: Mark) => void;
  onRedaction: (box: Box) => void;
  onCallout: (box: Box) => void;
  onView: (view: StageView) => void;
  onZoom: (factor: number, at: [number, number]) => void;
  /** A click without a drag (pan tool): opens a map's evidence node under it. */
  onTap?: (point: [number, number]) => void;
}

/**
 * Pointer input over the shown exhibit. Positions are normalized to the exhibit from the overlay's
 * own bounding box, which already includes the zoom transform, so they land in the same place on
 * every screen.
 */
export function ToolOverlay(h: ToolHandlers) {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{
    start: [number, number];
    client: [number, number];
    size: [number, number];
    view: StageView;
    stroke?: Mark;
  } | null>(null);
  const [box, setBox] = useState<Box | null>(null);

  const at = (e: React.PointerEvent | React.WheelEvent): [number, number] => {
    const r = ref.current!.getBoundingClientRect();
    return [clamp01((e.clientX - r.left) / r.width), clamp01((e.clientY - r.top) / r.height)];
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    ref.current?.setPointerCapture(e.pointerId);
    const p = at(e);
    const r = ref.current!.getBoundingClientRect();
    drag.current = { start: p, client: [e.clientX, e.clientY], size: [r.width, r.height], view: h.view };
    if (h.tool === 'pen' || h.tool === 'highlighter') {
      const stroke: Mark = {
        id: crypto.randomUUID(),
        tool: h.tool,
        color: h.color,
        width: h.tool === 'pen' ? 0.004 : 0.022,
        points: [p],
        step: h.step,
      };
      drag.current.stroke = stroke;
      h.onStroke(stroke);
    }
    if (h.tool === 'laser') h.onLaser(p);
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const p = at(e);
    const d = drag.current;
    if (h.tool === 'laser') {
      h.onLaser(p);
      return;
    }
    if (!d) return;
    if (d.stroke) {
      d.stroke = { ...d.stroke, points: [...d.stroke.points, p] };
      h.onStroke(d.stroke);
    } else if (h.tool === 'redact' || h.tool === 'callout') {
      setBox(normalizeBox([d.start[0], d.start[1], p[0], p[1]]));
    } else if (h.tool === 'pan' && d.view.zoom > 1) {
      // Dragging moves the page with the hand: the centre moves the other way.
      // Measured against the size at the start: the overlay itself moves while panning.
      const dx = (e.clientX - d.client[0]) / d.size[0];
      const dy = (e.clientY - d.client[1]) / d.size[1];
      h.onView({ zoom: d.view.zoom, cx: d.view.cx - dx, cy: d.view.cy - dy });
    }
  };

  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (d.stroke) {
      h.onStroke(null);
      h.onCommitStroke(d.stroke);
      return;
    }
    const p = at(e);
    const moved = Math.hypot(e.clientX - d.client[0], e.clientY - d.client[1]);
    if (h.tool === 'pan' && moved < 4) h.onTap?.(p);
    const b = normalizeBox([d.start[0], d.start[1], p[0], p[1]]);
    setBox(null);
    const big = b[2] - b[0] > 0.01 && b[3] - b[1] > 0.005;
    if (h.tool === 'redact' && big) h.onRedaction(b);
    if (h.tool === 'callout' && big) h.onCallout(b);
  };

  const onWheel = (e: React.WheelEvent) => {
    h.onZoom(e.deltaY < 0 ? 1.25 : 0.8, at(e));
  };

  return (
    <div
      ref={ref}
      className={`cr-tools cr-tool-${h.tool}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={() => h.tool === 'laser' && h.onLaser(null)}
      onWheel={onWheel}
    >
      {box && (
        <div
          className={`cr-rubber cr-rubber-${h.tool}`}
          style={{
            left: `${box[0] * 100}%`,
            top: `${box[1] * 100}%`,
            width: `${(box[2] - box[0]) * 100}%`,
            height: `${(box[3] - box[1]) * 100}%`,
          }}
        />
      )}
    </div>
  );
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
}
