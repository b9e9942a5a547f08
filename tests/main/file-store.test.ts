import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { dataPaths } from '../../main/src/services/data-dir';
import { DerivedFiles } from '../../main/src/services/derived-files';
import { FileStore } from '../../main/src/services/file-store';
import { HostFailure } from '../../main/src/services/host-error';
import { PageImages } from '../../main/src/services/page-images';
import { makeImage, makePdf, makeTiff, tempDir } from './helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function newStore(maxBytes?: number) {
  const paths = dataPaths(await tempDir());
  return { paths, store: new FileStore(paths, maxBytes), images: undefined as unknown as PageImages };
}

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof HostFailure) return err.error.code;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('FileStore', () => {
  test('names originals by SHA-256, stores them read-only, and probes pages', async () => {
    const { paths, store } = await newStore();
    const jpeg = await makeImage('jpeg');
    const stored = await store.storeBytes('Biên bản lời khai.jpg', jpeg);
    expect(stored.hash).toBe(sha(jpeg));
    expect(stored.existed).toBe(false);
    expect(stored.mime).toBe('image/jpeg');
    expect(stored.name).toBe('Biên bản lời khai.jpg'.normalize('NFC'));
    expect(stored.pages).toHaveLength(1);
    expect(stored.pages[0]).toMatchObject({ widthPx: 400, heightPx: 566, hasText: false });
    // A recorded 50 dpi is implausible for a scan: inferred from the A4 shape, as OCR does
    // (the one inferDpi of @hoso/ocr/probe), so the page is 8.27 × 11.69 inches.
    expect(stored.pages[0].dpi).toBe(48.39);
    const file = path.join(paths.originals, stored.hash);
    expect(await readFile(file)).toEqual(jpeg);
    expect((await stat(file)).mode & 0o222).toBe(0);
    // Nothing is left behind in tmp/.
    expect(await readdir(paths.tmp)).toEqual([]);
  });

  test('the same file twice is recognized by its hash', async () => {
    const { store } = await newStore();
    const png = await makeImage('png');
    const first = await store.storeBytes('a.png', png);
    const second = await store.storeBytes('renamed.png', png);
    expect(second.hash).toBe(first.hash);
    expect(second.existed).toBe(true);
    expect(second.name).toBe('a.png');
  });

  test('multi-page TIFF and PDF report every page; PDF text is detected', async () => {
    const { store } = await newStore();
    const tiff = await store.storeBytes('fax.tif', await makeTiff(3));
    expect(tiff.mime).toBe('image/tiff');
    expect(tiff.pages.map((p) => p.index)).toEqual([0, 1, 2]);
    const pdf = await store.storeBytes('ket-luan.pdf', await makePdf(2));
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages.every((p) => p.hasText)).toBe(true);
    // A4 at the 200 dpi display resolution.
    expect(pdf.pages[0]).toMatchObject({ widthPx: 1653, heightPx: 2339, dpi: 200 });
  });

  test('a tampered original is refused when read', async () => {
    const { paths, store } = await newStore();
    const stored = await store.storeBytes('a.jpg', await makeImage('jpeg'));
    const file = path.join(paths.originals, stored.hash);
    await chmod(file, 0o644);
    const bytes = await readFile(file);
    bytes[bytes.length - 10] ^= 0xff;
    await writeFile(file, bytes);
    expect(await errorCode(store.readOriginal(stored.hash))).toBe('INTEGRITY_ERROR');
  });

  test('bad input fails with a specific code and leaves nothing behind', async () => {
    const { paths, store } = await newStore(1_000_000);
    expect(await errorCode(store.storeBytes('empty.jpg', new Uint8Array()))).toBe('EMPTY_FILE');
    expect(await errorCode(store.storeBytes('notes.pdf', Buffer.from('just text, not a PDF')))).toBe(
      'UNSUPPORTED_FORMAT',
    );
    const jpeg = await makeImage('jpeg');
    expect(await errorCode(store.storeBytes('cut.jpg', jpeg.subarray(0, jpeg.length / 2)))).toBe(
      'CORRUPT_IMAGE',
    );
    expect(await errorCode(store.storeBytes('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj garbage')))).toBe(
      'CORRUPT_PDF',
    );
    expect(await errorCode(store.storeBytes('big.png', new Uint8Array(2_000_000)))).toBe('TOO_LARGE');
    expect(await readdir(paths.originals).catch(() => [])).toEqual([]);
    expect(await readdir(paths.tmp)).toEqual([]);
  });

  test('a decompression-bomb header is refused', async () => {
    const { store } = await newStore();
    // A PNG header claiming 60000 × 60000 pixels, with a tiny (invalid) body.
    const png = await makeImage('png');
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(60000, 16);
    bomb.writeUInt32BE(60000, 20);
    const code = await errorCode(store.storeBytes('bomb.png', bomb));
    expect(['IMAGE_TOO_LARGE', 'CORRUPT_IMAGE']).toContain(code);
  });

  test('page images: JPEG passes through, TIFF becomes PNG, PDF is rendered and cached', async () => {
    const { paths, store } = await newStore();
    const images = new PageImages(paths, store, new DerivedFiles(paths));
    const jpeg = await makeImage('jpeg');
    const j = await store.storeBytes('a.jpg', jpeg);
    const jImg = await images.pageImage(j.hash, 0);
    expect(jImg.contentType).toBe('image/jpeg');
    expect(jImg.bytes).toEqual(jpeg);
    const t = await store.storeBytes('fax.tif', await makeTiff(2));
    const tImg = await images.pageImage(t.hash, 1);
    expect(tImg.contentType).toBe('image/png');
    expect(tImg.bytes.subarray(1, 4).toString()).toBe('PNG');
    const p = await store.storeBytes('doc.pdf', await makePdf(1));
    const pImg = await images.pageImage(p.hash, 0);
    expect(pImg.contentType).toBe('image/jpeg');
    expect(await readdir(path.join(paths.derived, p.hash))).toEqual(['0.jpg']);
    expect(await errorCode(images.pageImage(p.hash, 5))).toBe('NOT_FOUND');
  });
});

describe('FileStore when the disk is full', () => {
  test('ENOSPC while writing → DISK_FULL, and no temp file or original is left', async () => {
    const { paths, store } = await newStore();
    async function* scannerThatHitsAFullDisk() {
      yield Buffer.alloc(1000, 1);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    const { toHostError } = await import('../../main/src/services/host-error');
    const failure = await store
      .storeStream('scan.jpg', scannerThatHitsAFullDisk())
      .catch((err: unknown) => err);
    expect(toHostError(failure)).toMatchObject({ code: 'DISK_FULL' });
    expect(toHostError(Object.assign(new Error('quota'), { code: 'EDQUOT' }))).toMatchObject({
      code: 'QUOTA_EXCEEDED',
    });
    expect(await readdir(paths.tmp)).toEqual([]);
    expect(await readdir(paths.originals).catch(() => [])).toEqual([]);
  });
});

describe('FileStore on the sample dossier', () => {
  test('every fixture file is stored with its pages and a plausible resolution', async () => {
    const { store } = await newStore();
    const dir = path.resolve(import.meta.dirname, '../../fixtures/sample-dossier');
    const summary: string[] = [];
    for (const name of (await readdir(dir)).sort()) {
      const stored = await store.storeBytes(name, await readFile(path.join(dir, name)));
      summary.push(`${stored.mime}:${stored.pages.map((p) => p.dpi).join(',')}`);
    }
    expect(summary).toEqual([
      'image/jpeg:300',
      'image/jpeg:300',
      'image/tiff:200,200',
      'application/pdf:200',
      'image/jpeg:300',
    ]);
  });
});
