import { z } from 'zod';

/**
 * The evidence map (sơ đồ tư duy) as plain JSON: what Dexie stores in `MapRecord.model`, what the
 * JSON export writes, and what layout, SVG and PDF export read. Positions are absolute flow
 * coordinates of each node's top-left corner; every node has a fixed size per kind so layout and
 * exports agree with the screen without measuring the DOM.
 */

export const MAP_FORMAT = 'hoso-map';
export const MAP_VERSION = 1;

const BoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const PersonRoleSchema = z.enum(['bi-can', 'bi-cao', 'bi-hai', 'nguoi-lam-chung', 'nguoi-lien-quan']);
export type PersonRole = z.infer<typeof PersonRoleSchema>;

/** Where an evidence node (or a person's photo) points in the dossier. Region box is in the page's OCR frame. */
export const EvidenceLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), pageId: z.string().min(1) }),
  z.object({ kind: z.literal('document'), documentId: z.string().min(1), pageId: z.string().optional() }),
  z.object({ kind: z.literal('region'), pageId: z.string().min(1), region: BoxSchema }),
]);
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

export const StanceSchema = z.enum(['for', 'against', 'neutral']);
export type Stance = z.infer<typeof StanceSchema>;

export const OffenceElementSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  /** Evidence nodes that prove this element (ids of nodes of kind 'evidence'). */
  evidenceIds: z.array(z.string()),
});
export type OffenceElement = z.infer<typeof OffenceElementSchema>;

const base = {
  id: z.string().min(1),
  x: z.number().finite(),
  y: z.number().finite(),
  /** Set when the user placed the node by hand: automatic layouts leave it where it is. */
  pinned: z.boolean().optional(),
};

export const PersonNodeSchema = z.object({
  ...base,
  kind: z.literal('person'),
  name: z.string(),
  role: PersonRoleSchema,
  birthYear: z.number().int().min(1900).max(2100).optional(),
  /** A photo cut from a page region (e.g. the identity photo on a record). */
  photo: EvidenceLinkSchema.optional(),
  note: z.string().optional(),
});

export const EventNodeSchema = z.object({
  ...base,
  kind: z.literal('event'),
  title: z.string(),
  /** ISO date, optionally with time: yyyy-mm-dd or yyyy-mm-ddThh:mm. */
  date: z.string().optional(),
  place: z.string().optional(),
  description: z.string().optional(),
});

export const EvidenceNodeSchema = z.object({
  ...base,
  kind: z.literal('evidence'),
  title: z.string(),
  link: EvidenceLinkSchema,
  /** Folio (bút lục) when the node was made; the UI shows the page's current folio. */
  folio: z.number().int().positive().optional(),
  stance: StanceSchema,
  note: z.string().optional(),
});

export const ProvisionNodeSchema = z.object({
  ...base,
  kind: z.literal('provision'),
  code: z.enum(['BLHS', 'BLTTHS']),
  article: z.number().int().positive(),
  clause: z.number().int().positive().optional(),
  point: z.string().optional(),
  title: z.string(),
  elements: z.array(OffenceElementSchema),
});

export const NoteNodeSchema = z.object({
  ...base,
  kind: z.literal('note'),
  /** 'issue' = vấn đề cần làm rõ; 'note' = ghi chú / mục của báo cáo. */
  tone: z.enum(['issue', 'note', 'topic']),
  title: z.string(),
  text: z.string().optional(),
});

export const GroupNodeSchema = z.object({
  ...base,
  kind: z.literal('group'),
  title: z.string(),
  width: z.number().positive(),
  height: z.number().positive(),
});

export const MapNodeSchema = z.discriminatedUnion('kind', [
  PersonNodeSchema,
  EventNodeSchema,
  EvidenceNodeSchema,
  ProvisionNodeSchema,
  NoteNodeSchema,
  GroupNodeSchema,
]);
export type MapNode = z.infer<typeof MapNodeSchema>;
export type NodeKind = MapNode['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<MapNode, { kind: K }>;
export type PersonNode = NodeOfKind<'person'>;
export type EventNode = NodeOfKind<'event'>;
export type EvidenceNode = NodeOfKind<'evidence'>;
export type ProvisionNode = NodeOfKind<'provision'>;
export type NoteNode = NodeOfKind<'note'>;
export type GroupNode = NodeOfKind<'group'>;

export const EdgeKindSchema = z.enum(['proves', 'contradicts', 'relates', 'precedes']);
export type EdgeKind = z.infer<typeof EdgeKindSchema>;

export const MapEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  kind: EdgeKindSchema,
  /** Free label; when absent the kind's own label is shown. */
  label: z.string().optional(),
});
export type MapEdge = z.infer<typeof MapEdgeSchema>;

export const MapModelSchema = z
  .object({
    format: z.literal(MAP_FORMAT),
    version: z.literal(MAP_VERSION),
    nodes: z.array(MapNodeSchema),
    edges: z.array(MapEdgeSchema),
  })
  .superRefine((model, ctx) => {
    const ids = new Set<string>();
    for (const n of model.nodes) {
      if (ids.has(n.id)) ctx.addIssue({ code: 'custom', message: `duplicate node id ${n.id}` });
      ids.add(n.id);
    }
    for (const e of model.edges) {
      if (!ids.has(e.source) || !ids.has(e.target))
        ctx.addIssue({ code: 'custom', message: `edge ${e.id} points at a missing node` });
    }
  });
export type MapModel = z.infer<typeof MapModelSchema>;

export function emptyMap(): MapModel {
  return { format: MAP_FORMAT, version: MAP_VERSION, nodes: [], edges: [] };
}

/** Fixed sizes (flow px) per kind: the renderer draws nodes at these sizes, layouts and exports use them. */
export const NODE_SIZE: Record<Exclude<NodeKind, 'group'>, { width: number; height: number }> = {
  person: { width: 200, height: 84 },
  event: { width: 220, height: 96 },
  evidence: { width: 200, height: 170 },
  provision: { width: 260, height: 150 },
  note: { width: 220, height: 80 },
};

export function nodeSize(node: MapNode): { width: number; height: number } {
  if (node.kind === 'group') return { width: node.width, height: node.height };
  if (node.kind === 'provision') return { width: 260, height: Math.max(90, 58 + node.elements.length * 22) };
  return NODE_SIZE[node.kind];
}

export const PERSON_ROLE_LABEL: Record<PersonRole, string> = {
  'bi-can': 'Bị can',
  'bi-cao': 'Bị cáo',
  'bi-hai': 'Bị hại',
  'nguoi-lam-chung': 'Người làm chứng',
  'nguoi-lien-quan': 'Người có quyền lợi, nghĩa vụ liên quan',
};

export const EDGE_KIND_LABEL: Record<EdgeKind, string> = {
  proves: 'chứng minh',
  contradicts: 'mâu thuẫn',
  relates: 'liên quan',
  precedes: 'trước - sau',
};

export const STANCE_LABEL: Record<Stance, string> = {
  for: 'Buộc tội',
  against: 'Gỡ tội',
  neutral: 'Trung lập',
};

/** "điểm c khoản 2 Điều 174 BLHS" — how Vietnamese legal writing cites a provision. */
export function provisionCitation(n: Pick<ProvisionNode, 'code' | 'article' | 'clause' | 'point'>): string {
  const parts: string[] = [];
  if (n.point) parts.push(`điểm ${n.point}`);
  if (n.clause) parts.push(`khoản ${n.clause}`);
  parts.push(`Điều ${n.article} ${n.code}`);
  return parts.join(' ');
}

/** Display date dd/mm/yyyy[ hh:mm] from the node's ISO date. */
export function formatEventDate(date: string | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(date);
  if (!m) return date;
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

/** The node's main line of text, as shown in its header and read by search and exports. */
export function nodeTitle(node: MapNode): string {
  switch (node.kind) {
    case 'person':
      return node.name;
    case 'provision':
      return `${provisionCitation(node)}`;
    default:
      return node.title;
  }
}

/** Secondary lines of text (role, date, place, folio, elements…), in reading order. */
export function nodeDetails(node: MapNode): string[] {
  switch (node.kind) {
    case 'person':
      return [
        PERSON_ROLE_LABEL[node.role] + (node.birthYear ? `, sinh năm ${node.birthYear}` : ''),
        ...(node.note ? [node.note] : []),
      ];
    case 'event':
      // The date is in the node's badge; details carry place and what happened.
      return [node.place ?? '', node.description ?? ''].filter(Boolean);
    case 'evidence':
      return [
        [node.folio ? `BL ${node.folio}` : '', STANCE_LABEL[node.stance]].filter(Boolean).join(' · '),
        ...(node.note ? [node.note] : []),
      ];
    case 'provision':
      return [node.title, ...node.elements.map((e) => `${e.evidenceIds.length ? '☑' : '☐'} ${e.text}`)];
    case 'note':
      return node.text ? [node.text] : [];
    case 'group':
      return [];
  }
}
