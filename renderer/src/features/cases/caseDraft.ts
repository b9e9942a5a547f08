import type { Case, Charge, Defendant, KeyDate, ProceduralStage } from '@hoso/domain';

/** The editable part of a case; the form edits strings and turns them into a Case on save. */
export type CaseFields = Pick<
  Case,
  'number' | 'name' | 'charges' | 'defendants' | 'prosecutor' | 'stage' | 'keyDates'
>;

export interface ChargeDraft {
  article: string;
  clause: string;
  point: string;
  name: string;
}
export interface DefendantDraft {
  name: string;
  birthYear: string;
  role: Defendant['role'];
}
export interface CaseDraft {
  number: string;
  name: string;
  prosecutor: string;
  stage: ProceduralStage;
  charges: ChargeDraft[];
  defendants: DefendantDraft[];
  keyDates: KeyDate[];
}

export function emptyDraft(): CaseDraft {
  return {
    number: '',
    name: '',
    prosecutor: '',
    stage: 'dieu-tra',
    charges: [{ article: '', clause: '', point: '', name: '' }],
    defendants: [{ name: '', birthYear: '', role: 'bi-can' }],
    keyDates: [],
  };
}

export function draftFromCase(c: CaseFields): CaseDraft {
  return {
    number: c.number,
    name: c.name,
    prosecutor: c.prosecutor,
    stage: c.stage,
    charges: c.charges.map((ch) => ({
      article: String(ch.article),
      clause: ch.clause === undefined ? '' : String(ch.clause),
      point: ch.point ?? '',
      name: ch.name,
    })),
    defendants: c.defendants.map((d) => ({
      name: d.name,
      birthYear: d.birthYear === undefined ? '' : String(d.birthYear),
      role: d.role,
    })),
    keyDates: c.keyDates.map((k) => ({ ...k })),
  };
}

export type DraftError = { field: 'number' | 'name' | 'article'; index?: number };

/** Validates and converts; blank optional rows are dropped, text is NFC-normalized. */
export function caseFromDraft(
  d: CaseDraft,
): { ok: true; value: CaseFields } | { ok: false; error: DraftError } {
  const nfc = (s: string) => s.normalize('NFC').trim();
  if (!nfc(d.number)) return { ok: false, error: { field: 'number' } };
  if (!nfc(d.name)) return { ok: false, error: { field: 'name' } };
  const charges: Charge[] = [];
  for (const [index, ch] of d.charges.entries()) {
    if (!ch.article.trim() && !nfc(ch.name)) continue;
    const article = Number(ch.article);
    // The 2015 Penal Code (amended 2017) has 426 articles.
    if (!Number.isInteger(article) || article < 1 || article > 426)
      return { ok: false, error: { field: 'article', index } };
    const clause = ch.clause.trim() ? Number(ch.clause) : undefined;
    charges.push({
      article,
      ...(clause !== undefined && Number.isInteger(clause) ? { clause } : {}),
      ...(nfc(ch.point) ? { point: nfc(ch.point) } : {}),
      name: nfc(ch.name),
    });
  }
  const defendants: Defendant[] = d.defendants
    .filter((x) => nfc(x.name))
    .map((x) => {
      const year = Number(x.birthYear);
      return {
        name: nfc(x.name),
        role: x.role,
        ...(x.birthYear.trim() && Number.isInteger(year) ? { birthYear: year } : {}),
      };
    });
  const keyDates = d.keyDates
    .filter((k) => nfc(k.label) && k.date)
    .map((k) => ({ label: nfc(k.label), date: k.date }));
  return {
    ok: true,
    value: {
      number: nfc(d.number),
      name: nfc(d.name),
      prosecutor: nfc(d.prosecutor),
      stage: d.stage,
      charges,
      defendants,
      keyDates,
    },
  };
}

/** "Điều 173 khoản 2 điểm c — Trộm cắp tài sản" */
export function chargeText(ch: Charge, locale: 'vi' | 'en'): string {
  const parts =
    locale === 'vi'
      ? [`Điều ${ch.article}`, ch.clause ? `khoản ${ch.clause}` : '', ch.point ? `điểm ${ch.point}` : '']
      : [`Art. ${ch.article}`, ch.clause ? `cl. ${ch.clause}` : '', ch.point ? `pt. ${ch.point}` : ''];
  const ref = parts.filter(Boolean).join(' ');
  return ch.name ? `${ch.name} (${ref})` : ref;
}
