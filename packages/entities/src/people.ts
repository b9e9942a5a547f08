import {
  FAMILY_LAST_NAMES,
  FAMILY_PAIRS,
  NOT_PERSON_BEFORE,
  NOT_PERSONS,
  ROLE_PHRASES,
  TITLE_PHRASES,
  isFamilyName,
  isNotNameWord,
} from './lexicon';
import { foldDiacritics } from '@hoso/text';
import { textOfWords, unionBox, type PageText } from './page-text';
import { capitalization, phraseEndsAt, phraseStartsAt, titleCase, type Tok } from './tokens';
import type { Mention, PageWords, PersonRole } from './types';

const MAX_NAME = 5;
const SKIP_BETWEEN = new Set(['', '-', '–', '—', ':', 'la', 'ten', 'phap', 'y']);

interface Trigger {
  /** A title or role stands right before the name (so a lone given name is a name too). */
  person: boolean;
  role?: PersonRole;
}

/** Is there a role or a title right before token `start`? Walks back over titles and "là", ":". */
function triggerBefore(toks: readonly Tok[], start: number): Trigger {
  let i = start - 1;
  let person = false;
  for (let guard = 0; i >= 0 && guard < 8; guard++) {
    const t = toks[i];
    if (/[.;!?]/.test(t.trail) && !/^(kt|tm|q)$/.test(t.fold) && i < start - 1) break;
    const role = ROLE_PHRASES.find(([p]) => phraseEndsAt(toks, i, p));
    // A role heading in capitals on the line above belongs to the signature block, read by position.
    const heading = role && capitalization(t.core) === 'upper' && t.line !== toks[start].line;
    if (role && !heading) return { person: true, role: role[1] };
    if (heading) break;
    // A form of address in capitals is a heading word ("CHỦ NGHĨA": "chủ" is also "uncle").
    const title =
      capitalization(t.core) === 'upper' ? undefined : TITLE_PHRASES.find((p) => phraseEndsAt(toks, i, p));
    if (title) {
      person = true;
      i -= title.length;
      continue;
    }
    if (SKIP_BETWEEN.has(t.fold)) {
      i -= 1;
      continue;
    }
    // "người phiên dịch tiếng Ba Na là ông …": a language between the role and the name.
    let k = i;
    while (k > 0 && capitalization(toks[k].core) === 'title' && i - k < 3) k--;
    if (k < i && toks[k].fold === 'tieng') {
      i = k - 1;
      continue;
    }
    break;
  }
  return { person };
}

/** "Nông Thị Hoa (bị hại)", "Y Bih – người làm chứng", "Nông Thị Hoa là bị hại". */
function roleAfter(toks: readonly Tok[], end: number): PersonRole | undefined {
  let i = end + 1;
  if (/[.;]/.test(toks[end].trail)) return undefined;
  for (let guard = 0; i < toks.length && guard < 2; guard++) {
    const role = ROLE_PHRASES.find(([p]) => phraseStartsAt(toks, i, p));
    if (role) return role[1];
    if (!SKIP_BETWEEN.has(toks[i].fold)) return undefined;
    i += 1;
  }
  return undefined;
}

/** The longest run of name-like words starting at `start` (same capitalization, ≤ MAX_NAME). */
function nameRun(pt: PageText, toks: readonly Tok[], start: number, afterTrigger: boolean): number {
  const first = capitalization(toks[start].core);
  // After "Họ và tên:", a rank or a role, a name may start with a word that elsewhere opens a
  // clause ("Thành Thị Ngọc Hoa"); only field labels and clause words stop it then.
  if (!first || isNotNameWord(toks[start].core, toks[start + 1]?.core, afterTrigger)) return -1;
  let end = start;
  while (end + 1 < toks.length && end - start + 1 < MAX_NAME) {
    const cur = toks[end];
    const next = toks[end + 1];
    if (cur.trail || next.lead) break;
    if (capitalization(next.core) !== first) break;
    const crossesLine = next.line !== cur.line;
    // A name wraps onto the next line rarely and only early ("Ma Văn / Khánh"); a full name
    // followed by a capitalized line (a signature block, a heading) stays whole.
    if (crossesLine && end - start + 1 > 2) break;
    const a = pt.words[end].box;
    const b = pt.words[end + 1].box;
    // Two columns OCR put on one line ("H'Hen Niê        Phạm Đình Quý"): a wide gap ends the name.
    if (!crossesLine && b[0] - a[2] > 2.5 * (a[3] - a[1])) break;
    // A wrapped name continues at the left of the next line, not in a column to the right.
    if (crossesLine && b[0] >= a[0]) break;
    if (isNotNameWord(next.core, toks[end + 2]?.core, !crossesLine)) break;
    end += 1;
  }
  return end;
}

/** Is the run (printed cores) a full name by its own shape, without a title or role before it? */
function looksLikeFullName(cores: readonly string[]): boolean {
  if (cores.length < 2) return false;
  if (isFamilyName(cores[0])) return true;
  if (FAMILY_PAIRS.get(cores[0]) === cores[1] && cores.length >= 3) return true;
  if (cores[0] === 'Y' || /^H'/.test(cores[0])) return true; // Ê Đê: Y Bih, H'Hen Niê
  return FAMILY_LAST_NAMES.has(cores[cores.length - 1]);
}

/** Title block line "(Người làm chứng)" or "HỎI CUNG BỊ CAN": the role of the "Họ và tên:" person. */
function pageSubjectRole(toks: readonly Tok[]): PersonRole | undefined {
  for (let i = 0; i < Math.min(toks.length, 160); i++) {
    // "(Người làm chứng)", "HỎI CUNG BỊ CAN", "LỜI KHAI BỊ HẠI", "LỆNH BẮT BỊ CAN".
    if (!(toks[i].lead.includes('(') || /^(cung|khai|bat)$/.test(toks[i - 1]?.fold ?? ''))) continue;
    const role = ROLE_PHRASES.find(([p]) => phraseStartsAt(toks, i, p));
    if (role) return role[1];
  }
  return undefined;
}

/** Role lines of signature blocks ("KIỂM SÁT VIÊN", "KT. VIỆN TRƯỞNG / PHÓ VIỆN TRƯỞNG") with their boxes. */
function signatureRoles(pt: PageText, toks: readonly Tok[]) {
  const out: { role: PersonRole; box: [number, number, number, number] }[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (capitalization(toks[i].core) !== 'upper') continue;
    if (i > 0 && toks[i - 1].line === toks[i].line && !/^(kt|tm|q)$/.test(toks[i - 1].fold)) {
      // Only a phrase that starts its line, or follows another role phrase on it (two columns).
      const prevIsRoleEnd = ROLE_PHRASES.some(([p]) => phraseEndsAt(toks, i - 1, p));
      if (!prevIsRoleEnd) continue;
    }
    const role = ROLE_PHRASES.find(([p]) => phraseStartsAt(toks, i, p));
    if (!role) continue;
    const end = i + role[0].length - 1;
    const after = toks[end + 1];
    if (
      after &&
      after.line === toks[end].line &&
      !ROLE_PHRASES.some(([p]) => phraseStartsAt(toks, end + 1, p))
    )
      continue;
    out.push({ role: role[1], box: unionBox(pt, [i, end]) });
  }
  return out;
}

function roleAbove(roles: ReturnType<typeof signatureRoles>, box: readonly number[]): PersonRole | undefined {
  const h = box[3] - box[1];
  const cx = (box[0] + box[2]) / 2;
  let best: { role: PersonRole; dy: number } | undefined;
  for (const r of roles) {
    const dy = box[1] - r.box[3];
    if (dy < 0 || dy > h * 12) continue;
    const w = Math.max(r.box[2] - r.box[0], box[2] - box[0]);
    if (Math.abs((r.box[0] + r.box[2]) / 2 - cx) > w) continue;
    if (!best || dy < best.dy) best = { role: r.role, dy };
  }
  return best?.role;
}

/** Only ", ", "và" and titles between the end of one name and the start of the next. */
function listContinues(toks: readonly Tok[], prevEnd: number, start: number): boolean {
  if (!toks[prevEnd].trail.startsWith(',') && toks[prevEnd + 1]?.fold !== 'va') return false;
  let i = start - 1;
  while (i > prevEnd) {
    const title = TITLE_PHRASES.find((p) => phraseEndsAt(toks, i, p));
    if (!title) return false;
    i -= title.length;
  }
  return i === prevEnd;
}

/** Is the name alone on its line (titles aside): a signature, not a sentence. */
function aloneOnLine(toks: readonly Tok[], start: number, end: number): boolean {
  const line = toks[start].line;
  for (let i = end + 1; i < toks.length && toks[i].line === line; i++)
    if (!/^(da|ky)$/.test(toks[i].fold)) return false;
  let i = start - 1;
  while (i >= 0 && toks[i].line === line) {
    const title = TITLE_PHRASES.find((p) => phraseEndsAt(toks, i, p));
    if (!title) return false;
    i -= title.length;
  }
  return true;
}

/** Person mentions of one page: full names (with roles where the text says them) and short forms. */
export function findPeople(page: PageWords, pt: PageText, toks: readonly Tok[]): Mention[] {
  const out: Mention[] = [];
  const subjectRole = pageSubjectRole(toks);
  const signatures = signatureRoles(pt, toks);
  let last: { end: number; role?: PersonRole } | undefined;
  for (let i = 0; i < toks.length; i++) {
    if (!capitalization(toks[i].core)) continue;
    let trig = triggerBefore(toks, i);
    const end = nameRun(pt, toks, i, trig.person);
    if (end < 0) continue;
    let start = i;
    // A capitalized rank or form of address inside the run ("Trung Tá Lê Văn Hùng", "Ông Y Bih").
    for (;;) {
      const title =
        capitalization(toks[start].core) === 'upper'
          ? undefined
          : TITLE_PHRASES.find((p) => phraseStartsAt(toks, start, p) && start + p.length <= end);
      if (!title) break;
      start += title.length;
      trig = { person: true, role: trig.role };
    }
    const cores = toks.slice(start, end + 1).map((t) => t.core);
    const upper = capitalization(cores[0]) === 'upper';
    // "đường Lê Lợi", "bệnh viện Chợ Rẫy": a word on the same line that makes the run a place or a body.
    const prev = toks[start - 1];
    const placeBefore =
      prev !== undefined &&
      prev.line === toks[start].line &&
      capitalization(prev.core) !== 'upper' &&
      NOT_PERSON_BEFORE.has(prev.fold) &&
      !trig.person;
    const names = upper ? cores.map(titleCase) : cores;
    const normalized = names.join(' ');
    const full = looksLikeFullName(names) || (trig.person && names.length >= 2);
    i = end;
    const key = foldDiacritics(normalized);
    if (placeBefore || NOT_PERSONS.has(key) || key.includes('viet nam')) continue;
    // Capitals are headings unless a role or form field says a name follows, and the name has a family name.
    if (upper && !(trig.person && looksLikeFullName(names))) continue;
    if (!full && names.length > 2) continue;
    const box = unionBox(pt, [start, end]);
    let role = trig.role ?? roleAfter(toks, end);
    // "Người làm chứng: anh Siu Đen, chị Ksor H'Phương": a list shares its role.
    if (!role && last?.role && listContinues(toks, last.end, start)) role = last.role;
    // "Họ và tên: H'Hen Niê" under "BIÊN BẢN GHI LỜI KHAI (Người làm chứng)".
    if (
      !role &&
      full &&
      subjectRole &&
      TITLE_PHRASES.some((p) => p[0] === 'ho' && phraseEndsAt(toks, start - 1, p))
    )
      role = subjectRole;
    if (!role && full && aloneOnLine(toks, start, end)) role = roleAbove(signatures, box);
    last = { end, ...(role ? { role } : {}) };
    out.push({
      kind: 'person',
      text: textOfWords(pt, [start, end]).replace(/^[(“"'‘«[]+|[)”"'’».,;:!?…\]]+$/gu, ''),
      normalized,
      pageId: page.pageId,
      documentId: page.documentId,
      words: [start, end],
      box,
      ...(role ? { role } : {}),
      ...(full ? {} : { short: true }),
    });
  }
  return out;
}
