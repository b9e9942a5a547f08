import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, test } from 'vitest';
import { createHost, type Host } from '../../main/src/services/host';
import { fakeRecognizer, makeImage, makeTiff, tempDir } from './helpers';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const fake = fakeRecognizer({ pages: 1 });
  host = await createHost({
    dataDir: await tempDir(),
    env: { exportUrl: (n) => n },
    recognize: fake.recognize,
  });
  return { host, fake };
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { error?: { code: string; message: string } }) => e.error,
  );

describe('evidence is verified on every read, derived files too', () => {
  test('an overwritten page image (TIFF display PNG) is never served: it is rendered again from the original', async () => {
    const { host } = await start();
    const tiff = await makeTiff(2);
    const stored = await host.uploads.storeFile({ name: 'Fax.tif' }, tiff);
    const first = await host.pageImage(stored.hash, 1);
    const cached = path.join(host.paths.derived, stored.hash, '1.png');
    expect(await readFile(cached)).toEqual(first.bytes);
    // The attack: a different, valid PNG in place of the page.
    const forged = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#f00' } })
      .png()
      .toBuffer();
    await writeFile(cached, forged);
    const served = await host.pageImage(stored.hash, 1);
    expect(served.bytes.equals(forged)).toBe(false);
    expect(served.bytes).toEqual(first.bytes);
    // …and the cache holds the good render again, recorded.
    expect(await readFile(cached)).toEqual(first.bytes);
    expect((await host.pageImage(stored.hash, 1)).bytes).toEqual(first.bytes);
    // A derived file without a record (e.g. written by an older version or by hand) is not trusted either.
    await writeFile(path.join(host.paths.derived, stored.hash, '0.png'), forged);
    expect((await host.pageImage(stored.hash, 0)).bytes.equals(forged)).toBe(false);
  });

  test('tampered OCR words are refused and recognized again from the verified original', async () => {
    const { host, fake } = await start();
    const stored = await host.uploads.storeFile({ name: 'a.jpg' }, await makeImage('jpeg'));
    const job = (await host.run('enqueueOcr', {
      fileHash: stored.hash,
      fileName: 'a.jpg',
      lang: 'vie',
      forceOcr: false,
    })) as { id: string };
    await host.queue.idle();
    const pagesOf = async () =>
      JSON.stringify(((await host.run('jobResult', { id: job.id })) as { pages: unknown }).pages);
    const good = await pagesOf();
    const words = path.join(host.paths.jobs, `${job.id}.words.json`);
    const tampered = (await readFile(words, 'utf8')).replace(/"text":"[^"]*"/, '"text":"VÔ TỘI"');
    await writeFile(words, tampered);
    const calls = fake.calls.length;
    const refused = await errorOf(host.run('jobResult', { id: job.id }));
    expect(refused).toMatchObject({ code: 'OCR_RESULT_REBUILDING', file: 'a.jpg' });
    expect(refused!.message).not.toMatch(/\/tmp|\\/);
    await host.queue.idle();
    expect(fake.calls.length).toBe(calls + 1);
    expect(await pagesOf()).toBe(good);
  });

  test('uploading the intact bytes again repairs a corrupted original', async () => {
    const { host } = await start();
    const jpeg = await makeImage('jpeg');
    const stored = await host.uploads.storeFile({ name: 'BL 1.jpg' }, jpeg);
    const onDisk = path.join(host.paths.originals, stored.hash);
    await chmod(onDisk, 0o600);
    await writeFile(onDisk, Buffer.concat([jpeg.subarray(0, 100), Buffer.alloc(50)]));
    expect(await errorOf(host.original(stored.hash))).toMatchObject({ code: 'INTEGRITY_ERROR' });
    const again = await host.uploads.storeFile({ name: 'BL 1.jpg' }, jpeg);
    expect(again).toMatchObject({ hash: stored.hash, existed: true });
    expect(await readFile(onDisk)).toEqual(jpeg);
    expect((await host.original(stored.hash)).path).toBe(onDisk);
    // Read-only again after the repair.
    expect((await stat(onDisk)).mode & 0o777).toBe(0o400);
    // Bytes that are not the original cannot "repair" it: they hash elsewhere.
    const other = await host.uploads.storeFile({ name: 'BL 1.jpg' }, await makeImage('jpeg', 7));
    expect(other.hash).not.toBe(stored.hash);
  });

  test('an edited meta file cannot make an original be served as HTML', async () => {
    const { host } = await start();
    const stored = await host.uploads.storeFile({ name: 'a.jpg' }, await makeImage('jpeg'));
    const metaFile = path.join(host.paths.meta, `${stored.hash}.json`);
    const meta = JSON.parse(await readFile(metaFile, 'utf8'));
    await writeFile(metaFile, JSON.stringify({ ...meta, mime: 'text/html' }));
    expect((await host.original(stored.hash)).contentType).toBe('image/jpeg');
    await writeFile(metaFile, JSON.stringify({ ...meta, kind: 'html' }));
    expect(await errorOf(host.original(stored.hash))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
