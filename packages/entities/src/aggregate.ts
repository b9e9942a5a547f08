import { foldDiacritics } from '@hoso/text';
import { lessMarked } from './lexicon';
import type { Entity, Mention, PersonRole } from './types';

/**
 * Case-level entities from the mentions of all pages:
 * - a short form ("Khánh", "chị Hoa", "Y Phúc") becomes the full name of the same document that
 *   ends with it, when exactly one does; otherwise it is dropped (no guessing);
 * - spellings of one name that differ only by diacritics OCR lost ("Nguyên Van An" beside
 *   "Nguyễn Văn An") merge, and the most frequent full spelling is shown;
 * - a person's role is the one the papers give most often;
 * - identifiers written right after a person (CCCD, phone, account) are related to them.
 */
const ROLE_ORDER: PersonRole[] = [
  'bị cáo',
  'bị can',
  'bị hại',
  'người bị bắt',
  'người bị tạm giữ',
  'người làm chứng',
  'người chứng kiến',
  'người có quyền lợi, nghĩa vụ liên quan',
];

const RELATED_KINDS = new Set(['id_number', 'phone', 'bank_account', 'plate']);
const RELATED_WINDOW = 45; // words after a person's name

export function entityKey(kind: string, normalized: string): string {
  if (kind === 'person') return `${kind}:${foldDiacritics(normalized)}`;
  // "Phòng Cảnh sát hình sự" in a line of text, "PHÒNG CẢNH SÁT HÌNH SỰ" in a heading: one organization.
  if (kind === 'organization') return `${kind}:${foldDiacritics(normalized).toLowerCase()}`;
  return `${kind}:${normalized}`;
}

/** Resolves short forms to full names within each document. Returns person mentions with full names. */
export function resolvePersons(mentions: readonly Mention[]): Mention[] {
  const persons = mentions.filter((m) => m.kind === 'person');
  const fullByDoc = new Map<string, Map<string, string>>(); // doc → folded full → a spelling
  for (const m of persons) {
    if (m.short) continue;
    const byFold = fullByDoc.get(m.documentId) ?? new Map<string, string>();
    byFold.set(foldDiacritics(m.normalized), m.normalized);
    fullByDoc.set(m.documentId, byFold);
  }
  const out: Mention[] = [];
  for (const m of persons) {
    const fulls = fullByDoc.get(m.documentId) ?? new Map<string, string>();
    const f = foldDiacritics(m.normalized);
    const { short: _short, ...rest } = m;
    if (m.short && fulls.has(f)) {
      out.push({ ...rest, normalized: fulls.get(f)! });
      continue;
    }
    // A "full" name that is the tail of a longer one in the document is its short form too.
    const longer = [...fulls.keys()].filter((k) => k !== f && shortFormOf(f, k));
    if (!m.short && longer.length === 0) {
      out.push(m);
      continue;
    }
    if (longer.length !== 1) continue;
    out.push({ ...rest, normalized: fulls.get(longer[0])! });
  }
  return out;
}

/**
 * Is `short` (folded) a way the papers call the person `full` (folded)? The tail of the name
 * ("khanh" of "ma van khanh", "sa ret" of "kim thi sa ret"), or for Ê Đê and Jrai names the given
 * name after "Y" or the "H'…" name ("krong" and "y krong" of "y krong eban", "h'nhi").
 */
function shortFormOf(short: string, full: string): boolean {
  if (full.endsWith(` ${short}`)) return true;
  const parts = full.split(' ');
  const y = parts.indexOf('y');
  if (y >= 0 && parts[y + 1] && (short === parts[y + 1] || short === `y ${parts[y + 1]}`)) return true;
  return parts.some((p) => p.startsWith("h'") && p === short);
}

export function aggregateEntities(mentions: readonly Mention[]): Entity[] {
  const persons = resolvePersons(mentions);
  const others = mentions.filter((m) => m.kind !== 'person');
  const groups = new Map<string, Mention[]>();
  for (const m of [...persons, ...others]) {
    const key = entityKey(m.kind, m.normalized);
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  mergeSpellings(groups);

  const entities = new Map<string, Entity>();
  const keyOf = new Map<Mention, string>();
  for (const [key, list] of groups) {
    entities.set(key, toEntity(key, list));
    for (const m of list) keyOf.set(m, key);
  }
  relate(keyOf, persons, others, entities);
  return [...entities.values()].sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      b.occurrences.length - a.occurrences.length ||
      a.text.localeCompare(b.text),
  );
}

/**
 * Persons whose folded names agree but whose spellings differ: merge a spelling into another only
 * when it lacks marks the other has ("Nguyên" of "Nguyễn"); "Hùng" and "Hưng" stay two people.
 */
function mergeSpellings(groups: Map<string, Mention[]>): void {
  // Folded keys already merge by fold; split groups whose spellings conflict, then re-merge.
  for (const [key, list] of [...groups]) {
    if (!key.startsWith('person:')) continue;
    const spellings = countBy(list.map((m) => m.normalized));
    if (spellings.size < 2) continue;
    const ranked = [...spellings.entries()].sort((a, b) => b[1] - a[1] || marks(b[0]) - marks(a[0]));
    const heads: string[] = [];
    const headOf = new Map<string, string>();
    for (const [s] of ranked) {
      const head = heads.find((h) => lessMarked(s, h) || lessMarked(h, s));
      if (head) headOf.set(s, head);
      else {
        heads.push(s);
        headOf.set(s, s);
      }
    }
    if (heads.length < 2) continue;
    groups.delete(key);
    heads.forEach((h, i) => {
      const sub = list.filter((m) => headOf.get(m.normalized) === h);
      groups.set(i === 0 ? key : `${key}#${i}`, sub);
    });
  }
}

const marks = (s: string) => s.normalize('NFD').replace(/[^\u0300-\u036fđĐ]/g, '').length;

function countBy(values: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

function mostFrequent(values: readonly string[], tieBreak: (a: string, b: string) => number): string {
  return [...countBy(values).entries()].sort((a, b) => b[1] - a[1] || tieBreak(a[0], b[0]))[0][0];
}

function toEntity(key: string, list: readonly Mention[]): Entity {
  const first = list[0];
  const normalized =
    first.kind === 'person'
      ? mostFrequent(
          list.map((m) => m.normalized),
          (a, b) => marks(b) - marks(a),
        )
      : first.normalized;
  const roles = list.map((m) => m.role).filter((r): r is PersonRole => !!r);
  const role = roles.length ? (mostFrequent(roles, (a, b) => rank(a) - rank(b)) as PersonRole) : undefined;
  const events = list.map((m) => m.event).filter((e): e is string => !!e);
  return {
    key,
    kind: first.kind,
    text:
      first.kind === 'person'
        ? normalized
        : mostFrequent(
            list.map((m) => m.text),
            (a, b) => a.localeCompare(b),
          ),
    normalized,
    ...(role ? { role } : {}),
    ...(first.provision ? { provision: first.provision } : {}),
    ...(first.amount !== undefined ? { amount: first.amount } : {}),
    occurrences: list.map((m) => ({ pageId: m.pageId, documentId: m.documentId, box: m.box, text: m.text })),
    documents: [...new Set(list.map((m) => m.documentId))],
    related: [],
    ...(events.length
      ? { events: [...countBy(events).entries()].sort((a, b) => b[1] - a[1]).map(([e]) => e) }
      : {}),
  };
}

const rank = (r: string) => {
  const i = ROLE_ORDER.indexOf(r as PersonRole);
  return i < 0 ? ROLE_ORDER.length : i;
};

function relate(
  keyOf: ReadonlyMap<Mention, string>,
  persons: readonly Mention[],
  others: readonly Mention[],
  entities: Map<string, Entity>,
): void {
  const byPage = new Map<string, Mention[]>();
  for (const p of persons) {
    const list = byPage.get(p.pageId);
    if (list) list.push(p);
    else byPage.set(p.pageId, [p]);
  }
  for (const o of others) {
    if (!RELATED_KINDS.has(o.kind)) continue;
    let nearest: Mention | undefined;
    for (const p of byPage.get(o.pageId) ?? [])
      if (
        p.words[1] < o.words[0] &&
        o.words[0] - p.words[1] <= RELATED_WINDOW &&
        p.sentence === o.sentence &&
        (!nearest || p.words[1] > nearest.words[1])
      )
        nearest = p;
    const person = nearest && entities.get(keyOf.get(nearest)!);
    const key = keyOf.get(o);
    if (person && key && !person.related.includes(key)) person.related.push(key);
  }
}
