import sharp, { type Sharp } from 'sharp';
import { deflateSync } from 'node:zlib';
import type { PageSource } from '../types';
import type { DictEntries } from './pdf-syntax';
import { readPngParts } from './png-chunks';
import { g4Passthrough, readTiffBytes } from '../decode/tiff-directory';

/**
 * The scan of a page as a PDF image XObject, pixels untouched (they are evidence): JPEG bytes pass
 * through as DCTDecode, PNG data passes through as FlateDecode with PNG predictors, CCITT G4 TIFF
 * strips pass through as CCITTFaxDecode; anything else is decoded once and stored losslessly
 * (Flate), greyscale as one channel and bilevel as one bit per pixel.
 */
export interface ImageXObject {
  entries: DictEntries;
  data: Uint8Array;
  /** Stored pixel size (before any rotation). */
  widthPx: number;
  heightPx: number;
}

export async function pageImage(source: PageSource): Promise<ImageXObject> {
  switch (source.format) {
    case 'jpeg':
      return jpegImage(source.fileBytes);
    case 'png':
      return pngImage(source.fileBytes);
    case 'tiff':
      return tiffImage(source.fileBytes, source.pageInFile);
    case 'pdf':
      throw new Error('PDF pages are copied, not embedded as images');
  }
}

async function jpegImage(bytes: Uint8Array): Promise<ImageXObject> {
  // sharp reads the header only; width/height are the stored ones (EXIF orientation not applied).
  const meta = await sharp(bytes).metadata();
  const channels = meta.channels ?? 3;
  const colourSpace = channels === 1 ? '/DeviceGray' : channels === 4 ? '/DeviceCMYK' : '/DeviceRGB';
  return {
    widthPx: meta.width,
    heightPx: meta.height,
    data: bytes,
    entries: {
      ...imageEntries(meta.width, meta.height, colourSpace, 8),
      Filter: '/DCTDecode',
      // Adobe CMYK JPEGs are stored inverted.
      Decode: channels === 4 ? '[1 0 1 0 1 0 1 0]' : undefined,
    },
  };
}

async function pngImage(bytes: Uint8Array): Promise<ImageXObject> {
  const png = readPngParts(bytes);
  const colours = png.colourType === 2 ? 3 : 1;
  const passthrough =
    !png.interlaced &&
    !png.hasTransparency &&
    (png.colourType === 0 || png.colourType === 2 || png.colourType === 3);
  if (passthrough && png.idat.length > 0 && (png.colourType !== 3 || png.palette)) {
    const colourSpace =
      png.colourType === 3
        ? `[/Indexed /DeviceRGB ${png.palette!.length / 3 - 1} <${Buffer.from(png.palette!).toString('hex')}>]`
        : colours === 3
          ? '/DeviceRGB'
          : '/DeviceGray';
    return {
      widthPx: png.width,
      heightPx: png.height,
      data: Buffer.concat(png.idat),
      entries: {
        ...imageEntries(png.width, png.height, colourSpace, png.bitDepth),
        Filter: '/FlateDecode',
        DecodeParms: `<< /Predictor 15 /Colors ${colours} /BitsPerComponent ${png.bitDepth} /Columns ${png.width} >>`,
      },
    };
  }
  return decodedImage(sharp(bytes));
}

async function tiffImage(bytes: Uint8Array, page: number): Promise<ImageXObject> {
  const dir = (await readTiffBytes(bytes))[page];
  if (!dir) throw new Error(`TIFF has no page ${page + 1}`);
  const g4 = g4Passthrough(bytes, dir);
  if (g4) {
    return {
      widthPx: dir.width,
      heightPx: dir.height,
      data: g4,
      entries: {
        ...imageEntries(dir.width, dir.height, '/DeviceGray', 1),
        Filter: '/CCITTFaxDecode',
        // The codec's white runs are white in a WhiteIsZero TIFF (photometric 0, the fax norm);
        // a BlackIsZero G4 TIFF stores them the other way round.
        DecodeParms: `<< /K -1 /Columns ${dir.width} /Rows ${dir.height} /BlackIs1 ${dir.photometric === 1} >>`,
      },
    };
  }
  return decodedImage(sharp(bytes, { page }), dir.bitsPerSample === 1 && dir.samplesPerPixel === 1);
}

/** Decode once, store losslessly: greyscale stays one channel, bilevel one bit per pixel. */
async function decodedImage(image: Sharp, bilevel = false): Promise<ImageXObject> {
  const meta = await image.metadata();
  const grey = bilevel || meta.channels === 1 || (meta.channels === 2 && meta.space === 'b-w');
  const pipeline = image.flatten({ background: '#ffffff' });
  const { data, info } = await (grey ? pipeline.toColourspace('b-w') : pipeline.toColourspace('srgb'))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  if (bilevel) {
    const rowBytes = Math.ceil(width / 8);
    const packed = Buffer.alloc(rowBytes * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (data[(y * width + x) * channels] >= 128) packed[y * rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
      }
    }
    return flateImage(packed, width, height, '/DeviceGray', 1);
  }
  const pixels = channels === 1 || channels === 3 ? data : dropExtraChannels(data, channels, grey ? 1 : 3);
  return flateImage(pixels, width, height, grey ? '/DeviceGray' : '/DeviceRGB', 8);
}

function dropExtraChannels(data: Buffer, from: number, to: number): Buffer {
  const out = Buffer.alloc((data.length / from) * to);
  for (let i = 0, o = 0; i < data.length; i += from) for (let c = 0; c < to; c++) out[o++] = data[i + c];
  return out;
}

function flateImage(pixels: Uint8Array, width: number, height: number, colourSpace: string, bits: number) {
  return {
    widthPx: width,
    heightPx: height,
    data: deflateSync(pixels),
    entries: { ...imageEntries(width, height, colourSpace, bits), Filter: '/FlateDecode' },
  };
}

function imageEntries(width: number, height: number, colourSpace: string, bits: number): DictEntries {
  return {
    Type: '/XObject',
    Subtype: '/Image',
    Width: width,
    Height: height,
    ColorSpace: colourSpace,
    BitsPerComponent: bits,
  };
}

/** A PDF page rendered at the source's dpi, stored losslessly (Flate). */
export async function renderedPdfPage(source: PageSource): Promise<ImageXObject> {
  // pdf.js is loaded only when a born-digital page is forced through OCR.
  const { PdfPages } = await import('../decode/pdf-render');
  const pdf = await PdfPages.open(source.fileBytes);
  try {
    const { data, width, height, channels } = await pdf.render(source.pageInFile, source.dpi);
    return decodedImage(sharp(data, { raw: { width, height, channels } }));
  } finally {
    await pdf.close();
  }
}
