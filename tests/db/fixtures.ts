import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { OcrPage, OcrWordsFile, StoredFile } from '@hoso/contracts';
import { HosoDb } from '../../renderer/src/db/schema';

/** A fresh, isolated database on its own fake-indexeddb factory. */
export function freshDb(): HosoDb {
  return new HosoDb(`test-${Math.random().toString(36).slice(2)}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
}

/**
 * An OcrPage from plain text: one block per paragraph (blank-line separated), one line per text
 * line, words on a 40 px grid — enough geometry to check boxes come back.
 */
export function ocrPageFromText(text: string, index = 0, file = 'scan.pdf'): OcrPage {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  let y = 100;
  const blocks = paragraphs.map((para) => {
    const lines = para
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        let x = 100;
        const words = l
          .trim()
          .split(/\s+/)
          .map((w) => {
            const box: [number, number, number, number] = [x, y, x + w.length * 20, y + 40];
            x += w.length * 20 + 20;
            return { text: w.normalize('NFC'), box, confidence: 90 };
          });
        const line = { box: [100, y, x, y + 40] as [number, number, number, number], words };
        y += 50;
        return line;
      });
    y += 30;
    return { box: [100, lines[0]?.box[1] ?? 0, 2000, y] as [number, number, number, number], lines };
  });
  return {
    index,
    source: { file, page: index },
    widthPx: 2480,
    heightPx: 3508,
    dpi: 300,
    rotation: 0,
    deskewDeg: 0,
    origin: 'ocr',
    lang: 'vie',
    meanConfidence: 90,
    blocks,
  };
}

export function wordsFile(pages: string[], file = 'scan.pdf'): OcrWordsFile {
  return {
    format: 'hoso-ocr-words',
    version: 1,
    createdAt: new Date().toISOString(),
    pages: pages.map((t, i) => ocrPageFromText(t, i, file)),
  };
}

let hashSeed = 0;
export function storedFile(name: string, pageCount: number, hash?: string): StoredFile {
  hashSeed++;
  return {
    hash: hash ?? hashSeed.toString(16).padStart(8, '0') + 'a'.repeat(56),
    name,
    size: 1000 * pageCount,
    mime: 'application/pdf',
    pages: Array.from({ length: pageCount }, (_, index) => ({
      index,
      widthPx: 2480,
      heightPx: 3508,
      dpi: 300,
      hasText: false,
    })),
    existed: false,
  };
}
