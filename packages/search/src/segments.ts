/**
 * The full-text index's storage shape, packed: the postings of one term in one case for up to
 * SEGMENT_PAGES pages per record. A query reads a handful of records per term instead of one
 * record per page (IndexedDB's per-record cost is what makes a naive [term+pageId] table slow:
 * measured ~0.05 ms per record in Chromium, i.e. 500 ms for a term found on 10 000 pages).
 * `seg` 0 is the open segment new pages are appended to; full segments are sealed under a
 * unique positive number. Pure: the renderer's db/ stores what these functions return.
 */

/** Pages per sealed segment. */
export const SEGMENT_PAGES = 256;

/** One term's occurrences on one page (computed while indexing; stored packed in TermSegments). */
export interface SearchPosting {
  /** Diacritic-folded term ("dieu"): the default search is diacritic-insensitive. */
  term: string;
  pageId: string;
  /** The page's index number (PageText.docNo). */
  docNo: number;
  caseId: string;
  /** Token positions (reading order on the page) for phrase search and proximity. */
  positions: number[];
  /** Exact (lower-case NFC) form at each position, parallel to `positions`, when one differs from the term. */
  exact?: string[];
  /** Token count of the page (BM25 length normalization). */
  len: number;
}

export interface TermSegment {
  term: string;
  caseId: string;
  seg: number;
  /** Pages by index number (PageText.docNo): integers clone far faster than UUID strings. */
  docs: Uint32Array;
  /** Token count of each page. (Typed arrays: IndexedDB clones them far faster than arrays of numbers.) */
  lens: Uint32Array;
  /** positions of docs[i] are positions[starts[i] .. starts[i+1]). length = docs.length + 1 */
  starts: Uint32Array;
  positions: Uint32Array;
  /** Distinct exact forms of the term in this segment; formIdx (parallel to positions) indexes it. Omitted when all are the term itself. */
  forms?: string[];
  formIdx?: Uint8Array;
}

export function emptySegment(term: string, caseId: string, seg = 0): TermSegment {
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

/** Postings of a segment unpacked (for rewriting it). `pageId` is not stored and comes back empty. */
export function unpackSegment(s: TermSegment): SearchPosting[] {
  return Array.from(s.docs, (docNo, i) => {
    const a = s.starts[i];
    const b = s.starts[i + 1];
    const positions = Array.from(s.positions.subarray(a, b));
    const exact = s.forms && s.formIdx ? Array.from(s.formIdx.subarray(a, b), (f) => s.forms![f]) : undefined;
    return { term: s.term, pageId: '', docNo, caseId: s.caseId, positions, exact, len: s.lens[i] };
  });
}

export function packSegment(
  term: string,
  caseId: string,
  seg: number,
  postings: SearchPosting[],
): TermSegment {
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
 * Appends one term's postings (all of the same term and case) to its open segment, sealing
 * segments that fill up under `sealNo()` numbers. Returns every segment to write: the sealed
 * ones and the new open one (empty when the last seal took everything).
 */
export function appendToSegment(
  open: TermSegment | undefined,
  postings: SearchPosting[],
  sealNo: () => number,
): TermSegment[] {
  const { term, caseId } = postings[0];
  const writes: TermSegment[] = [];
  let current = open ? unpackSegment(open) : [];
  for (const p of postings) {
    current.push(p);
    if (current.length >= SEGMENT_PAGES) {
      writes.push(packSegment(term, caseId, sealNo(), current));
      current = [];
    }
  }
  writes.push(current.length ? packSegment(term, caseId, 0, current) : emptySegment(term, caseId));
  return writes;
}

/**
 * A segment without the given pages: the same segment when none of them is in it, a rewritten one,
 * or null when a sealed segment is left empty (delete it; the open segment 0 stays, empty).
 */
export function withoutDocs(s: TermSegment, gone: ReadonlySet<number>): TermSegment | null {
  if (!s.docs.some((d) => gone.has(d))) return s;
  const kept = unpackSegment(s).filter((p) => !gone.has(p.docNo));
  if (kept.length) return packSegment(s.term, s.caseId, s.seg, kept);
  return s.seg === 0 ? emptySegment(s.term, s.caseId) : null;
}
