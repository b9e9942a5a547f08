import type { OcrPage } from '@hoso/contracts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach } from 'vitest';
import type { Recognizer } from '../../main/src/services/ocr-engine';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh data dir, removed after the test. */
export async function tempDir(prefix = 'hoso-main-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A small grey "scan" with some marks, so each call with another seed gives other bytes. */
export async function makeImage(
  format: 'jpeg' | 'png',
  seed = 1,
  width = 400,
  height = 566,
): Promise<Buffer> {
  const img = sharp({
    create: { width, height, channels: 3, background: { r: 250, g: 250, b: 250 } },
  }).composite([
    {
      input: Buffer.from(
        `<svg width="${width}" height="${height}"><rect x="${20 + seed}" y="40" width="200" height="20" fill="#222"/></svg>`,
      ),
    },
  ]);
  return format === 'jpeg'
    ? img.jpeg({ quality: 80 }).withMetadata({ density: 50 }).toBuffer()
    : img.png().toBuffer();
}

export async function makeTiff(pages = 2): Promise<Buffer> {
  const frames = await Promise.all(
    Array.from({ length: pages }, (_, i) =>
      sharp({
        create: { width: 300, height: 400, channels: 3, background: { r: 255 - i * 40, g: 255, b: 255 } },
      })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(frames, { join: { animated: true } })
    .tiff({ compression: 'lzw' })
    .toBuffer();
}

export async function makePdf(pages = 2, text = 'Hồ sơ vụ án'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    // Standard fonts cannot draw Vietnamese; ASCII is enough to mark the page as born-digital.
    page.drawText(
      `${text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')} ${i + 1}`,
      {
        x: 72,
        y: 760,
        size: 14,
        font,
      },
    );
  }
  return Buffer.from(await doc.save());
}

/** An OcrPage with one word, in the contract's shape. */
export function fakeOcrPage(index: number, file: string, word = 'hồ'): OcrPage {
  return {
    index,
    source: { file, page: index },
    widthPx: 400,
    heightPx: 566,
    dpi: 50,
    rotation: 0,
    deskewDeg: 0,
    origin: 'ocr',
    lang: 'vie',
    meanConfidence: 90,
    blocks: [
      {
        box: [0, 0, 10, 10],
        lines: [{ box: [0, 0, 10, 10], words: [{ text: word, box: [0, 0, 10, 10], confidence: 90 }] }],
      },
    ],
  };
}

/**
 * A fake engine: yields `pages` pages, waiting on `gate` (if given) before each, and honouring
 * the abort signal like the real one. Records the files it was asked to read.
 */
export function fakeRecognizer(options: { pages?: number; gate?: () => Promise<void>; fail?: Error } = {}) {
  const calls: string[][] = [];
  const recognize: Recognizer = async function* (files, opts) {
    calls.push(files);
    for (let i = 0; i < (options.pages ?? 1); i++) {
      if (options.gate) {
        // Like the real engine, stop waiting as soon as the job is aborted.
        const aborted = new Promise<void>((resolve) =>
          opts.signal?.addEventListener('abort', () => resolve()),
        );
        await Promise.race([options.gate(), aborted]);
      }
      if (opts.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      if (options.fail) throw options.fail;
      yield { ocr: fakeOcrPage(i, files[0]) };
    }
  };
  return { recognize, calls };
}

/** A gate the test opens step by step. */
export function manualGate() {
  let waiters: Array<() => void> = [];
  let open = false;
  return {
    wait: () => (open ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    step() {
      const w = waiters;
      waiters = [];
      w.forEach((r) => r());
    },
    openAll() {
      open = true;
      this.step();
    },
    get waiting() {
      return waiters.length;
    },
  };
}

/**
 * Waits for a state by polling it. The limit is a generous deadline, not a count of tries: 400
 * tries of 10 ms were shorter than a worker's start-up on a loaded machine (issue 9).
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what = 'condition',
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
