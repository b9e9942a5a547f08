import type { PageText } from './page-text';
import { atRange } from './patterns';
import type { Mention, PageWords, Provision } from './types';

/**
 * Legal provisions: "điểm a khoản 4 Điều 174 Bộ luật Hình sự", "Điều 41, Điều 236 và Điều 243 Bộ
 * luật Tố tụng hình sự" (the code named once after a list applies to the whole list), "điểm b, c
 * khoản 2 Điều 174 BLHS" (one provision per point). Matched on folded text, any case.
 */
const ATOM = String.raw`(?:diem\s+[a-dđ](?:\s*(?:,|va)\s*[a-d])*\s+)?(?:khoan\s+\d{1,2}(?:\s*(?:,|va)\s*\d{1,2})*\s+)?dieu\s+\d{1,3}[a-d]?(?:\s*(?:,|va)\s*\d{1,3}(?![\p{N}]))*(?![\p{N}])`;
const CODE = String.raw`\s*,?\s*(?:cua\s+)?(?:(bo\s+luat\s+to\s+tung\s+hinh\s+su|bltths)|(bo\s+luat\s+hinh\s+su|blhs))`;
const GROUP = new RegExp(String.raw`(?<![\p{L}])${ATOM}(?:\s*(?:,|;|va|cac)\s*${ATOM})*(?:${CODE})?`, 'giu');
const ATOM_RE = new RegExp(
  String.raw`(?:diem\s+([a-dđ](?:\s*(?:,|va)\s*[a-d])*)\s+)?(?:khoan\s+(\d{1,2}(?:\s*(?:,|va)\s*\d{1,2})*)\s+)?dieu\s+(\d{1,3}[a-d]?(?:\s*(?:,|va)\s*\d{1,3}(?![\p{N}]))*)(?![\p{N}])`,
  'giu',
);

export function formatProvision(p: Provision): string {
  return [p.point && `điểm ${p.point}`, p.clause && `khoản ${p.clause}`, `Điều ${p.article}`, p.code]
    .filter(Boolean)
    .join(' ');
}

export function findProvisions(page: PageWords, pt: PageText): Mention[] {
  const out: Mention[] = [];
  const lower = pt.folded.toLowerCase();
  for (const g of lower.matchAll(GROUP)) {
    const code: Provision['code'] = g[1] ? 'BLTTHS' : g[2] ? 'BLHS' : undefined;
    for (const a of g[0].matchAll(ATOM_RE)) {
      const start = g.index + a.index;
      const end = start + a[0].length;
      // "Điều 1. Phê chuẩn…": an article of the paper itself, not a citation.
      const lineStart = start === 0 || pt.text[start - 1] === '\n';
      if (lineStart && /^\s*[.:]/.test(pt.text.slice(end, end + 2))) continue;
      const articles = a[3].split(/\s*(?:,|va)\s*/).filter(Boolean);
      if (articles.length > 1) {
        for (const art of articles) {
          const provision: Provision = { article: Number(art), ...(code ? { code } : {}) };
          const m = atRange(page, pt, start, end, {
            kind: 'legal_ref',
            normalized: formatProvision(provision),
            provision,
          });
          if (m) out.push(m);
        }
        continue;
      }
      const article = Number(articles[0].replace(/[a-d]$/, ''));
      const points = a[1] ? a[1].split(/\s*(?:,|va)\s*/).filter(Boolean) : [undefined];
      const clauses = a[2] ? a[2].split(/\s*(?:,|va)\s*/).map(Number) : [undefined];
      for (const clause of clauses)
        for (const point of points) {
          const provision: Provision = {
            article,
            ...(clause ? { clause } : {}),
            ...(point
              ? { point: point === 'd' && /đ/i.test(pt.text.slice(start, start + 8)) ? 'đ' : point }
              : {}),
            ...(code ? { code } : {}),
          };
          const m = atRange(page, pt, start, start + a[0].length, {
            kind: 'legal_ref',
            normalized: formatProvision(provision),
            provision,
          });
          if (m) out.push(m);
        }
    }
  }
  return out;
}

/** Does the provision cite the case's charge (same Penal Code article; clause and point if the charge has them)? */
export function citesCharge(
  p: Provision,
  charge: { article: number; clause?: number; point?: string },
): boolean {
  if (p.code === 'BLTTHS' || p.article !== charge.article) return false;
  if (charge.clause !== undefined && p.clause !== undefined && p.clause !== charge.clause) return false;
  if (charge.point && p.point && p.point !== charge.point) return false;
  return true;
}
