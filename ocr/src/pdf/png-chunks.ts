/**
 * Reads a PNG's header and compressed image data so lossless scans go into the PDF without being
 * decoded: PDF's FlateDecode with the PNG predictors (/Predictor 15) reads IDAT data as it is.
 */
export interface PngParts {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlaced: boolean;
  palette?: Uint8Array;
  hasTransparency: boolean;
  idat: Uint8Array[];
}

export function readPngParts(bytes: Uint8Array): PngParts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  const parts: PngParts = {
    width: 0,
    height: 0,
    bitDepth: 8,
    colourType: 0,
    interlaced: false,
    hasTransparency: false,
    idat: [],
  };
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) throw new Error('PNG chunk is truncated');
    if (type === 'IHDR') {
      parts.width = view.getUint32(at + 8);
      parts.height = view.getUint32(at + 12);
      parts.bitDepth = data[8];
      parts.colourType = data[9];
      parts.interlaced = data[12] === 1;
    } else if (type === 'PLTE') parts.palette = data;
    else if (type === 'tRNS') parts.hasTransparency = true;
    else if (type === 'IDAT') parts.idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  return parts;
}
