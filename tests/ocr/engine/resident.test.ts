import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '@hoso/contracts';
import { recognizePages } from '../../../ocr/src/index';
import { planInputs } from '../../../ocr/src/decode/inspect';
import { decodePage } from '../../../ocr/src/decode/raster';
import { prepareForRecognition } from '../../../ocr/src/preprocess/prepare';
import { DEFAULT_ENGINE, describeEngine, type EngineReport } from '../../../ocr/src/recognize/recognizer';
import { pageRequest, ResidentRecognizer } from '../../../ocr/src/recognize/resident';
import { ResidentProcess } from '../../../ocr/src/recognize/resident-process';
import { ReplyReader, requestHeader, type Reply } from '../../../ocr/src/recognize/resident-frames';
import { createRecognizer } from '../../../ocr/src/recognize/select-engine';
import { findTesseract } from '../../../ocr/src/recognize/tesseract-binary';
import { findTessdata } from '../../../ocr/src/recognize/tessdata';

// The resident helper (ocr/native/hoso-tesseract.cpp, built by npm ci's postinstall where
// libtesseract-dev is installed, as on CI) against the tesseract CLI page by page, on real pages.
const root = path.resolve(__dirname, '../../..');
const helper = path.join(root, 'ocr/native/build/hoso-tesseract');
const scan = path.resolve(root, '../shared/corpus/01-quyet-dinh-khoi-to/v1-scan.jpg');
// A page made by ocr/bench/held-out/build.ts, faxed: black and white, so it goes as 1-bit pixels.
const madeFax = path.join(root, 'fixtures/held-out/12-v4-fax.tif');
const settings = { ...DEFAULT_ENGINE, lang: 'vie' as const };

const built = existsSync(helper);
const words = (ocr: OcrPage) => ocr.blocks.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text)));

async function preparedImages(files: string[]): Promise<Buffer[]> {
  const { plans } = await planInputs(files);
  const out: Buffer[] = [];
  for (const plan of plans) {
    const page = plan.pages[0];
    const raster = await decodePage(page, new Uint8Array(readFileSync(plan.file)));
    out.push((await prepareForRecognition(raster, { dpi: page.dpi, exifRotation: page.exifRotation })).image);
  }
  return out;
}

async function recognizeWith(resident: boolean, files: string[]) {
  const before = process.env.HOSO_OCR_RESIDENT;
  process.env.HOSO_OCR_RESIDENT = resident ? '1' : '0';
  let report: EngineReport | undefined;
  const pages = new Map<string, OcrPage>();
  try {
    const opts = {
      lang: 'vie' as const,
      jobs: 1,
      forceOcr: false,
      skipBadPages: false,
      engine: 'native' as const,
    };
    for await (const r of recognizePages(files, { ...opts, onEngine: (e) => (report = e) }))
      pages.set(path.basename(r.source.file), r.ocr);
  } finally {
    if (before === undefined) delete process.env.HOSO_OCR_RESIDENT;
    else process.env.HOSO_OCR_RESIDENT = before;
  }
  return { report: report!, pages };
}

async function tessdata() {
  const binary = await findTesseract();
  return (await findTessdata({ lang: 'vie', model: 'fast', installedDir: binary.tessdataDir }))!;
}

/** Whether a process id is still a live (or unreaped) process. */
const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!built)('the resident native engine', () => {
  describe('reads as the tesseract CLI does, through the normal page path', () => {
    const files = [scan, madeFax];
    let cli: Awaited<ReturnType<typeof recognizeWith>>;
    let resident: Awaited<ReturnType<typeof recognizeWith>>;
    beforeAll(async () => {
      cli = await recognizeWith(false, files);
      resident = await recognizeWith(true, files);
    }, 180_000);

    it('is chosen where built, and says so', () => {
      expect(resident.report).toMatchObject({ engine: 'native', resident: true, binary: helper });
      expect(resident.report.version).toMatch(/^\d+\.\d+/);
      expect(describeEngine(resident.report)).toContain(`(resident helper ${helper})`);
      expect(cli.report.resident).toBeUndefined();
      expect(cli.report.binary).toMatch(/[\\/]tesseract(\.exe)?$/);
    });

    it.each(files.map((f) => path.basename(f)))('gives the same blocks, lines and words for %s', (name) => {
      const a = cli.pages.get(name)!;
      const b = resident.pages.get(name)!;
      expect(words(a).length).toBeGreaterThan(100);
      expect(b.blocks).toEqual(a.blocks);
      expect(b.meanConfidence).toBe(a.meanConfidence);
    });
  });

  it('reads several pages in a row through one process as it reads each alone', async () => {
    const images = await preparedImages([scan, madeFax, scan]);
    const data = await tessdata();
    const one = new ResidentRecognizer(helper, data, settings, 1);
    try {
      const inRow = [];
      for (const image of images) inRow.push(await one.recognize(image));
      expect(one.pids()).toHaveLength(1);
      for (const [i, image] of images.entries()) {
        const alone = new ResidentRecognizer(helper, data, settings, 1);
        expect(await alone.recognize(image).finally(() => alone.terminate())).toEqual(inRow[i]);
      }
    } finally {
      await one.terminate();
    }
  }, 120_000);

  it('refuses a malformed frame with an error frame and exits', async () => {
    const dir = (await tessdata()).dir;
    const ask = (frame: Buffer) => {
      const r = spawnSync(helper, [dir, 'vie', '3'], {
        input: frame,
        maxBuffer: 1 << 20,
      });
      const replies: Reply[] = new ReplyReader(1 << 20).push(r.stdout);
      return { status: r.status, replies };
    };
    const page = { width: 10, height: 10, format: 1 as const, dpi: 300, pixels: Buffer.alloc(100, 255) };
    const cases: Array<[Buffer, RegExp]> = [
      [
        Buffer.concat([requestHeader({ ...page, width: 11 }), page.pixels]),
        /payload length 100 does not match/,
      ],
      [
        Buffer.concat([requestHeader({ ...page, width: 30_000, height: 1 }), page.pixels]),
        /dimensions out of range/,
      ],
      [Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(40)]), /bad frame magic/],
      // Only the header: it claims 500 MB, which is refused before anything is read.
      [requestHeader({ ...page, pixels: { length: 500 << 20 } as Uint8Array }), /payload too large/],
      [Buffer.concat([requestHeader(page), page.pixels.subarray(0, 50)]), /ended in the middle of a frame/],
    ];
    for (const [frame, why] of cases) {
      const { status, replies } = ask(frame);
      expect(replies[0]).toMatchObject({ kind: 'ready' });
      expect(replies[1]).toMatchObject({ kind: 'error', message: expect.stringMatching(why) });
      expect(status).toBe(2);
    }
    // A good frame, then EOF: a TSV reply and a clean exit.
    const { status, replies } = ask(Buffer.concat([requestHeader(page), page.pixels]));
    expect(replies[1]).toMatchObject({ kind: 'tsv', tsv: expect.stringMatching(/^level\tpage_num/) });
    expect(status).toBe(0);
  }, 60_000);

  it('rejects the page of a helper killed mid-page with a clear error, and reads the next', async () => {
    const [image] = await preparedImages([scan]);
    const engine = new ResidentRecognizer(helper, await tessdata(), settings, 1);
    try {
      await engine.selfTest();
      const [pid] = engine.pids();
      const page = engine.recognize(image);
      await new Promise((r) => setTimeout(r, 300));
      process.kill(pid, 'SIGKILL');
      await expect(page).rejects.toThrow(/hoso-tesseract exited with SIGKILL while reading a page/);
      const next = await engine.recognize(image);
      expect(next.flatMap((b) => b.lines).length).toBeGreaterThan(10);
      expect(engine.pids()).not.toContain(pid);
    } finally {
      await engine.terminate();
    }
  }, 120_000);

  it('kills a helper that takes too long on a page, and rejects that page', async () => {
    const [image] = await preparedImages([scan]);
    const data = await tessdata();
    const { process: slow } = await ResidentProcess.start(helper, [data.dir, 'vie', '3'], 20_000);
    await expect(slow.recognize(pageRequest(image, 250), 200)).rejects.toThrow(
      /hoso-tesseract took longer than 0.2 s on a page/,
    );
    expect(slow.alive).toBe(false);
    const deadline = Date.now() + 5000;
    while (running(slow.pid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(running(slow.pid!)).toBe(false);
  }, 60_000);

  it('terminate leaves no helper process behind', async () => {
    const engine = new ResidentRecognizer(helper, await tessdata(), settings, 2);
    await engine.selfTest();
    engine.warmUp();
    await new Promise((r) => setTimeout(r, 1000));
    const pids = engine.pids();
    expect(pids).toHaveLength(2);
    await engine.terminate();
    const deadline = Date.now() + 5000;
    while (pids.some(running) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(pids.filter(running)).toEqual([]);
    await expect(engine.recognize(Buffer.alloc(0))).rejects.toThrow(/closed/);
  }, 60_000);

  it('falls back to the CLI page by page, saying why, when the helper fails its self-test', async () => {
    const resources = mkdtempSync(path.join(os.tmpdir(), 'hoso-resources-'));
    const broken = path.join(resources, 'tesseract', 'hoso-tesseract');
    mkdirSync(path.dirname(broken));
    writeFileSync(
      broken,
      '#!/bin/sh\necho "libtesseract.so.5: cannot open shared object file" >&2\nexit 127\n',
    );
    chmodSync(broken, 0o755);
    const before = process.env.HOSO_RESOURCES;
    process.env.HOSO_RESOURCES = resources;
    try {
      const { recognizer, report } = await createRecognizer({ engine: 'native', jobs: 1, settings });
      await recognizer.terminate();
      expect(report.resident).toBeUndefined();
      expect(report.binary).toBe((await findTesseract()).path);
      expect(report.residentSkipped).toMatch(
        /hoso-tesseract failed its self-test.*exited with 127.*libtesseract/,
      );
      expect(describeEngine(report)).toMatch(/; resident helper not used: /);
    } finally {
      if (before === undefined) delete process.env.HOSO_RESOURCES;
      else process.env.HOSO_RESOURCES = before;
      rmSync(resources, { recursive: true, force: true });
    }
  }, 60_000);

  it('is not used when HOSO_TESSERACT names a binary, or with HOSO_OCR_RESIDENT=0', async () => {
    const cli = (await findTesseract()).path;
    for (const env of [
      { ...process.env, HOSO_TESSERACT: cli },
      { ...process.env, HOSO_OCR_RESIDENT: '0' },
    ]) {
      const { recognizer, report } = await createRecognizer({ engine: 'native', jobs: 1, settings, env });
      await recognizer.terminate();
      expect(report).toMatchObject({ engine: 'native', binary: cli });
      expect(report.resident).toBeUndefined();
    }
  }, 60_000);
});

describe('reading the helper replies', () => {
  const frame = (kind: number, body: string) => {
    const text = Buffer.from(body, 'utf8');
    const head = Buffer.alloc(12);
    [0x52534f48, kind, text.length].forEach((v, i) => head.writeUInt32LE(v, i * 4));
    return Buffer.concat([head, text]);
  };

  it('cuts replies out of chunks split anywhere', () => {
    const bytes = Buffer.concat([frame(0, '5.3.0'), frame(1, 'level\tpage_num\tđ'), frame(2, 'no')]);
    const reader = new ReplyReader(1000);
    const replies = [...bytes].flatMap((b) => reader.push(Buffer.from([b])));
    expect(replies).toEqual([
      { kind: 'ready', version: '5.3.0' },
      { kind: 'tsv', tsv: 'level\tpage_num\tđ' },
      { kind: 'error', message: 'no' },
    ]);
  });

  it('refuses a reply over the output cap, and anything that is not a reply', () => {
    expect(() => new ReplyReader(10).push(frame(1, 'x'.repeat(11)).subarray(0, 12))).toThrow(
      /more output than a page can hold/,
    );
    expect(() => new ReplyReader(10).push(Buffer.from('Tesseract warning\n'))).toThrow(/not a reply/);
  });
});

describe('the helper build step', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hoso-build-'));
  symlinkSync(process.execPath, path.join(dir, 'node'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const build = (env: NodeJS.ProcessEnv) =>
    spawnSync(path.join(dir, 'node'), [path.join(root, 'ocr/native/build.mjs')], { env, encoding: 'utf8' });

  it('skips with one line and exit 0 when there is no pkg-config', () => {
    const r = build({ PATH: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^hoso-tesseract not built \(no pkg-config\)/),
    ]);
  });

  it('skips with one line and exit 0 when pkg-config finds no tesseract', () => {
    const fake = path.join(dir, 'pkg-config');
    writeFileSync(fake, '#!/bin/sh\n[ "$1" = --version ] && echo 0.29 && exit 0\nexit 1\n');
    chmodSync(fake, 0o755);
    const r = build({ PATH: `${dir}:/usr/bin:/bin` });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(
      /^hoso-tesseract not built \(pkg-config finds no tesseract development files/,
    );
    rmSync(fake);
  });
});
