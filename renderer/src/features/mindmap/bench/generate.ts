import { emptyMap, type MapEdge, type MapModel, type MapNode } from '@hoso/mindmap';

/** A synthetic map of `n` nodes (all kinds) and `m` edges: a random tree plus cross links. Seeded. */
export function syntheticMap(n: number, m: number, seed = 1): MapModel {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const nodes: MapNode[] = [];
  for (let i = 0; i < n; i++) {
    const base = { id: `n${i}`, x: (i % 40) * 280, y: Math.floor(i / 40) * 200 };
    const day = String(1 + (i % 28)).padStart(2, '0');
    switch (i % 5) {
      case 0:
        nodes.push({
          ...base,
          kind: 'person',
          name: `Nguyễn Văn Người ${i}`,
          role: 'nguoi-lam-chung',
          birthYear: 1970 + (i % 40),
        });
        break;
      case 1:
        nodes.push({
          ...base,
          kind: 'event',
          title: `Sự kiện số ${i}`,
          date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${day}`,
          place: 'xã Tân An',
        });
        break;
      case 2:
        nodes.push({
          ...base,
          kind: 'evidence',
          title: `Biên bản lời khai ${i}`,
          link: { kind: 'page', pageId: `page-${i}` },
          folio: i + 1,
          stance: i % 3 ? 'for' : 'against',
        });
        break;
      case 3:
        nodes.push({
          ...base,
          kind: 'provision',
          code: 'BLHS',
          article: 174,
          clause: 2,
          title: 'Lừa đảo chiếm đoạt tài sản',
          elements: [{ id: `el${i}`, text: 'Dùng thủ đoạn gian dối', evidenceIds: [] }],
        });
        break;
      default:
        nodes.push({
          ...base,
          kind: 'note',
          tone: i % 2 ? 'issue' : 'note',
          title: `Ghi chú ${i}`,
          text: 'Cần làm rõ',
        });
    }
  }
  const edges: MapEdge[] = [];
  const kinds = ['proves', 'contradicts', 'relates', 'precedes'] as const;
  for (let i = 1; i < n && edges.length < m; i++)
    edges.push({ id: `e${i}`, source: `n${Math.floor(rnd() * i)}`, target: `n${i}`, kind: kinds[i % 4] });
  while (edges.length < m) {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() * n);
    if (a !== b)
      edges.push({ id: `x${edges.length}`, source: `n${a}`, target: `n${b}`, kind: kinds[edges.length % 4] });
  }
  return { ...emptyMap(), nodes, edges };
}
