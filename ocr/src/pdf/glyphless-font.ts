import { deflateSync } from 'node:zlib';
import type { PdfFileWriter } from './pdf-file-writer';
import { dict, ref } from './pdf-syntax';

/**
 * The invisible-text font, after Tesseract's and OCRmyPDF's "GlyphLessFont": a Type0 font over a
 * CIDFontType2 whose CIDs are UTF-16 code units (Identity-H), every CID drawn by the one empty glyph
 * of a 572-byte TrueType, and a ToUnicode CMap mapping each code back to itself. Every Vietnamese
 * letter (NFC, all in the BMP) therefore round-trips through pdftotext and copy-paste, and the file
 * carries no real font. Each glyph advances half an em (DW 500); words are fitted with Tz.
 */

/** Tesseract's pdf.ttf (tessdata/pdf.ttf, Apache-2.0): one empty glyph, no outlines. */
const GLYPHLESS_TTF = Buffer.from(
  'AAEAAAAKAIAAAwAgT1MvMlbeyJQAAAEoAAAAYGNtYXAACgA0AAABkAAAAB5nbHlmFSJBJAAAAbgAAAAYaGVhZAt48WUAAACsAAAANmhoZWEMAgQCAAAA5AAAACRobXR4BAAAAAAAAYgAAAAIbG9jYQAMAAAAAAGwAAAABm1heHAABAAFAAABCAAAACBuYW1l8usW2gAAAdAAAABLcG9zdAABAAEAAAIcAAAAIAABAAAAAQAAsJRxEF8PPPUEBwgAAAAAAM+a/G4AAAAA1MOn8gAAAAAEAAgAAAAAEAACAAAAAAAAAAEAAAgA//8AAAQAAAAAAAQAAAEAAAAAAAAAAAAAAAAAAAACAAEAAAACAAQAAQAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAwAAAZAABQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAUAAQABAAAAAAAAAAAAAAAAAAAAAAAAAAAAR09PRwBAAAAAAAAB//8AAAABAAGAAAAAAAAAAAAAAAAAAAABAAAAAAAABAAAAAAAAAIAAQAAAAAAFAADAAAAAAAUAAYACgAAAAAAAAAAAAAAAAAMAAAAAQAAAAAEAAgAAAMAADEhESEEAPwACAAAAAADACoAAAADAAAABQAWAAAAAQAAAAAABQALABYAAwABBAkABQAWAAAAVgBlAHIAcwBpAG8AbgAgADEALgAwVmVyc2lvbiAxLjAAAAEAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAA=',
  'base64',
);

/** Advance of every glyph, in thousandths of an em. */
export const GLYPH_ADVANCE = 500;

const TO_UNICODE = [
  '/CIDInit /ProcSet findresource begin',
  '12 dict begin',
  'begincmap',
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
  '/CMapName /Adobe-Identity-UCS def',
  '/CMapType 2 def',
  '1 begincodespacerange',
  '<0000> <FFFF>',
  'endcodespacerange',
  '1 beginbfrange',
  '<0000> <FFFF> <0000>',
  'endbfrange',
  'endcmap',
  'CMapName currentdict /CMap defineresource pop',
  'end',
  'end',
].join('\n');

let cidToGidMap: Buffer | undefined;
/** Every CID (0..65535) to glyph 1, the empty glyph: 128 KiB raw, a few hundred bytes deflated. */
function cidToGid(): Buffer {
  if (!cidToGidMap) {
    const raw = Buffer.alloc(65536 * 2);
    for (let i = 0; i < 65536; i++) raw[i * 2 + 1] = 1;
    cidToGidMap = deflateSync(raw, { level: 9 });
  }
  return cidToGidMap;
}

/** Writes the font's objects and returns the Type0 font's object number (one per file). */
export async function writeGlyphlessFont(writer: PdfFileWriter): Promise<number> {
  const fontFile = writer.allocate();
  await writer.writeStream(fontFile, { Length1: GLYPHLESS_TTF.length }, GLYPHLESS_TTF);
  const map = writer.allocate();
  await writer.writeStream(map, { Filter: '/FlateDecode' }, cidToGid());
  const toUnicode = writer.allocate();
  await writer.writeContent(toUnicode, TO_UNICODE);
  // Ascent 1000 / Descent -1: a word's extent as text extractors compute it (baseline − ascent to
  // baseline − descent) is then exactly its box when the font size is the box height and the
  // baseline its bottom. Poppler ignores a Descent of 0, hence −1.
  const descriptor = await writer.add(
    dict({
      Type: '/FontDescriptor',
      FontName: '/GlyphLessFont',
      Flags: 5,
      FontBBox: '[0 -1 500 1000]',
      ItalicAngle: 0,
      Ascent: 1000,
      Descent: -1,
      CapHeight: 1000,
      StemV: 80,
      FontFile2: ref(fontFile),
    }),
  );
  const cidFont = await writer.add(
    dict({
      Type: '/Font',
      Subtype: '/CIDFontType2',
      BaseFont: '/GlyphLessFont',
      CIDSystemInfo: '<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>',
      FontDescriptor: ref(descriptor),
      DW: GLYPH_ADVANCE,
      CIDToGIDMap: ref(map),
    }),
  );
  return writer.add(
    dict({
      Type: '/Font',
      Subtype: '/Type0',
      BaseFont: '/GlyphLessFont',
      Encoding: '/Identity-H',
      DescendantFonts: `[${ref(cidFont)}]`,
      ToUnicode: ref(toUnicode),
    }),
  );
}

/** A string shown with the glyphless font: its UTF-16 code units as 2-byte hex codes. */
export function glyphlessHex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}
