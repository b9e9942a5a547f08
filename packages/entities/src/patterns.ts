import { unionBox, wordsOfRange, type PageText } from './page-text';
import type { Mention, PageWords } from './types';

/**
 * Runs a pattern over the page's folded text (same length as the printed text) and turns each
 * accepted match into a mention on the printed words it covers. `build` returns undefined to reject.
 */
export function matchMentions(
  page: PageWords,
  pt: PageText,
  re: RegExp,
  build: (
    m: RegExpExecArray,
    printed: string,
  ) => Omit<Mention, 'text' | 'pageId' | 'documentId' | 'words' | 'box'> | undefined,
  span?: (m: RegExpExecArray) => [number, number],
): Mention[] {
  const out: Mention[] = [];
  for (const m of pt.folded.matchAll(re)) {
    const [start, end] = span ? span(m) : [m.index, m.index + m[0].length];
    const printed = pt.text.slice(start, end);
    const fields = build(m, printed);
    if (!fields) continue;
    const mention = atRange(page, pt, start, end, fields);
    if (mention) out.push(mention);
  }
  return out;
}

/** A mention over the printed characters [start, end). */
export function atRange(
  page: PageWords,
  pt: PageText,
  start: number,
  end: number,
  fields: Omit<Mention, 'text' | 'pageId' | 'documentId' | 'words' | 'box'>,
): Mention | undefined {
  const words = wordsOfRange(pt, start, end);
  if (!words) return undefined;
  return {
    ...fields,
    text: pt.text.slice(start, end).replace(/\s+/g, ' '),
    pageId: page.pageId,
    documentId: page.documentId,
    words,
    box: unionBox(pt, words),
  };
}

/** The folded text just before `index` (up to `n` characters), for context words. */
export function before(pt: PageText, index: number, n: number): string {
  return pt.folded.slice(Math.max(0, index - n), index).toLowerCase();
}
