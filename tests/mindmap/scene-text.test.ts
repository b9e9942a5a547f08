import { describe, expect, it } from 'vitest';
import { approxMeasure, buildScene, emptyMap, wrapText, type MapModel, type MapNode } from '@hoso/mindmap';

const ELEMENT = 'Tài sản trị giá từ 2.000.000 đồng trở lên (hoặc dưới mức đó thuộc trường hợp luật định)';
const LONG_TITLE =
  'Biên bản thu giữ vật chứng tại nơi ở của bị can gồm một xe máy Honda Wave biển số 22B1-123.45 và hai điện thoại di động';

function mapOf(...nodes: MapNode[]): MapModel {
  return { ...emptyMap(), nodes };
}

/** The words of a node's drawn text, in order, across its wrapped lines. */
function words(lines: string[]): string[] {
  return lines.join(' ').split(/\s+/).filter(Boolean);
}

describe('export scene text', () => {
  const model = mapOf(
    {
      id: 'p',
      kind: 'provision',
      x: 0,
      y: 0,
      code: 'BLHS',
      article: 173,
      clause: 1,
      title: 'Tội trộm cắp tài sản',
      elements: [
        { id: 'e1', text: ELEMENT, evidenceIds: [] },
        { id: 'e2', text: 'Lỗi cố ý trực tiếp', evidenceIds: ['v'] },
      ],
    },
    {
      id: 'v',
      kind: 'evidence',
      x: 400,
      y: 0,
      title: LONG_TITLE,
      stance: 'for',
      link: { kind: 'page', pageId: 'pg1' },
    },
  );
  const scene = buildScene(model);

  it('draws a long provision element and a long title whole, wrapped, with no "…"', () => {
    for (const node of scene.nodes) for (const t of node.texts) expect(t.text).not.toContain('…');
    const provision = scene.nodes.find((n) => n.id === 'p')!;
    expect(words(provision.texts.map((t) => t.text)).join(' ')).toContain(`☐ ${ELEMENT}`);
    const evidence = scene.nodes.find((n) => n.id === 'v')!;
    expect(words(evidence.texts.filter((t) => t.bold && t.size > 10).map((t) => t.text))).toEqual(
      words([LONG_TITLE]),
    );
    // Wrapped, not one long line: every line fits the box.
    for (const node of [provision, evidence])
      for (const t of node.texts)
        expect(t.x + approxMeasure(t.text, t.size, t.bold)).toBeLessThanOrEqual(node.x + node.width);
  });

  it('grows the node box to hold its lines (and the evidence thumbnail below them)', () => {
    for (const node of scene.nodes) {
      const lastBaseline = Math.max(...node.texts.map((t) => t.y));
      expect(lastBaseline).toBeLessThanOrEqual(node.y + node.height);
      if (node.image) {
        expect(node.image.y).toBeGreaterThanOrEqual(lastBaseline);
        expect(node.image.y + node.image.height).toBeLessThanOrEqual(node.y + node.height);
      }
    }
    const evidence = scene.nodes.find((n) => n.id === 'v')!;
    expect(evidence.height).toBeGreaterThan(170);
    expect(scene.bounds.y + scene.bounds.height).toBeGreaterThanOrEqual(evidence.y + evidence.height);
  });

  it('splits a single word too wide for the line instead of cutting it', () => {
    const word = 'A'.repeat(60);
    const lines = wrapText(`số ${word} xong`, 100, 10, false, approxMeasure);
    expect(lines.join('').replace(/\s/g, '')).toBe(`số${word}xong`);
    for (const l of lines) expect(approxMeasure(l, 10, false)).toBeLessThanOrEqual(100);
  });
});
