import { newId, type EdgeKind, type MapNode, type NodeKind } from '@hoso/mindmap';
import type { ResolvedEvidence } from '../data/evidence';

/** A fresh node of a kind, centred on a flow point, with Vietnamese placeholder text. */
export function blankNode(kind: NodeKind | 'issue', at: { x: number; y: number }): MapNode {
  const base = { id: newId(), x: Math.round(at.x), y: Math.round(at.y), pinned: true };
  switch (kind) {
    case 'person':
      return { ...base, kind, name: 'Họ và tên', role: 'nguoi-lam-chung' };
    case 'event':
      return { ...base, kind, title: 'Sự kiện mới' };
    case 'evidence':
      return { ...base, kind, title: 'Chứng cứ', link: { kind: 'page', pageId: 'none' }, stance: 'for' };
    case 'provision':
      return { ...base, kind, code: 'BLHS', article: 1, title: 'Tội danh', elements: [] };
    case 'note':
      return { ...base, kind, tone: 'note', title: 'Ghi chú' };
    case 'issue':
      return { ...base, kind: 'note', tone: 'issue', title: 'Vấn đề cần làm rõ' };
    case 'group':
      return { ...base, kind, title: 'Nhóm', width: 480, height: 300 };
  }
}

/** An evidence node for a page, document or region dropped from the dossier. */
export function evidenceNode(r: ResolvedEvidence, at: { x: number; y: number }): MapNode {
  const folio = r.page?.folio;
  const where =
    r.link.kind === 'region'
      ? `Vùng trang${folio ? ` BL ${folio}` : ''}`
      : r.link.kind === 'page'
        ? `Trang${folio ? ` BL ${folio}` : ''}`
        : '';
  const title =
    [r.documentTitle, r.link.kind === 'document' ? '' : where].filter(Boolean).join(' — ') ||
    where ||
    'Chứng cứ';
  return {
    id: newId(),
    kind: 'evidence',
    x: Math.round(at.x),
    y: Math.round(at.y),
    pinned: true,
    title,
    link: r.link,
    ...(folio ? { folio } : {}),
    stance: 'for',
  };
}

/** The link type a new connection gets: evidence proves, events follow each other, the rest relates. */
export function defaultEdgeKind(source: MapNode | undefined, target: MapNode | undefined): EdgeKind {
  if (source?.kind === 'evidence') return 'proves';
  if (source?.kind === 'event' && target?.kind === 'event') return 'precedes';
  return 'relates';
}
