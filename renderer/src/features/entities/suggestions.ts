import type { CaseDocument } from '@hoso/domain';
import type { Entity, PersonRole } from '@hoso/entities';
import {
  dropNode,
  newId,
  nodeSize,
  STANCE_TOPIC,
  type MapModel,
  type MapNode,
  type PersonNode,
} from '@hoso/mindmap';
import { foldDiacritics } from '@hoso/text';

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

/** Which template a map was built from, as far as suggestions care: the evidence one has the stance topics. */
export type MapKind = 'evidence' | 'timeline';
export function mapKindOf(model: MapModel): MapKind {
  const evidence = model.nodes.some(
    (n) => n.kind === 'note' && n.tone === 'topic' && n.title === STANCE_TOPIC.for,
  );
  return evidence ? 'evidence' : 'timeline';
}

/** A paper of the dossier with its pages in order (what the evidence map's items come from). */
export interface DossierPaper {
  document: Pick<CaseDocument, 'id' | 'type' | 'title' | 'number'>;
  pageIds: readonly string[];
}

/**
 * Papers that are sources of evidence (Điều 87 BLTTHS): statements, records of investigative
 * acts, expert and valuation conclusions, complaints, photos. Decisions, warrants, the
 * indictment and the investigation's own conclusion are procedure, not evidence.
 */
const EVIDENCE_TYPES = new Set<CaseDocument['type']>(['bien-ban', 'loi-khai', 'ket-luan', 'don', 'anh']);
const isEvidencePaper = (d: DossierPaper['document']) =>
  EVIDENCE_TYPES.has(d.type) &&
  !(d.type === 'ket-luan' && /dieu tra/.test(foldDiacritics(d.title.toLowerCase())));

/**
 * The suggestions for a map: for the timeline, persons, dated events and evidence items read
 * from the text; for the evidence map, the dossier's evidence papers (each with its pages), the
 * items read from the text, and the persons.
 */
export function buildSuggestions(
  entities: readonly Entity[],
  pageInfo: (pageId: string) => PageInfo | undefined,
  kind: MapKind = 'timeline',
  papers: readonly DossierPaper[] = [],
): Suggestion[] {
  const fromText = suggestionsFromEntities(entities, pageInfo);
  if (kind === 'timeline') return fromText;
  const fromPapers = papers.flatMap((p) => paperSuggestion(p, pageInfo));
  const order = { evidence: 0, person: 1, event: 2 };
  return [...fromPapers, ...fromText.filter((s) => s.group !== 'event')].sort(
    (a, b) => order[a.group] - order[b.group],
  );
}

function paperSuggestion(p: DossierPaper, pageInfo: (pageId: string) => PageInfo | undefined): Suggestion[] {
  const first = p.pageIds[0];
  if (!first || !isEvidencePaper(p.document)) return [];
  const labels = p.pageIds.map((id) => pageInfo(id)?.label).filter(Boolean);
  const pages = labels.length > 2 ? `${labels[0]} – ${labels[labels.length - 1]}` : labels.join(', ');
  const title = p.document.title.trim() || p.document.number || 'Tài liệu';
  const folio = pageInfo(first)?.folio;
  return [
    {
      key: `document:${p.document.id}`,
      group: 'evidence',
      label: title,
      detail: pages,
      node: {
        kind: 'evidence',
        title,
        link: { kind: 'document', documentId: p.document.id, pageId: first },
        ...(folio ? { folio } : {}),
        stance: 'for',
        ...(pages ? { note: pages } : {}),
      },
    },
  ];
}

function suggestionsFromEntities(
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

/** The topic persons hang under in the evidence templates. */
const PERSONS_TOPIC = 'Người tham gia tố tụng';

/**
 * The map with the suggestion's node added below the rightmost column of nodes (auto-layout
 * tidies it), joined to its group the way the templates build it: an evidence item under
 * "Chứng cứ buộc tội" (as a drop does, `dropNode`), a person under "Người tham gia tố tụng".
 */
export function withSuggestedNode(model: MapModel, s: Suggestion): MapModel {
  const right = model.nodes.reduce((x, n) => Math.max(x, n.x), 0);
  const y = model.nodes.filter((n) => n.x === right).reduce((m, n) => Math.max(m, n.y + 170), 0);
  const node = { ...s.node, id: newId(), x: right, y, pinned: true } as MapNode;
  const { width, height } = nodeSize(node);
  const next = dropNode(model, node, { x: right + width / 2, y: y + height / 2 });
  const topic =
    node.kind === 'person' &&
    model.nodes.find((n) => n.kind === 'note' && n.tone === 'topic' && n.title === PERSONS_TOPIC);
  if (!topic) return next;
  return {
    ...next,
    edges: [...next.edges, { id: newId(), source: topic.id, target: node.id, kind: 'relates' }],
  };
}
