import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { appendFile, chmod, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importBundle, writeBundle } from '../../main/src/services/case-bundle';
import { dataPaths } from '../../main/src/services/data-dir';
import { FileStore } from '../../main/src/services/file-store';
import { makeImage, makePdf, tempDir } from './helpers';

async function buildBundle(
  store: FileStore,
  request: Parameters<typeof writeBundle>[1],
): Promise<Uint8Array> {
  const dir = await tempDir();
  const out = path.join(dir, 'bundle.hoso');
  await writeBundle(store, request, out, dir);
  return readFile(out);
}

async function storeWithFiles() {
  const store = new FileStore(dataPaths(await tempDir()));
  const a = await store.storeBytes('Quyết định khởi tố.jpg', await makeImage('jpeg', 1));
  const b = await store.storeBytes('Kết luận.pdf', await makePdf(1));
  return { store, hashes: [a.hash, b.hash] };
}

const caseData = { case: { number: '12/2025/HS', name: 'Vụ trộm cắp tài sản' }, pages: [{ folio: 1 }] };

describe('case bundle (.hoso)', () => {
  test('round trip: originals, case data and hashes arrive intact on another machine', async () => {
    const { store, hashes } = await storeWithFiles();
    const bundle = await buildBundle(store, { fileName: 'vu-an.hoso', caseData, fileHashes: hashes });
    const paths = dataPaths(await tempDir());
    const other = new FileStore(paths);
    const imported = await importBundle(other, bundle, paths.tmp, 1e9);
    expect(imported.caseData).toEqual(caseData);
    expect(imported.files.map((f) => [f.hash, f.name, f.existed])).toEqual([
      [hashes[0], 'Quyết định khởi tố.jpg', false],
      [hashes[1], 'Kết luận.pdf', false],
    ]);
    expect((await other.readOriginal(hashes[1])).byteLength).toBeGreaterThan(0);
    // Importing again recognizes the files.
    expect((await importBundle(other, bundle, paths.tmp, 1e9)).files.every((f) => f.existed)).toBe(true);
  });

  test('a tampered original, tampered case data, or a truncated archive imports nothing', async () => {
    const { store, hashes } = await storeWithFiles();
    const bundle = await buildBundle(store, { fileName: 'vu-an.hoso', caseData, fileHashes: hashes });
    const entries = unzipSync(bundle);

    const swapped = { ...entries, [`originals/${hashes[0]}`]: await makeImage('jpeg', 7) };
    const editedCase = {
      ...entries,
      'case.json': strToU8(strFromU8(entries['case.json']).replace('12/2025', '13/2025')),
    };
    const cases: Array<[Uint8Array, string]> = [
      [zipSync(swapped), 'BUNDLE_TAMPERED'],
      [zipSync(editedCase), 'BUNDLE_TAMPERED'],
      [bundle.subarray(0, Math.floor(bundle.length * 0.6)), 'BUNDLE_CORRUPT'],
      [zipSync({ 'case.json': entries['case.json'] }), 'BUNDLE_CORRUPT'],
      [strToU8('not a zip at all'), 'BUNDLE_CORRUPT'],
    ];
    for (const [bytes, code] of cases) {
      const paths = dataPaths(await tempDir());
      await expect(importBundle(new FileStore(paths), bytes, paths.tmp, 1e9)).rejects.toMatchObject({
        error: { code },
      });
      expect(await readdir(paths.originals).catch(() => [])).toEqual([]);
    }
  });

  test('exporting an unknown file is refused', async () => {
    const { store } = await storeWithFiles();
    await expect(
      buildBundle(store, { fileName: 'x', caseData, fileHashes: ['f'.repeat(64)] }),
    ).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('case bundle export when an original was altered on disk', () => {
  test('fails with INTEGRITY_ERROR naming the file, and leaves no bundle or temp file', async () => {
    const paths = dataPaths(await tempDir());
    const store = new FileStore(paths);
    const stored = await store.storeBytes('Lời khai.jpg', await makeImage('jpeg', 3));
    const onDisk = path.join(paths.originals, stored.hash);
    await chmod(onDisk, 0o644);
    await appendFile(onDisk, 'tampered');
    const outDir = await tempDir();
    const out = path.join(outDir, 'x.hoso');
    await expect(
      writeBundle(store, { fileName: 'x.hoso', caseData, fileHashes: [stored.hash] }, out, outDir),
    ).rejects.toMatchObject({ error: { code: 'INTEGRITY_ERROR', file: 'Lời khai.jpg' } });
    expect(await readdir(outDir)).toEqual([]);
  });
});
