import { STANCE_TOPIC } from './drop';
import { offenceElements, offenceName } from './elements';
import type { EventNode, MapEdge, MapModel, MapNode, NoteNode, PersonNode, ProvisionNode } from './model';
import { emptyMap } from './model';
import type { LayoutKind } from './layout';
import { newId, type IdFactory } from './ops';

/**
 * Map templates following the procuracy's case report structure (báo cáo án): case summary;
 * persons; acts and timeline; evidence for and against; charges with the elements of the
 * offence; issues to clarify; proposed handling. Pre-filled from the case record.
 *
 * The case is typed structurally so this package does not depend on the dossier's storage model;
 * `@hoso/domain`'s `Case` fits.
 */
export interface CaseFacts {
  number: string;
  name: string;
  charges: { article: number; clause?: number; point?: string; name: string }[];
  defendants: { name: string; birthYear?: number; role: 'bi-can' | 'bi-cao' }[];
  keyDates?: { label: string; date: string }[];
}

export type TemplateId = 'empty' | 'timeline' | 'evidence' | 'report';

export interface MapTemplate {
  id: TemplateId;
  name: { vi: string; en: string };
  /** The layout applied after building (the UI runs it; it needs elkjs, which is async). */
  layout: LayoutKind;
}

export const TEMPLATES: MapTemplate[] = [
  { id: 'empty', name: { vi: 'Sơ đồ trống', en: 'Empty map' }, layout: 'tree' },
  { id: 'timeline', name: { vi: 'Diễn biến vụ án', en: 'Course of events' }, layout: 'timeline' },
  { id: 'evidence', name: { vi: 'Đánh giá chứng cứ', en: 'Evidence evaluation' }, layout: 'tree' },
  { id: 'report', name: { vi: 'Báo cáo án (đầy đủ)', en: 'Full case report' }, layout: 'tree' },
];

class Builder {
  nodes: MapNode[] = [];
  edges: MapEdge[] = [];
  constructor(private makeId: IdFactory) {}
  // Rough positions on a grid; the template's layout replaces them.
  private at() {
    const i = this.nodes.length;
    return { x: (i % 6) * 280, y: Math.floor(i / 6) * 180 };
  }
  add<N extends MapNode>(node: Omit<N, 'id' | 'x' | 'y'>): N {
    const n = { ...node, id: this.makeId(), ...this.at() } as N;
    this.nodes.push(n);
    return n;
  }
  topic(title: string, text?: string, tone: NoteNode['tone'] = 'topic'): NoteNode {
    return this.add<NoteNode>({ kind: 'note', tone, title, ...(text ? { text } : {}) });
  }
  link(source: MapNode, target: MapNode, kind: MapEdge['kind'] = 'relates'): void {
    this.edges.push({ id: this.makeId(), source: source.id, target: target.id, kind });
  }
  persons(facts: CaseFacts): PersonNode[] {
    return facts.defendants.map((d) =>
      this.add<PersonNode>({
        kind: 'person',
        name: d.name,
        role: d.role,
        ...(d.birthYear ? { birthYear: d.birthYear } : {}),
      }),
    );
  }
  provisions(facts: CaseFacts): ProvisionNode[] {
    return facts.charges.map((c) =>
      this.add<ProvisionNode>({
        kind: 'provision',
        code: 'BLHS',
        article: c.article,
        ...(c.clause ? { clause: c.clause } : {}),
        ...(c.point ? { point: c.point } : {}),
        title: c.name || offenceName(c.article) || '',
        elements: offenceElements(c.article).map((text) => ({ id: this.makeId(), text, evidenceIds: [] })),
      }),
    );
  }
  model(): MapModel {
    return { ...emptyMap(), nodes: this.nodes, edges: this.edges };
  }
}

const summaryText = (f: CaseFacts) =>
  [f.number && `Số: ${f.number}`, f.charges.map((c) => `Tội "${c.name}" (Điều ${c.article} BLHS)`).join('; ')]
    .filter(Boolean)
    .join(' — ');

function timeline(facts: CaseFacts, b: Builder): void {
  const root = b.topic(`Diễn biến vụ án ${facts.name}`.trim(), summaryText(facts));
  for (const p of b.persons(facts)) b.link(root, p);
  const crime = b.add<EventNode>({
    kind: 'event',
    title: 'Hành vi phạm tội',
    description: 'Thời gian, địa điểm, diễn biến',
  });
  b.link(root, crime);
  const dated = [...(facts.keyDates ?? [])].sort((x, y) => x.date.localeCompare(y.date));
  let prev: MapNode = crime;
  for (const d of dated) {
    const e = b.add<EventNode>({ kind: 'event', title: d.label, date: d.date });
    b.link(prev, e, 'precedes');
    prev = e;
  }
}

function evidence(facts: CaseFacts, b: Builder, full: boolean): void {
  const root = b.topic(
    `${full ? 'Báo cáo án' : 'Đánh giá chứng cứ'}: ${facts.name}`.trim(),
    summaryText(facts),
  );
  const summary = b.topic('Tóm tắt vụ án', summaryText(facts) || undefined);
  b.link(root, summary);
  const persons = b.topic('Người tham gia tố tụng');
  b.link(root, persons);
  for (const p of b.persons(facts)) b.link(persons, p);
  if (full) {
    const acts = b.topic('Hành vi và diễn biến');
    b.link(root, acts);
    b.link(
      acts,
      b.add<EventNode>({
        kind: 'event',
        title: 'Hành vi phạm tội',
        description: 'Thời gian, địa điểm, diễn biến',
      }),
    );
  }
  const forT = b.topic(STANCE_TOPIC.for, 'Kéo trang, tài liệu hoặc vùng trang từ hồ sơ vào đây');
  const againstT = b.topic(STANCE_TOPIC.against);
  b.link(root, forT);
  b.link(root, againstT);
  const charges = b.topic('Tội danh và cấu thành tội phạm');
  b.link(root, charges);
  for (const p of b.provisions(facts)) b.link(charges, p);
  b.link(root, b.topic('Vấn đề cần làm rõ', 'Mâu thuẫn, thiếu sót cần yêu cầu điều tra bổ sung', 'issue'));
  b.link(root, b.topic('Đề xuất hướng giải quyết', 'Truy tố / trả hồ sơ / đình chỉ'));
}

/** Builds a template's map (rough positions; apply `layoutMap(model, template.layout)` after). */
export function buildTemplate(id: TemplateId, facts: CaseFacts, makeId: IdFactory = newId): MapModel {
  const b = new Builder(makeId);
  if (id === 'timeline') timeline(facts, b);
  if (id === 'evidence') evidence(facts, b, false);
  if (id === 'report') evidence(facts, b, true);
  return b.model();
}
