import type { Box } from '@hoso/contracts';
import { decodePDFRawStream, PDFArray, PDFRawStream, PDFRef, PDFStream, type PDFPage } from 'pdf-lib';
import { GLYPH_ADVANCE } from './glyphless-font';

/**
 * Reads back the invisible text layer HoSo writes (text-layer.ts): per word `Tf` (size = box
 * height), `Tm` (box bottom-left), `Tz` (stretch) and one hex string of UTF-16 codes in the
 * glyphless font, all in render mode 3. Its boxes are exact, where a generic extractor shares a
 * run's width among its letters. Words come back in reading order, in lines, in the page's user
 * space (points, y up).
 */
export interface LayerWord {
  text: string;
  /** x0, y0 (bottom), x1, y1 (top) in user space. */
  box: Box;
}

const TOKEN =
  /<([0-9A-Fa-f\s]*)>|\/[^\s/[\]<>()%]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+|\((?:\\.|[^\\)])*\)|\[|\]/g;

export function readHosoTextLayer(page: PDFPage): LayerWord[][] {
  const content = pageContent(page);
  const lines: LayerWord[][] = [];
  const operands: string[] = [];
  let renderMode = 0;
  let size = 0;
  let scale = 100;
  let at: [number, number] = [0, 0];
  let last: LayerWord | undefined;
  for (const match of content.matchAll(TOKEN)) {
    const token = match[0];
    if (/^[A-Za-z'"*]+$/.test(token)) {
      switch (token) {
        case 'Tr':
          renderMode = Number(operands.at(-1));
          break;
        case 'Tf':
          size = Number(operands.at(-1));
          break;
        case 'Tz':
          scale = Number(operands.at(-1));
          break;
        case 'Tm':
          at = [Number(operands.at(-2)), Number(operands.at(-1))];
          break;
        case 'Q':
          renderMode = 0;
          break;
        case 'Tj': {
          const hex = operands.at(-1);
          if (renderMode !== 3 || !hex?.startsWith('<')) break;
          const text = utf16Hex(hex.slice(1, -1));
          if (!text.trim()) break; // the stretched spaces between words
          const glyphs = text.length;
          const width = (glyphs * size * (GLYPH_ADVANCE / 1000) * scale) / 100;
          const word: LayerWord = {
            text: text.normalize('NFC'),
            box: [at[0], at[1], at[0] + width, at[1] + size],
          };
          const sameLine = last && Math.abs(last.box[1] - at[1]) < 0.5 && at[0] >= last.box[0];
          if (sameLine) lines[lines.length - 1].push(word);
          else lines.push([word]);
          last = word;
          break;
        }
      }
      operands.length = 0;
    } else operands.push(token);
  }
  return lines;
}

function utf16Hex(hex: string): string {
  const clean = hex.replace(/\s+/g, '');
  let text = '';
  for (let i = 0; i + 4 <= clean.length; i += 4)
    text += String.fromCharCode(parseInt(clean.slice(i, i + 4), 16));
  return text;
}

function pageContent(page: PDFPage): string {
  const contents = page.node.Contents();
  const items = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const parts: string[] = [];
  for (const item of items) {
    const stream = item instanceof PDFRef ? page.doc.context.lookup(item) : item;
    if (stream instanceof PDFRawStream)
      parts.push(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'));
    else if (stream instanceof PDFStream) parts.push(Buffer.from(stream.getContents()).toString('latin1'));
  }
  return parts.join('\n');
}
