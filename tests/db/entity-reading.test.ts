import { afterEach, describe, expect, it } from 'vitest';
import {
  addImportedDocument,
  applyOcrResult,
  correctWord,
  createCase,
  deletePages,
  effectiveWords,
  getPageText,
  listVolumes,
  type HosoDb,
} from '../../renderer/src/db';
import { listEntityPages } from '../../renderer/src/db/entities';
import type { PageReader, PageToRead } from '../../renderer/src/db/entityReading';
import {
  readCase,
  readingSettled,
  startBackgroundReading,
} from '../../renderer/src/features/entities/background';
import { readPages } from '../../renderer/src/features/entities/reader';
import { freshDb, storedFile, wordsFile } from './fixtures';

/**
 * The entity cache kept by the background reader: pages are read when their OCR is stored and
 * after a correction, through the same write functions the app uses; a re-OCR that changes the
 * words (but not the page's confidence or block count) is read again; unchanged pages are not.
 */
const TEXTS = [
  'BIÊN BẢN BẮT NGƯỜI\n\nBắt bị can Ksor Y Phúc tại buôn Ea Tu.',
  'Thu giữ xe mô tô biển số 51K-888.12 của bị can.',
  'Người làm chứng Rơ Mah H’Nhi, số điện thoại 0905123456.',
];

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function setUp() {
  const db = freshDb();
  const reads: string[][] = [];
  const reader: PageReader = async (pages: PageToRead[]) => {
    reads.push(pages.map((p) => p.pageId));
    return readPages(pages); // in-thread in Node: the same extraction the worker runs
  };
  stop = startBackgroundReading(db, reader);
  const c = await createCase({ number: '12/2026', name: 'Trộm cắp tài sản', defendants: [] }, db);
  const [v] = await listVolumes(c.id, db);
  const { pages } = await addImportedDocument(
    { caseId: c.id, volumeId: v.id, storedFile: storedFile('bien-ban.pdf', 3), importId: 'j1' },
    db,
  );
  return { db, caseId: c.id, ids: pages.map((p) => p.id), reads };
}

const readIds = (reads: string[][]) => reads.flat();
async function texts(db: HosoDb, caseId: string) {
  const records = await listEntityPages(caseId, db);
  return new Map(records.map((r) => [r.pageId, r.mentions.map((m) => m.text)]));
}

describe('background entity reading', () => {
  it('reads pages when their OCR is stored, and only changed pages after a re-OCR or a correction', async () => {
    const { db, caseId, ids, reads } = await setUp();
    await applyOcrResult('j1', wordsFile(TEXTS, 'bien-ban.pdf'), db);
    await readingSettled();
    expect(readIds(reads).sort()).toEqual([...ids].sort());
    let found = await texts(db, caseId);
    expect(found.get(ids[0])).toContain('Ksor Y Phúc');
    expect(found.get(ids[1])?.join(' ')).toContain('51K-888.12');

    // Opening the case again: every page is checked, none is read (the cache is fresh).
    reads.length = 0;
    readCase(caseId, db);
    await readingSettled();
    expect(reads).toEqual([]);

    // Re-OCR with other words on page 2 only: same block count, same mean confidence.
    const second = wordsFile(
      [TEXTS[0], TEXTS[1].replace('51K-888.12', '43A-275.19'), TEXTS[2]],
      'bien-ban.pdf',
    );
    await applyOcrResult('j1', second, db);
    await readingSettled();
    expect(readIds(reads)).toEqual([ids[1]]);
    found = await texts(db, caseId);
    expect(found.get(ids[1])?.join(' ')).toContain('43A-275.19');
    expect(found.get(ids[1])?.join(' ')).not.toContain('51K-888.12');

    // A correction on page 3: only page 3 is read, and its reading holds the corrected number.
    reads.length = 0;
    const w = effectiveWords(await getPageText(ids[2], db)).find((x) => x.text === '0905123456.')!;
    await correctWord(ids[2], w, '0905123457.', db);
    await readingSettled();
    expect(readIds(reads)).toEqual([ids[2]]);
    found = await texts(db, caseId);
    expect(found.get(ids[2])?.join(' ')).toContain('0905123457');
    expect(found.get(ids[2])?.join(' ')).not.toContain('0905123456');

    // Nothing is left stale: checking the whole case reads nothing.
    reads.length = 0;
    readCase(caseId, db);
    await readingSettled();
    expect(reads).toEqual([]);

    // A deleted page's reading goes with it.
    await deletePages([ids[0]], db);
    await readingSettled();
    expect([...(await texts(db, caseId)).keys()].sort()).toEqual([ids[1], ids[2]].sort());
    expect(reads).toEqual([]);
  });

  it('keeps no reading of old text when the page is corrected while it is being read', async () => {
    const { db, caseId, ids, reads } = await setUp();
    let corrected = false;
    stop?.();
    stop = startBackgroundReading(db, async (pages) => {
      reads.push(pages.map((p) => p.pageId));
      const out = await readPages(pages);
      if (!corrected) {
        corrected = true; // the user corrects page 2 while its first reading is under way
        const w = effectiveWords(await getPageText(ids[1], db)).find((x) => x.text === '51K-888.12')!;
        await correctWord(ids[1], w, '51K-888.13', db);
      }
      return out;
    });
    await applyOcrResult('j1', wordsFile(TEXTS, 'bien-ban.pdf'), db);
    await readingSettled();
    // Page 2 was read twice: its first reading (of the old text) was not stored.
    expect(readIds(reads).filter((id) => id === ids[1])).toHaveLength(2);
    const found = await texts(db, caseId);
    expect(found.get(ids[1])?.join(' ')).toContain('51K-888.13');
    expect(found.get(ids[1])?.join(' ')).not.toContain('51K-888.12');
  });
});
