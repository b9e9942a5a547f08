import type { OcrPage } from '@hoso/contracts';
import { effectiveWordsOf, type WordCorrection } from '@hoso/domain';
import { findDates } from './dates';
import { findDocNumbers, findNumbers, findPlates } from './identifiers';
import { findMoney } from './money';
import { findOrganizations } from './organizations';
import { pageText } from './page-text';
import { findPeople } from './people';
import { findPlaces } from './places';
import { findProvisions } from './provisions';
import { tokensOf, type Tok } from './tokens';
import type { Mention, PageWords } from './types';

/**
 * Everything one page says, as mentions with their words and boxes. Pure and per page, so the app
 * re-reads only pages whose words changed (new OCR, a correction) and `aggregateEntities` merges.
 */
export function extractPage(page: PageWords): Mention[] {
  const pt = pageText(page);
  const toks = tokensOf(pt);
  const places = findPlaces(page, pt, toks);
  const mentions = [
    ...findPeople(page, pt, toks),
    ...findPlates(page, pt),
    ...findNumbers(page, pt),
    ...findDocNumbers(page, pt),
    ...findProvisions(page, pt),
    ...findMoney(page, pt, toks),
    ...findDates(page, pt),
    ...places,
    ...findOrganizations(page, pt, toks, places),
  ];
  const sentences = sentenceNumbers(toks);
  return dropOverlaps(mentions).map((m) => ({ ...m, sentence: sentences[m.words[0]] }));
}

/**
 * Sentence number of every word. A form's field lines ("Số điện thoại: …", "Nơi cư trú: …") stay
 * in the sentence of the name above them: they describe that person.
 */
const FIELD_LINE =
  /^(so dien thoai|dien thoai|sdt|so cccd|cccd|cmnd|so cmnd|can cuoc|so tai khoan|noi cu tru|tru tai|sinh ngay|sinh nam|nghe nghiep|dan toc|quoc tich|gioi tinh)/;
function sentenceNumbers(toks: readonly Tok[]): number[] {
  const out: number[] = [];
  let n = 0;
  toks.forEach((t, i) => {
    out.push(n);
    if (!/[.?!;]/.test(t.trail)) return;
    const next = toks
      .slice(i + 1, i + 4)
      .map((x) => x.fold)
      .join(' ');
    if (!(toks[i + 1] && toks[i + 1].line !== t.line && FIELD_LINE.test(next))) n += 1;
  });
  return out;
}

/**
 * One reading per word: a plate is not also a phone, a date not also money, a place name not a
 * person ("huyện Lê Lợi"), a company's name not a person ("Công ty TNHH Hoàng Long"); only the
 * place in an organization's name stays a place. Earlier, more specific kinds win; within a kind
 * the longer match wins.
 */
const PRIORITY: Mention['kind'][] = [
  'doc_number',
  'legal_ref',
  'plate',
  'date',
  'id_number',
  'bank_account',
  'phone',
  'money',
  'organization',
  'place',
  'person',
];
function dropOverlaps(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort(
    (a, b) =>
      PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) ||
      b.words[1] - b.words[0] - (a.words[1] - a.words[0]) ||
      a.words[0] - b.words[0],
  );
  const kept: Mention[] = [];
  for (const m of sorted) {
    const clash = kept.some(
      (k) =>
        k.words[0] <= m.words[1] &&
        m.words[0] <= k.words[1] &&
        // The same words may carry several provisions ("điểm a, b khoản 2 Điều 174") or dates ("ngày 14 và 28").
        !(
          k.kind === m.kind &&
          (m.kind === 'legal_ref' || m.kind === 'date') &&
          k.normalized !== m.normalized
        ) &&
        // An organization's territory is a place too ("Công an huyện Krông Pắc").
        !(k.kind === 'organization' && m.kind === 'place'),
    );
    if (!clash) kept.push(m);
  }
  return kept.sort((a, b) => a.words[0] - b.words[0]);
}

/** An OcrPage (with the user's corrections) as words to read, lines numbered across blocks. */
export function pageWordsOf(
  ocr: OcrPage,
  pageId: string,
  documentId: string,
  corrections?: readonly WordCorrection[],
): PageWords {
  const words = effectiveWordsOf(ocr, corrections).map((w) => ({
    text: w.text,
    box: w.box,
    line: w.block * 10_000 + w.line,
  }));
  return { pageId, documentId, words };
}
