import Dexie from 'dexie';
import type { Box } from '@hoso/contracts';
import { effectiveWordsOf, type WordAddress } from '@hoso/domain';
import { matchedPositions, rankPages } from '@hoso/search';
import { buildSnippet, parseQuery, queryTerms, tokenizeWords, type Snippet } from '@hoso/text';
import { getDb, type HosoDb, type TermSegment } from './schema';
import { readIndexStats } from './searchIndex';

/**
 * Full-text search over OCR words (corrections applied). Diacritic-insensitive by default ("ho so"
 * finds "hồ sơ"), `exact` keeps diacritics; "quoted words" are phrases. Every clause must occur on
 * a page (AND). Ranking (BM25 plus a proximity bonus) is @hoso/search's `rankPages`; this file
 * reads what it ranks and turns the best pages into hits.
 *
 * Cost: each query term's packed segments are read by one key range (a few records per term even
 * for a word on every page).
 */
export interface SearchOptions {
  query: string;
  caseId?: string;
  exact?: boolean;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  pageId: string;
  caseId: string;
  documentId: string;
  folio?: number;
  score: number;
  snippet: Snippet;
  /** Boxes of the matched words, in the OCR frame of the page (upright and straightened; see OcrPage). */
  boxes: Box[];
  /** Addresses of the matched words (for the viewer to highlight/correct them). */
  words: WordAddress[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Pages matching, of which `hits` is the requested slice. */
  total: number;
  tookMs: number;
  /** Where the time went: reading index segments, ranking, reading the hit pages + snippets. */
  phasesMs?: { read: number; rank: number; hits: number };
}

/** A term's segments: all cases, or one case. */
function termSegments(db: HosoDb, term: string, caseId?: string): Promise<TermSegment[]> {
  const range = caseId
    ? db.terms.where('[term+caseId+seg]').between([term, caseId, -Infinity], [term, caseId, Infinity])
    : db.terms
        .where('[term+caseId+seg]')
        .between([term, Dexie.minKey, Dexie.minKey], [term, Dexie.maxKey, Dexie.maxKey]);
  return range.toArray();
}

export async function searchPages(options: SearchOptions, db: HosoDb = getDb()): Promise<SearchResult> {
  const started = performance.now();
  const q = parseQuery(options.query, options.exact ?? false);
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  const terms = queryTerms(q);
  if (terms.length === 0) return { hits: [], total: 0, tookMs: performance.now() - started };

  return db.transaction('r', [db.terms, db.pages, db.pageTexts, db.searchMeta], async () => {
    const [segments, stats] = await Promise.all([
      Promise.all(terms.map((t) => termSegments(db, t, options.caseId))),
      readIndexStats(db, options.caseId),
    ]);
    const tRead = performance.now();
    const ranking = rankPages(q, segments, stats, { offset, limit });
    const slice = ranking.pages;
    const tRank = performance.now();
    // One keyed lookup per hit, issued together (an anyOf() cursor walks the whole index in fake-indexeddb).
    const texts = await Promise.all(slice.map((s) => db.pageTexts.where('docNo').equals(s.docNo).first()));
    const pages = await db.pages.bulkGet(texts.map((t) => t?.pageId ?? ''));

    const hits: SearchHit[] = [];
    slice.forEach((s, i) => {
      const page = pages[i];
      const text = texts[i];
      if (!page || !text) return;
      const words = effectiveWordsOf(text.ocr, text.corrections);
      const tokens = tokenizeWords(words.map((w) => w.text));
      const matched = matchedPositions(s.matches);
      const wordIdx = [...new Set(tokens.filter((t) => matched.has(t.position)).map((t) => t.word))];
      hits.push({
        pageId: page.id,
        caseId: page.caseId,
        documentId: page.documentId,
        folio: page.folio,
        score: s.score,
        snippet: buildSnippet(
          words.map((w) => w.text),
          tokens,
          matched,
        ),
        boxes: wordIdx.map((w) => words[w].box),
        words: wordIdx.map((w) => ({ block: words[w].block, line: words[w].line, word: words[w].word })),
      });
    });
    const end = performance.now();
    return {
      hits,
      total: ranking.total,
      tookMs: end - started,
      phasesMs: { read: tRead - started, rank: tRank - tRead, hits: end - tRank },
    };
  });
}
