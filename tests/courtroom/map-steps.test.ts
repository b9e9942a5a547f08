import { describe, expect, it } from 'vitest';
import { readStoredModel, type MapModel } from '@hoso/mindmap';
import { mapStepOrder, mapStepPicture } from '../../renderer/src/features/courtroom/data/mapStage';

const model: MapModel = {
  format: 'hoso-map',
  version: 1,
  nodes: [
    { id: 'root', kind: 'note', tone: 'topic', title: 'Diễn biến vụ án', x: 0, y: 400 },
    { id: 'ev', kind: 'event', title: 'Trộm xe máy', date: '2025-03-05', x: 400, y: 0 },
    {
      id: 'bl2',
      kind: 'evidence',
      title: 'Lời khai người làm chứng',
      link: { kind: 'region', pageId: 'p2', region: [100, 200, 900, 400] },
      folio: 2,
      stance: 'for',
      x: 400,
      y: 800,
    },
  ],
  edges: [
    { id: 'e1', source: 'root', target: 'ev', kind: 'relates' },
    { id: 'e2', source: 'root', target: 'bl2', kind: 'proves' },
  ],
};

describe('map steps', () => {
  it('steps in the reading order, from a chosen node when the exhibit names one', () => {
    expect(readStoredModel(model)).not.toBeNull();
    expect(readStoredModel({ nodes: 'nope' })).toBeNull();
    expect(mapStepOrder(model)).toEqual(['root', 'ev', 'bl2']);
    expect(mapStepOrder(model, 'bl2')).toEqual(['bl2', 'root', 'ev']);
  });

  it('draws the map as an SVG picture ringing the focused node, with clickable evidence', () => {
    const pic = mapStepPicture(model, 'Diễn biến vụ án', 2);
    expect(pic.focusNodeId).toBe('bl2');
    expect(pic.evidence).toEqual({
      link: model.nodes[2].kind === 'evidence' && model.nodes[2].link,
      folio: 2,
      title: 'Lời khai người làm chứng',
    });
    const svg = decodeURIComponent(pic.url.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toContain('CHỨNG CỨ · BL 2'); // Vietnamese text stays text in the picture
    expect(svg).toContain('stroke="#f9a825"'); // the focus ring
    // The focused evidence node is inside the cropped picture, where a click finds it.
    const [hit] = pic.hotspots;
    const [x0, y0, x1, y1] = hit.box;
    expect(0 <= x0 && x0 < x1 && x1 <= 1 && 0 <= y0 && y0 < y1 && y1 <= 1 + 1e-9).toBe(true);
    expect(y1 - y0).toBeGreaterThan(0.2);
    // Focused elsewhere, the same node still has a hotspot, but no focused evidence.
    const first = mapStepPicture(model, 'x', 0);
    expect(first.evidence).toBeUndefined();
    expect(first.hotspots).toHaveLength(1);
  });
});
