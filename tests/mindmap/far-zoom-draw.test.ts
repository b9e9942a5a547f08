import { describe, expect, test } from 'vitest';
import { buildScene, emptyMap, NODE_STYLE, EDGE_STYLE, type MapModel } from '@hoso/mindmap';
import {
  BIG_MAP_NODES,
  clipSegment,
  drawScene,
  farZoomLevels,
  FAR_ZOOM_ENTER,
  nodeAt,
  SELECTION_RING,
  type FarView,
} from '../../renderer/src/features/mindmap/nodes/farZoomDraw';

/** A 2D context that records what is drawn: fills/strokes with their colour, and texts. */
function recorder() {
  const ops: { op: string; style?: string; text?: string; shapes?: number }[] = [];
  let shapes = 0;
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    setTransform() {},
    clearRect() {},
    setLineDash() {},
    beginPath() {
      shapes = 0;
    },
    moveTo() {
      shapes++;
    },
    lineTo() {},
    closePath() {},
    roundRect() {
      shapes++;
    },
    rect() {
      shapes++;
    },
    fill() {
      ops.push({ op: 'fill', style: ctx.fillStyle, shapes });
    },
    stroke() {
      ops.push({ op: 'stroke', style: ctx.strokeStyle, shapes });
    },
    fillText(text: string) {
      ops.push({ op: 'text', text, style: ctx.fillStyle });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, ops };
}

// Three nodes in a row (x = 0, 1000, 2000) and two edges chaining them.
const model: MapModel = {
  ...emptyMap(),
  nodes: [
    { id: 'a', kind: 'person', name: 'Ma Văn Khánh', role: 'bi-can', x: 0, y: 0 },
    { id: 'b', kind: 'event', title: 'Nhận tiền đặt cọc', x: 1000, y: 0 },
    {
      id: 'c',
      kind: 'evidence',
      title: 'Biên bản ghi lời khai',
      link: { kind: 'page', pageId: 'p1' },
      stance: 'for',
      x: 2000,
      y: 0,
    },
  ],
  edges: [
    { id: 'ab', source: 'a', target: 'b', kind: 'precedes' },
    { id: 'bc', source: 'b', target: 'c', kind: 'proves' },
  ],
};
const scene = buildScene(model);
const view = (zoom: number, x = 0, width = 1600): FarView => ({ x, y: 50, zoom, width, height: 800, dpr: 1 });

describe('far-zoom canvas drawing', () => {
  test('whole map at zoom 0.2: every node in its palette colour, every edge, no text', () => {
    const { ctx, ops } = recorder();
    const stats = drawScene(ctx, scene, view(0.2), new Set());
    expect(stats).toEqual({ nodes: 3, edges: 2, texts: 0 });
    const fills = ops.filter((o) => o.op === 'fill').map((o) => o.style);
    expect(fills).toEqual(
      expect.arrayContaining([
        NODE_STYLE.person.fill,
        NODE_STYLE.event.fill,
        NODE_STYLE['evidence-for'].fill,
      ]),
    );
    const strokes = ops.filter((o) => o.op === 'stroke').map((o) => o.style);
    expect(strokes).toEqual(expect.arrayContaining([EDGE_STYLE.precedes.color, EDGE_STYLE.proves.color]));
    expect(strokes).not.toContain(SELECTION_RING);
  });

  test('only what the view shows is drawn; titles appear once legible', () => {
    const { ctx, ops } = recorder();
    // Zoom 0.55, view 500 px (909 flow units) wide from x 0: node "a" and the start of edge a→b only.
    const stats = drawScene(ctx, scene, view(0.55, 0, 500), new Set());
    expect(stats.nodes).toBe(1);
    expect(stats.edges).toBe(1);
    const texts = ops.filter((o) => o.op === 'text').map((o) => o.text);
    expect(texts).toContain('Ma Văn Khánh');
    expect(texts.join(' ')).not.toContain('Nhận tiền');
  });

  test('selected nodes get the ring', () => {
    const { ctx, ops } = recorder();
    drawScene(ctx, scene, view(0.2), new Set(['b']));
    const ring = ops.find((o) => o.op === 'stroke' && o.style === SELECTION_RING);
    expect(ring?.shapes).toBe(1);
  });

  test('hit test finds the node under a flow point, nothing between nodes', () => {
    expect(nodeAt(scene, 10, 10)).toBe('a');
    expect(nodeAt(scene, 1010, 20)).toBe('b');
    expect(nodeAt(scene, 700, 10)).toBeUndefined();
  });

  test('hit test prefers a node over the frame around it', () => {
    const framed = buildScene({
      ...model,
      nodes: [
        ...model.nodes,
        { id: 'g', kind: 'group', title: 'Nhóm', x: -50, y: -50, width: 600, height: 400 },
      ],
    });
    expect(nodeAt(framed, 10, 10)).toBe('a');
    expect(nodeAt(framed, 500, 300)).toBe('g');
  });

  test('long lines are cut to the view before stroking', () => {
    const r = { x0: 0, y0: 0, x1: 100, y1: 100 };
    expect(clipSegment(-100, 50, 300, 50, r)).toEqual([0, 50, 100, 50]);
    expect(clipSegment(10, 10, 20, 20, r)).toEqual([10, 10, 20, 20]);
    expect(clipSegment(-10, -10, -5, 200, r)).toBeNull();
  });

  test('big maps switch to the canvas earlier', () => {
    expect(farZoomLevels(20).enter).toBe(FAR_ZOOM_ENTER);
    const big = farZoomLevels(BIG_MAP_NODES);
    expect(big.enter).toBeGreaterThan(FAR_ZOOM_ENTER);
    expect(big.leave).toBeGreaterThan(big.enter);
  });
});
