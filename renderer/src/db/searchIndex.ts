import { effectiveWordsOf, type PageText } from '@hoso/domain';
import { tokenizeWords } from '@hoso/text';
import type { HosoDb, SearchPosting, TermSegment } from './schema';

/**
 * Writing the full-text index (packed TermSegments, see schema.ts). Call inside a transaction that
 * includes `terms` and `pageTexts`, BEFORE the new page texts are stored: a page's old postings are
 * found from its stored text, removed, and the new ones appended — the index never holds half a page.
 */
export const SEGMENT_PAGES = 256;

export function postingsForPage(
  text: Pick<PageText, 'pageId' | 'caseId' | 'ocr' | 'corrections' | 'docNo'>,
): SearchPosting[] {
  const words = effectiveWordsOf(text.ocr, text.corrections).map((w) => w.text);
  const tokens = tokenizeWords(words);
  const byTerm = new Map<string, SearchPosting>();
  for (const t of tokens) {
    let p = byTerm.get(t.term);
    if (!p) {
      p = {
        term: t.term,
        pageId: text.pageId,
        docNo: text.docNo ?? -1,
        caseId: text.caseId,
        positions: [],
        len: tokens.length,
      };
      byTerm.set(t.term, p);
    }
    if (t.exact !== t.term && !p.exact) p.exact = p.positions.map(() => t.term);
    p.positions.push(t.position);
    p.exact?.push(t.exact);
  }
  return [...byTerm.values()];
}

const segKey = (term: string, caseId: string, seg: number): [string, string, number] => [term, caseId, seg];

function emptySegment(term: string, caseId: string, seg = 0): TermSegment {
  return {
    term,
    caseId,
    seg,
    docs: new Uint32Array(0),
    lens: new Uint32Array(0),
    starts: new Uint32Array([0]),
    positions: new Uint32Array(0),
  };
}

/** Postings of a segment unpacked (for rewriting it). */
function unpack(s: TermSegment): SearchPosting[] {
  return Array.from(s.docs, (docNo, i) => {
    const a = s.starts[i];
    const b = s.starts[i + 1];
    const positions = Array.from(s.positions.subarray(a, b));
    const exact = s.forms && s.formIdx ? Array.from(s.formIdx.subarray(a, b), (f) => s.forms![f]) : undefined;
    return { term: s.term, pageId: '', docNo, caseId: s.caseId, positions, exact, len: s.lens[i] };
  });
}

function pack(term: string, caseId: string, seg: number, postings: SearchPosting[]): TermSegment {
  const total = postings.reduce((n, p) => n + p.positions.length, 0);
  const s: TermSegment = {
    term,
    caseId,
    seg,
    docs: Uint32Array.from(postings, (p) => p.docNo),
    lens: Uint32Array.from(postings, (p) => p.len),
    starts: new Uint32Array(postings.length + 1),
    positions: new Uint32Array(total),
  };
  const forms = new Map<string, number>([[term, 0]]);
  const formIdx = new Uint8Array(total);
  let at = 0;
  postings.forEach((p, i) => {
    s.starts[i] = at;
    p.positions.forEach((pos, k) => {
      s.positions[at] = pos;
      const form = p.exact?.[k] ?? term;
      let f = forms.get(form);
      // More than 255 spellings of one folded term is OCR noise: later ones share the last slot.
      if (f === undefined) forms.set(form, (f = Math.min(255, forms.size)));
      formIdx[at++] = f;
    });
  });
  s.starts[postings.length] = at;
  if (forms.size > 1) {
    s.forms = [...forms.keys()].slice(0, 256);
    s.formIdx = formIdx;
  }
  return s;
}

/**
 * Per-case index statistics (pages indexed, their tokens) for BM25's N and average length. Kept
 * as counters beside the index because counting records is linear in Chromium's IndexedDB:
 * `pageTexts.count()` cost ~350 ms at 10 000 pages.
 */
export interface IndexStatsRecord {
  pages: number;
  tokens: number;
}
const STATS_PREFIX = 'search.stats:';

async function bumpStats(db: HosoDb, deltas: Map<string, IndexStatsRecord>): Promise<void> {
  for (const [caseId, d] of deltas) {
    const key = STATS_PREFIX + caseId;
    const cur = ((await db.settings.get(key))?.value as IndexStatsRecord | undefined) ?? {
      pages: 0,
      tokens: 0,
    };
    await db.settings.put({
      key,
      value: { pages: Math.max(0, cur.pages + d.pages), tokens: Math.max(0, cur.tokens + d.tokens) },
    });
  }
}

/** Stats change of indexing (+1) or removing (-1) pages, from their postings (each carries the page's length). */
function statsDelta(pages: SearchPosting[][], sign: 1 | -1): Map<string, IndexStatsRecord> {
  const m = new Map<string, IndexStatsRecord>();
  for (const postings of pages) {
    if (postings.length === 0) continue; // a page without words is not counted (nor removed)
    const d = m.get(postings[0].caseId) ?? { pages: 0, tokens: 0 };
    d.pages += sign;
    d.tokens += sign * postings[0].len;
    m.set(postings[0].caseId, d);
  }
  return m;
}

/** N and total tokens of the index, for one case or all. */
export async function readIndexStats(db: HosoDb, caseId?: string): Promise<IndexStatsRecord> {
  const records = caseId
    ? [await db.settings.get(STATS_PREFIX + caseId)]
    : await db.settings.where('key').startsWith(STATS_PREFIX).toArray();
  const sum = { pages: 0, tokens: 0 };
  for (const r of records) {
    const v = r?.value as IndexStatsRecord | undefined;
    if (v) {
      sum.pages += v.pages;
      sum.tokens += v.tokens;
    }
  }
  return sum;
}

/** Appends postings to the open segments of their terms, sealing segments that fill up. */
async function appendPostings(db: HosoDb, postings: SearchPosting[]): Promise<void> {
  const groups = new Map<string, SearchPosting[]>();
  for (const p of postings) {
    const k = `${p.caseId}\u0000${p.term}`;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const keys = [...groups.values()].map((g) => segKey(g[0].term, g[0].caseId, 0));
  const open = await db.terms.bulkGet(keys);
  const writes: TermSegment[] = [];
  let sealNo = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  [...groups.values()].forEach((g, i) => {
    const { term, caseId } = g[0];
    let current = open[i] ? unpack(open[i]!) : [];
    for (const p of g) {
      current.push(p);
      if (current.length >= SEGMENT_PAGES) {
        writes.push(pack(term, caseId, sealNo++, current));
        current = [];
      }
    }
    writes.push(current.length ? pack(term, caseId, 0, current) : emptySegment(term, caseId));
  });
  await db.terms.bulkPut(writes);
}

type Removals = Map<string, { term: string; caseId: string; docs: Set<number> }>;

function addRemoval(r: Removals, p: SearchPosting): void {
  const k = `${p.caseId}\u0000${p.term}`;
  const e = r.get(k);
  if (e) e.docs.add(p.docNo);
  else r.set(k, { term: p.term, caseId: p.caseId, docs: new Set([p.docNo]) });
}

/** Removes pages' entries from the given terms' segments. */
async function removeEntries(db: HosoDb, removals: Removals): Promise<void> {
  // One range read per term, issued together: IndexedDB pipelines the requests of a transaction.
  await Promise.all(
    [...removals.values()].map(async ({ term, caseId, docs: gone }) => {
      const segs = await db.terms
        .where('[term+caseId+seg]')
        .between(segKey(term, caseId, -Infinity), segKey(term, caseId, Infinity))
        .toArray();
      for (const s of segs) {
        if (!s.docs.some((d) => gone.has(d))) continue;
        const kept = unpack(s).filter((p) => !gone.has(p.docNo));
        if (kept.length || s.seg === 0) {
          await db.terms.put(kept.length ? pack(term, caseId, s.seg, kept) : emptySegment(term, caseId));
        } else await db.terms.delete(segKey(term, caseId, s.seg));
      }
    }),
  );
}

/** Removes the given pages' postings; their terms are read from their stored (old) texts. */
export async function removePagePostings(db: HosoDb, pageIds: string[]): Promise<void> {
  if (pageIds.length === 0) return;
  const old = (await db.pageTexts.bulkGet(pageIds)).filter((t): t is PageText => !!t);
  if (old.length === 0) return;
  const oldPostings = old.map(postingsForPage);
  await bumpStats(db, statsDelta(oldPostings, -1));
  const removals: Removals = new Map();
  for (const p of oldPostings.flat()) addRemoval(removals, p);
  await removeEntries(db, removals);
}

/**
 * Pages kept but not searchable: left out of the dossier (a scanned blank, greyed) until the user
 * restores it. Its OCR text is stored (a faint note stays readable once restored) but has no
 * postings, so no search finds it. A page is left out only when recorded, before it has a text,
 * and leaves that state only through `indexRestoredPages`: a left-out page never has postings.
 */
async function leftOutPageIds(db: HosoDb, pageIds: string[]): Promise<Set<string>> {
  const pages = await db.pages.bulkGet(pageIds);
  return new Set(pages.flatMap((p) => (p?.leftOut ? [p.id] : [])));
}

/** A restored page's stored text becomes searchable (call once its `leftOut` is cleared). */
export async function indexRestoredPages(db: HosoDb, pageIds: string[]): Promise<void> {
  const texts = (await db.pageTexts.bulkGet(pageIds)).filter((t): t is PageText => !!t);
  const postings = texts.map(postingsForPage);
  await appendPostings(db, postings.flat());
  await bumpStats(db, statsDelta(postings, 1));
}

const NEXT_DOC_NO = 'search.nextDocNo';

function samePosting(a: SearchPosting, b: SearchPosting | undefined): boolean {
  if (!b || a.len !== b.len || a.positions.length !== b.positions.length) return false;
  for (let i = 0; i < a.positions.length; i++) {
    if (a.positions[i] !== b.positions[i]) return false;
    if ((a.exact?.[i] ?? a.term) !== (b.exact?.[i] ?? b.term)) return false;
  }
  return true;
}

/**
 * (Re)indexes pages and returns them with their index number (`docNo`): store THOSE texts, after
 * this call (it reads the old stored texts to keep their numbers and to drop what changed). A
 * docNo that came with the input (e.g. from a bundle) is ignored. Re-indexing a page rewrites
 * only the terms whose postings changed: a one-word correction touches one to three terms.
 * Pages left out of the dossier are numbered and stored but get no postings (`leftOutPageIds`).
 * The transaction must include `pages` too.
 */
export async function indexPageTexts(db: HosoDb, texts: PageText[]): Promise<PageText[]> {
  const old = await db.pageTexts.bulkGet(texts.map((t) => t.pageId));
  const leftOut = await leftOutPageIds(
    db,
    texts.map((t) => t.pageId),
  );
  let next = ((await db.settings.get(NEXT_DOC_NO))?.value as number | undefined) ?? 1;
  const numbered = texts.map((t, i) => ({ ...t, docNo: old[i]?.docNo ?? next++ }));
  await db.settings.put({ key: NEXT_DOC_NO, value: next });

  const removals: Removals = new Map();
  const additions: SearchPosting[] = [];
  const added: SearchPosting[][] = [];
  const removed: SearchPosting[][] = [];
  numbered.forEach((t, i) => {
    // Left out now and so, by the invariant above, when its old text was stored: nothing to index.
    if (leftOut.has(t.pageId)) return;
    const now = postingsForPage(t);
    const prior = old[i];
    if (!prior) {
      additions.push(...now);
      added.push(now);
      return;
    }
    const before = postingsForPage({ ...prior, docNo: t.docNo });
    const nowBy = new Map(now.map((p) => [p.term, p]));
    const beforeBy = new Map(before.map((p) => [p.term, p]));
    for (const p of before) if (!samePosting(p, nowBy.get(p.term))) addRemoval(removals, p);
    for (const p of now) if (!samePosting(p, beforeBy.get(p.term))) additions.push(p);
    removed.push(before);
    added.push(now);
  });
  await removeEntries(db, removals);
  await appendPostings(db, additions);
  await bumpStats(db, statsDelta(removed, -1));
  await bumpStats(db, statsDelta(added, 1));
  return numbered;
}

/** Drops a whole case's index (purge). */
export async function removeCaseIndex(db: HosoDb, caseId: string): Promise<void> {
  await db.terms.where('caseId').equals(caseId).delete();
  await db.settings.delete(STATS_PREFIX + caseId);
}

/** Size of the index: segment records, (term, page) entries, word positions, approximate bytes. */
export async function indexStats(
  db: HosoDb,
): Promise<{ segments: number; entries: number; positions: number; bytes: number }> {
  let segments = 0;
  let entries = 0;
  let positions = 0;
  let bytes = 0;
  await db.terms.each((s) => {
    segments++;
    entries += s.docs.length;
    positions += s.positions.length;
    bytes +=
      s.term.length * 2 +
      s.caseId.length +
      s.docs.byteLength +
      s.lens.byteLength +
      s.starts.byteLength +
      s.positions.byteLength +
      (s.formIdx?.byteLength ?? 0) +
      (s.forms?.reduce((n, f) => n + f.length * 2, 0) ?? 0);
  });
  return { segments, entries, positions, bytes };
}
