import { describe, expect, test } from 'vitest';
import {
  caseFromDraft,
  chargeText,
  draftFromCase,
  emptyDraft,
} from '../../renderer/src/features/cases/caseDraft';
import { buildRows, folioRangeText } from '../../renderer/src/features/dossier/dossierRows';
import type { CaseDocument, Page, Volume } from '@hoso/domain';

describe('case form', () => {
  test('turns the typed strings into a case, NFC, dropping blank rows', () => {
    const d = emptyDraft();
    d.number = ' 15/2025/HS ';
    d.name = 'Tro\u0302\u0323m ca\u0306\u0301p'; // NFD as macOS may type it
    d.charges = [
      { article: '173', clause: '2', point: 'c', name: 'Trộm cắp tài sản' },
      { article: '', clause: '', point: '', name: '' },
    ];
    d.defendants = [{ name: 'Hoàng Văn Thắng', birthYear: '1994', role: 'bi-can' }];
    const r = caseFromDraft(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.number).toBe('15/2025/HS');
    expect(r.value.name).toBe('Trộm cắp');
    expect(r.value.name).toBe(r.value.name.normalize('NFC'));
    expect(r.value.charges).toEqual([{ article: 173, clause: 2, point: 'c', name: 'Trộm cắp tài sản' }]);
    expect(r.value.defendants).toEqual([{ name: 'Hoàng Văn Thắng', birthYear: 1994, role: 'bi-can' }]);
    expect(chargeText(r.value.charges[0], 'vi')).toBe('Trộm cắp tài sản (Điều 173 khoản 2 điểm c)');
    expect(draftFromCase(r.value).charges[0].article).toBe('173');
  });

  test('names the field that is missing or wrong', () => {
    expect(caseFromDraft(emptyDraft())).toEqual({ ok: false, error: { field: 'number' } });
    const d = { ...emptyDraft(), number: '1', name: 'x' };
    d.charges = [{ article: '999', clause: '', point: '', name: 'x' }];
    expect(caseFromDraft(d)).toEqual({ ok: false, error: { field: 'article', index: 0 } });
  });
});

describe('dossier rows for the virtualized list', () => {
  const volumes: Volume[] = [
    { id: 'v2', caseId: 'c', order: 1, name: 'Tập 2' },
    { id: 'v1', caseId: 'c', order: 0, name: 'Tập 1' },
  ];
  const doc = (id: string, volumeId: string, order: number) =>
    ({ id, volumeId, order, caseId: 'c', type: 'khac', title: id, createdAt: '' }) as CaseDocument;
  const pages = Array.from({ length: 7 }, (_, i) => ({
    id: `p${i}`,
    documentId: 'd1',
    order: 6 - i,
    folio: 7 - i,
  })) as Page[];
  test('volumes in order, an empty volume says so, pages chunked per row in page order', () => {
    const rows = buildRows(volumes, [doc('d1', 'v1', 0)], pages, 3);
    expect(rows.map((r) => r.kind)).toEqual([
      'volume',
      'document',
      'pages',
      'pages',
      'pages',
      'volume',
      'empty',
    ]);
    const first = rows[2];
    expect(first.kind === 'pages' && first.pages.map((p) => p.folio)).toEqual([1, 2, 3]);
    expect(folioRangeText(pages)).toBe('1–7');
  });
});
