import { describe, expect, it } from 'vitest';
import {
  buildScene,
  buildTemplate,
  parseMapFile,
  readStoredModel,
  sceneToSvg,
  serializeMap,
} from '@hoso/mindmap';
import { FACTS, seqIds } from './fixtures';

describe('JSON export/import', () => {
  it('round-trips a map with its name, NFC Vietnamese intact', () => {
    const model = buildTemplate('report', FACTS, seqIds());
    const text = serializeMap(model, { name: 'Đánh giá chứng cứ', caseNumber: FACTS.number });
    const back = parseMapFile(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.file.model).toEqual(model);
    expect(back.file.name).toBe('Đánh giá chứng cứ');
  });

  it('normalizes decomposed Vietnamese to NFC on import', () => {
    const text = serializeMap(buildTemplate('evidence', FACTS, seqIds()), { name: 'x' }).normalize('NFD');
    const back = parseMapFile(text);
    expect(
      back.ok && back.file.model.nodes.some((n) => n.kind === 'person' && n.name === 'Ma Văn Khánh'),
    ).toBe(true);
  });

  it('rejects broken files with a message naming what is wrong', () => {
    expect(parseMapFile('{')).toMatchObject({ ok: false });
    const model = buildTemplate('evidence', FACTS, seqIds());
    const dangling = serializeMap(
      { ...model, edges: [{ id: 'z', source: 'nope', target: model.nodes[0].id, kind: 'relates' }] },
      { name: 'x' },
    );
    const r = parseMapFile(dangling);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/missing node/);
    const badKind = JSON.parse(serializeMap(model, { name: 'x' }));
    badKind.model.nodes[0].kind = 'alien';
    const r2 = parseMapFile(JSON.stringify(badKind));
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error).toMatch(/model\.nodes\.0/);
    expect(readStoredModel({ nodes: [] })).toBeNull();
  });
});

describe('SVG export', () => {
  it('writes every node title as text and edge labels', () => {
    const model = buildTemplate('evidence', FACTS, seqIds());
    const svg = sceneToSvg(buildScene(model), { title: 'Đánh giá chứng cứ' });
    expect(svg).toContain('>Ma Văn Khánh<');
    expect(svg).toContain('Vấn đề cần làm rõ');
    expect(svg.match(/<line /g)).toHaveLength(model.edges.length);
    expect(svg.startsWith('<svg')).toBe(true);
  });
});
