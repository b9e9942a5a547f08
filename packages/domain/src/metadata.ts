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

/** Title keywords, most specific first. Matched at the start of a capitalized line. */
const TYPE_RULES: { re: RegExp; type: DocumentType }[] = [
  { re: /^CAO TRANG\b/, type: 'cao-trang' },
  { re: /^LENH\b/, type: 'lenh' },
  { re: /^(BAN )?KET LUAN\b/, type: 'ket-luan' },
  { re: /^BIEN BAN (GHI )?LOI KHAI\b|^BIEN BAN HOI CUNG\b|^LOI KHAI\b/, type: 'loi-khai' },
  { re: /^BIEN BAN\b/, type: 'bien-ban' },
  { re: /^QUYET DINH\b(?!\s*:)/, type: 'quyet-dinh' },
  { re: /^DON\b/, type: 'don' },
];

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
    const f = fold(line).toUpperCase();
    const rule = isUpperLine(line) ? TYPE_RULES.find((r) => r.re.test(f)) : undefined;
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
          TYPE_RULES.some((r) => r.re.test(fold(next).toUpperCase()))
        )
          break;
        parts.push(next);
      }
      result.title = sentenceCase(parts.join(' '));
      break;
    }
  }

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
