import {
  EDGE_KIND_LABEL,
  PERSON_ROLE_LABEL,
  formatEventDate,
  nodeDetails,
  nodeSize,
  nodeTitle,
  type EdgeKind,
  type MapModel,
  type MapNode,
} from './model';

/**
 * A drawing of the map as boxes, lines and text lines: the one description the SVG, PNG and PDF
 * exports all draw, so every export shows the same picture (and PDF text stays real text).
 */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** Rough DejaVu Sans advance widths; exports with a real font pass its own measure. */
export const approxMeasure: Measure = (text, size, bold) => text.length * size * (bold ? 0.62 : 0.56);

export interface NodeStyle {
  fill: string;
  stroke: string;
  ink: string;
  dash: boolean;
}

export const NODE_STYLE: Record<string, NodeStyle> = {
  person: { fill: '#eaf1fb', stroke: '#1a5fb4', ink: '#0f2f5a', dash: false },
  'person-victim': { fill: '#fdf0e8', stroke: '#c2571a', ink: '#5a260a', dash: false },
  'person-witness': { fill: '#eef6ee', stroke: '#3d7a3d', ink: '#1d3d1d', dash: false },
  event: { fill: '#fff6e0', stroke: '#b26a00', ink: '#4a2c00', dash: false },
  'evidence-for': { fill: '#ffffff', stroke: '#2e7d32', ink: '#1d232b', dash: false },
  'evidence-against': { fill: '#ffffff', stroke: '#b3261e', ink: '#1d232b', dash: false },
  'evidence-neutral': { fill: '#ffffff', stroke: '#5b6470', ink: '#1d232b', dash: false },
  provision: { fill: '#f3eef9', stroke: '#6a3d9a', ink: '#2e1747', dash: false },
  topic: { fill: '#1d232b', stroke: '#1d232b', ink: '#ffffff', dash: false },
  issue: { fill: '#fdecea', stroke: '#b3261e', ink: '#5c130f', dash: true },
  note: { fill: '#fffbe6', stroke: '#c9b458', ink: '#3b3310', dash: false },
  group: { fill: '#f3f2ee', stroke: '#9aa0a6', ink: '#5b6470', dash: true },
};

/** Which entry of NODE_STYLE a node uses (the renderer puts the same key in a CSS class). */
export function styleKey(n: MapNode): string {
  switch (n.kind) {
    case 'person':
      return n.role === 'bi-hai'
        ? 'person-victim'
        : n.role === 'nguoi-lam-chung'
          ? 'person-witness'
          : 'person';
    case 'evidence':
      return `evidence-${n.stance}`;
    case 'note':
      return n.tone;
    default:
      return n.kind;
  }
}

export const EDGE_STYLE: Record<EdgeKind, { color: string; dash: boolean; width: number }> = {
  proves: { color: '#2e7d32', dash: false, width: 2 },
  contradicts: { color: '#b3261e', dash: true, width: 2 },
  relates: { color: '#7a828c', dash: false, width: 1.5 },
  precedes: { color: '#1a5fb4', dash: false, width: 2.5 },
};

/** Small caps header of a node: its kind and, where useful, the role, date or folio. */
export function nodeBadge(n: MapNode): string {
  switch (n.kind) {
    case 'person':
      return PERSON_ROLE_LABEL[n.role].toUpperCase();
    case 'event':
      return `SỰ KIỆN${n.date ? ` · ${formatEventDate(n.date)}` : ''}`;
    case 'evidence':
      return `CHỨNG CỨ${n.folio ? ` · BL ${n.folio}` : ''}`;
    case 'provision':
      return n.code === 'BLHS' ? 'BỘ LUẬT HÌNH SỰ' : 'BỘ LUẬT TỐ TỤNG HÌNH SỰ';
    case 'note':
      return n.tone === 'issue' ? 'VẤN ĐỀ CẦN LÀM RÕ' : n.tone === 'topic' ? '' : 'GHI CHÚ';
    case 'group':
      return '';
  }
}

export interface SceneText {
  text: string;
  x: number;
  y: number; // baseline
  size: number;
  bold: boolean;
  color: string;
}

export interface SceneNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  style: NodeStyle;
  texts: SceneText[];
  /** Where the page-region thumbnail (evidence) or photo (person) goes, when the node has one. */
  image?: { x: number; y: number; width: number; height: number };
}

export interface SceneEdge {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  dash: boolean;
  width: number;
  label: string;
  lx: number;
  ly: number;
}

export interface Scene {
  bounds: { x: number; y: number; width: number; height: number };
  nodes: SceneNode[];
  edges: SceneEdge[];
}

/**
 * Greedy word wrap to `width`. Nothing is ever dropped or ellipsized (an exported report shows the
 * whole text): a word wider than the line on its own is split across lines.
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  measure: Measure,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next, size, bold) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    // A word that alone overflows (a long number or file name) is cut where it stops fitting.
    while (rest.length > 1 && measure(rest, size, bold) > width) {
      let n = rest.length - 1;
      while (n > 1 && measure(rest.slice(0, n), size, bold) > width) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** Point where the line from a box's centre towards (tx, ty) leaves the box. */
export function borderPoint(
  b: { x: number; y: number; width: number; height: number },
  tx: number,
  ty: number,
): { x: number; y: number } {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (!dx && !dy) return { x: cx, y: cy };
  const sx = dx ? b.width / 2 / Math.abs(dx) : Infinity;
  const sy = dy ? b.height / 2 / Math.abs(dy) : Infinity;
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

/**
 * A node's box and text. The box is at least the node's fixed size (what the screen draws) and grows
 * downwards until every wrapped line fits: exports never cut text.
 */
function sceneNode(n: MapNode, measure: Measure): SceneNode {
  const { width, height: baseHeight } = nodeSize(n);
  const style = NODE_STYLE[styleKey(n)];
  const texts: SceneText[] = [];
  const pad = 8;
  let y = n.y + pad;
  let textX = n.x + pad;
  let textW = width - pad * 2;
  const hasPhoto = n.kind === 'person' && Boolean(n.photo);
  if (hasPhoto) {
    textX += 60;
    textW -= 60;
  }
  const push = (text: string, size: number, bold: boolean, color: string, advance: number) => {
    texts.push({ text, x: textX, y: y + size, size, bold, color });
    y += advance;
  };
  const badge = nodeBadge(n);
  if (badge) {
    const color = style.stroke === '#1d232b' ? '#c9ced6' : style.stroke;
    const lines = wrapText(badge, textW, 9, true, measure);
    lines.forEach((t, i) => push(t, 9, true, color, i === lines.length - 1 ? 14 : 11));
  }
  const titleSize = n.kind === 'note' && n.tone === 'topic' ? 14 : 12.5;
  for (const t of wrapText(nodeTitle(n), textW, titleSize, true, measure))
    push(t, titleSize, true, style.ink, titleSize + 3);
  y += 2;
  for (const detail of nodeDetails(n))
    for (const t of wrapText(detail, textW, 10.5, false, measure)) push(t, 10.5, false, style.ink, 13);
  // Evidence keeps its page thumbnail (76 px) under the text.
  const thumb = n.kind === 'evidence' ? 88 : 0;
  const height = Math.max(baseHeight, Math.ceil(y - n.y) + pad + thumb);
  let image: SceneNode['image'];
  if (hasPhoto) image = { x: n.x + pad, y: n.y + pad, width: 52, height: baseHeight - pad * 2 };
  if (n.kind === 'evidence')
    image = { x: n.x + pad, y: n.y + height - 84, width: width - pad * 2, height: 76 };
  return { id: n.id, x: n.x, y: n.y, width, height, style, texts, ...(image ? { image } : {}) };
}

export function buildScene(model: MapModel, measure: Measure = approxMeasure): Scene {
  // Frames first so they sit behind the nodes they hold.
  const ordered = [...model.nodes].sort((a, b) => Number(b.kind === 'group') - Number(a.kind === 'group'));
  const nodes = ordered.map((n) => sceneNode(n, measure));
  // Edges and bounds use the drawn boxes, which may have grown to hold their text.
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: SceneEdge[] = [];
  for (const e of model.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const p1 = borderPoint(s, t.x + t.width / 2, t.y + t.height / 2);
    const p2 = borderPoint(t, s.x + s.width / 2, s.y + s.height / 2);
    const st = EDGE_STYLE[e.kind];
    edges.push({
      id: e.id,
      x1: p1.x,
      y1: p1.y,
      x2: p2.x,
      y2: p2.y,
      ...st,
      label: e.label ?? (e.kind === 'relates' ? '' : EDGE_KIND_LABEL[e.kind]),
      lx: (p1.x + p2.x) / 2,
      ly: (p1.y + p2.y) / 2,
    });
  }
  const b = boxBounds(nodes);
  const margin = 24;
  return {
    bounds: { x: b.x - margin, y: b.y - margin, width: b.width + margin * 2, height: b.height + margin * 2 },
    nodes,
    edges,
  };
}

function boxBounds(boxes: readonly SceneNode[]): { x: number; y: number; width: number; height: number } {
  if (!boxes.length) return { x: 0, y: 0, width: 0, height: 0 };
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
