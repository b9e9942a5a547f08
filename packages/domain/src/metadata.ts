import { foldKeepingLength as fold } from '@hoso/text';
import type { DocumentType } from './case';

/**
 * Reads a Vietnamese procedural paper's header (Decree 30/2020 layout): issuing body top-left,
 * "Số: 127/QĐ-VKSKV4" under it, national motto top-right with "<place>, ngày … tháng … năm …",
 * then the title in capitals ("QUYẾT ĐỊNH …", "BIÊN BẢN …"). Works on OCR text, so it matches on
 * diacritic-folded text (OCR drops or swaps tone marks) and tolerates the two header columns being
 * read in either order or merged into one line.
 */
export interface DetectedMetadata {
  type?: DocumentType;
  number?: string;
  /** ISO yyyy-mm-dd */
  date?: string;
  issuer?: string;
  /** Sentence case, e.g. "Quyết định phê chuẩn quyết định khởi tố bị can". */
  title?: string;
}

const MOTTO = [/cong hoa xa hoi chu nghia viet nam/i, /doc lap\s*[-–—]?\s*tu do\s*[-–—]?\s*hanh phuc/i];

/**
 * Title keywords of the papers a procuracy dossier holds, most specific first, matched at the start
 * of a capitalized line's title key (folded, OCR slips mended, see titleKey). Sub-kinds live in the
 * title: "Quyết định khởi tố / truy nã / tạm giam …", "Biên bản khám nghiệm / thu giữ …".
 */
const TYPE_RULES: { re: RegExp; type: DocumentType }[] = [
  { re: /^CAO ?TRANG\b/, type: 'cao-trang' },
  { re: /^BAN ?AN\b/, type: 'ban-an' },
  { re: /^LENH\b/, type: 'lenh' },
  { re: /^THONG ?BAO\b/, type: 'thong-bao' },
  { re: /^(BAN ?)?KET ?LUAN\b/, type: 'ket-luan' },
  { re: /^BIEN ?BAN ?(GHI ?)?LOI ?KHAI\b|^BIEN ?BAN ?HOI ?CUNG\b|^LOI ?KHAI\b/, type: 'loi-khai' },
  { re: /^BIEN ?BAN\b/, type: 'bien-ban' },
  { re: /^QUYET ?DINH\b(?!\s*:)/, type: 'quyet-dinh' },
  { re: /^CONG ?VAN\b/, type: 'cong-van' },
  { re: /^DON\b/, type: 'don' },
];

/**
 * A capitalized line as the type rules read it: diacritics folded, upper case, and the slips OCR
 * makes in capitals mended — a lower-case l or a 1 or | for I, a 0 for O inside words ("QUYẾT
 * ĐlNH", "BIÊN B4N" stays unread), stray punctuation around words dropped.
 */
function titleKey(line: string): string {
  return fold(line)
    .replace(/(?<=\p{L})[l1|!](?=\p{L}|\s|$)|(?<=\s|^)[l1|](?=\p{L})/gu, 'I')
    .replace(/(?<=\p{L})0|0(?=\p{L})/gu, 'O')
    .toUpperCase()
    .replace(/[^\p{L}\d:\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isUpperLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.8;
}

function stripMotto(line: string): string {
  let out = line;
  for (const re of MOTTO) {
    const m = re.exec(fold(out));
    if (m) out = (out.slice(0, m.index) + ' ' + out.slice(m.index + m[0].length)).trim();
  }
  return out.replace(/\s+/g, ' ').trim();
}

export function detectNumber(input: string): string | undefined {
  const text = input.normalize('NFC');
  const m = /(?:^|[\s(])So\s*[:.]\s*([0-9][0-9A-Za-z/.\-_\u00C0-\u1EF9]*)/u.exec(fold(text));
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1].length;
  return text.slice(start, start + m[1].length).replace(/[.,;]+$/, '');
}

export function detectDate(text: string): string | undefined {
  const f = fold(text.normalize('NFC'));
  const long = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/i;
  // Prefer the dateline "<place>, ngày …" of the header over dates cited in the body.
  const dateline = new RegExp(`[\\p{L}.)]\\s*,\\s*${long.source}`, 'iu').exec(f);
  const m = dateline ?? long.exec(f);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Detects type, number, date, issuer and title from a document's first page, as lines of text. */
export function detectMetadata(lines: readonly string[]): DetectedMetadata {
  const clean = lines.map((l) => l.normalize('NFC').replace(/\s+/g, ' ').trim()).filter((l) => l.length > 0);
  const result: DetectedMetadata = {};
  const head = clean.slice(0, 40);
  const headText = head.join('\n');
  result.number = detectNumber(headText);
  result.date = detectDate(headText);

  // Title: the first capitalized line starting with a document keyword.
  let titleAt = -1;
  for (let i = 0; i < head.length; i++) {
    const line = stripMotto(head[i]);
    const rule = isUpperLine(line) ? TYPE_RULES.find((r) => r.re.test(titleKey(line))) : undefined;
    if (rule) {
      result.type = rule.type;
      titleAt = i;
      const parts = [line];
      // Long titles wrap; a "(Người làm chứng)" line qualifies the title.
      for (let j = i + 1; j < Math.min(head.length, i + 3); j++) {
        const next = head[j];
        if (/^\(.*\)$/.test(next)) {
          parts.push(next);
          break;
        }
        if (!isUpperLine(next) || /^[A-ZĐ\s]+:$/u.test(next) || /\bVIỆN TRƯỞNG|THỦ TRƯỞNG|CĂN CỨ/u.test(next))
          break;
        if (
          fold(next).toUpperCase().startsWith('VIEN KIEM SAT') ||
          TYPE_RULES.some((r) => r.re.test(titleKey(next)))
        )
          break;
        parts.push(next);
      }
      result.title = sentenceCase(parts.join(' '));
      break;
    }
  }
  // No known type: the title is still the paper's own heading (never the file name it came in).
  if (!result.title) result.title = headingTitle(head);

  // Issuer: capitalized header lines before "Số:" (or before the title), minus the national motto.
  const issuerLines: string[] = [];
  const end = titleAt >= 0 ? titleAt : Math.min(head.length, 8);
  for (let i = 0; i < end; i++) {
    let line = stripMotto(head[i]);
    const f = fold(line);
    const so = /(?:^|\s)So\s*[:.]/.exec(f);
    const dateline = /[\p{L}.)]\s*,\s*ngay\s+\d/iu.exec(f);
    const cut = Math.min(so?.index ?? Infinity, dateline ? dateline.index : Infinity);
    if (Number.isFinite(cut)) line = line.slice(0, cut).trim();
    if (line && isUpperLine(line)) issuerLines.push(line);
    if (so) break;
  }
  // OCR reads "KHU VỰC 4 - LẠNG SƠN" as "4-LẠNG SƠN" or "4 -LẠNG": one spelling for the issuer.
  if (issuerLines.length > 0) {
    result.issuer = issuerLines
      .join(' ')
      .replace(/\s*[-–—]\s*/g, ' - ')
      .replace(/\s+/g, ' ');
  }
  return result;
}

/** "QUYẾT ĐỊNH PHÊ CHUẨN …" → "Quyết định phê chuẩn …" (a parenthesized qualifier keeps its case). */
function sentenceCase(title: string): string {
  const lower = title.replace(/^[^(]*/, (s) => s.toLowerCase());
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * The first heading of a paper whose type is not known: a công văn's "V/v …" line, else the first
 * capitalized line after the header block (issuing body, "Số: …", motto and dateline), else the
 * first line of text after it.
 */
function headingTitle(head: readonly string[]): string | undefined {
  const vv = head.find((l) => /^V\s*\/\s*v\b/i.test(fold(l)));
  if (vv) return vv.replace(/^V\s*\/\s*v\s*[:.]?\s*/i, 'V/v ').trim();
  let bodyFrom = 0;
  head.forEach((line, i) => {
    const f = fold(line);
    if (/(?:^|\s)So\s*[:.]|ngay\s+\d{1,2}\s+thang|doc lap|cong hoa xa hoi/i.test(f)) bodyFrom = i + 1;
  });
  const body = head
    .slice(bodyFrom, bodyFrom + 12)
    .map(stripMotto)
    .filter((l) => /\p{L}{2}/u.test(l));
  const heading = body.find(
    (l) => isUpperLine(l) && !/^(VIEN TRUONG|THU TRUONG|CAN CU)\b/.test(fold(l).toUpperCase()),
  );
  const line = heading ?? body[0];
  if (!line) return undefined;
  return heading ? sentenceCase(line) : line.slice(0, 120);
}
