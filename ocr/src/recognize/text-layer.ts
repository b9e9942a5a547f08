import type { OcrBlock, OcrLang, OcrPage } from '@hoso/contracts';
import type { PageSource } from '../types';
import { meanConfidence } from './to-page';

/** A born-digital PDF page keeps its own text: no recognition, words taken from its text layer. */
export function textLayerPage(source: PageSource, blocks: OcrBlock[], lang: OcrLang): OcrPage {
  return {
    index: source.index,
    source: { file: source.file, page: source.pageInFile },
    widthPx: source.widthPx,
    heightPx: source.heightPx,
    dpi: source.dpi,
    rotation: 0,
    deskewDeg: 0,
    origin: 'text-layer',
    lang,
    meanConfidence: blocks.length ? meanConfidence(blocks) : 100,
    blocks,
  };
}
