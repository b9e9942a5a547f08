import type { PageText } from '@hoso/domain';
import {
  addStats,
  appendToSegment,
  postingsForPage,
  samePosting,
  statsDelta,
  withoutDocs,
  type IndexStats,
  type SearchPosting,
  type TermSegment,
} from '@hoso/search';
import type { HosoDb } from './schema';
import { readCaseStats, readNextDocNo, removeCaseStats, writeIndexStats, writeNextDocNo } from './searchMeta';

/**
 * Writing the full-text index (packed TermSegments, see @hoso/search). Call inside a transaction
 * that includes `terms`, `searchMeta` and `pageTexts`, BEFORE the new page texts are stored: a
 * page's old postings are found from its stored text, removed, and the new ones appended — the
 * index never holds half a page.
 */
export { SEGMENT_PAGES, postingsForPage } from '@hoso/search';
export { readIndexStats } from './searchMeta';

const segKey = (term: string, caseId: string, seg: number): [string, string, number] => [term, caseId, seg];

async function bumpStats(db: HosoDb, deltas: Map<string, IndexStats>): Promise<void> {
  for (const [caseId, d] of deltas) {
    await writeIndexStats(db, caseId, addStats(await readCaseStats(db, caseId), d));
  }
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
  let sealNo = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  const writes: TermSegment[] = [...groups.values()].flatMap((g, i) =>
    appendToSegment(open[i], g, () => sealNo++),
  );
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
        const kept = withoutDocs(s, gone);
        if (kept === s) continue;
        if (kept) await db.terms.put(kept);
        else await db.terms.delete(segKey(term, caseId, s.seg));
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
  let next = await readNextDocNo(db);
  const numbered = texts.map((t, i) => ({ ...t, docNo: old[i]?.docNo ?? next++ }));
  await writeNextDocNo(db, next);

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
  await removeCaseStats(db, caseId);
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
