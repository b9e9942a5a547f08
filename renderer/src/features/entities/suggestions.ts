import type { Entity, PersonRole } from '@hoso/entities';
import { newId, type MapModel, type MapNode, type PersonNode } from '@hoso/mindmap';

/**
 * Map nodes the dossier reader suggests: the persons (with their procedural role), the dated
 * events, and the evidence items (a plate, a phone, an account, an amount) with the page region
 * where they are written. Only suggested: the prosecutor accepts or rejects each one.
 */
export interface Suggestion {
  /** Stable per entity: a decision on it is remembered per map. */
  key: string;
  group: 'person' | 'event' | 'evidence';
  label: string;
  detail: string;
  node: DistributiveOmit<MapNode, 'id' | 'x' | 'y'>;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const ROLE: Partial<Record<PersonRole, PersonNode['role']>> = {
  'bị can': 'bi-can',
  'bị cáo': 'bi-cao',
  'bị hại': 'bi-hai',
  'người làm chứng': 'nguoi-lam-chung',
};
/** Officials sign the papers; they are not persons of the case's map. */
const OFFICIALS = new Set<PersonRole>([
  'Kiểm sát viên',
  'Điều tra viên',
  'Cán bộ điều tra',
  'Thủ trưởng',
  'Phó Thủ trưởng',
  'Viện trưởng',
  'Phó Viện trưởng',
  'Thẩm phán',
  'Thư ký',
  'Giám định viên',
]);
const EVIDENCE_LABEL: Partial<Record<Entity['kind'], string>> = {
  plate: 'Phương tiện biển số',
  phone: 'Số điện thoại',
  id_number: 'Số định danh',
  bank_account: 'Tài khoản ngân hàng',
  money: 'Số tiền',
};

export interface PageInfo {
  folio?: number;
  label: string;
}

export const formatMoney = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;

export function buildSuggestions(
  entities: readonly Entity[],
  pageInfo: (pageId: string) => PageInfo | undefined,
): Suggestion[] {
  const out: Suggestion[] = [];
  const pagesOf = (e: Entity) =>
    [...new Set(e.occurrences.map((o) => pageInfo(o.pageId)?.label).filter(Boolean))].join(', ');
  for (const e of entities) {
    const first = e.occurrences[0];
    if (!first) continue;
    if (e.kind === 'person' && !(e.role && OFFICIALS.has(e.role))) {
      out.push({
        key: e.key,
        group: 'person',
        label: e.text,
        detail: [e.role, pagesOf(e)].filter(Boolean).join(' · '),
        node: {
          kind: 'person',
          name: e.text,
          role: (e.role && ROLE[e.role]) || 'nguoi-lien-quan',
          note: `Xuất hiện: ${pagesOf(e)}`,
        },
      });
    } else if (e.kind === 'date' && e.events?.length && e.normalized.length >= 10) {
      out.push({
        key: e.key,
        group: 'event',
        label: `${e.events[0]} — ${e.occurrences[0].text}`,
        detail: pagesOf(e),
        node: {
          kind: 'event',
          title: e.events[0],
          date: e.normalized,
          description: `${first.text} (${pagesOf(e)})`,
        },
      });
    } else if (EVIDENCE_LABEL[e.kind]) {
      const value = e.kind === 'money' && e.amount ? formatMoney(e.amount) : e.normalized;
      const title = `${EVIDENCE_LABEL[e.kind]} ${value}`;
      const folio = pageInfo(first.pageId)?.folio;
      out.push({
        key: e.key,
        group: 'evidence',
        label: title,
        detail: pagesOf(e),
        node: {
          kind: 'evidence',
          title,
          link: { kind: 'region', pageId: first.pageId, region: first.box },
          ...(folio ? { folio } : {}),
          stance: 'for',
        },
      });
    }
  }
  return out;
}

/** The map with the suggestion's node added below the rightmost column of nodes (auto-layout tidies it). */
export function withSuggestedNode(model: MapModel, s: Suggestion): MapModel {
  const right = model.nodes.reduce((x, n) => Math.max(x, n.x), 0);
  const y = model.nodes.filter((n) => n.x === right).reduce((m, n) => Math.max(m, n.y + 170), 0);
  const node = { ...s.node, id: newId(), x: right, y, pinned: true } as MapNode;
  return { ...model, nodes: [...model.nodes, node] };
}
