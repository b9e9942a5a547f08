import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inspectFile, MAX_PAGE_PIXELS } from '@hoso/ocr/probe';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { dataPaths } from '../../main/src/services/data-dir';
import { FileStore } from '../../main/src/services/file-store';
import { HostFailure } from '../../main/src/services/host-error';
import { makeImage, makePdf, makeTiff, tempDir } from './helpers';

/** What the host's file store records, and what OCR plans, for the same bytes. */
async function bothSides(name: string, bytes: Uint8Array) {
  const dir = await tempDir();
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const store = new FileStore(dataPaths(path.join(dir, 'data')));
  const host = await store.storeBytes(name, bytes).then(
    (stored) => ({ ok: true as const, stored }),
    (err: unknown) => {
      if (!(err instanceof HostFailure)) throw err;
      return { ok: false as const, error: err.error };
    },
  );
  const ocr = await inspectFile(file).then(
    (plan) => ({ ok: true as const, plan }),
    (err: { code: string; message: string }) => ({ ok: false as const, error: err }),
  );
  return { host, ocr, file };
}

describe('the host and OCR probe pages by one set of rules', () => {
  test('a 170-megapixel header is refused by both, against the same 150-megapixel limit', async () => {
    expect(MAX_PAGE_PIXELS).toBe(150_000_000);
    // 13 000 × 13 100 = 170.3 MP: each side is under the 30 000 px side limit, the area is not.
    const bomb = Buffer.from(await makeImage('png'));
    bomb.writeUInt32BE(13_000, 16);
    bomb.writeUInt32BE(13_100, 20);
    const { host, ocr, file } = await bothSides('bomb.png', bomb);
    expect(host.ok).toBe(false);
    expect(ocr.ok).toBe(false);
    if (host.ok || ocr.ok) return;
    expect(host.error.code).toBe('IMAGE_TOO_LARGE');
    expect(ocr.error.code).toBe('image-too-large');
    expect(host.error.message).toContain('over the 150-megapixel limit');
    // The same sentence, naming the file as each side knows it.
    expect(host.error.message.replace('bomb.png', '<file>')).toBe(ocr.error.message.replace(file, '<file>'));
  });

  test('the same page gets the same resolution on import and in OCR', async () => {
    const a4NoDensity = await sharp({
      create: { width: 2480, height: 3508, channels: 3, background: '#fafafa' },
    })
      .png()
      .toBuffer();
    const cases: [string, Uint8Array][] = [
      ['recorded-50dpi.jpg', await makeImage('jpeg')],
      ['recorded-50dpi.png', await makeImage('png')],
      ['a4-no-phys.png', a4NoDensity],
      ['fax.tif', await makeTiff(2)],
    ];
    const fixtures = path.resolve(import.meta.dirname, '../../fixtures/sample-dossier');
    for (const name of (await readdir(fixtures)).sort())
      if (!name.endsWith('.pdf')) cases.push([name, await readFile(path.join(fixtures, name))]);
    for (const [name, bytes] of cases) {
      const { host, ocr } = await bothSides(name, bytes);
      if (!host.ok || !ocr.ok) throw new Error(`${name} was refused: ${JSON.stringify({ host, ocr })}`);
      expect(
        host.stored.pages.map((p) => [p.widthPx, p.heightPx, p.dpi]),
        name,
      ).toEqual(ocr.plan.pages.map((p) => [p.widthPx, p.heightPx, p.dpi]));
    }
  });

  test('a PDF has the same pages on both sides, and the same physical size', async () => {
    const { host, ocr } = await bothSides('ket-luan.pdf', await makePdf(3));
    if (!host.ok || !ocr.ok) throw new Error('the PDF was refused');
    expect(host.stored.pages).toHaveLength(ocr.plan.pages.length);
    // The host measures at its display resolution and OCR at the scan's; the inches agree.
    host.stored.pages.forEach((p, i) => {
      const o = ocr.plan.pages[i];
      expect(p.widthPx / p.dpi).toBeCloseTo(o.widthPx / o.dpi, 1);
      expect(p.heightPx / p.dpi).toBeCloseTo(o.heightPx / o.dpi, 1);
    });
  });
});
