import { foldDiacritics } from '@hoso/text';
import { textOfWords, unionBox, type PageText } from './page-text';
import { capitalization, titleCase, type Tok } from './tokens';
import type { Mention, PageWords } from './types';

/**
 * Places named by their administrative unit: "xã Ea Kao", "huyện Krông Pắc", "tỉnh Đắk Lắk",
 * "thành phố Buôn Ma Thuột", "buôn Ko Tam", "ấp Tân Hòa", "Phường 3". The unit word is matched as
 * printed (with its diacritics: "quan" alone is "cơ quan", not "quận"), the name must be capitalized.
 */
const UNITS: [string[], string][] = (
  [
    ['thành phố', 'thành phố'],
    ['tp', 'thành phố'],
    ['tỉnh', 'tỉnh'],
    ['huyện', 'huyện'],
    ['quận', 'quận'],
    ['thị xã', 'thị xã'],
    ['thị trấn', 'thị trấn'],
    ['xã', 'xã'],
    ['phường', 'phường'],
    ['ấp', 'ấp'],
    ['buôn', 'buôn'],
    ['thôn', 'thôn'],
    ['bản', 'bản'],
    ['làng', 'làng'],
    ['khóm', 'khóm'],
    ['khu phố', 'khu phố'],
    ['tổ dân phố', 'tổ dân phố'],
    ['sóc', 'sóc'],
    ['plei', 'plei'],
  ] as [string, string][]
)
  .map(([p, u]) => [p.split(' '), u] as [string[], string])
  .sort((a, b) => b[0].length - a[0].length);

const MAX_PLACE = 4;
const NUMBERED = new Set(['phường', 'quận', 'khóm', 'khu phố', 'tổ dân phố', 'thôn', 'ấp']);

/** Capitalized words that follow a unit word but are not a place name ("xã Hội", "Bản Kết luận"). */
const STOP_WORDS = [
  'Số',
  'Ngày',
  'Sinh',
  'Trú',
  'Tại',
  'Là',
  'Về',
  'Theo',
  'Bị',
  'Đã',
  'Khi',
  'Và',
  'Của',
  'Với',
  'Vào',
  'Lúc',
  'Hồi',
  'Kết',
  'Quyết',
  'Cáo',
  'Lệnh',
  'Hội',
  'Sao',
  'Chính',
  'Điều',
  'Khoản',
  'Căn',
  'CCCD',
  'Công',
  'Viện',
  'Tòa',
  'Ủy',
  'Cơ',
  'Đội',
  'Phòng',
  'Người',
  'Nhân',
  // The national motto beside the issuer on one OCR line: "CÔNG AN HUYỆN ĐAK PƠ CỘNG HÒA XÃ HỘI…".
  'Cộng',
  'Độc',
];
const STOP_EXACT = new Set(STOP_WORDS);
const STOP_FOLDED = new Set(STOP_WORDS.map((w) => foldDiacritics(w)));
const stops = (core: string) => {
  const word = /\p{Ll}/u.test(core) ? core : core.charAt(0) + core.slice(1).toLowerCase();
  return (
    STOP_EXACT.has(word) ||
    (foldDiacritics(word) === word.toLowerCase() && STOP_FOLDED.has(word.toLowerCase()))
  );
};
/** Unit words that are also syllables of names ("Chau Sóc Khên", "Sóc Trăng"): lower case only, or a heading in capitals. */
const LOWER_ONLY = new Set(['sóc', 'bản', 'làng', 'plei', 'buôn', 'ấp', 'thôn']);

function unitAt(toks: readonly Tok[], i: number): [number, string] | undefined {
  for (const [words, unit] of UNITS) {
    if (i + words.length > toks.length) continue;
    const ok = words.every((w, k) => {
      const t = toks[i + k];
      if (k < words.length - 1 && t.trail && t.trail !== '.') return false;
      return t.core.toLowerCase() === w;
    });
    if (ok) return [words.length, unit];
  }
  return undefined;
}

export function findPlaces(page: PageWords, pt: PageText, toks: readonly Tok[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const unit = unitAt(toks, i);
    if (!unit) continue;
    const [len, name] = unit;
    const last = toks[i + len - 1];
    const start = i + len;
    if (start >= toks.length || (last.trail && last.trail !== '.')) continue;
    const unitCaps = capitalization(toks[i].core);
    if (LOWER_ONLY.has(name) && unitCaps === 'title') continue;
    if (name === 'bản' && toks[i - 1]?.fold === 'bien') continue; // biên bản
    // Numbered units: "Phường 3", "quận 10", "khóm 4".
    if (/^\d{1,2}$/.test(toks[start].core) && NUMBERED.has(name)) {
      out.push(placeMention(page, pt, i, start, `${name} ${toks[start].core}`));
      i = start;
      continue;
    }
    const caps = capitalization(toks[start].core);
    if (!caps || (caps === 'upper' && unitCaps !== 'upper')) continue;
    if (stops(toks[start].core)) continue;
    let end = start;
    while (
      end + 1 < toks.length &&
      end - start + 1 < MAX_PLACE &&
      !toks[end].trail &&
      (toks[end + 1].line === toks[end].line || end === start) &&
      capitalization(toks[end + 1].core) === caps &&
      !unitAt(toks, end + 1) &&
      !stops(toks[end + 1].core)
    )
      end++;
    const names = toks.slice(start, end + 1).map((t) => (caps === 'upper' ? titleCase(t.core) : t.core));
    const folded = toks
      .slice(start, end + 1)
      .map((t) => t.fold)
      .join(' ');
    // The national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA": "xã hội" is society, not a commune.
    if (/^hoi( chu)?/.test(folded)) continue;
    out.push(placeMention(page, pt, i, end, `${name} ${names.join(' ')}`));
    i = end;
  }
  return out;
}

function placeMention(
  page: PageWords,
  pt: PageText,
  first: number,
  last: number,
  normalized: string,
): Mention {
  return {
    kind: 'place',
    text: textOfWords(pt, [first, last]).replace(/[.,;:)]+$/u, ''),
    normalized,
    pageId: page.pageId,
    documentId: page.documentId,
    words: [first, last],
    box: unionBox(pt, [first, last]),
  };
}
