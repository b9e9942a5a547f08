import { describe, expect, it } from 'vitest';
import { addImportedDocument, createCase, listVolumes, restoreLeftOutPage } from '../../renderer/src/db';
import { freshDb, storedFile } from './fixtures';

describe('scanned pages left out as blank', () => {
  it('take no folio until restored, then get the next one', async () => {
    const db = freshDb();
    const c = await createCase({ number: '1', name: 'A' }, db);
    const [v1] = await listVolumes(c.id, db);
    const add = (name: string, jobId: string, leftOut?: 'blank') =>
      addImportedDocument(
        { caseId: c.id, volumeId: v1.id, storedFile: storedFile(name, 1), importId: jobId, leftOut },
        db,
      );
    await add('quet-001.png', 'j1');
    const blank = await add('quet-002.png', 'j2', 'blank');
    await add('quet-003.png', 'j3');
    const folios = async () =>
      (await db.pages.where('caseId').equals(c.id).sortBy('fileName')).map((p) => [
        p.fileName,
        p.folio,
        p.leftOut,
      ]);
    expect(await folios()).toEqual([
      ['quet-001.png', 1, undefined],
      ['quet-002.png', undefined, 'blank'],
      ['quet-003.png', 2, undefined],
    ]);
    await restoreLeftOutPage(blank.pages[0].id, db);
    // Folios already given are kept (they may be stamped on paper); the restored page is appended.
    expect(await folios()).toEqual([
      ['quet-001.png', 1, undefined],
      ['quet-002.png', 3, undefined],
      ['quet-003.png', 2, undefined],
    ]);
  });
});
