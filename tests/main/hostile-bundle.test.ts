import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { importBundle, writeBundle } from '../../main/src/services/case-bundle';
import { sha256 } from '../../main/src/services/atomic-file';
import { dataPaths } from '../../main/src/services/data-dir';
import { FileStore } from '../../main/src/services/file-store';
import { makeImage, tempDir } from './helpers';

type RawEntry = { name: string; data: Buffer; method: 0 | 8; declared: number };

/** A zip written by hand, so an entry can lie about its size, repeat its name, or escape. */
function zip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/**
 * A deflate stream of `mib` MiB of zeros made cheaply: one MiB compressed with a full flush is a
 * self-contained block (~1 KB), repeated, then the empty final block. 1.5 GB costs 1.5 MB.
 */
function zeroBomb(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

const deflated = (text: string) => {
  const data = Buffer.from(text);
  return { data: deflateRawSync(data), method: 8 as const, declared: data.length };
};

function manifestFor(caseBytes: Buffer, files: { hash: string; name: string; size: number }[] = []) {
  return JSON.stringify({
    format: 'hoso-bundle',
    version: 1,
    createdAt: new Date().toISOString(),
    caseData: { path: 'case.json', sha256: sha256(caseBytes), size: caseBytes.length },
    files: files.map((f) => ({ ...f, mime: 'image/jpeg' })),
  });
}

async function target() {
  const paths = dataPaths(await tempDir());
  return { paths, store: new FileStore(paths) };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { error?: { code: string; message: string } }) => e.error ?? { code: 'THROWN', message: String(e) },
  );

describe('hostile bundles import nothing and cost little', () => {
  test('1.5 MB bombs inflating to 1.5 GB (case.json or manifest.json declared as 10 bytes) stop at 10 bytes', async () => {
    const bomb = zeroBomb(1536);
    expect(bomb.length).toBeLessThan(2_000_000);
    const caseBytes = Buffer.from('{}');
    const bundles = {
      'case.json': zip([
        { name: 'manifest.json', ...deflated(manifestFor(caseBytes)) },
        { name: 'case.json', data: bomb, method: 8, declared: 10 },
      ]),
      'manifest.json': zip([
        { name: 'manifest.json', data: bomb, method: 8, declared: 10 },
        { name: 'case.json', ...deflated('{}') },
      ]),
      // Declared honestly as 1.5 GB: refused by the ratio limit before inflating anything.
      honest: zip([
        { name: 'manifest.json', data: bomb, method: 8, declared: 1536 * 1024 * 1024 },
        { name: 'case.json', ...deflated('{}') },
      ]),
    };
    const { paths, store } = await target();
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      for (const [which, bytes] of Object.entries(bundles)) {
        const started = Date.now();
        const error = await failure(importBundle(store, bytes, paths.tmp, 1e9));
        expect(error, which).toMatchObject({ code: 'BUNDLE_CORRUPT' });
        expect(error!.message).toMatch(/declared|compressed more than|inflates past/);
        expect(Date.now() - started).toBeLessThan(5000);
      }
    } finally {
      clearInterval(sampler);
    }
    // Before the cap the server reached 3.2 GB RSS; now the bombs cost about their own size.
    expect(peak - rssBefore).toBeLessThan(150 * 1024 * 1024);
    expect(await readdir(paths.originals).catch(() => [])).toEqual([]);
    expect(await readdir(paths.tmp)).toEqual([]);
  });

  test('originals that pass their hashes but fail the format probe: nothing stored, not even the good ones', async () => {
    const good = await makeImage('jpeg', 1);
    const bad = Buffer.concat([good.subarray(0, 600)]); // a truncated JPEG: right header, no pixels
    const caseBytes = Buffer.from('{"n":1}');
    const files = [
      { hash: sha256(good), name: 'tốt.jpg', size: good.length },
      { hash: sha256(bad), name: 'hỏng.jpg', size: bad.length },
    ];
    const bundle = zip([
      { name: 'manifest.json', ...deflated(manifestFor(caseBytes, files)) },
      { name: 'case.json', ...deflated(caseBytes.toString()) },
      { name: `originals/${files[0].hash}`, data: good, method: 0, declared: good.length },
      { name: `originals/${files[1].hash}`, data: bad, method: 0, declared: bad.length },
    ]);
    const { paths, store } = await target();
    const error = await failure(importBundle(store, bundle, paths.tmp, 1e9));
    expect(error).toMatchObject({ code: 'CORRUPT_IMAGE', file: 'hỏng.jpg' });
    expect(error!.message).not.toContain(paths.tmp);
    expect(await readdir(paths.originals).catch(() => [])).toEqual([]);
    expect(await readdir(paths.meta).catch(() => [])).toEqual([]);
    expect(await readdir(paths.tmp)).toEqual([]);
  });

  test('duplicate entries, zip-slip names and unexpected entries are refused', async () => {
    const caseBytes = Buffer.from('{}');
    const manifest = { name: 'manifest.json', ...deflated(manifestFor(caseBytes)) };
    const caseEntry = { name: 'case.json', ...deflated('{}') };
    const cases: [string, RawEntry[]][] = [
      ['appears twice', [manifest, caseEntry, { ...caseEntry, ...deflated('{"x":1}') }]],
      ['appears twice', [manifest, manifest, caseEntry]],
      ['unsafe entry name', [manifest, caseEntry, { name: '../../.bashrc', ...deflated('x') }]],
      ['unsafe entry name', [manifest, caseEntry, { name: '/etc/passwd', ...deflated('x') }]],
      ['unsafe entry name', [manifest, caseEntry, { name: 'originals\\..\\..\\x', ...deflated('x') }]],
      ['unsafe entry name', [manifest, caseEntry, { name: 'C:/Windows/x', ...deflated('x') }]],
      ['unexpected entry', [manifest, caseEntry, { name: 'run.sh', ...deflated('x') }]],
      ['does not list', [manifest, caseEntry, { name: `originals/${'a'.repeat(64)}`, ...deflated('x') }]],
    ];
    const { paths, store } = await target();
    for (const [why, entries] of cases) {
      const error = await failure(importBundle(store, zip(entries), paths.tmp, 1e9));
      expect(error?.code, why).toBe('BUNDLE_CORRUPT');
      expect(error!.message, why).toContain(why);
    }
    const good = await makeImage('jpeg', 2);
    const listedTwice = zip([
      {
        name: 'manifest.json',
        ...deflated(
          manifestFor(caseBytes, [
            { hash: sha256(good), name: 'a.jpg', size: good.length },
            { hash: sha256(good), name: 'b.jpg', size: good.length },
          ]),
        ),
      },
      caseEntry,
      { name: `originals/${sha256(good)}`, data: good, method: 0, declared: good.length },
    ]);
    expect(await failure(importBundle(store, listedTwice, paths.tmp, 1e9))).toMatchObject({
      code: 'BUNDLE_CORRUPT',
      message: expect.stringContaining('twice'),
    });
    expect(await readdir(paths.originals).catch(() => [])).toEqual([]);
  });

  test('a real exported bundle still imports (the checks refuse only what is wrong)', async () => {
    const source = await target();
    const a = await source.store.storeBytes('a.jpg', await makeImage('jpeg', 3));
    const out = path.join(await tempDir(), 'b.hoso');
    await writeBundle(
      source.store,
      { fileName: 'b', caseData: { n: 1 }, fileHashes: [a.hash] },
      out,
      source.paths.tmp,
    );
    const { paths, store } = await target();
    const result = await importBundle(
      store,
      await (await import('node:fs/promises')).readFile(out),
      paths.tmp,
      1e9,
    );
    expect(result.files.map((f) => f.hash)).toEqual([a.hash]);
  });
});
