import { textOfWords, unionBox, type PageText } from './page-text';
import { capitalization, phraseStartsAt, titleCase, type Tok } from './tokens';
import type { Mention, PageWords } from './types';

/**
 * Organizations the papers name: state bodies with their territory ("Công an huyện Krông Pắc",
 * "Viện kiểm sát nhân dân tỉnh Đắk Lắk", "Sở Y tế tỉnh Ninh Thuận"), their units hung on a body
 * ("Cơ quan Cảnh sát điều tra Công an tỉnh Đắk Lắk", "Phòng Cảnh sát hình sự (PC02)"), and
 * companies and banks ("Công ty TNHH Thương mại Hoàng Long", "Ngân hàng TMCP Ngoại thương Việt
 * Nam"). Precision first: a body needs its territory right after it (a place), a unit needs a body
 * or its code after it, a company needs a capitalized name; "Công an", "cơ quan", "Công ty" alone
 * are not organizations.
 */

/** Bodies named by their territory: the place must follow at once. Canonical spelling. */
const BODIES = [
  'Công an',
  'Viện kiểm sát nhân dân',
  'Tòa án nhân dân',
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
];
/** Bodies without a territory. */
const SUPREME = ['Viện kiểm sát nhân dân tối cao', 'Tòa án nhân dân tối cao', 'Bộ Công an'];
/** Units: a name may follow ("Phòng Cảnh sát hình sự"), then a body or a place, or its code "(PC02)". */
const UNITS = [
  'Cơ quan Cảnh sát điều tra',
  'Cơ quan An ninh điều tra',
  'Cơ quan điều tra',
  'Trại tạm giam',
  'Nhà tạm giữ',
  'Phòng',
  'Đội',
  'Sở',
  'Cục',
  'Chi cục',
  'Trung tâm',
  'Bệnh viện',
];
/** Companies and banks: a capitalized name follows, after the legal form. */
const FIRMS = ['Tổng công ty', 'Công ty', 'Ngân hàng', 'Doanh nghiệp tư nhân', 'Hợp tác xã', 'Tập đoàn'];
const FORMS = [
  'TNHH MTV',
  'TNHH',
  'trách nhiệm hữu hạn một thành viên',
  'trách nhiệm hữu hạn',
  'cổ phần',
  'CP',
  'TMCP',
  'thương mại cổ phần',
  'hợp danh',
];
/** Lower-case words that end a unit's name: the sentence goes on ("Đội Cảnh sát giao thông tại …"). */
const UNIT_STOPS = new Set([
  'tại',
  'của',
  'và',
  'đã',
  'đang',
  'là',
  'với',
  'về',
  'theo',
  'cho',
  'ở',
  'trên',
  'thuộc',
]);
/**
 * …and a company's: its name may hold lower-case words ("Thương mại", "Đầu tư và Phát triển"),
 * but not these, which carry the sentence on ("Ngân hàng Vietcombank theo yêu cầu").
 */
const FIRM_STOPS = new Set([
  ...UNIT_STOPS,
  'vào',
  'từ',
  'mở',
  'có',
  'được',
  'để',
  'trụ',
  'địa',
  'nơi',
  'số',
  'chi',
  'nhánh',
]);
FIRM_STOPS.delete('và');
/**
 * A company's name may go on to the next line ("tại Ngân hàng / Vietcombank"), unless that line
 * starts a new sentence or field: these capitalized words start lines, not names.
 */
const LINE_STARTERS = new Set(
  'Số Ngày Tôi Sau Theo Căn Hồi Khi Vào Tại Đề Bị Người Ông Bà Anh Chị Điều Kiểm Cán Vật Hành Quá Đối Họ Nơi Trú Sinh Là Tiền Đã Và'.split(
    ' ',
  ),
);
const MAX_UNIT_NAME = 6;
const MAX_FIRM_NAME = 8;

const phrases = (list: string[]) =>
  list
    .map((p) => ({ canonical: p, words: p.toLowerCase().split(' ') }))
    .sort((a, b) => b.words.length - a.words.length);
const BODY_P = phrases(BODIES);
const SUPREME_P = phrases(SUPREME);
const UNIT_P = phrases(UNITS);
const FIRM_P = phrases(FIRMS);
const FORM_P = phrases(FORMS);

interface Span {
  end: number;
  normalized: string;
}

export function findOrganizations(
  page: PageWords,
  pt: PageText,
  toks: readonly Tok[],
  places: readonly Mention[],
): Mention[] {
  const placeAt = new Map(places.map((p) => [p.words[0], p]));
  const ctx = { toks, placeAt };
  const out: Mention[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!capitalization(toks[i].core)) continue;
    const span = bodyAt(ctx, i) ?? unitAt(ctx, i) ?? firmAt(ctx, i);
    if (!span) continue;
    out.push({
      kind: 'organization',
      text: textOfWords(pt, [i, span.end]).replace(/[.,;:]+$/u, ''),
      normalized: span.normalized,
      pageId: page.pageId,
      documentId: page.documentId,
      words: [i, span.end],
      box: unionBox(pt, [i, span.end]),
    });
    i = span.end;
  }
  return out;
}

interface Ctx {
  toks: readonly Tok[];
  placeAt: ReadonlyMap<number, Mention>;
}

/** The longest phrase of the list printed at `i` (head word capitalized, no sentence end inside). */
function phraseAt(toks: readonly Tok[], i: number, list: ReturnType<typeof phrases>) {
  for (const p of list) {
    if (!phraseStartsAt(toks, i, p.words)) continue;
    const inner = toks.slice(i, i + p.words.length - 1);
    if (inner.some((t) => t.trail && t.trail !== '-')) continue;
    return p;
  }
  return undefined;
}

/** "Công an huyện Krông Pắc", "VIỆN KIỂM SÁT NHÂN DÂN / TỈNH GIA LAI", "Bộ Công an". */
function bodyAt(ctx: Ctx, i: number): Span | undefined {
  const supreme = phraseAt(ctx.toks, i, SUPREME_P);
  if (supreme) return { end: i + supreme.words.length - 1, normalized: supreme.canonical };
  const body = phraseAt(ctx.toks, i, BODY_P);
  if (!body) return undefined;
  const last = i + body.words.length - 1;
  if (ctx.toks[last].trail) return undefined;
  const place = ctx.placeAt.get(last + 1);
  if (!place) return undefined;
  return { end: place.words[1], normalized: `${body.canonical} ${place.normalized}` };
}

/** A unit with its name, then its body, its place or its code: "Phòng Cảnh sát hình sự (PC02) Công an tỉnh Đắk Lắk". */
function unitAt(ctx: Ctx, i: number): Span | undefined {
  const { toks } = ctx;
  const unit = phraseAt(toks, i, UNIT_P);
  if (!unit) return undefined;
  const caps = capitalization(toks[i].core);
  let k = i + unit.words.length; // first word after the unit word(s)
  const name: string[] = [];
  let code: string | undefined;
  const nameFixed = unit.words.length > 1; // "Cơ quan Cảnh sát điều tra", "Trại tạm giam": no name
  while (!nameFixed && k < toks.length && name.length < MAX_UNIT_NAME && !toks[k - 1].trail) {
    const t = toks[k];
    if (t.line !== toks[k - 1].line) break; // a heading's next line is another heading
    if (t.lead.includes('(')) break;
    if (ctx.placeAt.has(k) || bodyAt(ctx, k) || !/^\p{L}+$/u.test(t.core)) break;
    const c = capitalization(t.core);
    if (name.length === 0 && !c) return undefined; // "Phòng làm việc", "Đội trưởng"…
    if (!c && UNIT_STOPS.has(t.lower)) break;
    if (c === 'upper' && caps !== 'upper') break;
    name.push(t.core);
    k++;
  }
  if (!nameFixed && name.length === 0) return undefined;
  // "(PC02)": the unit's code.
  const t = toks[k];
  if (t && !toks[k - 1].trail && t.lead.includes('(') && /^[A-ZĐ]{1,4}\d{1,3}$/u.test(t.core)) {
    code = t.core;
    k++;
  }
  const head = [unit.canonical, ...name.map((w, n) => (caps === 'upper' ? casedName(w, n) : w))].join(' ');
  const ended = !!toks[k - 1]?.trail && !(code && /^\)$/.test(toks[k - 1].trail));
  if (!ended && k < toks.length) {
    const parent = bodyAt(ctx, k) ?? (toks[k] && capitalization(toks[k].core) ? unitAt(ctx, k) : undefined);
    if (parent) return { end: parent.end, normalized: `${head} ${parent.normalized}` };
    const place = ctx.placeAt.get(k);
    if (place && name.length) return { end: place.words[1], normalized: `${head} ${place.normalized}` };
  }
  if (code) return { end: k - 1, normalized: head };
  return undefined;
}

/** A name printed in capitals, in the canonical case: "CẢNH SÁT HÌNH SỰ" → "Cảnh sát hình sự". */
const casedName = (w: string, n: number) => (n === 0 ? titleCase(w) : w.toLowerCase());

/** "Công ty TNHH Thương mại Hoàng Long", "Ngân hàng TMCP Ngoại thương Việt Nam", "Ngân hàng Vietcombank". */
function firmAt(ctx: Ctx, i: number): Span | undefined {
  const { toks } = ctx;
  const firm = phraseAt(toks, i, FIRM_P);
  if (!firm) return undefined;
  const caps = capitalization(toks[i].core);
  let k = i + firm.words.length;
  if (toks[k - 1].trail) return undefined;
  const parts = [firm.canonical];
  const form = k < toks.length && toks[k].line === toks[k - 1].line ? phraseAt(toks, k, FORM_P) : undefined;
  if (form) {
    const printed = toks.slice(k, k + form.words.length).map((t) => t.core);
    parts.push(/^\p{Lu}+$/u.test(form.canonical) ? form.canonical : printed.join(' ').toLowerCase());
    k += form.words.length;
    if (toks[k - 1].trail) return undefined;
  }
  const name: string[] = [];
  let lastCapital = -1;
  while (k < toks.length && name.length < MAX_FIRM_NAME) {
    const t = toks[k];
    if (!/^[\p{L}\d]+$/u.test(t.core) || t.lead) break;
    if (t.line !== toks[k - 1].line && (!capitalization(t.core) || LINE_STARTERS.has(titleCase(t.core))))
      break;
    const c = capitalization(t.core) ?? (/^\d+$/.test(t.core) ? 'title' : undefined);
    if (!c && (!name.length || FIRM_STOPS.has(t.lower))) break;
    if (c === 'upper' && caps !== 'upper' && !/^[A-Z]{2,5}$/.test(t.core)) break;
    name.push(caps === 'upper' ? titleCase(t.core) : t.core);
    if (c) lastCapital = name.length - 1;
    k++;
    if (t.trail) break;
  }
  const kept = name.slice(0, lastCapital + 1);
  if (!kept.length) return undefined;
  return { end: k - 1 - (name.length - kept.length), normalized: [...parts, ...kept].join(' ') };
}
