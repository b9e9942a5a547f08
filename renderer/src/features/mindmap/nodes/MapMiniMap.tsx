import { useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import { Panel, useReactFlow } from '@xyflow/react';
import { boundsOf, NODE_STYLE, nodeSize, styleKey, type MapModel } from '@hoso/mindmap';
import { useViewportRedraw, type Viewport } from './useViewportRedraw';

const W = 200;
const H = 150;
const PAD = 6;

/**
 * The editor's minimap on a canvas, drawn from the map model in the node palette (NODE_STYLE):
 * React Flow's own MiniMap skips the nodes the far-zoom level of detail marks `hidden`, and its
 * 1 000 SVG rects each subscribe to the store. Click or drag to move the view there; wheel to zoom.
 */
export function MapMiniMap({ model, label }: { model: MapModel; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  // Screen-to-flow mapping of the last drawing, for the pointer handlers.
  const map = useRef({ scale: 1, x: 0, y: 0 });
  const draw = useMemo(() => {
    const bounds = boundsOf(model.nodes);
    const byColour = new Map<string, { x: number; y: number; width: number; height: number }[]>();
    for (const n of model.nodes) {
      const style = NODE_STYLE[styleKey(n)];
      const colour = style === NODE_STYLE.group ? style.fill : style.stroke;
      const list = byColour.get(colour) ?? [];
      list.push({ x: n.x, y: n.y, ...nodeSize(n) });
      byColour.set(colour, list);
    }
    return ({ transform, width, height }: Viewport) => {
      const canvas = ref.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== W * dpr) canvas.width = W * dpr;
      if (canvas.height !== H * dpr) canvas.height = H * dpr;
      const [tx, ty, z] = transform;
      const view = { x: -tx / z, y: -ty / z, width: width / z, height: height / z };
      const x0 = Math.min(bounds.x, view.x);
      const y0 = Math.min(bounds.y, view.y);
      const x1 = Math.max(bounds.x + bounds.width, view.x + view.width);
      const y1 = Math.max(bounds.y + bounds.height, view.y + view.height);
      const scale = Math.min((W - PAD * 2) / (x1 - x0 || 1), (H - PAD * 2) / (y1 - y0 || 1));
      const ox = (W - (x1 - x0) * scale) / 2 - x0 * scale;
      const oy = (H - (y1 - y0) * scale) / 2 - y0 * scale;
      map.current = { scale, x: ox, y: oy };
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, W, H);
      ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * ox, dpr * oy);
      for (const [colour, boxes] of byColour) {
        ctx.fillStyle = colour;
        for (const b of boxes) ctx.fillRect(b.x, b.y, b.width, b.height);
      }
      // Dim everything outside the view, and outline the view.
      ctx.beginPath();
      ctx.rect(x0 - W / scale, y0 - H / scale, x1 - x0 + (2 * W) / scale, y1 - y0 + (2 * H) / scale);
      ctx.rect(view.x, view.y, view.width, view.height);
      ctx.fillStyle = 'rgba(240, 240, 240, 0.6)';
      ctx.fill('evenodd');
      ctx.strokeStyle = '#5b6470';
      ctx.lineWidth = 1.5 / scale;
      ctx.strokeRect(view.x, view.y, view.width, view.height);
    };
  }, [model]);
  useViewportRedraw(draw);

  const moveTo = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const { scale, x, y } = map.current;
    void flow.setCenter((e.clientX - r.left - x) / scale, (e.clientY - r.top - y) / scale, {
      zoom: flow.getZoom(),
    });
  };
  return (
    <Panel position="bottom-right" className="mm-minimap nowheel nopan">
      <canvas
        ref={ref}
        style={{ width: W, height: H }}
        role="img"
        aria-label={label}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) moveTo(e);
        }}
        onWheel={(e: WheelEvent) => void flow.zoomTo(flow.getZoom() * (e.deltaY < 0 ? 1.2 : 1 / 1.2))}
      />
    </Panel>
  );
}
