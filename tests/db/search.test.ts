import { describe, expect, it } from 'vitest';
import {
  addImportedDocument,
  applyOcrResult,
  correctWord,
  createCase,
  effectiveWords,
  getPageText,
  listPages,
  listVolumes,
  searchPages,
  readIndexStats,
  type HosoDb,
} from '../../renderer/src/db';
import { freshDb, storedFile, wordsFile } from './fixtures';

const PAGE_A = `Căn cứ khoản 1 Điều 173 Bộ luật Hình sự năm 2015;
Hoàng Văn Thắng đã lén lút lấy trộm 01 chiếc xe mô tô của anh Lý Văn Quảng.`;
const PAGE_B = `Hồ sơ vụ án gồm 02 tập. Bị can khai nhận hành vi trộm cắp tài sản.
Hồ sơ được chuyển cho Viện kiểm sát.`;
const PAGE_C = `Anh Thuận bị chảy máu ở cánh tay trái; ông Lực hô hoán mọi người.
Điều tra viên ghi lời khai người làm chứng về sự việc ngày 17 tháng 11.`;
const PAGE_D = `Họ tên bị hại: Lý Văn Quảng. Điều 174 không áp dụng. Ho so.`;

async function indexed(db: HosoDb, pages = [PAGE_A, PAGE_B, PAGE_C, PAGE_D]) {
  const c = await createCase({ number: '1', name: 'A' }, db);
  const [v] = await listVolumes(c.id, db);
  const { document } = await addImportedDocument(
    { caseId: c.id, volumeId: v.id, storedFile: storedFile('hs.pdf', pages.length), importId: 'j1' },
    db,
  );
  await applyOcrResult('j1', wordsFile(pages), db);
  const ids = (await listPages(document.id, db)).map((p) => p.id);
  return { c, document, ids };
}

describe('searchPages', () => {
  it('is diacritic-insensitive by default: "ho so" finds "Hồ sơ", "dieu 173" finds "Điều 173"', async () => {
    const db = freshDb();
    const { ids } = await indexed(db);
    const r = await searchPages({ query: 'ho so' }, db);
    expect(r.hits.map((h) => h.pageId)).toContain(ids[1]);
    expect(r.hits[0].pageId).toBe(ids[1]); // two occurrences of "Hồ sơ" outrank "Ho so" once
    const d = await searchPages({ query: 'dieu 173' }, db);
    expect(d.hits.map((h) => h.pageId)).toEqual([ids[0]]);
    expect(d.hits[0].folio).toBe(1);
  });

  it('accepts NFD input and upper case', async () => {
    const db = freshDb();
    const { ids } = await indexed(db);
    const nfd = 'HỒ SƠ'.normalize('NFD');
    expect(nfd).not.toBe('HỒ SƠ');
    expect((await searchPages({ query: nfd }, db)).hits[0].pageId).toBe(ids[1]);
    expect(
      (await searchPages({ query: 'ĐIỀU 173'.normalize('NFD'), exact: true }, db)).hits.map((h) => h.pageId),
    ).toEqual([ids[0]]);
  });

  it('exact mode keeps diacritics apart: "hồ sơ" ≠ "ho so", "họ" ≠ "hồ"', async () => {
    const db = freshDb();
    const { ids } = await indexed(db);
    expect((await searchPages({ query: 'hồ sơ', exact: true }, db)).hits.map((h) => h.pageId)).toEqual([
      ids[1],
    ]);
    expect((await searchPages({ query: 'ho so', exact: true }, db)).hits.map((h) => h.pageId)).toEqual([
      ids[3],
    ]);
    expect((await searchPages({ query: 'họ', exact: true }, db)).hits.map((h) => h.pageId)).toEqual([ids[3]]);
    // Default mode: "ho" matches Hồ (B), hô (C: "hô hoán"), Họ and Ho (D).
    expect((await searchPages({ query: 'ho' }, db)).total).toBe(3);
  });

  it('phrase search needs the words adjacent and in order', async () => {
    const db = freshDb();
    const { ids } = await indexed(db);
    expect((await searchPages({ query: '"bo luat hinh su"' }, db)).hits.map((h) => h.pageId)).toEqual([
      ids[0],
    ]);
    expect((await searchPages({ query: '"hinh su bo luat"' }, db)).total).toBe(0);
    // Unquoted, the same words match anywhere on the page.
    expect((await searchPages({ query: 'dieu tra vien' }, db)).hits.map((h) => h.pageId)).toEqual([ids[2]]);
    expect((await searchPages({ query: '“trộm cắp tài sản”' }, db)).hits.map((h) => h.pageId)).toEqual([
      ids[1],
    ]);
  });

  it('ranks pages where the words occur close together first', async () => {
    const db = freshDb();
    const filler = 'các tài liệu khác trong hồ sơ '.repeat(6);
    const { ids } = await indexed(db, [
      `lời khai ${filler} của người làm chứng`,
      `${filler} lời khai người làm chứng`,
    ]);
    const r = await searchPages({ query: 'loi khai chung' }, db);
    expect(r.hits.map((h) => h.pageId)).toEqual([ids[1], ids[0]]);
    expect(r.hits[0].score).toBeGreaterThan(r.hits[1].score);
  });

  it("returns a snippet with highlight ranges and the matched words' boxes", async () => {
    const db = freshDb();
    const { ids } = await indexed(db);
    const r = await searchPages({ query: 'dieu 173' }, db);
    const hit = r.hits[0];
    const highlighted = hit.snippet.highlights.map(([s, e]) => hit.snippet.text.slice(s, e));
    expect(highlighted).toEqual(['Điều 173']);
    expect(hit.snippet.text).toContain('khoản 1 Điều 173 Bộ luật');
    expect(hit.boxes).toHaveLength(2);
    const text = (await getPageText(ids[0], db))!;
    const words = effectiveWords(text);
    const dieu = words.find((w) => w.text === 'Điều')!;
    expect(hit.boxes[0]).toEqual(dieu.box);
    expect(hit.words[0]).toEqual({ block: dieu.block, line: dieu.line, word: dieu.word });
    expect(r.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('limits to a case and paginates', async () => {
    const db = freshDb();
    const one = await indexed(db);
    const c2 = await createCase({ number: '2', name: 'B' }, db);
    const [v] = await listVolumes(c2.id, db);
    await addImportedDocument(
      { caseId: c2.id, volumeId: v.id, storedFile: storedFile('x.pdf', 1), importId: 'j2' },
      db,
    );
    await applyOcrResult('j2', wordsFile(['Hồ sơ khác']), db);
    expect((await searchPages({ query: 'ho so' }, db)).total).toBe(3);
    const mine = await searchPages({ query: 'ho so', caseId: one.c.id }, db);
    expect(mine.total).toBe(2);
    expect(mine.hits.every((h) => h.caseId === one.c.id)).toBe(true);
    const page2 = await searchPages({ query: 'ho so', limit: 1, offset: 1 }, db);
    expect(page2.hits).toHaveLength(1);
    expect(page2.total).toBe(3);
  });

  it('finds nothing for empty queries or unknown words', async () => {
    const db = freshDb();
    await indexed(db);
    expect((await searchPages({ query: '  "" ' }, db)).total).toBe(0);
    expect((await searchPages({ query: 'ho xyzzy' }, db)).total).toBe(0);
  });

  it('a corrected word is what search finds', async () => {
    const db = freshDb();
    const { ids } = await indexed(db, ['Bị can Hoàng Văn Thẳng khai nhận']);
    const text = (await getPageText(ids[0], db))!;
    const w = effectiveWords(text).find((x) => x.text === 'Thẳng')!;
    expect((await searchPages({ query: 'Thắng', exact: true }, db)).total).toBe(0);
    await correctWord(ids[0], w, 'Thắng'.normalize('NFD'), db);
    const stored = (await getPageText(ids[0], db))!;
    expect(stored.corrections[0].text).toBe('Thắng'.normalize('NFC'));
    expect(effectiveWords(stored).map((x) => x.text)).toContain('Thắng');
    expect((await searchPages({ query: 'Thắng', exact: true }, db)).total).toBe(1);
    expect((await searchPages({ query: 'Thẳng', exact: true }, db)).total).toBe(0);
    // Typing the OCR text back removes the correction.
    await correctWord(ids[0], w, 'Thẳng', db);
    expect((await getPageText(ids[0], db))!.corrections).toEqual([]);
    // A correction that adds a token shifts the positions after it: phrases there still match.
    await correctWord(ids[0], w, 'Thắng-Hoàng', db);
    expect((await searchPages({ query: '"thang hoang khai nhan"' }, db)).total).toBe(1);
    expect((await readIndexStats(db)).tokens).toBe(8); // 7 words, one now two tokens
    await expect(correctWord(ids[0], { block: 9, line: 0, word: 0 }, 'x', db)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
