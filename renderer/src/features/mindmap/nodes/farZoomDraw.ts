import { NODE_STYLE, type Scene, type SceneEdge, type SceneNode } from '@hoso/mindmap';

/**
 * The far-zoom level of detail: below FAR_ZOOM_ENTER the editor shows the whole map as one canvas
 * drawing of the export scene (`buildScene`, the same boxes, colours and edges the SVG/PDF exports
 * draw) instead of 1 000 DOM nodes and 1 500 SVG edges. Pure functions of a 2D context, so they
 * can be tested with a recording fake.
 *
 * Hysteresis: the canvas comes in below ENTER and leaves above LEAVE, so a wheel that jitters
 * around the threshold does not flip between the two renderings every frame.
 */
export const FAR_ZOOM_ENTER = 0.42;
export const FAR_ZOOM_LEAVE = 0.48;

/**
 * Big maps switch earlier: at 0.42–0.6 a 1 000-node map shows ~150 DOM nodes with text, edge
 * labels and thumbnails, and each zoom step re-rasterizes them (measured in the bench: frames of
 * 200–480 ms there). The canvas draws the same text down to MIN_TEXT_PX, so the picture stays.
 */
export const BIG_MAP_NODES = 300;
export function farZoomLevels(nodeCount: number): { enter: number; leave: number } {
  return nodeCount >= BIG_MAP_NODES
    ? { enter: 0.6, leave: 0.66 }
    : { enter: FAR_ZOOM_ENTER, leave: FAR_ZOOM_LEAVE };
}

/** Text smaller than this on screen is noise: titles appear when zooming in, details last. */
export const MIN_TEXT_PX = 6;

/** The DOM selection ring's hue (.mm-node.mm-selected); opaque and wider, to be seen at far zoom. */
export const SELECTION_RING = 'rgba(26, 95, 180, 0.85)';

const NODE_RADIUS = 6; // .mm-node border-radius, rx of the SVG export
const FRAME_RADIUS = 8; // .mm-group border-radius
const ARROW = 11; // arrowhead length in flow units (the DOM marker is 16 px at stroke width ~1.5)
const MIN_LINE_PX = 0.6; // lines never thinner than this on screen, or they vanish when zoomed out

/** React Flow's transform ([x, y, zoom]) plus the pane size in CSS pixels and the device pixel ratio. */
export interface FarView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  dpr: number;
}

export interface DrawStats {
  nodes: number;
  edges: number;
  texts: number;
}

/** The part of the map (in flow coordinates) the pane shows. */
function viewRect(v: FarView) {
  const x0 = -v.x / v.zoom;
  const y0 = -v.y / v.zoom;
  return { x0, y0, x1: x0 + v.width / v.zoom, y1: y0 + v.height / v.zoom };
}

function edgeVisible(e: SceneEdge, r: ReturnType<typeof viewRect>): boolean {
  return (
    Math.max(e.x1, e.x2) >= r.x0 &&
    Math.min(e.x1, e.x2) <= r.x1 &&
    Math.max(e.y1, e.y2) >= r.y0 &&
    Math.min(e.y1, e.y2) <= r.y1
  );
}

/**
 * The part of segment a→b inside rect r (Liang–Barsky), or null. Long edges are cut to the view
 * before stroking: Skia dashes a whole path before clipping it, and a dashed edge across a
 * 1 000-node map is hundreds of dashes, most of them off screen (measured: 50–90 ms a frame).
 */
export function clipSegment(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  r: { x0: number; y0: number; x1: number; y1: number },
): [number, number, number, number] | null {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - r.x0],
    [dx, r.x1 - x1],
    [-dy, y1 - r.y0],
    [dy, r.y1 - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy];
}

function nodeVisible(n: SceneNode, r: ReturnType<typeof viewRect>): boolean {
  return n.x + n.width >= r.x0 && n.x <= r.x1 && n.y + n.height >= r.y0 && n.y <= r.y1;
}

function box(ctx: CanvasRenderingContext2D, n: SceneNode, radius: number, grow = 0): void {
  const [x, y, w, h] = [n.x - grow, n.y - grow, n.width + grow * 2, n.height + grow * 2];
  if (typeof ctx.roundRect === 'function') ctx.roundRect(x, y, w, h, radius + grow);
  else ctx.rect(x, y, w, h);
}

/** Draws the visible part of the scene: edges (batched per style), frames, nodes, selection, legible text. */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  v: FarView,
  selected: ReadonlySet<string>,
  fontFamily = 'sans-serif',
): DrawStats {
  const stats: DrawStats = { nodes: 0, edges: 0, texts: 0 };
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, v.width * v.dpr, v.height * v.dpr);
  ctx.setTransform(v.dpr * v.zoom, 0, 0, v.dpr * v.zoom, v.dpr * v.x, v.dpr * v.y);
  const r = viewRect(v);
  const minLine = MIN_LINE_PX / v.zoom;
  // Lines are cut a little outside the view, so their caps and dashes never show the cut.
  const m = 20 / v.zoom;
  const margin = { x0: r.x0 - m, y0: r.y0 - m, x1: r.x1 + m, y1: r.y1 + m };

  // Edges: one path per style (4 kinds), so 1 500 lines cost a handful of stroke calls.
  const byStyle = new Map<string, SceneEdge[]>();
  for (const e of scene.edges) {
    if (!edgeVisible(e, r)) continue;
    const key = `${e.color}|${e.width}|${e.dash}`;
    const list = byStyle.get(key);
    if (list) list.push(e);
    else byStyle.set(key, [e]);
    stats.edges++;
  }
  const arrows = ARROW * v.zoom >= 2;
  for (const list of byStyle.values()) {
    const { color, width, dash } = list[0];
    ctx.strokeStyle = color;
    // At most 1 CSS pixel wide: Skia draws such lines as hairlines, several times faster than
    // antialiased outlines, and 1 500 lines across the screen are the bulk of a far-zoom frame.
    ctx.lineWidth = Math.min(Math.max(width, minLine), 1 / v.zoom);
    // Dashes shorter than a few pixels read as a faint solid line anyway, and cost the most.
    ctx.setLineDash(dash && 7 * v.zoom >= 2.5 ? [7, 5] : []);
    // One stroke per line: a single path of 400 crossing lines makes Skia's scan converter walk
    // every line on every scanline (measured 15–37 ms a frame, against a few ms this way).
    for (const e of list) {
      const c = clipSegment(e.x1, e.y1, e.x2, e.y2, margin);
      if (!c) continue;
      ctx.beginPath();
      ctx.moveTo(c[0], c[1]);
      ctx.lineTo(c[2], c[3]);
      ctx.stroke();
    }
    if (!arrows) continue;
    ctx.beginPath();
    for (const e of list) {
      const len = Math.hypot(e.x2 - e.x1, e.y2 - e.y1) || 1;
      const ux = (e.x2 - e.x1) / len;
      const uy = (e.y2 - e.y1) / len;
      const bx = e.x2 - ux * ARROW;
      const by = e.y2 - uy * ARROW;
      ctx.moveTo(e.x2, e.y2);
      ctx.lineTo(bx - uy * ARROW * 0.45, by + ux * ARROW * 0.45);
      ctx.lineTo(bx + uy * ARROW * 0.45, by - ux * ARROW * 0.45);
      ctx.closePath();
    }
    ctx.fillStyle = color;
    ctx.fill();
  }

  // Frames behind, then nodes batched per style (the scene lists frames first already).
  const visible: SceneNode[] = [];
  const byNodeStyle = new Map<SceneNode['style'], SceneNode[]>();
  for (const n of scene.nodes) {
    if (!nodeVisible(n, r)) continue;
    visible.push(n);
    const list = byNodeStyle.get(n.style);
    if (list) list.push(n);
    else byNodeStyle.set(n.style, [n]);
    stats.nodes++;
  }
  const frames = byNodeStyle.get(NODE_STYLE.group);
  const order = [...(frames ? [[NODE_STYLE.group, frames] as const] : [])];
  for (const entry of byNodeStyle) if (entry[0] !== NODE_STYLE.group) order.push(entry);
  for (const [style, list] of order) {
    const frame = style === NODE_STYLE.group;
    ctx.beginPath();
    for (const n of list) box(ctx, n, frame ? FRAME_RADIUS : NODE_RADIUS);
    ctx.fillStyle = style.fill;
    ctx.fill();
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = Math.max(1.5, minLine);
    ctx.setLineDash(style.dash ? [6, 4] : []);
    ctx.stroke();
  }

  const ring = visible.filter((n) => selected.has(n.id));
  if (ring.length) {
    const w = Math.max(3, 3 / v.zoom);
    ctx.beginPath();
    for (const n of ring) box(ctx, n, NODE_RADIUS, w / 2);
    ctx.strokeStyle = SELECTION_RING;
    ctx.lineWidth = w;
    ctx.setLineDash([]);
    ctx.stroke();
  }

  // Text only where legible (titles first, as their size is the largest); fonts set only on change.
  const minSize = MIN_TEXT_PX / v.zoom;
  let font = '';
  for (const n of visible)
    for (const t of n.texts) {
      if (t.size < minSize) continue;
      const f = `${t.bold ? '700 ' : ''}${t.size}px ${fontFamily}`;
      if (f !== font) ctx.font = font = f;
      ctx.fillStyle = t.color;
      ctx.fillText(t.text, t.x, t.y, n.x + n.width - 8 - t.x);
      stats.texts++;
    }
  return stats;
}

/** The topmost node under a flow-coordinate point (nodes before the frames behind them). */
export function nodeAt(scene: Scene, x: number, y: number): string | undefined {
  for (let i = scene.nodes.length - 1; i >= 0; i--) {
    const n = scene.nodes[i];
    if (x >= n.x && x <= n.x + n.width && y >= n.y && y <= n.y + n.height) return n.id;
  }
  return undefined;
}
