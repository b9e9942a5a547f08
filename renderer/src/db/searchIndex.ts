import { effectiveWordsOf, type PageText } from '@hoso/domain';
import { tokenizeWords } from '@hoso/text';
import type { HosoDb, SearchPosting } from './schema';

/**
 * Writing the full-text index. Call inside a transaction that includes `postings`: a page's
 * postings are replaced whole, so the index never holds half a page.
 */
export function postingsForPage(text: PageText): SearchPosting[] {
  const words = effectiveWordsOf(text.ocr, text.corrections).map((w) => w.text);
  const tokens = tokenizeWords(words);
  const byTerm = new Map<string, SearchPosting>();
  for (const t of tokens) {
    let p = byTerm.get(t.term);
    if (!p) {
      p = { term: t.term, pageId: text.pageId, caseId: text.caseId, positions: [], len: tokens.length };
      byTerm.set(t.term, p);
    }
    if (t.exact !== t.term && !p.exact) p.exact = p.positions.map(() => p!.term);
    p.positions.push(t.position);
    p.exact?.push(t.exact);
  }
  return [...byTerm.values()];
}

export async function removePagePostings(db: HosoDb, pageIds: string[]): Promise<void> {
  if (pageIds.length === 0) return;
  await db.postings.where('pageId').anyOf(pageIds).delete();
}

export async function indexPageTexts(db: HosoDb, texts: PageText[]): Promise<void> {
  await removePagePostings(
    db,
    texts.map((t) => t.pageId),
  );
  const all = texts.flatMap(postingsForPage);
  if (all.length) await db.postings.bulkPut(all);
}
