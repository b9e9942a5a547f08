import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OcrPage } from '@hoso/contracts';
import sharp from 'sharp';
import type { Recognizer } from '../../main/src/services/ocr-engine';

/**
 * A fast stand-in for the OCR engine in courtroom tests and the bench, where recognition is not
 * what is measured and 2 shared cores make real OCR slow. It reports each stored page with its
 * true size, and turns a landscape page upright the way the real engine's orientation detection
 * does for the sample dossier's sideways scan (turned 90° clockwise, so upright = a further 270°),
 * and straightens the skewed statement (02) by the 1.65° the real engine measures, so the stage's
 * straightening is tested too.
 */
const SKEWED = path.join(import.meta.dirname, '../../fixtures/sample-dossier/02-bien-ban-ghi-loi-khai.jpg');
const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file).catch(() => Buffer.alloc(0)))
    .digest('hex');
let skewedHash: Promise<string> | undefined;

export const fakeOcr: Recognizer = async function* (files) {
  skewedHash ??= sha256(SKEWED);
  for (const file of files) {
    // The store names originals by hash: recognize the skewed scan by its bytes.
    const deskewDeg = (await sha256(file)) === (await skewedHash) ? 1.65 : 0;
    const meta = await sharp(file, { pages: -1 })
      .metadata()
      .catch(() => ({ width: 2480, height: 3508, pages: 1, pageHeight: undefined }));
    const pages = meta.pages ?? 1;
    const w = meta.width ?? 2480;
    const h = meta.pageHeight ?? meta.height ?? 3508;
    const sideways = w > h;
    for (let index = 0; index < pages; index++) {
      const ocr: OcrPage = {
        index,
        source: { file, page: index },
        widthPx: sideways ? h : w,
        heightPx: sideways ? w : h,
        dpi: 300,
        rotation: sideways ? 270 : 0,
        deskewDeg,
        origin: 'ocr',
        lang: 'vie',
        meanConfidence: 90,
        blocks: [],
      };
      yield { ocr };
    }
  }
};
